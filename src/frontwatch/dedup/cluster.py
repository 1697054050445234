"""Group reports of one incident: blocking by place hierarchy and date window, a pairwise score, constrained merging.

No all-pairs comparison: each report gets blocking keys (its settlement and the administrative units above it,
see :mod:`.hierarchy`; a report naming no place falls back to its two rarest content words), and within a key
only reports whose date ranges lie within ``window_days`` are compared (a sorted neighbourhood, capped at
``max_neighbours`` per report so one crowded key cannot explode). Pairs scoring at least ``threshold`` are
merged, best first, into clusters whose dates stay within ``window_days`` and whose places stay compatible
(no two settlements, no two units of one level), so distinct incidents on one day in one oblast stay apart.

The result depends on the set of reports only, never on their order: reports are put in a canonical order
(doc_id, date, text) before anything is numbered, and ties between pair scores are broken in that order.

The score (see :func:`contributions`) is the cosine of the reports' content words (TF-IDF over the batch, or
set-independent unit weights when ``fixed_weights``), plus agreement bonuses for the same place, death count,
named target and named entity, minus a penalty per day apart and one for a crowded place and day (at war
intensity, see :mod:`.density`); :func:`conflict` names the hard constraints.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .density import Crowd
from .features import COMPATIBLE, Report
from .hierarchy import compatible_places, distance_km


@dataclass(frozen=True)
class DedupSettings:
    """The knobs, with the values tuned on the UCDP dev reports of 2014-2017 (bench/results/dedup.md)."""

    window_days: int = 7
    threshold: float = 0.5
    max_neighbours: int = 50
    place_bonus: float = 0.15
    deaths_bonus: float = 0.1
    target_bonus: float = 0.1
    entity_bonus: float = 0.1
    day_penalty: float = 0.1
    #: Subtracted when neither report names a settlement: at war intensity an oblast holds dozens of
    #: incidents a day, so reports placed no finer need more in common to be one.
    imprecise_penalty: float = 0.2
    #: Subtracted when both reports count one thing (attacks, wounded) with different numbers.
    figure_penalty: float = 0.3
    #: Mean pair score two clusters' reports must reach to merge (average linkage): a chain of pairs above
    #: the threshold does not make one incident of reports that have little in common.
    linkage: float = 0.5
    deaths_penalty: float = 0.2
    #: Death tolls whose ranges differ by more than this factor (and by 3 or more) are different incidents.
    deaths_ratio: float = 3.0
    #: Word weights that do not depend on the batch (the store's incremental clustering needs them).
    fixed_weights: bool = False
    #: Days apart two extracted date ranges may lie (an incident's own dates, at their precision: a day,
    #: a week, a month): ACLED codes one event per day and place, so reports of one incident share its date.
    event_window_days: int = 0
    #: Subtracted per unit of ln(crowd / crowd_base), where the crowd is the batch's reports of the pair's
    #: days and finest common place (:mod:`.density`): at war intensity a shared oblast (or a city shelled
    #: daily) and day is no evidence. 0 turns it off; the store counts it over the pair's component.
    crowd_penalty: float = 0.1
    crowd_base: float = 30.0
    #: Shared content words below which the text similarity is scaled down (a headline that is only a place
    #: and one noun, "X airport", says nothing of which incident it reports); 0 turns it off.
    min_shared_words: int = 2
    #: Days apart within which identical texts are copies of one report (score 1.0): a copy carries its
    #: report's date, while one headline repeated days apart is a recurring title (a column, a bulletin).
    copy_days: int = 7


#: ACLED sub-event types that reports of one incident may give differently (ACLED codebook 2023): remote fire
#: is often misnamed (shell vs missile vs drone), territory changes are told as clashes; other sub-types of one
#: event type are different incidents (a landmine is not an air strike, an arrest is not an agreement).
SUBTYPE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset({"Shelling/artillery/missile attack", "Air/drone strike", "Grenade"}),
    frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}),
    frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}),
    frozenset({"Violent demonstration", "Mob violence"}),
)
_GROUP_OF = {sub: i for i, group in enumerate(SUBTYPE_GROUPS) for sub in group}


def idf_weights(reports: Sequence[Report]) -> dict[str, float]:
    """Smoothed inverse document frequency of every content word in this batch (1 + ln((n+1)/(df+1)), the
    smoothing scikit-learn uses, so that words shared by a small batch still count)."""
    df = Counter(w for r in reports for w in r.words)
    n = len(reports) + 1
    return {w: 1.0 + math.log(n / (c + 1)) for w, c in df.items()}


def _norms(reports: Sequence[Report], idf: dict[str, float]) -> list[float]:
    # fsum: a set's order changes with the process's string hashing, and a rounding that depends on it made
    # scores at the threshold (and so clusters) differ from one run to the next
    return [math.sqrt(math.fsum(idf.get(w, 1.0) ** 2 for w in r.words)) or 1.0 for r in reports]


def gap_days(a: Report, b: Report) -> int | None:
    """Days between two reports' date ranges (0 when they overlap), None when either has no date."""
    if a.day is None or b.day is None:
        return None
    return max(0, b.day - a.end, a.day - b.end)  # type: ignore[operator]


