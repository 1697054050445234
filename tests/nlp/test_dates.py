"""Dates resolved against the publication date, with their precision."""

from __future__ import annotations

from datetime import date

import pytest

from frontwatch.nlp.dates import find_dates

FRI = date(2024, 5, 17)  # a Friday


def _one(text, published=FRI):
    found = find_dates(text, published)
    assert len(found) == 1, found
    m = found[0]
    return m.start_date.isoformat(), m.end_date.isoformat(), m.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shelling on Friday killed one", ("2024-05-17", "2024-05-17", "day")),
        ("Shelling on Wednesday killed one", ("2024-05-15", "2024-05-15", "day")),
        ("last Friday a drone hit", ("2024-05-10", "2024-05-10", "day")),
        ("drones flew overnight", ("2024-05-16", "2024-05-17", "range")),
        ("launched on May 10 an offensive", ("2024-05-10", "2024-05-10", "day")),
        ("on 10 May an offensive", ("2024-05-10", "2024-05-10", "day")),
        ("liberated 12 settlements over the last week", ("2024-05-10", "2024-05-17", "week")),
        ("took 278 km2 between May 9 and 15", ("2024-05-09", "2024-05-15", "range")),
        ("from 28 April to 3 May they advanced", ("2024-04-28", "2024-05-03", "range")),
        ("yesterday a missile struck", ("2024-05-16", "2024-05-16", "day")),
        ("in March the front held", ("2024-03-01", "2024-03-31", "month")),
        # a sentence may open with its month or year
        ("In March, the front held", ("2024-03-01", "2024-03-31", "month")),
        ("During 2019 a gas attack killed dozens", ("2019-01-01", "2019-12-31", "year")),
        ("In 2017, a gas attack killed dozens", ("2017-01-01", "2017-12-31", "year")),
        ("in September the front held", ("2023-09-01", "2023-09-30", "month")),
        ("two days ago a missile struck", ("2024-05-15", "2024-05-15", "day")),
        ("5 killed in past 24 hours", ("2024-05-16", "2024-05-16", "day")),
        ("on 2022-02-24 the invasion began", ("2022-02-24", "2022-02-24", "day")),
        ("on February 24, 2022 the invasion began", ("2022-02-24", "2022-02-24", "day")),
        # the forms of conflict-database notes (ACLED's "Event Time"; tools/terse_forms.py)
        ("On the night of 5-6 May drones flew", ("2024-05-05", "2024-05-06", "range")),
        ("During the night of 5/6 May drones flew", ("2024-05-05", "2024-05-06", "range")),
        ("Overnight 30 April-1 May drones flew", ("2024-04-30", "2024-05-01", "range")),
        ("On the night of 30 April to 1 May drones flew", ("2024-04-30", "2024-05-01", "range")),
        ("From 13 to 15 May 2024, the village was shelled", ("2024-05-13", "2024-05-15", "range")),
        ("Between 3 and 5 May, the village was shelled", ("2024-05-03", "2024-05-05", "range")),
        ("On 13-15 May 2024 the village was shelled", ("2024-05-13", "2024-05-15", "range")),
        ("on 5 and 6 May the village was shelled", ("2024-05-05", "2024-05-06", "range")),
        ("on the 8th of May 2024 a mine exploded", ("2024-05-08", "2024-05-08", "day")),
        ("On 8 May. 2 killed", ("2024-05-08", "2024-05-08", "day")),
        ("On 5 Feb. 2023, a drone hit", ("2023-02-05", "2023-02-05", "day")),
        ("On 05/02/2023 a drone hit", ("2023-02-05", "2023-02-05", "day")),
        ("The day before yesterday a mine exploded", ("2024-05-15", "2024-05-15", "day")),
        ("Over the past day, 3 were wounded", ("2024-05-16", "2024-05-16", "day")),
        ("On the night of Wednesday to Thursday drones flew", ("2024-05-15", "2024-05-16", "range")),
        ("Overnight into Thursday drones flew", ("2024-05-15", "2024-05-16", "range")),
        ("This night, drones attacked Odesa", ("2024-05-16", "2024-05-17", "range")),
        ("During the night, drones attacked Odesa", ("2024-05-16", "2024-05-17", "range")),
        # a headline's count over a week ("in one week", "over seven days"): the week up to publication
        ("Shelling kills four soldiers in one week", ("2024-05-10", "2024-05-17", "week")),
        ("Two wounded in the course of one week", ("2024-05-10", "2024-05-17", "week")),
        ("Three killed in Donbas over seven days", ("2024-05-10", "2024-05-17", "week")),
    ],
)
def test_resolves(text, expected):
    assert _one(text) == expected


def test_year_rolls_over_in_january():
    assert _one("a strike on December 30", date(2024, 1, 3))[0] == "2023-12-30"
    assert _one("between December 28 and January 2", date(2024, 1, 3))[:2] == ("2023-12-28", "2024-01-02")


def test_durations_and_modal_may_are_not_dates():
    assert find_dates("their biggest gains in a year and a half, in weeks", FRI) == []
    # a deadline ahead is no past week: "in seven days" and "within a week" may look forward
    assert find_dates("troops must withdraw within a week", FRI) == []
    assert find_dates("the ceasefire starts in seven days", FRI) == []
    assert find_dates("the army may 10 times more", FRI) == []


def test_relative_dates_need_a_publication_date():
    assert find_dates("on Friday drones hit", None) == []
    assert find_dates("on 10 May 2024 drones hit", None)[0].start_date == date(2024, 5, 10)


def test_impossible_dates_are_skipped():
    assert find_dates("on February 30 a strike", FRI) == []


def test_a_relative_date_beyond_the_calendar_is_left_unresolved():
    from frontwatch.nlp.dates import find_dates

    assert find_dates("Russian forces shelled the town yesterday.", date(1, 1, 1)) == []
    assert [d.start_date for d in find_dates("shelled on 2 March 2023", date(1, 1, 1))] == [date(2023, 3, 2)]


def test_acled_coded_to_date_replaces_the_reported_one():
    from datetime import date

    from frontwatch.nlp.dates import find_dates

    found = find_dates("Interception: overnight on 14 July 2024 (coded to 13 July), drones downed.", date(2024, 7, 15))
    assert [str(m.start_date) for m in found if m.precision == "day"] == ["2024-07-13"]
    plain = find_dates("On 14 July 2024 drones hit Odesa; on 13 July they hit Izmail.", date(2024, 7, 15))
    assert [str(m.start_date) for m in plain] == ["2024-07-14", "2024-07-13"]


def test_the_last_day_of_a_month_is_no_relative_date():
    assert [m.text for m in find_dates("on the last day of May", FRI)] == []


def test_numbers_and_dashes_without_a_month_are_no_range():
    assert find_dates("from 2 to 3 km away, 1-2 shells", FRI) == []


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("On 5 May 2024 a drone hit X. The next day, shells hit Y.", "2024-05-06"),
        ("On 5 May 2024 a drone hit X; two days later a mine exploded.", "2024-05-07"),
        ("On 5 May 2024 X was shelled. The previous day, Y was hit.", "2024-05-04"),
        ("On 5 May 2024 X was shelled. On the same day, Y was hit.", "2024-05-05"),
    ],
)
def test_a_day_counted_from_the_date_before(text, second):
    assert [m.start_date.isoformat() for m in find_dates(text, FRI)] == ["2024-05-05", second]


def test_a_day_counted_from_no_date_is_no_date():
    assert find_dates("The next day they left.", FRI) == []
