"""Generated tests of rules as data: one case per example (must give the rule's sub-type) and per
counter-example (must not)."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from frontwatch.nlp.codebook import Rule


def reach_cases(rules: Iterable[Rule]) -> list:
    """``(sub_event_type, text, expected)`` pytest params for every example and counter-example of ``rules``."""
    rules = list(rules)
    return [
        pytest.param(rule.sub_event_type, text, True, id=f"{rule.sub_event_type}: {rule.name}: {text[:50]}")
        for rule in rules
        for text in rule.examples
    ] + [
        pytest.param(rule.sub_event_type, text, False, id=f"not {rule.sub_event_type}: {rule.name}: {text[:50]}")
        for rule in rules
        for text in rule.counter_examples
    ]
