"""The parts of a Vietnamese administrative report, found in its blocks.

A "Báo cáo" of a People's Committee has a fixed layout (Nghị định
30/2020/NĐ-CP): a header (the agency, "Số: …/BC-UBND", the national motto,
the place and date), the kind and title ("BÁO CÁO" / "Công tác chính quyền
năm …"), an opening, numbered sections ("I.", "1.", "a)"), a closing
sentence, then "Nơi nhận" and the signature. This module finds each part
and keeps every line of the document somewhere: a line it cannot place
stays in the body, so nothing of the source is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from macros.folding import fold
from macros.source_reader import Block, Paragraph, SourceDocument, Span, Table

ROMAN = re.compile(r"^([IVX]{1,5})\.\s+(\S.*)$", re.S)
NUMBERED = re.compile(r"^(\d{1,2})\.\s+(\S.*)$", re.S)
SUBNUMBERED = re.compile(r"^(\d{1,2}\.\d{1,2})\.?\s+(\S.*)$", re.S)
LETTERED = re.compile(r"^([a-zđ])\)\s+(\S.*)$", re.S)
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*(\d*)\s*/\s*(\S+)\s*$")
_DATE_LINE = re.compile(r"^(?P<place>[^,]{2,40}),\s*ngày\s*(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?\s*"
                        r"năm\s*(?P<year>\d{4})\s*$")
_KIND = re.compile(r"^(BÁO CÁO)\b\s*(.*)$")
_DECORATION = re.compile(r"^[\s_\-‐‑‒–—―─━═=*.·~•]+$")
_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*[-‐‑‒–—―]\s*tu do\s*[-‐‑‒–—―]\s*hanh phuc)$")
_SIGNATURE = re.compile(r"^(?:(?:TM|KT|TL|TUQ|Q)\.\s+\S.*|(?:PHÓ\s+)?CHỦ TỊCH|CHÁNH VĂN PHÒNG|GIÁM ĐỐC)$")


@dataclass(frozen=True)
class Header:
    """What the top of the document says, each part as written."""

    agency_lines: tuple[str, ...] = ()
    motto_lines: tuple[str, ...] = ()
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    kind: str = "BÁO CÁO"
    title: str = ""
    # How the two columns of the header read one after the other: "cot" (the left column, then the
    # right), "hang" (agency and motto, then number and date) or "dong" (line by line across).
    layout: str = "cot"


@dataclass(frozen=True)
class Heading:
    """A numbered heading: its number as written ("I", "1", "a", "1.2"), title and depth (1 = Roman)."""

    number: str
    title: str
    level: int
    block: Paragraph

    @property
    def label(self) -> str:
        return f"{self.number}) {self.title}" if self.level == 3 and self.number.isalpha() else \
            f"{self.number}. {self.title}"


@dataclass
class Section:
    """A numbered part of the report: its heading, its own blocks, and its numbered subsections."""

    heading: Heading
    body: list[Block | Heading] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)

    def blocks(self) -> list[Block | Heading]:
        """Everything in the section after its heading, subsections included, in order."""
        found = list(self.body)
        for child in self.children:
            found += [child.heading, *child.blocks()]
        return found


@dataclass(frozen=True)
class Closing:
    """"Nơi nhận" and the signature, as written ("(Đã ký)" kept apart from the titles)."""

    recipients: tuple[str, ...] = ()
    signature: tuple[str, ...] = ()
    signer: str = ""
    signed: str = ""
    signature_first: bool = False


@dataclass
class Structure:
    header: Header
    opening: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    closing: Closing = field(default_factory=Closing)
    # Lines of the closing that were neither recipients nor signature: kept after the last section.
    leftover: list[Block] = field(default_factory=list)


def _lines(block: Block) -> list[str]:
    """A block's lines; a tab (a header's two columns typed on one line) separates lines too."""
    if isinstance(block, Table):
        texts = [paragraph.text for row in block.rows for cell in row for paragraph in cell]
    else:
        texts = [block.text]
    return [part for text in texts for line in text.split("\n") for part in line.split("\t")]


def is_heading_text(paragraph: Paragraph, title: str, strict: bool) -> bool:
    """A numbered line is a heading when marked so (Word) or, in plain text, short and not a sentence."""
    if paragraph.heading or paragraph.bold:
        return True
    if strict:
        return False
    return ("\n" not in title and len(title) <= 250 and not re.search(r"[.;,]$", title)
            and not re.search(r"[.;] [A-ZĐÀ-Ỹ]", title))


def heading_of(block: Block | Heading, strict: bool) -> Heading | None:
    if not isinstance(block, Paragraph):
        return None
    text = block.text
    roman = ROMAN.match(text)
    if roman and "\n" not in text and len(text) <= 250:
        return Heading(roman.group(1), roman.group(2).strip(), 1, block)
    for pattern, level in ((SUBNUMBERED, 3), (NUMBERED, 2), (LETTERED, 3)):
        found = pattern.match(text)
        if found and is_heading_text(block, found.group(2).strip(), strict):
            return Heading(found.group(1), found.group(2).strip(), level, block)
    return None


def split(document: SourceDocument) -> Structure:
    """The report's parts. Raises nothing: what is missing is left empty for the caller to judge."""
    blocks = list(document.blocks)
    strict = document.kind.startswith("Word") and any(
        isinstance(b, Paragraph) and (b.bold or b.heading) and NUMBERED.match(b.text) for b in blocks)
    title_at, header = _header(blocks)
    body = blocks[title_at:]
    closing_at = _closing_start(body)
    closing, leftover = _closing(body[closing_at:])
    structure = Structure(header, closing=closing, leftover=leftover)
    current: Section | None = None
    for block in body[:closing_at]:
        heading = heading_of(block, strict)
        if heading is not None and heading.level == 1:
            current = Section(heading)
            structure.sections.append(current)
        elif current is None:
            structure.opening.append(block)
        elif heading is not None and heading.level == 2:
            current.children.append(Section(heading))
        else:
            target = current.children[-1] if current.children else current
            target.body.append(heading or block)
    return structure


