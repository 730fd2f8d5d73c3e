"""The pages of an imported year, as Markdown with a macro for every number.

Each paragraph, heading, list item and table of the document is written in
the layout the 2023 pages use ("- " and "+ " bullets as lists, numbered
headings as Markdown headings, tables as pipe tables), its text escaped so
that it renders as written, its bold and italic kept. Every number found in
it (see `figure_finder`) is left as a placeholder and noted as an
`Occurrence`; once keys are chosen for all of them (`draft_data`), each
placeholder becomes `{{ so("…") }}` or `{{ vb("…") }}`, and editorial notes
are placed after the paragraph they explain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros import markdown_text
from macros.figure_finder import Found, find
from macros.page_plan import PagePlan
from macros.report_structure import Heading
from macros.source_reader import Block, Paragraph, Table

_MARKERS = re.compile(r"^(?P<bullet>[-+*•–])\s+|^(?P<number>\d{1,2})\.\s+")
PLACEHOLDER = "\x00{}\x00"


@dataclass(frozen=True)
class Occurrence:
    """One number of the document: what it is, where (page, section, paragraph) and what surrounds it."""

    ident: int
    found: Found
    page: str
    section: str
    before: str
    after: str
    paragraph: int
    label: str = ""
    table: int | None = None


@dataclass
class DraftPage:
    """A page being written: chunks of Markdown (one per paragraph), with placeholders for numbers."""

    slug: str
    chunks: list[tuple[str, int]] = field(default_factory=list)

    def render(self, macros: dict[int, str], notes: dict[int, list[str]], head: str = "") -> str:
        parts = [head] if head else []
        for text, paragraph in self.chunks:
            parts.append(re.sub("\x00(\\d+)\x00", lambda m: macros[int(m.group(1))], text))
            indent = re.match(r"^( *)(?:[-+] |\d+\\\. )?", text).group(1)
            nested = "    " + indent if re.match(r"^ *[-+] ", text) else indent
            parts += [f'{nested}{{{{ ghi_chu("{key}") }}}}' for key in notes.get(paragraph, [])]
        return "\n\n".join(parts) + "\n"

    def line_of(self, paragraph: int, head: str = "") -> int:
        """The line a paragraph starts on in the written page (before notes are added)."""
        line = head.count("\n") + 3 if head else 1
        for text, number in self.chunks:
            if number == paragraph:
                return line
            line += text.count("\n") + 2
        return 1


class PageWriter:
    """Writes the pages of one year, numbering every paragraph and every number it finds."""

    def __init__(self, names: list[str], year: int) -> None:
        self.names, self.year = names, year
        self.occurrences: list[Occurrence] = []
        self.paragraphs: dict[int, tuple[str, str, str]] = {}  # id -> (page, section, plain text)
        self._next_paragraph = 0

    def page(self, plan: PagePlan) -> DraftPage:
        page = DraftPage(plan.slug)
        section = plan.number
        previous_bullet = ""
        for block in plan.blocks:
            if isinstance(block, Heading):
                depth = max(2, min(4, block.level - plan.level + 1))
                if block.level == plan.level + 1 and block.number.isdigit():
                    section = f"{plan.number}.{block.number}"
                number = f"{block.number}) " if block.number.isalpha() else f"{block.number}. "
                page.chunks.append(self._text(f"{'#' * depth} {number}", block.block,
                                              len(block.block.text) - len(block.title), plan.slug, section,
                                              plain=True))
                previous_bullet = ""
            elif isinstance(block, Table):
                page.chunks.append(self._table(block, plan.slug, section))
                previous_bullet = ""
            else:
                chunk, previous_bullet = self._paragraph(block, plan.slug, section, previous_bullet)
                page.chunks.append(chunk)
        return page

    def opening(self, blocks: list[Block]) -> DraftPage:
        page = DraftPage("index")
        bullet = ""
        for block in blocks:
            if isinstance(block, Table):
                page.chunks.append(self._table(block, "index", "Mở đầu"))
            else:
                chunk, bullet = self._paragraph(block, "index", "Mở đầu", bullet)
                page.chunks.append(chunk)
        return page

    def _paragraph(self, block: Paragraph, page: str, section: str, previous: str) -> tuple[tuple[str, int], str]:
        marker = _MARKERS.match(block.text)
        if marker is None:
            return self._text("", block, 0, page, section), ""
        bullet = marker.group("bullet")
        if bullet is None:
            prefix = f"{marker.group('number')}\\. "
        elif bullet == "+" and previous in ("-", "+"):
            prefix = "    - "
        elif bullet == "*":
            prefix = "\\* "
        else:
            prefix = "- "
        return self._text(prefix, block, marker.end(), page, section), bullet or ""

    def _text(self, prefix: str, block: Paragraph, skip: int, page: str, section: str,
              label: str = "", table: int | None = None, plain: bool = False,
              around: tuple[str, str] = ("", "")) -> tuple[str, int]:
        """A paragraph's Markdown after `skip` characters (its marker), with placeholders for numbers.

        `plain` drops bold and italic (a heading is already set apart); `around` is the text
        before and after the paragraph that counts as its numbers' context (a table's other cells).
        """
        ident = self._next_paragraph
        self._next_paragraph += 1
        text = block.text
        self.paragraphs[ident] = (page, section, text[skip:])
        body = text[skip:]
        found = find(body, self.names, self.year)
        emphasis = []
        for span in block.spans:
            emphasis += [(span.bold and not plain, span.italic and not plain)] * len(span.text)
        emphasis = emphasis[skip:]
        pieces: list[tuple[str, bool, bool]] = []
        at = 0
        for item in found:
            pieces += self._plain(body, at, item.start, emphasis, table is not None)
            occurrence = Occurrence(len(self.occurrences), item, page, section,
                                    around[0] + body[:item.start], body[item.end:] + around[1], ident, label, table)
            self.occurrences.append(occurrence)
            pieces.append((PLACEHOLDER.format(occurrence.ident), *emphasis[item.start]))
            at = item.end
        pieces += self._plain(body, at, len(body), emphasis, table is not None)
        return prefix + markdown_text.emphasised(pieces), ident

    @staticmethod
    def _plain(text: str, start: int, end: int, emphasis: list[tuple[bool, bool]],
               in_table: bool) -> list[tuple[str, bool, bool]]:
        pieces = []
        for index in range(start, end):
            pieces.append((markdown_text.escape(text[index], in_table), *emphasis[index]))
        return pieces

    def _table(self, table: Table, page: str, section: str) -> tuple[str, int]:
        ident = self._next_paragraph
        self._next_paragraph += 1
        header = [" ".join(p.text for p in cell) for cell in table.rows[0]] if table.rows else []
        # A number in a cell is known by the whole table around it, as a page's table is read for last year.
        flat = [(r, c, p.text) for r, row in enumerate(table.rows) for c, cell in enumerate(row) for p in cell]
        rows = []
        index = 0
        for r, row in enumerate(table.rows):
            cells = []
            for c, cell in enumerate(row):
                row_label = " ".join(p.text for p in row[0]) if row and c else ""
                label = " — ".join(part for part in (row_label, header[c] if r and c < len(header) else "") if part)
                texts = []
                for paragraph in cell:
                    around = (" ".join(text for *_, text in flat[:index]) + " ",
                              " " + " ".join(text for *_, text in flat[index + 1:]))
                    texts.append(self._text("", paragraph, 0, page, section, label, table=ident, around=around)[0])
                    index += 1
                cells.append("<br>".join(texts))
            rows.append(cells)
        return markdown_text.table(rows), ident