def places_conflict(a: Report, b: Report) -> str | None:
    """Why two reports cannot share a place (different settlements or units), or None."""
    if a.place is not None and b.place is not None:
        if not compatible_places(a.place, b.place):
            return f"different places ({', '.join(a.place.keys)} vs {', '.join(b.place.keys)})"
        return None
    if a.towns and b.towns and not a.towns & b.towns:
        return f"different settlements ({', '.join(sorted(a.towns))} vs {', '.join(sorted(b.towns))})"
    if a.regions and b.regions and not a.regions & b.regions:
        return f"different regions ({', '.join(sorted(a.regions))} vs {', '.join(sorted(b.regions))})"
    return None


def deaths_conflict(a: Report, b: Report, s: DedupSettings) -> str | None:
    """Why two death tolls cannot be one incident's (ranges far apart), or None."""
    if a.death_range is None or b.death_range is None:
        return None
    low, high = max(a.death_range[0], b.death_range[0]), min(a.death_range[1], b.death_range[1])
    if low > s.deaths_ratio * high and low - high >= 3:
        return f"incompatible death tolls ({a.death_range} vs {b.death_range})"
    return None


def conflict(a: Report, b: Report, s: DedupSettings) -> str | None:
    """The hard constraint two reports break (then they are different incidents), or None."""
    reason = places_conflict(a, b)
    if reason:
        return reason
    if a.family and b.family and a.family != b.family and frozenset({a.family, b.family}) not in COMPATIBLE:
        return f"incompatible event types ({a.family} vs {b.family})"
    if a.sub_type and b.sub_type and a.sub_type != b.sub_type and a.family == b.family and \
            _GROUP_OF.get(a.sub_type, a.sub_type) != _GROUP_OF.get(b.sub_type, b.sub_type):
        return f"incompatible sub-types ({a.sub_type} vs {b.sub_type})"
    if a.stated_days and b.stated_days and not a.stated_days & b.stated_days:
        return "different dates written in the texts"
    if a.daily and b.daily and a.day != b.day:
        return "daily bulletins of different days"
    gap = gap_days(a, b)
    window = s.event_window_days if a.exact and b.exact else s.window_days
    if gap is not None and gap > window:
        return f"{gap} days apart (window {window})"
    return deaths_conflict(a, b, s)


def _copies(a: Report, b: Report, s: DedupSettings) -> bool:
    """Whether two reports are copies of one (identical texts within ``copy_days``)."""
    return a.text == b.text and (gap_days(a, b) or 0) <= s.copy_days


