"""Precomputed changes between consecutive snapshots (owned by the territory-analysis work)."""

from __future__ import annotations


def refresh_steps(store, source: str) -> None:  # type: ignore[no-untyped-def]
    """Bring the precomputed consecutive-snapshot changes of ``source`` up to date (placeholder)."""
