"""Text of a report written as Markdown that renders back to exactly that text.

The importer writes each paragraph of the signed report into a page. What
the page shows must be the document's own words, so every character that
Markdown or the page's Jinja would act on is written inertly here: the
Markdown specials escaped, "{" and "}" (Jinja's delimiters) and "<", "&" as
character references. Bold and italic spans of the document become `**` and
`*` around the same words.
"""

from __future__ import annotations

import re

from macros.folding import fold

_ESCAPED = {"\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "#": "\\#",
            "{": "&#123;", "}": "&#125;", "<": "&lt;", ">": "&gt;", "&": "&amp;"}


def escape(text: str, in_table: bool = False) -> str:
    """Plain text, inert in Markdown and in a Jinja template (and inside a table cell)."""
    escaped = "".join(_ESCAPED.get(char, char) for char in text).replace("\n", "<br>")
    return escaped.replace("|", "\\|") if in_table else escaped


def emphasised(pieces: list[tuple[str, bool, bool]]) -> str:
    """Markdown of pieces (already-escaped text, bold, italic): emphasis markers hug the words."""
    out: list[str] = []
    index = 0
    while index < len(pieces):
        _, bold, italic = pieces[index]
        end = index
        while end < len(pieces) and pieces[end][1:] == (bold, italic):
            end += 1
        run = "".join(piece[0] for piece in pieces[index:end])
        marker = ("**" if bold else "") + ("*" if italic else "")
        stripped = run.strip(" ")
        if marker and stripped:
            lead, trail = run[:len(run) - len(run.lstrip(" "))], run[len(run.rstrip(" ")):]
            run = f"{lead}{marker}{stripped}{marker[::-1]}{trail}"
        out.append(run)
        index = end
    return "".join(out)


def table(rows: list[list[str]]) -> str:
    """A pipe table from cells of Markdown; the first row is the header."""
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    lines = ["| " + " | ".join(cell or " " for cell in padded[0]) + " |",
             "| " + " | ".join("---" for _ in range(width)) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in padded[1:]]
    return "\n".join(lines)


def slug(text: str, words: int = 6) -> str:
    """An ASCII address word from a Vietnamese title: "Kết quả thực hiện" -> "ket-qua-thuc-hien"."""
    parts = re.findall(r"[a-z0-9]+", fold(text))
    return "-".join(parts[:words]) or "muc"