def text_similarity(a: Report, b: Report, idf: dict[str, float], norm_a: float, norm_b: float,
                    s: DedupSettings) -> float:
    """The cosine of the content words (1.0 for identical texts: copies of one report), scaled down when
    the two share fewer than ``min_shared_words`` words."""
    if _copies(a, b, s):
        return 1.0
    shared = a.words & b.words
    thin = len(shared) < s.min_shared_words
    cosine = math.fsum(idf.get(w, 1.0) ** 2 for w in shared) / (norm_a * norm_b) if shared else 0.0
    return cosine * len(shared) / s.min_shared_words if thin else cosine


def contributions(a: Report, b: Report, idf: dict[str, float], norm_a: float, norm_b: float,
                  s: DedupSettings, crowd: int = 0) -> list[tuple[str, float]]:
    """The parts of a pair's score, by name (their sum is :func:`score`); ``crowd`` is the pair's crowd
    (:mod:`.density`), 0 when unknown."""
    parts = [("text similarity", text_similarity(a, b, idf, norm_a, norm_b, s))]
    if not set(a.places).isdisjoint(b.places):
        parts.append(("same place", s.place_bonus))
    if a.deaths & b.deaths:
        parts.append(("same death count", s.deaths_bonus))
    elif a.deaths and b.deaths:
        parts.append(("different death counts", -s.deaths_penalty))
    if a.targets & b.targets:
        parts.append(("same target", s.target_bonus))
    if a.entities & b.entities:
        parts.append(("shared names", s.entity_bonus))
    gap = gap_days(a, b)
    if gap:
        parts.append((f"{gap} days apart", -s.day_penalty * gap))
    if s.figure_penalty and a.figures and b.figures:
        counted = {noun for noun, _ in a.figures} & {noun for noun, _ in b.figures}
        if any({v for n, v in a.figures if n == noun}.isdisjoint({v for n, v in b.figures if n == noun})
               for noun in counted):
            parts.append(("different figures", -s.figure_penalty))
    if s.imprecise_penalty and not a.towns and not b.towns:
        parts.append(("no settlement named", -s.imprecise_penalty))
    if s.crowd_penalty and crowd > s.crowd_base and not _copies(a, b, s):
        parts.append(("crowded days and place", -s.crowd_penalty * math.log(crowd / s.crowd_base)))
    return parts


def crowd_part(a: Report, b: Report, s: DedupSettings, crowd: Callable[[Report, Report], int]) -> float:
    """The crowd's part of a pair's score (the last of :func:`contributions`), 0 when there is none."""
    if not s.crowd_penalty or _copies(a, b, s):
        return 0.0
    count = crowd(a, b)
    return -s.crowd_penalty * math.log(count / s.crowd_base) if count > s.crowd_base else 0.0


def score(a: Report, b: Report, idf: dict[str, float], norm_a: float, norm_b: float, s: DedupSettings,
          crowd: int = 0) -> float:
    """How likely two reports describe one incident (0 when a hard constraint separates them)."""
    if conflict(a, b, s):
        return 0.0
    return sum(value for _, value in contributions(a, b, idf, norm_a, norm_b, s, crowd))


def explain_reports(a: Report, b: Report, s: DedupSettings | None = None,
                    idf: dict[str, float] | None = None, crowd: int = 0) -> dict[str, object]:
    """Why two reports are (or are not) one incident: the constraint that separates them, or the score's parts."""
    s = s or DedupSettings()
    idf = idf if idf is not None and not s.fixed_weights else {}
    norm_a, norm_b = _norms([a, b], idf)
    parts = contributions(a, b, idf, norm_a, norm_b, s, crowd)
    reason = conflict(a, b, s)
    total = 0.0 if reason else sum(v for _, v in parts)
    km = distance_km(a.place, b.place) if a.place and b.place else None
    return {"a": a.doc_id, "b": b.doc_id, "score": round(total, 4), "threshold": s.threshold,
            "same_incident": reason is None and total >= s.threshold, "separated_by": reason,
            "parts": {name: round(value, 4) for name, value in parts},
            "shared_words": sorted(a.words & b.words), "shared_places": sorted(set(a.places) & set(b.places)),
            "distance_km": None if km is None else round(km, 1), "days_apart": gap_days(a, b), "crowd": crowd}


