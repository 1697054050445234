"""Every 4xx and 5xx answer has one JSON body: ``{"error", "message", "status"}``.

A :class:`~frontwatch.errors.FrontwatchError` carries its own status and ``to_dict()``; request
validation errors, unknown routes and unexpected failures are mapped to the same shape here.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import FrontwatchError
from .limits import BodyTooLarge

log = logging.getLogger("frontwatch.api")

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "body_too_large", 415: "unsupported_media_type",
               422: "invalid_request", 429: "too_many_requests"}


class ErrorBody(BaseModel):
    """The body of every error answer."""

    error: str
    message: str
    status: int
    path: str | None = None


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message, "status": status}, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body"))
        got = err.get("input")
        shown = repr(got) if isinstance(got, str | int | float) and len(repr(got)) < 60 else None
        parts.append(f"{where or 'request'}: {err.get('msg', 'invalid')}" + (f" (got {shown})" if shown else ""))
    return "; ".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that give every error the one JSON shape."""

    @app.exception_handler(FrontwatchError)
    async def _frontwatch(_: Request, exc: FrontwatchError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(422, "invalid_request", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "error")
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(BodyTooLarge)
    async def _too_large(_: Request, exc: BodyTooLarge) -> JSONResponse:
        return error_response(413, "body_too_large", "request body is above the server's limit (max_body_bytes)")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return error_response(500, "internal_error", f"unexpected {type(exc).__name__}; see the server log")


#: The error answers documented on every route (OpenAPI), so clients and fuzzers know their shape.
ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    status: {"model": ErrorBody, "description": code.replace("_", " ")}
    for status, code in ((400, "bad_request"), (404, "not_found"), (413, "body_too_large"),
                         (422, "invalid_request"), (500, "internal_error"))
}
