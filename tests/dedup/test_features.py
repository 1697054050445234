"""What a report's text gives dedup: numbers are read after a wire service's slug."""

from __future__ import annotations

from frontwatch.dedup.features import headline_body, report_from_text


def test_a_wire_slug_is_not_a_death_toll():
    slugged = report_from_text(0, "a", "UPDATE 2-Army says rebels shelled a border post overnight", None)
    assert slugged.deaths == frozenset() and slugged.death_range is None
    assert not slugged.figures
    told = report_from_text(1, "b", "WRAPUP 1-Rebels hit army convoy near Izium, 14 killed", None)
    assert told.deaths == frozenset({14})
    # a number that starts a headline without a slug is still read
    assert report_from_text(2, "c", "2 soldiers killed near Avdiivka", None).deaths == frozenset({2})


def test_only_a_leading_capitalised_slug_is_removed():
    assert headline_body("RPT-One civilian killed") == "One civilian killed"
    assert headline_body("Update on the Donetsk shelling - officials") == "Update on the Donetsk shelling - officials"
    assert headline_body("Shelling: UPDATE 2-") == "Shelling: UPDATE 2-"
