"""Words that cannot be Vietnamese syllables: the typos a spelling checker of Vietnamese would catch.

Vietnamese is written one syllable per word, and a syllable's spelling obeys
rules that no real word breaks: it carries at most one tone mark; it ends in a
vowel or in one of c, ch, m, n, ng, nh, p, t; and a syllable ending in a stop
(-c, -ch, -p, -t) takes only the sắc or nặng tone, so "quyêt định" must be a
typo of "quyết". Only words written with Vietnamese letters are judged:
abbreviations and foreign names (UBND, HĐND, Internet) are left alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

TONES = {"\u0300": "huyền", "\u0301": "sắc", "\u0309": "hỏi", "\u0303": "ngã", "\u0323": "nặng"}
_VIETNAMESE = set("ăâêôơưđ")
_FINALS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
_STOPS = ("ch", "c", "p", "t")
_VOWELS = set("aăâeêioôơuưy")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Misspelling:
    """A word that is not a Vietnamese syllable, why, and the spellings it may have meant."""

    word: str
    start: int
    reason: str
    suggestions: tuple[str, ...] = ()


def _parts(word: str) -> tuple[str, list[str]]:
    """The word without tone marks (NFC, lower case) and the tone marks it carries."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [char for char in decomposed if char in TONES]
    bare = unicodedata.normalize("NFC", "".join(char for char in decomposed if char not in TONES))
    return bare, tones


def _closed_with_tone(bare: str, tone: str) -> str:
    """A syllable with a final consonant (`bare`, no tone yet) with `tone` on its last vowel, where
    Vietnamese writes it in such a syllable ("hoạt", "huýt", "quyết", "ước")."""
    positions = [index for index, char in enumerate(bare) if char in _VOWELS]
    if not positions:
        return bare
    at = positions[-1]
    decomposed = unicodedata.normalize("NFD", bare[at]) + tone
    return unicodedata.normalize("NFC", bare[:at] + decomposed + bare[at + 1:])


def check_word(word: str) -> str | None:
    """Why `word` cannot be a Vietnamese syllable, or None if it can (or is not Vietnamese)."""
    bare, tones = _parts(word)
    letters = _VIETNAMESE & set(bare)
    if not tones and (not letters or (word.isupper() and letters == {"đ"})):
        return None  # an abbreviation (HĐND), a foreign word, or plain Latin letters
    if len(tones) > 1:
        return "có hơn một dấu thanh"
    vowels = [index for index, char in enumerate(bare) if char in _VOWELS]
    if not vowels:
        return "không có nguyên âm"
    ending = bare[vowels[-1] + 1:]
    if ending and ending not in _FINALS:
        return f'kết thúc bằng "{ending}", không phải một âm cuối của tiếng Việt'
    if ending in _STOPS and tones and TONES[tones[0]] not in ("sắc", "nặng"):
        return f"vần kết thúc bằng -{ending} chỉ đi với dấu sắc hoặc dấu nặng"
    if ending in _STOPS and not tones:
        return f"vần kết thúc bằng -{ending} chỉ đi với dấu sắc hoặc dấu nặng, ở đây không có dấu"
    return None


def misspellings(text: str) -> list[Misspelling]:
    """Every word of `text` that cannot be a Vietnamese syllable."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group()
        reason = check_word(word)
        if reason is None:
            continue
        bare, _ = _parts(word)
        suggestions = tuple(candidate for candidate in (_closed_with_tone(bare, "\u0301"),
                                                        _closed_with_tone(bare, "\u0323"))
                            if check_word(candidate) is None) if "dấu sắc" in reason else ()
        if word[:1].isupper():
            suggestions = tuple(candidate[:1].upper() + candidate[1:] for candidate in suggestions)
        found.append(Misspelling(word, match.start(), reason, suggestions))
    return found