def blocking_keys(report: Report, idf: dict[str, float], max_idf: float, fixed: bool = False) -> list[str]:
    """Places and units named, and the two rarest content words that another report shares, else the text.

    With ``fixed`` (set-independent clustering) a report is blocked by its places alone, and one without a
    place by its event type: rare words depend on the batch."""
    if fixed:
        return sorted(set(report.places) | report.regions) or ["u:" + (report.sub_type or report.family or "")]
    shared = [w for w in report.words if idf.get(w, 0.0) < max_idf]
    keys = sorted(set(report.places) | report.regions | {"w:" + w for w in sorted(
        shared, key=lambda w: (-idf[w], w))[:2]})
    return keys or ["t:" + report.text.strip().lower()]


def candidate_pairs(reports: Sequence[Report], idf: dict[str, float], s: DedupSettings) -> set[tuple[int, int]]:
    """Pairs sharing a blocking key and within the date window (reports without a date are never paired)."""
    blocks: dict[str, list[Report]] = defaultdict(list)
    max_idf = max(idf.values(), default=0.0) - 1e-9  # the idf of a word only one report has
    for r in reports:
        if r.day is None:
            continue
        for key in blocking_keys(r, idf, max_idf, s.fixed_weights):
            blocks[key].append(r)
    # set-independent clustering compares every pair in the window: a cap would depend on the neighbours
    cap = len(reports) if s.fixed_weights else s.max_neighbours
    # reports dated by their incidents (extracted events) pair only within the event window
    dated = [r for r in reports if r.day is not None]
    window = s.event_window_days if dated and all(r.exact for r in dated) else s.window_days
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        members.sort(key=lambda r: (r.day, r.index))
        if _is_unit(key):
            # within a unit (oblast, raion) two reports that both name a settlement meet only in that
            # settlement's own block (different settlements are different incidents anyway): pair the
            # reports placed no finer than the unit with every report of the unit
            loose = [r for r in members if not r.towns]
            _window_pairs(loose, members, cap, window, pairs)
        else:
            _window_pairs(members, members, cap, window, pairs)
    return pairs


def _is_unit(key: str) -> bool:
    """A blocking key of an administrative unit (GeoNames admin1, or a P-code shorter than a settlement's)."""
    return key.startswith("a:") or (key.startswith("p:") and len(key) < 14)


def _window_pairs(left: list[Report], members: list[Report], cap: int, window: int,
                  pairs: set[tuple[int, int]]) -> None:
    """Add pairs of a report of ``left`` and a later one of ``members`` (both sorted by day) within the window."""
    position = {r.index: k for k, r in enumerate(members)}
    # the latest end among members[:k + 1]: members are sorted by their first day, not their last, so looking back
    # a report that starts earlier may still reach ``a`` past a nearer one that ends sooner (stopping at the first
    # that ends too early made the pairs depend on which other reports were in the set)
    reach = list(itertools.accumulate((r.end or 0 for r in members), max)) if left is not members else []
    for a in left:
        start = position[a.index] + 1
        for b in members[start : start + cap]:
            if b.day - a.end > window:  # type: ignore[operator]
                break
            pairs.add((a.index, b.index) if a.index < b.index else (b.index, a.index))
        for k in range(start - 2, max(-1, start - 2 - cap), -1) if left is not members else ():
            if a.day - reach[k] > window:  # type: ignore[operator]
                break  # no report before this one reaches a
            b = members[k]
            if a.day - b.end <= window:  # type: ignore[operator]
                pairs.add((a.index, b.index) if a.index < b.index else (b.index, a.index))


