"""Who made a statement: the claimant of a sentence."""

from __future__ import annotations

import pytest

from frontwatch.nlp.pipeline import load_pipeline


def _claimant(text: str) -> str | None:
    found = load_pipeline()(text)._.attributions
    return found[0].claimant if found else None


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        ("On 12 Aug the regional police said a car hit a mine near the road.", "the regional police"),
        (
            "On 12 August 2022 Russia's defence ministry reported that its forces hit a depot.",
            "Russia's defence ministry",
        ),
        ("On Aug 12 the command said two of its soldiers were wounded.", "the command"),
        ("On 12 Aug, the General Staff said the attack was repelled.", "the General Staff"),
    ],
)
def test_a_date_before_the_source_with_no_comma(text, claimant):
    """A note may run its date straight into the body that reports; the date is no part of the claimant."""
    assert _claimant(text) == claimant


def test_a_dated_note_without_a_statement_has_no_claimant():
    assert _claimant("On 12 Aug Russian forces shelled the village.") is None
