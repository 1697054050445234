"""Merging with remembered scores and refusals gives the clusters of the plain algorithm (every check recomputed).

The reference below is the merging as it was before pair scores and refusals were remembered (bench/dedup.py
``--events-per-day``: 61 of 73 s of a dense store load went into recomputing them); both are run on random
batches of headlines (batch word weights, crowd penalty) and of extracted events (fixed weights).
"""

from __future__ import annotations

import itertools
import random
from datetime import date, timedelta
from itertools import combinations

import pytest

from frontwatch.dedup import report_of
from frontwatch.dedup.cluster import (
    DedupSettings,
    _norms,
    _site,
    candidate_pairs,
    canonical,
    contributions,
    crowd_of,
    deaths_conflict,
    idf_weights,
    link_components,
    merge_reports,
    places_conflict,
    score,
)
from frontwatch.dedup.features import Report, report_from_event
from frontwatch.scale.synth import article

PLACES = ["Donetsk", "Horlivka", "Avdiivka", "Mariupol", "Luhansk", "Shchastya", "Kharkiv", "Izium", "", ""]
WHAT = ["shelling", "mortar fire", "rocket attack", "clashes", "drone strike", "sniper fire", "ambush"]
WHO = ["soldiers", "civilians", "rebels", "servicemen", "people"]


def reference(reports: list[Report], s: DedupSettings) -> tuple[list[int], list[tuple[float, int, int]]]:
    """The merging without memory: every candidate pair and every linkage scored afresh."""
    idf = {} if s.fixed_weights else idf_weights(reports)
    norms = _norms(reports, idf)
    links = [(i, j) for i, j in candidate_pairs(reports, idf, s)
             if score(reports[i], reports[j], idf, norms[i], norms[j], s) >= s.threshold]
    crowd = crowd_of(reports, s, links)  # over the batch, or the pair's component with fixed weights

    def pair_score(i: int, j: int) -> float:
        return score(reports[i], reports[j], idf, norms[i], norms[j], s, crowd(reports[i], reports[j]))

    scored = sorted((-v, i, j) for i, j in candidate_pairs(reports, idf, s) if (v := pair_score(i, j)) >= s.threshold)
    parent, members = list(range(len(reports))), [[i] for i in range(len(reports))]
    span, sites = [(r.day, r.end) for r in reports], [{_site(r): r} for r in reports]

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def may_merge(ri: int, rj: int) -> bool:
        lo, hi = min(span[ri][0], span[rj][0]), max(span[ri][1], span[rj][1])
        if hi - lo > s.window_days or any(places_conflict(a, b) or deaths_conflict(a, b, s)
                                          for a in sites[ri].values() for b in sites[rj].values()):
            return False
        left, right = sorted(members[ri])[:16], sorted(members[rj])[:16]
        return len(left) * len(right) == 1 or \
            sum(pair_score(i, j) for i in left for j in right) / (len(left) * len(right)) >= s.linkage

    merged = []
    for v, i, j in scored:
        ri, rj = find(i), find(j)
        if ri != rj and may_merge(ri, rj):
            parent[rj] = ri
            members[ri] += members[rj]
            span[ri] = (min(span[ri][0], span[rj][0]), max(span[ri][1], span[rj][1]))
            sites[ri].update(sites[rj])
            merged.append((-v, i, j))
    return [find(i) for i in range(len(reports))], merged


def headlines(seed: int, n: int) -> list[Report]:
    """Look-alike headlines crowded on a few days: many candidate pairs, merges and refusals."""
    rng = random.Random(seed)
    rows = []
    for k in range(n):
        place = rng.choice(PLACES)
        killed = rng.choice(["", "", "two", "three", "5", "one"])
        text = f"{killed} {rng.choice(WHO)} killed in {rng.choice(WHAT)}" if killed else rng.choice(WHAT).capitalize()
        text += f" in {place}" if place else " in east Ukraine"
        day = date(2015, 2, 1) + timedelta(days=rng.randrange(6))
        rows.append({"doc_id": f"d{k:04d}", "text": text, "published": day.isoformat()})
    return canonical([report_of(i, row) for i, row in enumerate(rows)])[0]


def events(seed: int, articles: int) -> list[Report]:
    """Extracted events of synthetic articles (frontwatch.scale.synth), all moved onto two days."""
    reports = []
    for k in range(articles):
        doc = article(seed, k, words=300, events_mean=10)
        shift = date(2023, 3, 1) + timedelta(days=k % 2) - date.fromisoformat(doc["published"])
        for o, ev in enumerate(doc["events"]):
            for key in ("date_start", "date_end"):
                ev[key] = (date.fromisoformat(ev[key]) + shift).isoformat()
            reports.append(report_from_event(len(reports), f"{doc['doc_id']}#{o}", "", doc["published"], ev))
    return canonical(reports)[0]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_headlines_merge_as_the_reference_does(seed):
    reports = headlines(seed, 300)
    for s in (DedupSettings(), DedupSettings(max_neighbours=8), DedupSettings(linkage=0.7)):
        merging = merge_reports(reports, s)
        roots, merged = reference(reports, s)
        assert merging.merged == merged
        assert merging.roots == roots
        assert 20 < len(merged) < len(reports) - 20  # merges and refusals both happened: the test can fail


