"""Group reports of one incident: blocking by place and date window, a pairwise score, constrained merging.

No all-pairs comparison: each report gets blocking keys (every place it names; a report naming none falls
back to its two rarest content words), and within a key only reports whose dates lie within ``window_days``
are compared (a sorted neighbourhood, capped at ``max_neighbours`` per report so one crowded key cannot
explode). Pairs scoring at least ``threshold`` are merged, best first, into clusters whose dates must stay
within ``window_days`` of each other and whose precise places must agree, so distinct incidents on the same
day in the same region (two towns, or a protest and a shelling) stay apart.

The score (0..1, see :func:`score`) is the TF-IDF cosine of the reports' content words, plus agreement
bonuses for the same place, the same death count and the same named target, minus a penalty per day apart.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .features import COMPATIBLE, Report


@dataclass(frozen=True)
class DedupSettings:
    """The knobs, with the values tuned on the UCDP dev set (bench/results/dedup.md)."""

    window_days: int = 7
    threshold: float = 0.5
    max_neighbours: int = 50
    place_bonus: float = 0.15
    deaths_bonus: float = 0.1
    target_bonus: float = 0.1
    day_penalty: float = 0.1
    deaths_penalty: float = 0.2


def idf_weights(reports: Sequence[Report]) -> dict[str, float]:
    """Smoothed inverse document frequency of every content word in this batch (1 + ln((n+1)/(df+1)), the
    smoothing scikit-learn uses, so that words shared by a small batch still count)."""
    df = Counter(w for r in reports for w in r.words)
    n = len(reports) + 1
    return {w: 1.0 + math.log(n / (c + 1)) for w, c in df.items()}


def _norms(reports: Sequence[Report], idf: dict[str, float]) -> list[float]:
    return [math.sqrt(sum(idf[w] ** 2 for w in r.words)) or 1.0 for r in reports]


def compatible(a: Report, b: Report) -> bool:
    """Hard constraints: a different town, or an incompatible event family, means a different incident."""
    if a.towns and b.towns and not a.towns & b.towns:
        return False
    if a.family and b.family and a.family != b.family and frozenset({a.family, b.family}) not in COMPATIBLE:
        return False
    if a.stated_days and b.stated_days and not a.stated_days & b.stated_days:
        return False
    if a.daily and b.daily and a.day != b.day:
        return False
    return True


def score(a: Report, b: Report, idf: dict[str, float], norm_a: float, norm_b: float, s: DedupSettings) -> float:
    """How likely two reports describe one incident (see the module docstring)."""
    if not compatible(a, b):
        return 0.0
    shared = a.words & b.words
    value = sum(idf[w] ** 2 for w in shared) / (norm_a * norm_b) if shared else 0.0
    if a.text == b.text:
        value = 1.0
    if not set(a.places).isdisjoint(b.places):
        value += s.place_bonus
    if a.deaths & b.deaths:
        value += s.deaths_bonus
    elif a.deaths and b.deaths:
        value -= s.deaths_penalty
    if a.targets & b.targets:
        value += s.target_bonus
    if a.day is not None and b.day is not None:
        value -= s.day_penalty * abs(a.day - b.day)
    return value


def blocking_keys(report: Report, idf: dict[str, float], max_idf: float) -> list[str]:
    """Places named, and the two rarest content words that another report shares, else the exact text."""
    shared = [w for w in report.words if idf[w] < max_idf]
    keys = list(report.places) + ["w:" + w for w in sorted(shared, key=lambda w: (-idf[w], w))[:2]]
    return keys or ["t:" + report.text.strip().lower()]


def candidate_pairs(reports: Sequence[Report], idf: dict[str, float], s: DedupSettings) -> set[tuple[int, int]]:
    """Pairs sharing a blocking key and within the date window (reports without a date are never paired)."""
    blocks: dict[str, list[Report]] = defaultdict(list)
    max_idf = max(idf.values(), default=0.0) - 1e-9  # the idf of a word only one report has
    for r in reports:
        if r.day is None:
            continue
        for key in blocking_keys(r, idf, max_idf):
            blocks[key].append(r)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda r: (r.day, r.index))
        for i, a in enumerate(members):
            stop = min(len(members), i + 1 + s.max_neighbours)
            for b in members[i + 1 : stop]:
                if b.day - a.day > s.window_days:  # type: ignore[operator]
                    break
                pairs.add((a.index, b.index) if a.index < b.index else (b.index, a.index))
    return pairs


class _Clusters:
    """Union-find whose roots remember their members' day range and precise places."""

    def __init__(self, reports: Sequence[Report]) -> None:
        self.parent = list(range(len(reports)))
        self.span = [(r.day, r.day) for r in reports]
        self.places = [r.towns for r in reports]

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def try_merge(self, i: int, j: int, window_days: int) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        (lo_i, hi_i), (lo_j, hi_j) = self.span[ri], self.span[rj]
        lo, hi = min(lo_i, lo_j), max(hi_i, hi_j)  # type: ignore[type-var]
        if hi - lo > window_days:  # type: ignore[operator]
            return False
        pi, pj = self.places[ri], self.places[rj]
        if pi and pj and not pi & pj:
            return False
        self.parent[rj] = ri
        self.span[ri] = (lo, hi)
        self.places[ri] = pi | pj
        return True


def cluster_reports(reports: Sequence[Report], settings: DedupSettings | None = None) -> list[int]:
    """A cluster number per report (the smallest index of its cluster), in input order."""
    s = settings or DedupSettings()
    idf = idf_weights(reports)
    norms = _norms(reports, idf)
    scored = []
    for i, j in candidate_pairs(reports, idf, s):
        value = score(reports[i], reports[j], idf, norms[i], norms[j], s)
        if value >= s.threshold:
            scored.append((-value, i, j))
    scored.sort()
    clusters = _Clusters(reports)
    for _, i, j in scored:
        clusters.try_merge(i, j, s.window_days)
    roots = [clusters.find(i) for i in range(len(reports))]
    first: dict[int, int] = {}
    for i, root in enumerate(roots):
        first.setdefault(root, i)
    return [first[root] for root in roots]


def pairs_of(labels: Iterable[int]) -> int:
    """How many same-cluster pairs a labelling implies."""
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())
