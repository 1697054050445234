"""How ``frontwatch serve`` hands its options to uvicorn's worker processes: through the environment,
which each worker reads in :func:`build_from_environment` (uvicorn's ``factory=True``)."""

from __future__ import annotations

import os

from fastapi import FastAPI

from ..config import SETTINGS, Settings
from .app import create_app

_TARGET = "FRONTWATCH_SERVE_DB"


def export_environment(target: str, settings: Settings) -> None:
    """Put the store target and every setting into this process's environment (inherited by workers)."""
    os.environ[_TARGET] = str(target)
    for setting in SETTINGS:
        value = getattr(settings, setting.name)
        if setting.name == "api_token_file":  # already read into api_token: the workers take it from there
            value = None
        key = f"FRONTWATCH_{setting.name.upper()}"
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = str(value)


def build_from_environment() -> FastAPI:
    """The app for the target and settings exported by :func:`export_environment`."""
    return create_app(os.environ[_TARGET], settings=Settings.load())
