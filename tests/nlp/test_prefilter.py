"""The codebook's prefilter only skips rules that cannot match: classify gives what running every rule gives."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from frontwatch.nlp.codebook import COMPILED, NEGATION, REQUIRED, RULES
from frontwatch.nlp.events import classify
from frontwatch.nlp.prefilter import ASCII_FOLDING, lowered, may_match, required_literals

ROOT = Path(__file__).resolve().parents[2]


def classify_every_rule(sentence: str):
    """classify without the prefilter: every rule runs, in order."""
    for rank, (sub, pattern) in enumerate(COMPILED):
        required = REQUIRED[rank]
        if required is not None and not required.search(sentence):
            continue
        for m in pattern.finditer(sentence):
            if not NEGATION.search(sentence[: m.start()][-60:]):
                return sub, rank, m.start(), m.end()
    return None


def _sentences() -> list[str]:
    out = [s for rule in RULES for s in (*rule.examples, *rule.counter_examples)]
    for name in ("events-terse.jsonl", "terse-independent.jsonl"):
        for line in (ROOT / "eval/gold" / name).read_text(encoding="utf-8").splitlines():
            out += re.split(r"(?<=[.!?])\s+", json.loads(line)["text"])
    return out


SENTENCES = _sentences()
TRICKY = [
    "Russia’s drones struck Kharkiv’s outskirts.",  # a typographic apostrophe: non-ASCII, still filtered
    "Russian forces ſhelled the village.",  # long s: re.IGNORECASE takes it for "s"
    "ARTILLERY SHELLED THE TOWN OF İZYUM.",
    "The \u212aamikaze drone hit a depot.",  # the Kelvin sign matches "k"
    "",
]


def test_ascii_folding_is_every_non_ascii_character_ignorecase_takes_for_ascii():
    every = "".join(chr(i) for i in range(128, 0x110000) if not 0xD800 <= i < 0xE000)
    assert set(re.findall(r"[\x00-\x7f]", every, re.IGNORECASE)) == ASCII_FOLDING


@pytest.mark.parametrize("sentence", TRICKY)
def test_tricky_sentences_classify_as_with_every_rule(sentence):
    assert classify(sentence) == classify_every_rule(sentence)


def test_classify_is_unchanged_on_the_codebook_and_the_terse_gold():
    assert len(SENTENCES) > 1000
    differ = [s for s in SENTENCES if classify(s) != classify_every_rule(s)]
    assert differ == []


def test_no_rule_is_skipped_where_it_matches():
    rules = [(pattern, required_literals(pattern)) for _, pattern in COMPILED]
    for sentence in SENTENCES + TRICKY:
        low = lowered(sentence)
        for pattern, literals in rules:
            if not may_match(literals, low):
                assert pattern.search(sentence) is None, (pattern.pattern[:60], sentence)


def test_the_index_skips_exactly_what_each_rules_literals_skip():
    from frontwatch.nlp.prefilter import LiteralIndex

    sets = [required_literals(p) for _, p in COMPILED]
    index = LiteralIndex(sets)
    for sentence in SENTENCES[:300] + TRICKY:
        low = lowered(sentence)
        assert index.candidates(low) == [i for i, s in enumerate(sets) if may_match(s, low)]


def test_most_rules_have_literals_and_most_are_skipped():
    literals = [required_literals(p) for _, p in COMPILED]
    assert sum(lit is not None for lit in literals) >= len(COMPILED) * 0.8
    low = lowered("The mayor opened a new school on Monday.")
    assert sum(not may_match(lit, low) for lit in literals) >= len(COMPILED) * 0.8


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:shell(?:ed|ing)|artillery)", {"shell", "artillery"}),
        (r"shelled|shell", {"shell"}),  # a literal holding a shorter one adds nothing
        (r"(?:heavy )?shelling", {"shelling"}),  # an optional part is not required
        (r"(?:mortar|\w+ fire)", {"mortar", " fire"}),
        (r"(?:mortar|\w+ed)", None),  # one alternative has no literal: nothing is certain
        (r"drones?", {"drone"}),
        (r"(?:air ?)+strikes", {"strikes"}),
        (r"(?<!not )attack", {"attack"}),  # a look-behind is not part of the match
        (r"\bab\b", None),  # too short to filter
        (r"k\u212aeb", None),  # a non-ASCII literal: not used
    ],
)
def test_required_literals(pattern, expected):
    found = required_literals(re.compile(pattern, re.IGNORECASE))
    assert (None if found is None else set(found)) == expected


def test_lowered_refuses_the_folding_characters():
    assert lowered("Russia’s Drones") == "russia’s drones"
    assert lowered("ſhelled") is None
    assert may_match(frozenset({"shell"}), None)
    assert not may_match(frozenset({"shell"}), "a quiet day")