@pytest.mark.parametrize("seed", [1, 5])
def test_events_merge_as_the_reference_does(seed):
    reports = events(seed, 60)
    s = DedupSettings(fixed_weights=True)
    merging = merge_reports(reports, s)
    roots, merged = reference(reports, s)
    assert merging.merged == merged
    assert merging.roots == roots
    assert merged


def test_components_are_the_links_closed_under_sharing_a_report():
    reports = events(3, 40)
    s = DedupSettings(fixed_weights=True)
    merging = merge_reports(reports, s)
    norms = _norms(reports, {})
    linked = {(i, j) for i, j in candidate_pairs(reports, {}, s)
              if score(reports[i], reports[j], {}, norms[i], norms[j], s) >= s.threshold}
    assert set(merging.links) == linked and linked
    roots = link_components(len(reports), merging.links)
    for i, j in linked:
        assert roots[i] == roots[j]
    # every cluster lies inside one component, and a component's root is its smallest report
    assert all(roots[i] == roots[r] for i, r in enumerate(merging.roots))
    assert all(roots[i] <= i for i in range(len(reports)))


def test_contributions_are_symmetric():
    """Scores are remembered per unordered pair: that needs a symmetric score."""
    reports = headlines(4, 80)
    idf = idf_weights(reports)
    norms = _norms(reports, idf)
    for a, b in itertools.pairwise(reports):
        forward = dict(contributions(a, b, idf, norms[a.index], norms[b.index], DedupSettings(), 40))
        backward = dict(contributions(b, a, idf, norms[b.index], norms[a.index], DedupSettings(), 40))
        assert forward == pytest.approx(backward, abs=1e-12)


def oblast_day(seed: int, n: int) -> list[Report]:
    """``n`` extracted shelling events placed only in Donetsk oblast, on one day: one crowded component."""
    rng = random.Random(seed)
    pool = ["houses", "power", "line", "school", "damaged", "destroyed", "overnight", "artillery", "residential",
            "quarter", "gas", "pipeline", "roof", "windows", "morning", "civilian"]
    where = {"name": "Donetsk Oblast", "admin1": "Donetsk", "country": "UA", "precision": 3}
    reports = []
    for k in range(n):
        text = "Shelling " + " ".join(rng.sample(pool, 6))
        event = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling/artillery/missile attack",
                 "date_start": "2023-03-01", "date_end": "2023-03-01", "location": where,
                 "evidence": {"text": text, "start": 0, "end": len(text)}}
        reports.append(report_from_event(k, f"o{k:03d}#0", text, "2023-03-01", event))
    return canonical(reports)[0]


def test_the_store_counts_the_crowd_within_a_component():
    """With fixed weights (the store) the crowd is counted over the pair's component: a crowded component
    merges less than without the crowd, and a component clusters the same alone or beside others."""
    crowded = oblast_day(1, 90)
    s = DedupSettings(fixed_weights=True)
    merging = merge_reports(crowded, s)
    plain = merge_reports(crowded, DedupSettings(fixed_weights=True, crowd_penalty=0))
    assert merging.links == plain.links  # components do not depend on the crowd
    assert len(set(link_components(len(crowded), merging.links))) < len(crowded) - s.crowd_base
    assert len(merging.merged) < len(plain.merged)
    others = [r for r in events(2, 30) if r.day != crowded[0].day]
    both, _ = canonical([*crowded, *others])
    beside = merge_reports(both, s)
    place = {r.doc_id: k for k, r in enumerate(both)}
    assert [merging.roots[i] == merging.roots[j] for i, j in combinations(range(len(crowded)), 2)] == \
        [beside.roots[place[a.doc_id]] == beside.roots[place[b.doc_id]] for a, b in combinations(crowded, 2)]


_SCORES = """
import random
from frontwatch.dedup import report_of
from frontwatch.dedup.cluster import DedupSettings, _norms, idf_weights, text_similarity
rng = random.Random(1)
vocab = [f"word{k}" for k in range(60)]
reports = [report_of(i, {"doc_id": str(i), "text": " ".join(rng.sample(vocab, 12)), "published": "2015-01-01"})
           for i in range(40)]
idf = idf_weights(reports)
norms = _norms(reports, idf)
print([repr(text_similarity(a, b, idf, norms[a.index], norms[b.index], DedupSettings()))
       for a in reports for b in reports])
"""


def test_scores_do_not_depend_on_string_hashing():
    """Sets of words iterate in an order that changes with each process's string hashing: a sum rounded in
    that order put scores at the threshold on either side of it from one run to the next."""
    import os
    import subprocess
    import sys

    outputs = {subprocess.run([sys.executable, "-c", _SCORES], env={**os.environ, "PYTHONHASHSEED": str(seed)},
                              capture_output=True, text=True, check=True).stdout for seed in range(1, 5)}
    assert len(outputs) == 1
