"""URLs: fetch with httpx, with timeouts and a size cap; a dead URL is a FetchError naming it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import FetchError
from .text import MAX_INPUT_BYTES

if TYPE_CHECKING:
    import httpx

#: Connect/read timeouts (seconds): a news page answers in well under this; a hung server must not hold a batch.
TIMEOUT_S = 15.0


def fetch_url(
    url: str, *, max_bytes: int = MAX_INPUT_BYTES, transport: httpx.BaseTransport | None = None
) -> tuple[bytes, str]:
    """GET ``url`` following redirects; return (body, content type). Stops reading at ``max_bytes``."""
    import httpx

    try:
        with httpx.Client(
            timeout=TIMEOUT_S, follow_redirects=True, headers={"User-Agent": "frontwatch/0.1"}, transport=transport
        ) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code}; check the address", path=url)
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        raise FetchError(f"response larger than {max_bytes:,} bytes; not a news page", path=url)
                return bytes(body), response.headers.get("content-type", "")
    except httpx.HTTPError as exc:
        raise FetchError(
            f"cannot fetch ({type(exc).__name__}: {exc}); check the address and the network", path=url
        ) from None
