"""A report as the agency sends it, made with python-docx: a fixture for the importer.

Written from a text report (the conventions of the 2023 source) in the usual
Vietnamese administrative layout: the header as a two-column borderless table
(agency, and the number below it; national motto, and the place/date line
below it), the kind and title bold
and centred, bold typed headings "I.", "1.", "a)", "- " bullets typed as text,
real Word tables, and "Nơi nhận" beside the signature in a borderless table.
Word's own habits are imitated where they trip readers: words split across
runs, a no-break space between a number and its unit, a tab after "Số:", a
soft line break in the signature, page numbers in the footer.

With `styled=True`, the other way agencies make the same report: headings in
Word's Heading styles numbered automatically ("I.", "1." drawn by Word, not
typed), bullets and numbered items in Word's list styles, the header as two
rows (agency and motto, then number and date), and the signature, signed
"KT. CHỦ TỊCH / PHÓ CHỦ TỊCH (Đã ký)", typed before "Nơi nhận" without a table.
"""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

ROMAN = re.compile(r"^[IVX]+\. ")
HEADING = re.compile(r"^(?:\d{1,2}\.|[a-zđ]\)) .{1,200}$")


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _runs(paragraph, text: str, bold: bool = False, split_words: bool = False) -> None:
    """`text` with its **bold** parts, optionally one run per word as Word often stores it."""
    for index, part in enumerate(text.split("**")):
        pieces = re.split(r"(?<= )", part) if split_words else [part]
        for piece in pieces:
            if piece:
                paragraph.add_run(piece).bold = bold or index % 2 == 1


def _cell(cell, lines: list[str], bold: bool = False, centred: bool = True) -> None:
    cell.paragraphs[0].text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        if centred:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(paragraph, line, bold=bold)


# Word's automatic numbering for the headings: upper Roman, then decimal below it.
_NUMBERING = ('<w:abstractNum {ns} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
              '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
              '</w:abstractNum>')


def _numbered(document, paragraph, level: int) -> None:
    numbering = document.part.numbering_part.element
    if not numbering.xpath('./w:num[@w:numId="77"]'):
        first = numbering.find(qn("w:num"))
        abstract = parse_xml(_NUMBERING.format(ns=nsdecls("w")))
        first.addprevious(abstract) if first is not None else numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))
    properties = paragraph._p.get_or_add_pPr()
    properties.append(parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr>'))


def write_docx(source: Path, target: Path, styled: bool = False) -> Path:
    """The report at `source` (text) as a Word document at `target` (see the module's docstring for `styled`)."""
    chunks: list[str] = []
    for chunk in re.split(r"\n\s*\n", source.read_text(encoding="utf-8")):
        chunk = chunk.strip("\n")
        if chunks and chunk[:1].islower() and not re.search(r"[.;:!?)”]$", chunks[-1]):
            chunks[-1] += " " + chunk  # a page break of the text copy: one paragraph in Word
        elif chunk.strip():
            chunks.append(chunk)
    document = docx.Document()
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = "Trang 1"
    agency, motto, number, date = [], [], "", ""
    while chunks and not chunks[0].startswith("BÁO CÁO"):
        lines = chunks.pop(0).split("\n")
        if lines[0].startswith("Số:"):
            number = lines[0].replace("Số: ", "Số:\t")
        elif ", ngày" in lines[0]:
            date = lines[0]
        elif lines[0].startswith("CỘNG HÒA"):
            motto = lines
        else:
            agency = lines
    if styled:  # two rows: agency and motto, then number and date
        header = document.add_table(rows=2, cols=2)
        _borderless(header)
        _cell(header.cell(0, 0), agency, bold=True)
        _cell(header.cell(0, 1), motto, bold=True)
        _cell(header.cell(1, 0), [number])
        _cell(header.cell(1, 1), [date])
    else:
        header = document.add_table(rows=1, cols=2)
        _borderless(header)
        _cell(header.cell(0, 0), agency, bold=True)
        header.cell(0, 0).add_paragraph(number).alignment = WD_ALIGN_PARAGRAPH.CENTER
        _cell(header.cell(0, 1), motto, bold=True)
        header.cell(0, 1).add_paragraph(date).alignment = WD_ALIGN_PARAGRAPH.CENTER
    kind, *title = chunks.pop(0).split("\n")
    for line in (kind, *title):
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _runs(paragraph, line, bold=True)
    document.add_paragraph("_______________").alignment = WD_ALIGN_PARAGRAPH.CENTER
    while chunks:
        chunk = chunks.pop(0)
        if chunk.startswith("Nơi nhận"):
            recipients = chunks.pop(0).split("\n")
            signature = chunks.pop(0).replace("**", "").split("\n")
            name = chunks.pop(0)
            if styled:  # signature first, then Nơi nhận, as plain paragraphs
                for line in ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"):
                    _runs(document.add_paragraph(), line, bold=True)
                document.add_paragraph().add_run("(Đã ký)").italic = True
                _runs(document.add_paragraph(), "Lê Thị Thu Hà", bold=True)
                document.add_paragraph().add_run("Nơi nhận:").bold = True
                for line in recipients:
                    document.add_paragraph(line)
                continue
            closing = document.add_table(rows=1, cols=2)
            _borderless(closing)
            _cell(closing.cell(0, 0), ["Nơi nhận:", *recipients], centred=False)
            right = closing.cell(0, 1)
            _cell(right, [signature[0]], bold=True)
            right.paragraphs[0].add_run().add_break()  # a soft line break inside the signature
            right.paragraphs[0].add_run(" ".join(signature[1:])).bold = True
            for line in ("", "", name):
                right.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.CENTER
            right.paragraphs[-1].runs[0].bold = True
            continue
        if chunk.startswith("|"):
            rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in chunk.split("\n")
                    if not re.fullmatch(r"[|\s:-]+", line)]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    table.cell(r, c).text = value.replace(" tỷ", "\u00a0tỷ")
            continue
        for line in chunk.split("\n"):
            heading = bool(ROMAN.match(line) or (HEADING.match(line) and not line.rstrip().endswith(".")
                                                and len(line) < 260 and ". " not in line[3:]))
            text = re.sub(r"(\d) (tỷ|triệu)", "\\1\u00a0\\2", line)
            if styled and heading and not text.startswith(("a)", "b)")):
                level = 0 if ROMAN.match(text) else 1
                paragraph = document.add_paragraph(style=f"Heading {level + 1}")
                _numbered(document, paragraph, level)
                _runs(paragraph, re.sub(r"^(?:[IVX]+|\d+)\. ", "", text))
            elif styled and text.startswith(("- ", "+ ")):
                paragraph = document.add_paragraph(style="List Bullet" if text[0] == "-" else "List Bullet 2")
                _runs(paragraph, text[2:], split_words=True)
            else:
                _runs(document.add_paragraph(), text, bold=heading, split_words=not heading)
    document.save(str(target))
    return target
