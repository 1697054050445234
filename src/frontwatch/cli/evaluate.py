"""``frontwatch evaluate``: filled in by its feature."""

from __future__ import annotations

from . import app  # noqa: F401