def _header(blocks: list[Block]) -> tuple[int, Header]:
    """The header lines and the title; returns where the body starts."""
    for index, block in enumerate(blocks[:20]):
        lines = _lines(block)
        kind_at = next((i for i, line in enumerate(lines) if _KIND.match(line.strip())), None)
        if kind_at is None:
            continue
        before = [line for b in blocks[:index] for line in _lines(b)] + lines[:kind_at]
        kind, rest = _KIND.match(lines[kind_at].strip()).groups()
        title = [rest] if rest else []
        title += [line.strip() for line in lines[kind_at + 1:] if line.strip()]
        start = index + 1
        while start < len(blocks) and _title_line(blocks[start], title):
            title.append(blocks[start].text.strip())
            start += 1
        while start < len(blocks) and isinstance(blocks[start], Paragraph) and \
                _DECORATION.match(blocks[start].text):
            start += 1
        return start, _header_fields(before, kind, " ".join(t for t in title if not _DECORATION.match(t)))
    return 0, Header()


def _title_line(block: Block, title: list[str]) -> bool:
    """A line that continues the title: short, not a sentence, not a section, right after the kind."""
    if not isinstance(block, Paragraph) or "\n" in block.text or ROMAN.match(block.text):
        return False
    text = block.text.strip()
    if _DECORATION.match(text):
        return False
    return (not title or block.bold or block.heading) and len(text) <= 200 and not re.search(r"[.;]$", text)


def _header_fields(lines: list[str], kind: str, title: str) -> Header:
    agency, motto = [], []
    fields: dict[str, object] = {}
    order = ""  # A(gency), M(otto), N(umber), D(ate), in reading order
    lines = [line.strip() for line in lines]
    for index, line in enumerate(lines[:-1]):
        if re.fullmatch(r"Số\s*:?", line):  # "Số:<tab>15/BC-UBND": the number typed after a tab
            lines[index], lines[index + 1] = f"Số: {lines[index + 1]}", ""
    for raw in lines:
        line = raw.strip()
        if not line or _DECORATION.match(line):
            continue
        number = _NUMBER_LINE.match(line)
        date = _DATE_LINE.match(line)
        if number:
            fields["number"] = number.group(1) or None
            fields["symbol"] = number.group(2)
            order += "N"
        elif date:
            fields.update(place=date.group("place").strip(), year=int(date.group("year")),
                          day=int(date.group("day")) if date.group("day") else None,
                          month=int(date.group("month")) if date.group("month") else None)
            order += "D"
        elif _MOTTO.match(fold(line)):
            motto.append(line)
            order += "M"
        else:
            agency.append(line)
            order += "A"
    layout = "cot"
    if "M" in order and "A" in order and re.search(r"M.*A", order):
        layout = "dong"
    elif "M" in order and "N" in order and order.index("M") < order.index("N"):
        layout = "hang"
    return Header(tuple(agency), tuple(motto), kind=kind, title=title, layout=layout,
                  **fields)  # type: ignore[arg-type]


def _starts_closing(block: Block) -> bool:
    first = next((line.strip() for line in _lines(block) if line.strip()), "")
    return fold(first).startswith("noi nhan") or bool(_SIGNATURE.match(first))


def _closing_start(body: list[Block]) -> int:
    """Where "Nơi nhận" and the signature begin: the first of them in the run of short blocks ending the document."""
    start = len(body)
    for index in range(len(body) - 1, -1, -1):
        block = body[index]
        if _starts_closing(block):
            start = index
        elif isinstance(block, Paragraph) and (len(block.text) > 160 or ROMAN.match(block.text)):
            break
    return start


def _closing(blocks: list[Block]) -> tuple[Closing, list[Block]]:
    """Recipients and signature from the end of the document (a table in Word, lines in text)."""
    recipients: list[str] = []
    signature: list[str] = []
    signer = signed = ""
    signature_first = False
    leftover: list[Block] = []
    mode = ""
    for block in blocks:
        cells = [cell for row in block.rows for cell in row] if isinstance(block, Table) else [(block,)]
        for cell in cells:
            kept: list[Paragraph] = []
            for paragraph in cell:
                for line in (part.strip() for part in paragraph.text.split("\n")):
                    if not line:
                        continue
                    if fold(line).startswith("noi nhan"):
                        mode = "recipients"
                    elif mode == "recipients" and re.match(r"^[-+•–]\s*", line):
                        recipients.append(re.sub(r"^[-+•–]\s*", "", line))
                    elif mode == "signature" and not signer and re.match(r"^\(.*\)$", line):
                        signed = line  # "(Đã ký)": between the titles and the name, as on paper
                    elif _SIGNATURE.match(line):
                        mode = "signature"
                        signature_first = signature_first or not recipients
                        signature.append(line)
                    elif mode == "signature" and not signer:
                        signer = line
                    elif mode == "recipients" and recipients and not re.match(r"^[A-ZĐ]{2,}", line):
                        recipients[-1] += " " + line
                    else:
                        kept.append(Paragraph((Span(line),), False, paragraph.line))
            leftover += kept
    return Closing(tuple(recipients), tuple(signature), signer, signed, signature_first), leftover
