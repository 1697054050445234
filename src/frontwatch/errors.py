"""The exception tree: every error frontwatch raises on purpose.

    FrontwatchError                      root; carries an HTTP status for the API
    ├── InputError (ValueError)          the user's input is wrong: fix the input          400
    │   ├── InvalidGeometry              no polygons, projected CRS, unrepairable rings     422
    │   ├── UnknownLayer                 a colour or layer name with no mapping             422
    │   ├── MissingTime                  a snapshot whose time cannot be determined         422
    │   ├── UnreadableFile               truncated, non-JSON, invalid UTF-8, binary, empty  422
    │   └── UnresolvableDate             a date expression that cannot be resolved          422
    ├── NotFound (LookupError)           a path, snapshot, event or article that is absent 404
    ├── DataUnavailable (LookupError)    the store has no data for the period asked          404
    ├── StoreError (RuntimeError)        the database cannot be opened, migrated or written 500
    ├── FetchError (OSError)             a remote source did not answer as expected         502
    ├── AuthError (PermissionError)      a missing or wrong token on a write endpoint       401
    └── ConfigError (ValueError)         a bad setting or option combination                400

Operational errors (the world is not as expected) are these; programmer errors
(wrong types passed by code) stay ordinary TypeErrors and are not caught by the CLI.
"""

from __future__ import annotations


class FrontwatchError(Exception):
    """Root of every error frontwatch raises deliberately."""

    status: int = 500
    code: str = "error"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def to_dict(self) -> dict[str, object]:
        """The one JSON error body shape used by the CLI (--json) and the HTTP API."""
        body: dict[str, object] = {"error": self.code, "message": self.message, "status": self.status}
        if self.path:
            body["path"] = self.path
        return body


class InputError(FrontwatchError, ValueError):
    status = 400
    code = "bad_input"


class InvalidGeometry(InputError):
    status = 422
    code = "invalid_geometry"


class UnknownLayer(InputError):
    status = 422
    code = "unknown_layer"


class MissingTime(InputError):
    status = 422
    code = "missing_time"


class UnreadableFile(InputError):
    status = 422
    code = "unreadable_file"


class UnresolvableDate(InputError):
    status = 422
    code = "unresolvable_date"


class ConfigError(FrontwatchError, ValueError):
    status = 400
    code = "bad_config"


class NotFound(FrontwatchError, LookupError):
    status = 404
    code = "not_found"


class DataUnavailable(FrontwatchError, LookupError):
    status = 404
    code = "data_unavailable"


class StoreError(FrontwatchError, RuntimeError):
    status = 500
    code = "store_error"


class FetchError(FrontwatchError, OSError):
    status = 502
    code = "fetch_failed"


class AuthError(FrontwatchError, PermissionError):
    status = 401
    code = "unauthorized"