class _Clusters:
    """Union-find whose roots remember their members' date range and distinct places."""

    def __init__(self, reports: Sequence[Report], settings: DedupSettings,
                 pair_score: Callable[[int, int], float] | None = None) -> None:
        self.reports = reports
        self.settings = settings
        self.pair_score = pair_score
        self.head = [[i] for i in range(len(reports))]  # a cluster's first 16 members, in canonical order
        self.parent = list(range(len(reports)))
        self.span = [(r.day, r.end) for r in reports]
        self.sites: list[dict[tuple[object, ...], Report]] = [{_site(r): r} for r in reports]
        #: merges a root has taken in; a refused pair of roots is refused again until either takes one in
        self.version = [0] * len(reports)
        self.refused: dict[tuple[int, int], tuple[int, int]] = {}

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def try_merge(self, i: int, j: int) -> bool:
        """Merge the clusters of i and j unless their dates or any two of their places disagree."""
        ri, rj = self.find(i), self.find(j)
        if ri == rj:
            return True
        # whether two clusters may merge depends on their members alone: a refusal holds until either cluster
        # changes, so the many candidate pairs between two crowded clusters cost one check (kept per order:
        # the linkage's sum is rounded in the order the two clusters are taken)
        key, state = (ri, rj), (self.version[ri], self.version[rj])
        if self.refused.get(key) == state:
            return False
        span = self._joint_span(ri, rj)
        if span is None or not self._compatible(ri, rj) or (
                self.settings.linkage and self.pair_score is not None and not self._linked(ri, rj, self.pair_score)):
            self.refused[key] = state
            return False
        self.parent[rj] = ri
        self.head[ri] = sorted(self.head[ri] + self.head[rj])[:16]  # the first 16 of the two clusters' firsts
        self.span[ri] = span
        self.sites[ri].update(self.sites[rj])
        self.version[ri] += 1
        return True

    def _joint_span(self, ri: int, rj: int) -> tuple[int, int] | None:
        """The dates two clusters would span together, None when wider than the window."""
        (lo_i, hi_i), (lo_j, hi_j) = self.span[ri], self.span[rj]
        lo, hi = min(lo_i, lo_j), max(hi_i, hi_j)  # type: ignore[type-var]
        return None if hi - lo > self.settings.window_days else (lo, hi)  # type: ignore[operator,return-value]

    def _compatible(self, ri: int, rj: int) -> bool:
        """No two places or death tolls of the two clusters disagree."""
        for a in self.sites[ri].values():
            for b in self.sites[rj].values():
                if places_conflict(a, b) or deaths_conflict(a, b, self.settings):
                    return False
        return True

    def _linked(self, ri: int, rj: int, pair_score: Callable[[int, int], float]) -> bool:
        """Average linkage: the mean score over pairs of the two clusters' reports (the first 16 of each,
        in canonical order, so one crowded cluster costs a bounded amount) reaches ``linkage``."""
        left, right = self.head[ri], self.head[rj]
        if len(left) * len(right) == 1:
            return True
        total = sum(pair_score(i, j) for i in left for j in right)
        return total / (len(left) * len(right)) >= self.settings.linkage


def _site(r: Report) -> tuple[object, ...]:
    """What a cluster must keep compatible across its members: place and death toll."""
    return (r.place, r.towns, r.regions, r.death_range)


def canonical(reports: Sequence[Report]) -> tuple[list[Report], list[int]]:
    """The reports renumbered in an order that depends on their content only (doc_id, date, text), and the
    input position of each."""
    order = sorted(range(len(reports)), key=lambda i: (reports[i].doc_id, reports[i].day or 0, reports[i].text, i))
    return [dataclasses.replace(reports[i], index=k) for k, i in enumerate(order)], order


@dataclass(frozen=True)
class Merging:
    """What merging a batch gives: a root per report (reports in canonical order), the merged pairs
    (score, i, j) best first, the candidate pairs whose score without the crowd reaches the threshold (the
    links that make the store's components), and the crowd each pair was scored with."""

    roots: list[int]
    merged: list[tuple[float, int, int]]
    links: list[tuple[int, int]]
    crowd: Callable[[Report, Report], int]


