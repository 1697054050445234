"""A light offline language check: the share of English stop words among a text's words.

English prose is about 40-50 % stop words ("the", "of", "and", ...); other languages written in the
Latin alphabet score under 10 %, Cyrillic text near 0. No model to download: spaCy's own English
stop-word list (the same one the pipeline uses) is enough to tell English from not-English.

>>> is_english("Russian troops advanced on Saturday near a town in eastern Ukraine.")
True
>>> is_english("Російські війська продовжили наступ на Харківщині в п'ятницю.")
False
>>> is_english("Ukraine death toll rises to 28: ministry")
True
>>> is_english("Les forces russes ont poursuivi leur offensive vendredi dans le nord-est de l'Ukraine, selon le "
...            "ministère de la Défense, qui affirme avoir pris le contrôle de plusieurs villages dans la "
...            "région de Kharkiv cette semaine après des combats.")
False
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
#: Below this share of English stop words a text is not English (English prose: 0.35-0.55).
MIN_STOPWORD_SHARE = 0.18
#: Below this many words (headlines, captions) stop words are too rare to judge by; the script decides.
MIN_WORDS = 25


def english_share(text: str, *, sample_chars: int = 5000) -> tuple[float, int]:
    """(share of English stop words, number of words) over the first ``sample_chars`` characters."""
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _WORD.findall(text[:sample_chars].lower())
    if not words:
        return 0.0, 0
    return sum(w in STOP_WORDS for w in words) / len(words), len(words)


def is_english(text: str) -> bool:
    """True when ``text`` reads as English (short texts get the benefit of the doubt)."""
    share, n = english_share(text)
    if n >= MIN_WORDS:
        return share >= MIN_STOPWORD_SHARE
    words = _WORD.findall(text[:2000])
    latin = sum(w.isascii() for w in words)
    return not words or (latin / len(words) >= 0.8 and (share > 0 or n < 8))
