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
    table: int | None = None
    row: str = ""      # in a table: the row's label (its first cell of text)
    column: str = ""   # in a table: the column's heading

    @property
    def label(self) -> str:
        """What a table cell is: "Tổng thu ngân sách — Thực hiện (tỷ đồng)"; empty outside tables."""
        return " — ".join(part for part in (self.row, self.column) if part)


@dataclass
class DraftPage:
    """A page being written: chunks of Markdown (one per paragraph), with placeholders for numbers."""

    slug: str
    chunks: list[tuple[str, int]] = field(default_factory=list)
    head_at: int = 0  # chunks written before the page's own title (a group's opening text)

    def render(self, macros: dict[int, str], notes: dict[int, list[str]], head: str = "") -> str:
        parts = []
        for index, (text, paragraph) in enumerate(self.chunks):
            if index == self.head_at and head:
                parts.append(head)
            parts.append(re.sub("\x00(\\d+)\x00", lambda m: macros[int(m.group(1))], text))
            indent = re.match(r"^( *)(?:[-+] |\d+\\\. )?", text).group(1)
            nested = "    " + indent if re.match(r"^ *[-+] ", text) else indent
            parts += [f'{nested}{{{{ ghi_chu("{key}") }}}}' for key in notes.get(paragraph, [])]
        if head and self.head_at >= len(self.chunks):
            parts.append(head)
        return "\n\n".join(parts) + "\n"

    def line_of(self, paragraph: int, head: str = "") -> int:
        """The line a paragraph starts on in the written page (before notes are added)."""
        line = 1
        for index, (text, number) in enumerate(self.chunks):
            if index == self.head_at and head:
                line += head.count("\n") + 2
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
        if plan.intro:
            group = plan.number.split(".")[0]
            page.chunks = self.page(PagePlan(plan.slug, group, "", plan.intro, plan.level - 1)).chunks
            page.head_at = len(page.chunks)
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

    def opening(self, blocks: list[Block], slug: str = "index", section: str = "Mở đầu") -> DraftPage:
        """Blocks outside the numbered sections: the text before them (the overview page's opening), or what
        follows the signature, written at the end of the last page (`slug`, `section`)."""
        page = DraftPage(slug)
        bullet = ""
        for block in blocks:
            if isinstance(block, Table):
                page.chunks.append(self._table(block, slug, section))
            else:
                chunk, bullet = self._paragraph(block, slug, section, bullet)
                page.chunks.append(chunk)
        return page

    def _paragraph(self, block: Paragraph, page: str, section: str, top: str) -> tuple[tuple[str, int], str]:
        """A paragraph, a list item or a numbered item; `top` is the bullet of the list it may belong to.

        A bullet other than the list's own ("+" after "-", "–" after "•") is an item one level down.
        """
        marker = _MARKERS.match(block.text)
        if marker is None:
            return self._text("", block, 0, page, section), ""
        bullet = marker.group("bullet")
        if bullet is None:
            return self._text(f"{marker.group('number')}\\. ", block, marker.end(), page, section), ""
        if bullet == "*":
            return self._text("\\* ", block, marker.end(), page, section), ""
        if top and bullet != top:
            return self._text("    - ", block, marker.end(), page, section), top
        return self._text("- ", block, marker.end(), page, section), bullet

    def _text(self, prefix: str, block: Paragraph, skip: int, page: str, section: str,
              cell: tuple[int, str, str] | None = None, plain: bool = False,
              around: tuple[str, str] = ("", "")) -> tuple[str, int]:
        """A paragraph's Markdown after `skip` characters (its marker), with placeholders for numbers.

        `cell` is (table, row label, column heading) for a table cell; `plain` drops bold and
        italic (a heading is already set apart); `around` is the text before and after the
        paragraph that counts as its numbers' context (a table's other cells).
        """
        ident = self._next_paragraph
        self._next_paragraph += 1
        text = block.text.replace("\t", " ")
        self.paragraphs[ident] = (page, section, text[skip:])
        body = text[skip:]
        table, row, column = cell or (None, "", "")
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
                                    around[0] + body[:item.start], body[item.end:] + around[1], ident, table, row,
                                    column)
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
        headings, header_rows = table_headings(table)
        # A number in a cell is known by the whole table around it, as a page's table is read for last year.
        flat = [p.text for row in table.rows for cell in row for p in cell]
        rows = []
        index = 0
        for r, row in enumerate(table.rows):
            label = row_label(row, headings)
            cells = []
            for c, cell in enumerate(row):
                texts = []
                for paragraph in cell:
                    around = (" ".join(flat[:index]) + " ", " " + " ".join(flat[index + 1:]))
                    where = (ident, label, headings[c] if r >= header_rows and c < len(headings) else "")
                    texts.append(self._text("", paragraph, 0, page, section, where, around=around)[0])
                    index += 1
                cells.append("<br>".join(texts))
            rows.append(cells)
        return markdown_text.table(rows), ident


SEQUENCE_COLUMNS = {"tt", "stt", "so tt", "so thu tu"}


def _cell_text(cell: tuple[Paragraph, ...]) -> str:
    return " ".join(paragraph.text for paragraph in cell).strip()


def table_headings(table: Table) -> tuple[list[str], int]:
    """Each column's heading and how many rows the heading takes.

    The first row is a heading; so is each next row whose text is all bold or
    that continues a merged heading cell (Word's two-row headings: "Năm 2024"
    over "Kế hoạch" and "Thực hiện"). A heading cell merged across columns names
    each of them.
    """
    rows = table.rows
    count = 1
    while count < len(rows) and count < 3 and _continues_heading(rows[count]):
        count += 1
    width = max((len(row) for row in rows), default=0)
    headings = [""] * width
    for index, row in enumerate(rows[:count]):
        previous = ""
        for column in range(width):
            text = _cell_text(row[column]) if column < len(row) else ""
            above = index and column < len(rows[index - 1]) and _cell_text(rows[index - 1][column])
            if not text and column < len(row) and not row[column] and previous and not above:
                text = previous  # a heading cell spanning from the left (one below a heading is spanned from above)
            previous = text or previous
            if text and text not in headings[column].split(" · "):
                headings[column] = f"{headings[column]} · {text}" if headings[column] else text
    return headings, count


def _continues_heading(row: tuple[tuple[Paragraph, ...], ...]) -> bool:
    texts = [paragraph for cell in row for paragraph in cell]
    return bool(texts) and (any(not cell for cell in row) or all(paragraph.bold for paragraph in texts)) and \
        not any(re.search(r"\d", paragraph.text) and not re.fullmatch(r".*\b\d{4}\b.*", paragraph.text)
                for paragraph in texts)


def row_label(row: tuple[tuple[Paragraph, ...], ...], headings: list[str]) -> str:
    """The row's first text that is not a row number ("TT")."""
    for cell in row:
        text = _cell_text(cell)
        if text and not re.fullmatch(r"[\d.,IVXivx]+", text):
            return text
    return ""