def merge_reports(reports: Sequence[Report], settings: DedupSettings | None = None) -> Merging:
    """Score the candidate pairs and merge the clusters of those at or above the threshold, best first.

    The crowd (:mod:`.density`) is counted over the batch; with set-independent weights (the store) over the
    pair's component instead (the reports linked to it, :func:`link_components`), which depends on the
    component alone, never on what else is clustered with it."""
    s = settings or DedupSettings()
    idf = {} if s.fixed_weights else idf_weights(reports)
    norms = _norms(reports, idf)
    known: dict[tuple[int, int], float | None] = {}  # the score is symmetric: each pair is scored once

    def base_score(i: int, j: int) -> float | None:
        """The pair's score without the crowd's part, None when a hard constraint separates the two."""
        key = (i, j) if i < j else (j, i)
        if key not in known:
            a, b = reports[key[0]], reports[key[1]]
            known[key] = None if conflict(a, b, s) else \
                sum(v for _, v in contributions(a, b, idf, norms[key[0]], norms[key[1]], s))
        return known[key]

    candidates = sorted(candidate_pairs(reports, idf, s))
    links = [(i, j) for i, j in candidates if (base_score(i, j) or 0.0) >= s.threshold]
    crowd = crowd_of(reports, s, links)

    def pair_score(i: int, j: int) -> float:
        value = base_score(i, j)
        return 0.0 if value is None else value + crowd_part(reports[i], reports[j], s, crowd)

    scored = sorted((-value, i, j) for i, j in candidates if (value := pair_score(i, j)) >= s.threshold)
    clusters = _Clusters(reports, s, pair_score)
    merged = [(-v, i, j) for v, i, j in scored if clusters.find(i) != clusters.find(j) and clusters.try_merge(i, j)]
    return Merging([clusters.find(i) for i in range(len(reports))], merged, links, crowd)


def link_components(n: int, links: Iterable[tuple[int, int]]) -> list[int]:
    """A component root (its smallest report) per report of ``n``: reports joined by a chain of links."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in links:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return [find(i) for i in range(n)]


def merge_pairs(reports: Sequence[Report], settings: DedupSettings | None = None,
                ) -> tuple[list[int], list[tuple[float, int, int]]]:
    """A root per report (reports in canonical order) and the merged pairs (score, i, j), best first."""
    merging = merge_reports(reports, settings)
    return merging.roots, merging.merged


def crowd_of(reports: Sequence[Report], s: DedupSettings,
             links: Iterable[tuple[int, int]] | None = None) -> Callable[[Report, Report], int]:
    """The crowd of a pair (:mod:`.density`): counted over the batch, or with set-independent weights over the
    pair's component of ``links`` (the store clusters a component at a time; without links, always 0);
    always 0 when the penalty is off."""
    if not s.crowd_penalty:
        return lambda a, b: 0
    if not s.fixed_weights:
        return Crowd(reports).of
    if links is None:
        return lambda a, b: 0
    roots = link_components(len(reports), links)
    members: dict[int, list[Report]] = defaultdict(list)
    for r in reports:
        members[roots[r.index]].append(r)
    crowds = {root: Crowd(group) for root, group in members.items() if len(group) > s.crowd_base}
    quiet = Crowd(())
    return lambda a, b: crowds.get(roots[a.index], quiet).of(a, b) if roots[a.index] == roots[b.index] else 0


def cluster_reports(reports: Sequence[Report], settings: DedupSettings | None = None) -> list[int]:
    """A cluster number per report (the smallest input index of its cluster), in input order; the same
    partition whatever the order of ``reports``."""
    ordered, order = canonical(reports)
    roots, _ = merge_pairs(ordered, settings)
    by_input = {i: k for k, i in enumerate(order)}  # input index -> canonical position
    first: dict[int, int] = {}
    for i in range(len(reports)):
        first.setdefault(roots[by_input[i]], i)
    return [first[roots[by_input[i]]] for i in range(len(reports))]
