"""Read a report as the agency sends it: a Word .docx, or plain text / Markdown.

Both become the same simple document: paragraphs (text with its bold and
italic spans, and whether Word marks it as a heading) and tables, in document
order. Word files are read with python-docx, including runs inside
hyperlinks, inserted text and content controls; text files follow the
conventions of the 2023 source (a blank line between paragraphs, `**bold**`,
"- " bullets, lines split by a page break rejoined). Everything else of the
importer works on this model, so it does not care which format came in.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Union

from macros.errors import EditorError, EditorErrors

FORMATS = {".docx": "Word (.docx)", ".txt": "văn bản thuần (.txt)", ".md": "Markdown (.md)"}
HOW_TO_SAVE_DOCX = ("Mở tệp bằng Microsoft Word hoặc LibreOffice Writer, chọn Tệp > Lưu thành (File > Save As), "
                    "chọn kiểu \"Word Document (*.docx)\", rồi nhập tệp .docx vừa lưu.")


@dataclass(frozen=True)
class Span:
    """Text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: its spans, whether it is marked as a heading, and where it starts (1-based)."""

    spans: tuple[Span, ...]
    heading: bool = False
    line: int = 0

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)

    @property
    def bold(self) -> bool:
        """Every visible character is bold (how Word reports usually mark their headings)."""
        shown = [span for span in self.spans if span.text.strip()]
        return bool(shown) and all(span.bold for span in shown)


@dataclass(frozen=True)
class Table:
    """A table: rows of cells, each cell a sequence of paragraphs."""

    rows: tuple[tuple[tuple[Paragraph, ...], ...], ...]
    line: int = 0

    def cell_text(self, row: int, column: int) -> str:
        return "\n".join(paragraph.text for paragraph in self.rows[row][column])

    @property
    def text(self) -> str:
        return "\n".join(self.cell_text(r, c) for r, row in enumerate(self.rows) for c in range(len(row)))


Block = Union[Paragraph, Table]


@dataclass(frozen=True)
class SourceDocument:
    """The blocks of a report, in order, and what it was read from."""

    blocks: tuple[Block, ...]
    name: str
    kind: str = field(default="")


def clean(text: str) -> str:
    """NFC letters, ordinary spaces (no-break and zero-width ones are typing artefacts).

    Tabs stay: in a header typed without a table they separate its two columns.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return re.sub(r"[ ]{2,}", " ", re.sub(r" *\t[\t ]*", "\t", text))


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Adjacent spans of the same emphasis joined, whitespace tidied, the paragraph's ends trimmed."""
    joined: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if joined and (joined[-1].bold, joined[-1].italic) == (span.bold, span.italic):
            joined[-1] = Span(joined[-1].text + span.text, span.bold, span.italic)
        else:
            joined.append(span)
    tidied = [Span(re.sub(r" *\n *", "\n", clean(span.text)), span.bold, span.italic) for span in joined]
    for end in (0, -1):
        while tidied and not tidied[end].text.strip():
            tidied.pop(end)
    if tidied:
        tidied[0] = Span(tidied[0].text.lstrip(" \n\t"), tidied[0].bold, tidied[0].italic)
        tidied[-1] = Span(tidied[-1].text.rstrip(" \n\t"), tidied[-1].bold, tidied[-1].italic)
    collapsed: list[Span] = []
    for span in tidied:  # one space where two spans meet
        if collapsed and collapsed[-1].text.endswith(" ") and span.text.startswith(" "):
            span = Span(span.text[1:], span.bold, span.italic)
        collapsed.append(span)
    return tuple(span for span in collapsed if span.text)


# --------------------------------------------------------------------------
# Word documents
# --------------------------------------------------------------------------

