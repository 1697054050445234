"""Web addresses of articles: only ``http://`` and ``https://`` ones are stored and rendered.

An article's address becomes a link in the dashboard; a ``javascript:`` or ``data:`` address there
would run script in the dashboard's origin when clicked (issue 15), so any other scheme is refused
where articles enter (``POST /articles``, the store) and never made a link (``web/static/js/article.js``).

>>> check_web_url("https://example.org/news/1")
'https://example.org/news/1'
>>> check_web_url(" JavaScript:alert(1)")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
frontwatch.errors.InputError: article url 'JavaScript:alert(1)' is not a web address: ...
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .errors import InputError

SCHEMES = ("http", "https")


def check_web_url(url: str) -> str:
    """``url`` (stripped) when it is an absolute http(s) address with a host; InputError otherwise."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        parts = None
    # control characters and spaces inside a URL are how scheme filters are dodged ("java\tscript:")
    if parts is None or parts.scheme.lower() not in SCHEMES or not parts.netloc or any(
            ord(c) < 33 or c == "\x7f" for c in text):
        shown = text if len(text) <= 80 else text[:77] + "..."
        raise InputError(f"article url {shown!r} is not a web address: give an http:// or https:// URL, or none")
    return text
