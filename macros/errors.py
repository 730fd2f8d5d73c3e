"""Editor-facing errors.

The site is edited by communications staff, not programmers. Every problem the
build finds in data or pages becomes an `EditorError`: a few lines of
Vietnamese that name the file, the line and the key, and say what to do. They
are collected and reported together, so an editor fixes them in one pass, and
the build stops before anything is written.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

# How alike a misspelt name must be to a known one to be suggested (difflib's ratio).
SUGGESTION_CUTOFF = 0.6


@dataclass(frozen=True)
class EditorError:
    """One problem, located precisely enough for a non-programmer to fix."""

    file: str
    line: int | None
    key: str | None
    problem: str
    fix: str

    def format(self) -> str:
        where = self.file if self.line is None else f"{self.file}, dòng {self.line}"
        key = f', khóa "{self.key}"' if self.key else ""
        return f"{where}{key}:\n    {self.problem}\n    Cách sửa: {self.fix}"


class EditorErrors(Exception):
    """All problems found in one build; its text is what the editor reads."""

    def __init__(self, errors: list[EditorError], heading: str | None = None) -> None:
        super().__init__(errors)
        self.errors = tuple(errors)
        self.heading = heading or (f"Không dựng được trang web: có {len(self.errors)} lỗi cần sửa "
                                   "(chưa có trang nào được tạo hay thay đổi).")

    def __str__(self) -> str:
        return "\n".join([self.heading, *(f"- {error.format()}" for error in self.errors)])


def did_you_mean(name: str, known: Iterable[str]) -> str:
    """" Có phải ý bạn là: thu_ngan_sach.tong?" for a misspelt key or name; "" when nothing is close."""
    close = difflib.get_close_matches(name, sorted(set(known)), n=3, cutoff=SUGGESTION_CUTOFF)
    return f" Có phải ý bạn là: {', '.join(close)}?" if close else ""
