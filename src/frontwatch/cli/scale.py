"""``frontwatch scale ...``: filled in by the scale-out feature."""

from __future__ import annotations

from . import app  # noqa: F401
