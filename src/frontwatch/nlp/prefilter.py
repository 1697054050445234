"""A cheap test that a regular expression cannot match: the words every match must contain.

The codebook (:mod:`.codebook`) types a sentence by trying some forty case-insensitive rules in order; most
rules fail on most sentences, and the regular-expression engine finds that out by trying every alternative
at every position. A match of ``\\b(?:shell(?:ed|ing)|artillery)`` must contain "shell" or "artillery", so
when the lowercased sentence holds neither, the rule is skipped without running it. The literals are read
from the compiled pattern itself (nothing to maintain beside the rules), and the test only ever skips a
rule that could not have matched: the result is the same, only faster.

Only ASCII literals are used. A case-insensitive match of an ASCII character is an ASCII character, except
for four characters that Python's ``re.IGNORECASE`` also takes for an ASCII letter (dotted and dotless I,
long s, the Kelvin sign): a sentence holding one of them runs every rule as before.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

_c: Any
_parser: Any
try:  # the standard library's regular-expression parser (private, present in Python 3.11 to 3.14)
    _c = importlib.import_module("re._constants")
    _parser = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover  (another interpreter: no prefilter, every rule runs)
    _parser = None

Literals = frozenset[str] | None  # None: no literal is certain, the pattern must run

_MIN_LENGTH = 3  # a shorter literal ("a", "of") filters nothing worth the test


def required_literals(pattern: re.Pattern[str]) -> Literals:
    """Lowercase strings at least one of which occurs in every match of ``pattern`` (None when unknown).

    >>> sorted(required_literals(re.compile(r"\\b(?:shell(?:ed|ing)|artillery)", re.I)))
    ['artillery', 'shell']
    >>> required_literals(re.compile(r"\\b\\w+ed", re.I)) is None
    True
    """
    if _parser is None or not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001  (a construct this reader does not know: no prefilter for it)
        return None
    return _sequence(parsed.data)


#: The non-ASCII characters that ``re.IGNORECASE`` matches to an ASCII letter (İ ı ſ K), found by testing
#: every code point (``tests/nlp/test_prefilter.py`` does it again).
ASCII_FOLDING = frozenset("\u0130\u0131\u017f\u212a")


def may_match(literals: Literals, lowered: str | None) -> bool:
    """False only when the rule cannot match: ``lowered`` (the sentence lowercased, see :func:`lowered`)
    holds none of its literals. None for ``literals`` or ``lowered`` means "run the rule"."""
    return literals is None or lowered is None or any(map(lowered.__contains__, literals))


class LiteralIndex:
    """Every literal of a list of rules' literal sets, to find at once which ones a sentence holds: one scan of
    the sentence by a trie of the distinct literals instead of one test per rule and literal (many rules share
    "attack", "kill", "fire"). At each position the scan reports the longest literal starting there; every literal
    it contains then occurs too, so the set found is exact.

    >>> index = LiteralIndex([frozenset({"shell"}), frozenset({"drone", "uav"}), None, frozenset({"shelling"})])
    >>> index.candidates("a drone hit"), index.candidates("shelling of the town")
    ([1, 2], [0, 2, 3])
    """

    def __init__(self, literal_sets: list[Literals]) -> None:
        self.sets = literal_sets
        every = sorted(set().union(*(s for s in literal_sets if s)))
        self._always = frozenset(i for i, s in enumerate(literal_sets) if s is None)
        rules_of: dict[str, set[int]] = {}
        for i, literals in enumerate(literal_sets):
            for literal in literals or ():
                rules_of.setdefault(literal, set()).add(i)
        #: each literal -> the rules that need it or any literal it contains
        self._rules_at = {m: frozenset().union(*(rules_of[lit] for lit in every if lit in m)) for m in every}
        self._scan = re.compile(f"(?=({_trie(every)}))") if every else None

    def _found(self, lowered: str) -> set[str]:
        return {m.group(1) for m in self._scan.finditer(lowered)} if self._scan is not None else set()

    def candidates(self, lowered: str | None) -> list[int]:
        """The numbers of the rules that may match the sentence, in order (every rule where ``lowered`` is None)."""
        if lowered is None:
            return list(range(len(self.sets)))
        found = set(self._always)
        for literal in self._found(lowered):
            found |= self._rules_at[literal]
        return sorted(found)


def _trie(words: list[str]) -> str:
    """A regular expression matching any of ``words``, the longest first at a position, branching on one
    character at a time (the engine then tests a handful of characters per position, not every word)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _branch(root)


def _branch(node: dict) -> str:
    alternatives = [re.escape(ch) + _branch(child) for ch, child in sorted(node.items()) if ch]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    if "" in node:  # a word ends here: the longer ones first, greedily
        return f"(?:{body})?"
    return body


def lowered(sentence: str) -> str | None:
    """The sentence lowercased, where the test is exact; None where it holds a character of
    :data:`ASCII_FOLDING`."""
    if not sentence.isascii() and not ASCII_FOLDING.isdisjoint(sentence):
        return None
    return sentence.lower()


def _sequence(items: Iterable[tuple[object, object]]) -> Literals:
    """The best literal set among the parts of a sequence: any part's set is necessary for the whole."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        text = "".join(run)
        if text and text.isascii():
            candidates.append(frozenset({text.lower()}))
        run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        flush()
        found = _part(op, av)
        if found is not None:
            candidates.append(found)
    flush()
    usable = [c for c in candidates if min(len(s) for s in c) >= _MIN_LENGTH]
    return max(usable, key=_selectivity) if usable else None


#: Words in nearly every sentence: a literal set holding one ("cache of" -> " of") lets almost every sentence
#: through, so a set of rarer words is the better test, even a larger one.
_COMMON = frozenset(
    "the of to in on at by up and for with from that who was were has have had is are it he she they this his "
    "her its their over down into after before held under out off".split()
)


def _selectivity(literals: frozenset[str]) -> tuple[int, int]:
    """How well a literal set filters: its weakest literal's length (0 for a common word), then fewer literals."""
    return min(0 if s.strip() in _COMMON else len(s.strip()) for s in literals), -len(literals)


def _part(op: object, av: Any) -> Literals:
    """The literal set of one non-literal part of a sequence (None: it may match without one)."""
    if op is _c.SUBPATTERN:
        return _sequence(av[-1].data)
    if op is _c.ATOMIC_GROUP:
        return _sequence(av.data)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, body = av
        return _sequence(body.data) if low >= 1 else None
    if op is _c.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            found = _sequence(branch.data)
            if found is None:
                return None
            union |= found
        return _minimal(union)
    return None  # a class, any character, a boundary, a look-around: no literal is certain


def _minimal(literals: set[str]) -> frozenset[str]:
    """Drop a literal that contains a shorter one of the set ("shelled" when "shell" is there)."""
    return frozenset(s for s in literals if not any(t != s and t in s for t in literals))
