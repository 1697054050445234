"""Find place names in text: spaCy's GPE/LOC/FAC entities when a parsed Doc is given, plus a gazetteer
phrase matcher over capitalised word runs for the names a small model misses (Ukrainian villages,
transliterated towns).

Region words that follow a name ("Kharkiv region", "Bryansk oblast") are kept in the span so that the
resolver can tell the oblast from its centre.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .gazetteer import COUNTRY, HROMADA, RAION, REGION, SEA, SETTLEMENT, Entry
from .names import key
from .qualifiers import contained_by_qualifier
from .resolver import Resolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

_CAPITALISED_RUN = re.compile(
    r"[A-ZА-ЯІЇЄҐ][\w'’ʼ-]*(?:\s+(?:(?:of|the|de|del|la|on|upon|am|an|na)\s+)?[A-ZА-ЯІЇЄҐ][\w'’ʼ-]*)*"
)
_REGION_TAIL = re.compile(
    r"\s+(?:[Rr]egion|[Oo]blast|[Pp]rovince|[Kk]rai|[Dd]istrict|[Cc]ounty|[Pp]arish|[Pp]eninsula|[Rr]aion|[Rr]ayon|"
    r"[Hh]romada|(?:[Tt]erritorial\s+)?[Cc]ommunity)\b"
)
# Words before a village's name that say it is a place ("near Volfyne", "the village of Robotyne").
_PLACE_CUE = re.compile(
    r"(?:\bnear|\bin|\bon|\bat|\bof|\bfrom|\btowards?|\boutside|\bshelled|\bstruck|\bhit|\battacked|\bcaptured|"
    r"\bliberated|\bentered|\bdirection)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
ENTITY_LABELS = ("GPE", "LOC", "FAC")
#: One name "in" another, as an entity: a village and its region ("Marinka in Dnipropetrovsk"), not one name.
_NAME_IN_NAME = re.compile(r"[A-ZА-ЯІЇЄҐ][\w'’ʼ-]+\s+in\s+(?:the\s+)?[A-ZА-ЯІЇЄҐ]")
#: Capitalised words that are also names of small places in GeoNames but in news are something else.
STOPWORDS = frozenset(
    key(w) for w in (
        "January February March April May June July August September October November December Monday Tuesday "
        "Wednesday Thursday Friday Saturday Sunday The A An He She It They We I You This That These Those But And "
        "Or If When While After Before As At In On Of For From By With Without Police President Minister Governor "
        "General Army Navy Air Force Forces Ministry Defense Defence Office Department State Mayor Council Court "
        "City Town Village Region County Street Road Avenue North South East West Central Mr Mrs Ms Dr St Sgt "
        "Capt Col Lt Gen Reuters AFP AP Associated Press Monitor Union Republic Federation Kremlin Pentagon "
        "Parliament Duma Rada God Christmas Easter Sheriff Deputy Officer Chief Judge Senate House Congress "
        "Paradise Hope Liberty Victory Friendship Progress Pioneer Success Unity Zero One Two Three Many More "
        "Most Some Several Both All Other Such Mobile Best Ukrainian Russian American "
        # weapons named in war reports, also names of small places somewhere
        "Grad Uragan Smerch Tornado Iskander Kalibr Kinzhal Tochka Shahed Geran Lancet Kh Tor Buk Pantsir Patriot "
        "KAB KABs FAB UMPK HIMARS ATACMS MLRS Caesar Bradley Leopard Abrams Zircon Oniks Onyx"
    ).split()
)
_REGION_WORDS = frozenset({"region", "oblast", "province", "krai", "district", "county", "parish", "governor",
                           "city", "state", "republic", "peninsula", "sea", "river", "raion", "area", "front"})
MIN_POPULATION = 5_000  # phrase-matched settlements outside the focus countries
MIN_POPULATION_FOCUS = 500
MIN_POPULATION_VARIANT = 20_000  # found through a variant spelling or alternate name


def find_spans(text: str, *, doc: Doc | None = None, resolver: Resolver) -> list[tuple[int, int, str]]:
    """Character spans ``(start, end, source)`` of place names, sorted, without overlaps."""
    spans: list[tuple[int, int, str]] = []
    others: list[tuple[int, int, str]] = []  # people, organisations: "Vladimir" in "Vladimir Putin" is no place
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ in ENTITY_LABELS:
                # "Savenky, Sumy" tagged as one LOC: the name is the part before the comma, the rest its qualifier
                cut = ent.text.find(",")
                spans.append((ent.start_char, ent.start_char + cut if cut > 0 else ent.end_char, "ner"))
            elif not any(ch in ent.text for ch in ",()") and not _NAME_IN_NAME.match(ent.text):
                # "Kaharlyk, Obukhivskyi raion" or "Teplianka in Kharkiv" tagged ORG: a place and its qualifier,
                # not a name hiding a place
                others.append((ent.start_char, ent.end_char, ent.label_))
    for s, e, src in _extend_region_words(text, _gazetteer_spans(text, resolver)):
        # a name inside a longer entity is part of it ("Vladimir" in "Vladimir Putin"); but the small model
        # mislabels whole place names ("Kyiv" as PERSON, "Krasnodar Krai" as ORG), so an equal span stands
        if not any(os_ <= s and e <= oe and (s, e) != (os_, oe) for os_, oe, _ in others):
            spans.append((s, e, src))
    spans = _extend_region_words(text, _without_overlaps(spans))
    return _without_overlaps(qualified_spans(text, spans, resolver))


def _gazetteer_spans(text: str, resolver: Resolver) -> list[tuple[int, int, str]]:
    """The longest sub-runs of capitalised words that name a known place."""
    out = []
    for run in _CAPITALISED_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        i = 1 if len(words) > 1 and words[0].group(0) in ("The", "THE") else 0  # "The Krasnodar ..."
        while i < len(words):
            for j in range(min(len(words), i + 4), i, -1):
                start = run.start() + words[i].start()
                end = run.start() + words[j - 1].end()
                while end > start and text[end - 1] in ".,;:'’":
                    end -= 1
                if text[start:end].endswith(("'s", "’s")):  # "Russia's Krasnodar Krai"
                    end -= 2
                if _followed_by_a_name(words, j) or _preceded_by_a_name(words, i):
                    continue  # "Vladimir Putin", "Washington Post", "Jack London"
                if _is_place(text[start:end], resolver, sentence_start=_sentence_start(text, start)) or \
                        _is_cued_village(text, start, end, resolver):
                    out.append((start, end, "gazetteer"))
                    i = j - 1
                    break
            i += 1
    return out


def _followed_by_a_name(words: list[re.Match[str]], j: int) -> bool:
    """The match runs on into a capitalised word that is neither a title nor a region word."""
    if j >= len(words) or words[j - 1].group(0).endswith(("'s", "’s")):
        return False
    nxt = key(words[j].group(0))
    return bool(nxt) and nxt not in STOPWORDS and nxt not in _REGION_WORDS and words[j].group(0)[0].isupper()


def _preceded_by_a_name(words: list[re.Match[str]], i: int) -> bool:
    if i == 0 or words[i - 1].group(0).endswith(("'s", "’s")):
        return False
    prev = key(words[i - 1].group(0))
    return bool(prev) and prev not in STOPWORDS and words[i - 1].group(0)[0].isupper()


def _is_place(name: str, resolver: Resolver, *, sentence_start: bool) -> bool:
    k = key(name)
    if not k or k in STOPWORDS or len(k) < 3:
        return False
    for e in resolver.gaz.lookup(name):
        if e.kind == COUNTRY and _is_demonym(k, e):
            continue  # "Russians", "a Ukrainian drone": an actor, not a place
        if e.kind in (COUNTRY, REGION, SEA, HROMADA, RAION):
            return True
        if e.kind == SETTLEMENT and key(e.place.name) == k and _big_enough(e, resolver, sentence_start):
            return True
    # in the watched countries a transliteration variant or an alternate name is the norm ("Kupiansk"),
    # but only for towns of some size and names that are not short or shouted (acronyms)
    if len(k) < 6 or name.isupper():
        return False
    for e in resolver.gaz.lookup(name) + resolver.gaz.lookup_skeleton(name):
        if e.kind == SETTLEMENT and e.place.country in resolver.focus and e.place.population >= MIN_POPULATION_VARIANT:
            return True
    return False


def _is_cued_village(text: str, start: int, end: int, resolver: Resolver) -> bool:
    """A village of the watched countries too small for a bare match, which the text marks as a place: a
    region that contains it written after it ("Volfyne, Sumy", "Udy (Kharkiv oblast)": a name of three letters
    will do) or a locative word before it ("near Volfyne", four letters or more)."""
    name = text[start:end]
    k = key(name)
    if len(k) < 3 or k in STOPWORDS or name.isupper():
        return False
    hits = [e for e in resolver.gaz.lookup(name) if e.kind == SETTLEMENT and e.place.country in resolver.focus]
    if not hits:
        return False
    if len(k) >= 4 and _PLACE_CUE.search(text[max(0, start - 20):start]):
        return True
    return contained_by_qualifier(text, start, end, resolver)


def qualified_spans(text: str, spans: list[tuple[int, int, str]], resolver: Resolver) -> list[tuple[int, int, str]]:
    """Names the gazetteer lacks, found by the region written after them: "shelled Fooberivka, Sumy" ->
    "Fooberivka" (the geocoder places it at the region, with the region's precision)."""
    starts = {s for s, _, _ in spans}
    ends = {e for _, e, _ in spans}
    out = list(spans)
    for s, e, _ in spans:
        m = _QUALIFIED_BEFORE.search(text[max(0, s - 60):s])
        if not m:
            continue
        n_start, n_end = max(0, s - 60) + m.start(1), max(0, s - 60) + m.end(1)
        name = text[n_start:n_end]
        if (n_end in ends or n_start in starts or key(name) in STOPWORDS or _sentence_start(text, n_start)
                or not _PLACE_CUE.search(text[max(0, n_start - 20):n_start])):
            continue
        if any(en.kind in (REGION, HROMADA, RAION) and en.place.country in resolver.focus
               for en in resolver.hint_entries(text[s:e])):
            out.append((n_start, n_end, "qualified"))
    return sorted(out)


_QUALIFIED_BEFORE = re.compile(r"([A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})(?:\s*,\s*|\s*\(\s*)$")


def _is_demonym(k: str, country: Entry) -> bool:
    """An adjective or people's name for a country ("Russian", "Israelis"), not the country's own name."""
    return k != key(country.place.name) and k.endswith(("an", "ans", "ian", "ians", "ese", "ish", "i", "is", "ch"))


def _big_enough(e: Entry, resolver: Resolver, sentence_start: bool) -> bool:
    floor = MIN_POPULATION_FOCUS if e.place.country in resolver.focus else MIN_POPULATION
    return e.place.population >= floor * (10 if sentence_start else 1)


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].strip()
    return start == 0 or before.endswith((".", "!", "?", "\n", '"', "“")) or before == ""


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the longer of overlapping spans (NER first on ties)."""
    spans = sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]), s[2] != "ner"))
    out: list[tuple[int, int, str]] = []
    for s in spans:
        if out and s[0] < out[-1][1]:
            if s[1] - s[0] > out[-1][1] - out[-1][0]:
                out[-1] = s
            continue
        out.append(s)
    return out


def _extend_region_words(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out = []
    for s, e, src in spans:
        m = _REGION_TAIL.match(text, e)
        if m and not text[s:e].lower().endswith(m.group(0).strip().lower()):
            e = m.end()
        out.append((s, e, src))
    return out
