"""Is the whole source on the site, in order? The test's own reading of a source document.

The sentences of a report's source (text, Markdown or Word), read here
independently of the importer: a Word file paragraph by paragraph and table
cell by table cell with python-docx, a text file line by line with its pipe
tables split into cells. A site is faithful when every sentence appears in
its pages' text in reading order.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx

from tests.site_text import article_text, normalise

_MARKER = re.compile(r"^(?:[-+*•–]\s+|\d+\.\s+)")


def source_lines(path: Path) -> list[str]:
    """The document's lines of text, in order (Word: paragraphs, and table cells row by row)."""
    if path.suffix == ".docx":
        lines: list[str] = []
        for item in docx.Document(str(path)).iter_inner_content():
            if hasattr(item, "rows"):
                seen: list = []  # a merged cell is read once, where it starts
                for row in item.rows:
                    for cell in row.cells:
                        if not any(cell._tc is other for other in seen):
                            seen.append(cell._tc)
                            lines += [p.text for p in cell.paragraphs]
            else:
                lines += item.text.split("\n")
        return [line for line in lines if line.strip()]
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.lstrip().startswith("|"):
            lines += [cell for cell in line.strip().strip("|").split("|") if not re.fullmatch(r"\s*:?-{3,}:?\s*", cell)]
        elif line.strip():
            lines.append(line)
    return lines


def sentences(lines: list[str]) -> list[str]:
    """The lines split into sentences, list markers and bare section numbers removed.

    Lines broken by a page break of a text copy (a line with no closing
    punctuation followed by one starting in lower case) are joined first.
    """
    units: list[str] = []
    for line in (line.strip().replace("**", "") for line in lines):
        if not line or re.fullmatch(r"[_\-=.\s]+", line):
            continue
        if units and not re.search(r"[.;:!?…)”]$", units[-1]) and line[:1].islower():
            units[-1] += " " + line
        else:
            units.append(line)
    found = []
    for unit in units:
        for piece in re.split(r"(?<=[.;:!?])\s+", normalise(unit)):
            piece = _MARKER.sub("", piece).strip()
            if piece and not re.fullmatch(r"\d+\.|[IVX]+\.", piece):
                found.append(piece)
    return found


def missing(text: str, wanted: list[str]) -> list[str]:
    """Sentences not found in `text` after the previous one (so: missing or out of order)."""
    position, lost = 0, []
    for sentence in wanted:
        found = text.find(sentence, position)
        if found < 0:
            lost.append(sentence)
        else:
            position = found + len(sentence)
    return lost


def reading_order(report: dict, year: int) -> list[str]:
    """A year's page addresses in the report's order: overview, then every section page."""
    order = [f"{year}/"]
    for top in report["muc_luc"]:
        if top.get("trang"):
            order.append(f"{year}/{top['trang']}/")
        order += [f"{year}/{child['trang']}/" for child in top.get("muc_con", [])]
    return order


def site_text(site: Path, addresses: list[str]) -> str:
    return " ".join(article_text((site / address / "index.html").read_text(encoding="utf-8"))
                    for address in addresses)
