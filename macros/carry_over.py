"""Which of last year's figures a number of this year's report is: keys that carry over.

A report repeats most of its sentences every year with other numbers ("Tổng
thu ngân sách nhà nước ước đạt …"). When a new number sits among the same
words as one of last year's figures, it gets that figure's key, so cards,
charts and the year-over-year comparison work with no edit. Words are
compared without tone marks and case, left and right of the number, nearest
words weighing most; each of last year's keys goes to one new number (or to
several mentions of the same value).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from macros.folding import fold

WINDOW = 8
THRESHOLD = 0.55
_MACRO = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}", re.S)
_KEY = re.compile(r"""^\s*["']([^"']+)["']""")
FAMILIES = {"tien": "tien", "ti_le": "phan_tram", "muc_dat": "phan_tram", "tang_truong": "phan_tram",
            "so_luong": "so_luong", "ti_so": "ti_so", "ngay": "ngay", "thang": "thang", "nam": "nam",
            "khoang": "khoang", "ten": "ten"}
MARK = "#"


def words(text: str) -> list[str]:
    """Words compared for context: folded, with every number a single mark."""
    return [MARK if token == MARK or token[0].isdigit() else token
            for token in re.findall(r"#|[\w]+", fold(text))]


@dataclass(frozen=True)
class Context:
    """The words either side of a figure: nearest first on the left, in order on the right."""

    left: tuple[str, ...]
    right: tuple[str, ...]

    @classmethod
    def around(cls, before: str, after: str) -> Context:
        return cls(tuple(reversed(words(before)[-WINDOW:])), tuple(words(after)[:WINDOW]))

    def likeness(self, other: Context) -> float:
        """0 to 1: how alike two figures' surroundings are (the nearest words count most)."""
        def side(a: tuple[str, ...], b: tuple[str, ...]) -> float:
            if not a or not b:
                return 0.5 if not a and not b else 0.0  # nothing said on this side: no evidence either way
            near = sum(1 / (i + 1) for i in range(min(3, len(a), len(b))) if a[i] == b[i]) / (1 + 1 / 2 + 1 / 3)
            return 0.5 * near + 0.5 * SequenceMatcher(None, a, b, autojunk=False).ratio()
        return (side(self.left, other.left) + side(self.right, other.right)) / 2


@dataclass(frozen=True)
class Mention:
    """A figure of last year's pages: its key and the words around it."""

    key: str
    page: str
    context: Context


def mentions(pages_dir: Path) -> list[Mention]:
    """Every figure mention of a year's pages (`{{ so("key") }}`), with its context."""
    found: list[Mention] = []
    for path in sorted(pages_dir.glob("*.md")):
        source = path.read_text(encoding="utf-8")
        for paragraph in re.split(r"\n\s*\n", source):
            calls = list(_MACRO.finditer(paragraph))
            plain = _MACRO.sub(lambda m: f" {MARK} " if m.group(1) in ("so", "vb") else " ", paragraph)
            plain = re.sub(r"[*_\\`>]|^\s*[-+]\s|^#+\s", " ", plain, flags=re.M)
            marks = [m.start() for m in re.finditer(MARK, plain)]
            figure_calls = [call for call in calls if call.group(1) in ("so", "vb")]
            for call, at in zip(figure_calls, marks):
                key = _KEY.match(call.group(2))
                if call.group(1) == "so" and key:
                    found.append(Mention(key.group(1), path.stem, Context.around(plain[:at], plain[at + 1:])))
    return found


@dataclass(frozen=True)
class Candidate:
    """A number of the new report, as the matcher sees it."""

    ident: int
    family: str
    text: str
    page: str
    context: Context


def match(candidates: list[Candidate], previous: list[Mention], families: dict[str, str]) -> dict[int, str]:
    """New number -> last year's key, for the numbers that recur; `families` maps old keys to kinds."""
    scored = []
    for candidate in candidates:
        for mention in previous:
            if families.get(mention.key) != candidate.family:
                continue
            score = candidate.context.likeness(mention.context) + (0.05 if mention.page == candidate.page else 0)
            if score >= THRESHOLD:
                scored.append((score, candidate.ident, mention.key))
    taken: dict[str, str] = {}  # key -> the text of the value it went to
    assigned: dict[int, str] = {}
    texts = {candidate.ident: candidate.text for candidate in candidates}
    for score, ident, key in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if ident in assigned or (key in taken and taken[key] != texts[ident]):
            continue
        assigned[ident] = key
        taken[key] = texts[ident]
    return assigned
