"""Who made a statement: the claimant of a sentence."""

from __future__ import annotations

import pytest
import spacy

from frontwatch.nlp.attribution import _tail_source
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


def test_a_source_after_the_last_comma_is_the_claimant():
    """Wire style puts the source last, before or after its verb; the parser may hang the verb on the report's
    own subject ("Nine soldiers ... says X")."""
    nlp = spacy.blank("en")
    src, _ = _tail_source(nlp("Six soldiers killed in attack on a post near Kreminna, says the army's spokesman")[:])
    assert src.text == "the army's spokesman"
    src, _ = _tail_source(nlp("Farmer dead after shelling of Vovchansk, governor reports")[:])
    assert src.text == "governor"
    assert _tail_source(nlp("The town, officials say, was quiet after the shelling.")[:]) is None