def _docx(path: Path, shown: str) -> SourceDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise EditorErrors([EditorError(shown, None, None, "Không đọc được tệp Word này (tệp hỏng hoặc không "
                                        "phải .docx thật).", HOW_TO_SAVE_DOCX)]) from None
    numbering = _Numbering(document)
    blocks: list[Block] = []
    for index, item in enumerate(document.iter_inner_content(), start=1):
        if hasattr(item, "rows"):
            blocks.append(_word_table(item, index, numbering))
        else:
            paragraph = _word_paragraph(item, index, numbering)
            if paragraph.spans:
                blocks.append(paragraph)
    return SourceDocument(tuple(blocks), path.name, FORMATS[".docx"])


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(number: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while number >= value:
            out, number = out + letters, number - value
    return out


def _letters(number: int) -> str:
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


_FORMATS = {"decimal": str, "decimalZero": lambda n: f"{n:02d}", "upperRoman": _roman,
            "lowerRoman": lambda n: _roman(n).lower(), "upperLetter": lambda n: _letters(n).upper(),
            "lowerLetter": _letters}


class _Numbering:
    """Word's automatic numbering: the "I.", "1.", "a)" and bullets Word draws but does not store as text.

    Each numbered paragraph gets the label Word would show, from the numbering
    definitions python-docx exposes: the format of each level, its text
    ("%1.", "%2)"), its start, counters that restart below a higher level.
    """

    def __init__(self, document) -> None:
        try:
            self.element = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            self.element = None
        self.counters: dict[str, list[int | None]] = {}

    @staticmethod
    def _xpath(element, path: str) -> list:
        from docx.oxml.ns import nsmap
        from lxml import etree
        return etree._Element.xpath(element, path, namespaces={"w": nsmap["w"]})

    def _level(self, num_id: str, level: int) -> tuple[str, str, int, str] | None:
        abstract = self._xpath(self.element, f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')
        if not abstract:
            return None
        found = self._xpath(self.element,
                            f'./w:abstractNum[@w:abstractNumId="{abstract[0]}"]/w:lvl[@w:ilvl="{level}"]')
        if not found:
            return None
        value = lambda tag: (self._xpath(found[0], f"./w:{tag}/@w:val") or [""])[0]  # noqa: E731
        return value("numFmt") or "decimal", value("lvlText"), int(value("start") or 1), abstract[0]

    @staticmethod
    def _properties(paragraph) -> tuple[str, int] | None:
        """numId and level of a paragraph, set on it or on its style (or a base style)."""
        sources = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None and len(sources) < 10:
            sources.append(style.element.pPr)
            style = style.base_style
        for properties in sources:
            num_pr = properties.numPr if properties is not None else None
            if num_pr is not None and num_pr.numId is not None:
                level = num_pr.ilvl.val if num_pr.ilvl is not None else 0
                return str(num_pr.numId.val), int(level)
        return None

    def label(self, paragraph) -> str:
        """The label Word shows before `paragraph` ("II. ", "1. ", "a) ", "- "), or ""."""
        if self.element is None:
            return ""
        found = self._properties(paragraph)
        if found is None or found[0] == "0":
            return ""
        definition = self._level(*found)
        if definition is None:
            return ""
        kind, text, start, abstract = definition
        if kind == "bullet":  # one level down: a deeper numbering level, or Word's "List Bullet 2" styles
            style = paragraph.style.name if paragraph.style is not None else ""
            return "+ " if found[1] > 0 or re.search(r"\s[2-9]$", style or "") else "- "
        counters = self.counters.setdefault(abstract, [None] * 9)
        level = found[1]
        counters[level] = start if counters[level] is None else counters[level] + 1
        counters[level + 1:] = [None] * (8 - level)

        def number(match: re.Match[str]) -> str:
            at = int(match.group(1)) - 1
            own = self._level(found[0], at)
            value = counters[at] if counters[at] is not None else (own[2] if own else 1)
            return _FORMATS.get(own[0] if own else "decimal", str)(value)
        shown = re.sub(r"%([1-9])", number, text) if kind != "none" else ""
        return f"{shown} " if shown else ""


def _word_paragraph(paragraph, index: int, numbering: _Numbering | None = None) -> Paragraph:
    from docx.text.run import Run

    style = paragraph.style
    style_bold = _style_flag(style, "bold")
    style_italic = _style_flag(style, "italic")
    spans = []
    # Runs directly in the paragraph, in hyperlinks, in inserted (tracked) text and in content controls.
    for element in paragraph._p.xpath("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r | ./w:smartTag/w:r"
                                      " | ./w:sdt/w:sdtContent/w:r | ./w:fldSimple/w:r"):
        run = Run(element, paragraph)
        # A character style is looked up only where the run names one (python-docx's lookup is slow).
        named = element.rPr is not None and element.rPr.rStyle is not None
        bold = run.bold if run.bold is not None else ((named and _style_flag(run.style, "bold")) or style_bold)
        italic = run.italic if run.italic is not None else (
            (named and _style_flag(run.style, "italic")) or style_italic)
        spans.append(Span(run.text, bool(bold), bool(italic)))
    heading = bool(style is not None and (style.name or "").lower().startswith(("heading", "title")))
    label = numbering.label(paragraph) if numbering is not None else ""
    if label and "".join(span.text for span in spans).strip():
        first = next(span for span in spans if span.text.strip())
        spans.insert(0, Span(label, first.bold, first.italic))
    return Paragraph(_merged(spans), heading, index)


def _style_flag(style, name: str) -> bool:
    """A font flag of a Word style, following its base styles."""
    seen = 0
    while style is not None and seen < 10:
        value = getattr(style.font, name, None) if hasattr(style, "font") else None
        if value is not None:
            return bool(value)
        style, seen = getattr(style, "base_style", None), seen + 1
    return False


def _word_table(table, index: int, numbering: _Numbering) -> Table:
    rows = []
    seen: list = []  # the cell elements themselves (kept alive, so identity is stable)
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if any(cell._tc is other for other in seen):  # a merged cell: once, where its span starts
                cells.append(())
                continue
            seen.append(cell._tc)
            cells.append(tuple(p for p in (_word_paragraph(p, index, numbering) for p in cell.paragraphs)
                               if p.spans))
        rows.append(tuple(cells))
    return Table(tuple(rows), index)


# --------------------------------------------------------------------------
# Text and Markdown
# --------------------------------------------------------------------------

_MARKER = re.compile(r"^\s*(?:[-+*•–]\s|\d{1,2}\.\s|[a-zđ]\)\s|#{1,6}\s)")
_CLOSING = re.compile(r"[.;:!?…)\]”\"]$")


def _text(path: Path, shown: str) -> SourceDocument:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EditorErrors([EditorError(shown, None, None, "Tệp văn bản không phải mã hóa UTF-8 nên tiếng Việt "
                                        "sẽ bị lỗi.", "Mở tệp bằng trình soạn thảo, lưu lại với mã hóa UTF-8 "
                                        "(hoặc nhập tệp .docx gốc).")]) from None
    lines = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    for start, chunk in _chunks(lines, per_line=_one_paragraph_per_line(lines)):
        if all(line.lstrip().startswith("|") for line in chunk):
            blocks.append(_markdown_table(chunk, start))
            continue
        for offset, paragraph in _paragraphs(chunk):
            block = _text_paragraph(paragraph, start + offset)
            if not block.spans:
                continue
            previous = blocks[-1] if blocks else None
            if (isinstance(previous, Paragraph) and offset == 0 and not previous.heading
                    and not _CLOSING.search(previous.text) and block.text[:1].islower()
                    and not _MARKER.match(paragraph)):
                # A sentence cut by a page break in the copy: one paragraph again.
                blocks[-1] = Paragraph(_merged([*previous.spans, Span(" "), *block.spans]), False, previous.line)
            else:
                blocks.append(block)
    return SourceDocument(tuple(blocks), path.name, FORMATS[path.suffix.lower()])


def _one_paragraph_per_line(lines: list[str]) -> bool:
    """A text saved from Word ("Plain Text") has one paragraph per line and no blank lines between them."""
    written = [line for line in lines if line.strip()]
    blank = sum(1 for before, line in zip(lines, lines[1:]) if before.strip() and not line.strip())
    return len(written) >= 10 and blank * 4 < len(written)


def _chunks(lines: list[str], per_line: bool = False) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines (or each line, for a text with one paragraph per line; a table's rows stay
    together), with the 1-based line each starts on."""
    chunk: list[str] = []
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            if per_line and chunk and not (line.lstrip().startswith("|") and chunk[-1].lstrip().startswith("|")):
                yield number - len(chunk), chunk
                chunk = []
            chunk.append(line)
        elif chunk:
            yield number - len(chunk), chunk
            chunk = []


def _paragraphs(chunk: list[str]) -> Iterator[tuple[int, str]]:
    """A chunk split at list markers; other lines continue their paragraph after a line break."""
    start, current = 0, [chunk[0]]
    for offset, line in enumerate(chunk[1:], start=1):
        if _MARKER.match(line):
            yield start, "\n".join(current)
            start, current = offset, [line]
        else:
            current.append(line)
    yield start, "\n".join(current)


def _text_paragraph(text: str, line: int) -> Paragraph:
    heading = re.match(r"^\s*#{1,6}\s+", text)
    if heading:
        text = text[heading.end():]
    spans = [Span(part, bold=index % 2 == 1) for index, part in enumerate(text.split("**"))]
    if len(spans) % 2 == 0:  # an unclosed ** is text
        spans = [Span(text)]
    return Paragraph(_merged(spans), bool(heading), line)


def _markdown_table(chunk: list[str], start: int) -> Table:
    rows = []
    for offset, line in enumerate(chunk):
        cells = [cell.strip() for cell in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if all(re.fullmatch(r":?-{3,}:?", cell) for cell in cells if cell):
            continue
        rows.append(tuple((_text_paragraph(cell.replace("\\|", "|"), start + offset),) if cell else ()
                          for cell in cells))
    return Table(tuple(rows), start)


# --------------------------------------------------------------------------

def read_source(path: Path, shown: str | None = None) -> SourceDocument:
    """The report at `path`; `EditorErrors` (Vietnamese, naming the file) if it cannot be read."""
    shown = shown or str(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise EditorErrors([EditorError(shown, None, None, "Không tìm thấy tệp này.",
                                        "Kiểm tra đường dẫn FILE=... (kéo thả tệp vào cửa sổ lệnh để có đường dẫn "
                                        "đúng).")])
    if suffix in (".doc", ".pdf", ".odt", ".rtf"):
        kind = {".doc": "Word cũ (.doc)", ".pdf": "PDF", ".odt": "OpenDocument (.odt)", ".rtf": "RTF"}[suffix]
        fix = HOW_TO_SAVE_DOCX if suffix != ".pdf" else (
            "Xin cơ quan gửi bản Word (.docx) của báo cáo; nếu chỉ có PDF, mở bằng Word (Tệp > Mở) để chuyển "
            "thành văn bản, kiểm tra lại toàn văn, rồi lưu thành .docx.")
        raise EditorErrors([EditorError(shown, None, None, f"Chưa nhập được tệp {kind}.", fix)])
    if suffix not in FORMATS:
        raise EditorErrors([EditorError(shown, None, None, f'Không nhận dạng được loại tệp "{suffix or path.name}".',
                                        "Nhập tệp Word .docx, hoặc văn bản .txt / .md (mã hóa UTF-8).")])
    try:
        return _docx(path, shown) if suffix == ".docx" else _text(path, shown)
    except OSError as error:
        raise EditorErrors([EditorError(shown, None, None, f"Không mở được tệp ({error.strerror}).",
                                        "Kiểm tra quyền đọc tệp, đóng tệp nếu đang mở trong Word.")]) from None
