"""Reading Word's own structures: numbering Word draws, emphasis from styles, runs inside other elements, merged cells.

Each document is a few paragraphs of WordprocessingML written in the test
(python-docx saves it as a real .docx), so each case shows exactly what Word
stores and what a reader of the report sees: "II." before a heading Word
numbers itself, bold that comes from a style, text inside a hyperlink or a
tracked insertion, a merged cell read once. Expected values are written out
by hand, as Word displays them.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from macros.source_reader import Paragraph, Span, Table, read_source

W = nsdecls("w")


def run(text: str, properties: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{properties}</w:rPr>" if properties else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def numbered(text: str, num_id: int, level: int | None = 0, properties: str = "") -> str:
    """A paragraph numbered by Word (numId, ilvl), its text in one run."""
    ilvl = f'<w:ilvl w:val="{level}"/>' if level is not None else ""
    return f'<w:pPr><w:numPr>{ilvl}<w:numId w:val="{num_id}"/></w:numPr></w:pPr>{run(text, properties)}'


def level(ilvl: int, kind: str | None, text: str, start: int | None = None) -> str:
    fmt = f'<w:numFmt w:val="{kind}"/>' if kind else ""
    begin = f'<w:start w:val="{start}"/>' if start is not None else ""
    return f'<w:lvl w:ilvl="{ilvl}">{begin}{fmt}<w:lvlText w:val="{text}"/></w:lvl>'


def word(tmp_path: Path, *paragraphs: str, numbering: dict[int, list[str]] | None = None,
         nums: dict[int, int] | None = None, setup=None) -> tuple:
    """The blocks python-docx-saved Word gives back: `paragraphs` are the insides of <w:p> elements.

    `numbering` maps an abstract numbering's id to its levels; `nums` a numId to the abstract it uses
    (by default each abstract id is also a numId). `setup(document)` may add styles or tables first.
    """
    document = docx.Document()
    if setup:
        setup(document)
    element = document.part.numbering_part.element
    first_num = element.find(f'{{{element.nsmap["w"]}}}num')
    for abstract, levels in (numbering or {}).items():
        first_num.addprevious(parse_xml(f'<w:abstractNum {W} w:abstractNumId="{abstract}">{"".join(levels)}'
                                        f'</w:abstractNum>'))
    for num, abstract in (nums or {key: key for key in numbering or {}}).items():
        element.append(parse_xml(f'<w:num {W} w:numId="{num}"><w:abstractNumId w:val="{abstract}"/></w:num>'))
    body = document.element.body
    for inside in paragraphs:
        body.sectPr.addprevious(parse_xml(f"<w:p {W}>{inside}</w:p>"))
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))
    return read_source(path).blocks


def texts(blocks) -> list[str]:
    return [block.text for block in blocks]


# --------------------------------------------------------------------------
# Numbering Word draws
# --------------------------------------------------------------------------

HEADINGS = {90: [level(0, "upperRoman", "%1."), level(1, "decimal", "%2."), level(2, "lowerLetter", "%3)"),
                 level(3, "decimalZero", "%2.%4", start=3), level(4, "lowerRoman", "%3-%5")]}


def test_word_numbering_is_written_as_word_shows_it(tmp_path):
    blocks = word(tmp_path, numbered("KẾT QUẢ", 90, 0), numbered("Kinh tế", 90, 1), numbered("Xã hội", 90, 1),
                  numbered("Giáo dục", 90, 2), numbered("Y tế", 90, 2), numbered("NHIỆM VỤ", 90, 0),
                  numbered("Đầu tư", 90, 1), numbered("Dự án", 90, 3), numbered("Vốn", 90, 3),
                  numbered("Gói thầu", 90, 4), numbering=HEADINGS)
    assert texts(blocks) == ["I. KẾT QUẢ", "1. Kinh tế", "2. Xã hội", "a) Giáo dục", "b) Y tế", "II. NHIỆM VỤ",
                             "1. Đầu tư", "1.03 Dự án", "1.04 Vốn", "a-i Gói thầu"]


def test_numbering_counts_from_its_start_in_every_format(tmp_path):
    numbering = {91: [level(0, "upperLetter", "%1.", start=27), level(1, "lowerRoman", "(%2)", start=4),
                      level(2, "lowerLetter", "%3)", start=26)],
                 92: [level(0, "upperRoman", "Phần %1:", start=1994)], 93: [level(0, None, "%1/")]}
    blocks = word(tmp_path, numbered("Một", 91, 0), numbered("Hai", 91, 1), numbered("Ba", 91, 1),
                  numbered("Chín", 91, 2), numbered("Bốn", 91, 0), numbered("Năm", 92), numbered("Sáu", 93),
                  numbered("Bảy", 93), numbering=numbering)
    assert texts(blocks) == ["AA. Một", "(iv) Hai", "(v) Ba", "z) Chín", "BB. Bốn", "Phần MCMXCIV: Năm", "1/ Sáu",
                             "2/ Bảy"]


def test_a_numbered_paragraph_without_a_level_is_at_the_first_level(tmp_path):
    blocks = word(tmp_path, numbered("Một", 90, 0), numbered("Hai", 90, None), numbering=HEADINGS)
    assert texts(blocks) == ["I. Một", "II. Hai"]


def test_two_lists_of_one_definition_share_its_counters(tmp_path):
    blocks = word(tmp_path, numbered("Một", 94), numbered("Hai", 95), numbered("Ba", 94),
                  numbering={96: [level(0, "decimal", "%1.")]}, nums={94: 96, 95: 96})
    assert texts(blocks) == ["1. Một", "2. Hai", "3. Ba"]


@pytest.mark.parametrize(("num_id", "numbering", "nums"), [
    (0, {90: HEADINGS[90]}, None),                           # numId 0: Word's "no numbering"
    (90, {90: [level(0, "none", "%1.")]}, None),             # a level that draws nothing
    (90, {90: [level(0, "decimal", "")]}, None),             # a level with no text
    (97, {90: HEADINGS[90]}, None),                          # a numId with no definition
    (90, {90: [level(1, "decimal", "%2.")]}, None),          # no definition for this level
    (98, {90: HEADINGS[90]}, {98: 99}),                      # a numId whose abstract numbering is missing
])
def test_numbering_that_draws_nothing_adds_nothing(tmp_path, num_id, numbering, nums):
    assert texts(word(tmp_path, numbered("Nội dung", num_id), numbering=numbering, nums=nums)) == ["Nội dung"]


def without_numbering_part(document) -> None:
    """Word files made by other programs may have no numbering definitions at all."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    rels = document.part.rels
    for key in [key for key, rel in rels.items() if rel.reltype == RT.NUMBERING]:
        del rels[key]


def test_a_numbered_paragraph_in_a_file_without_numbering_definitions_keeps_its_text(tmp_path):
    path = tmp_path / "bao-cao.docx"
    document = docx.Document()
    without_numbering_part(document)
    document.element.body.sectPr.addprevious(parse_xml(f"<w:p {W}>{numbered('Nội dung', 1)}</w:p>"))
    document.save(str(path))
    assert texts(read_source(path).blocks) == ["Nội dung"]


@pytest.mark.parametrize(("level_", "style", "shown"), [
    (0, None, "- Duy trì"), (1, None, "+ Duy trì"), (0, "ListBullet2", "+ Duy trì"), (0, "ListBullet", "- Duy trì"),
])
def test_word_bullets_are_dashes_and_the_level_below_is_a_plus(tmp_path, level_, style, shown):
    style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
    inside = (f'<w:pPr>{style_xml}<w:numPr><w:ilvl w:val="{level_}"/><w:numId w:val="89"/></w:numPr></w:pPr>'
              + run("Duy trì"))
    numbering = {89: [level(0, "bullet", "•"), level(1, "bullet", "o")]}
    assert texts(word(tmp_path, inside, numbering=numbering)) == [shown]


def test_list_styles_of_the_word_template_are_bullets_at_their_level(tmp_path):
    blocks = word(tmp_path, '<w:pPr><w:pStyle w:val="ListBullet"/></w:pPr>' + run("Một"),
                  '<w:pPr><w:pStyle w:val="ListBullet2"/></w:pPr>' + run("Hai"))
    assert texts(blocks) == ["- Một", "+ Hai"]


def styles_with_numbering(document) -> None:
    numbered_style = document.styles.add_style("Muc", WD_STYLE_TYPE.PARAGRAPH)
    numbered_style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="1"/><w:numId w:val="90"/></w:numPr>'))
    below = document.styles.add_style("Muc con", WD_STYLE_TYPE.PARAGRAPH)
    below.base_style = numbered_style


def test_numbering_set_on_a_style_or_its_base_style(tmp_path):
    blocks = word(tmp_path, '<w:pPr><w:pStyle w:val="Muc"/></w:pPr>' + run("Kinh tế"),
                  '<w:pPr><w:pStyle w:val="Mu"/></w:pPr>' + run("Không số"),
                  '<w:pPr><w:pStyle w:val="Muccon"/></w:pPr>' + run("Xã hội"),
                  numbering=HEADINGS, setup=styles_with_numbering)
    assert texts(blocks) == ["1. Kinh tế", "Không số", "2. Xã hội"]


def test_the_number_takes_the_emphasis_of_the_first_words(tmp_path):
    [heading] = word(tmp_path, '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr>'
                     + run(" ") + run("KẾT QUẢ", "<w:b/>") + run(" năm", "<w:i/>"), numbering=HEADINGS)
    assert heading.text == "I. KẾT QUẢ năm"
    assert [(span.text, span.bold, span.italic) for span in heading.spans] == [
        ("I. ", True, False), ("KẾT QUẢ", True, False), (" năm", False, True)]


def test_an_empty_numbered_paragraph_is_left_out(tmp_path):
    blocks = word(tmp_path, numbered("Một", 90), numbered(" ", 90), numbered("Hai", 90), numbering=HEADINGS)
    assert texts(blocks) == ["I. Một", "III. Hai"]


# --------------------------------------------------------------------------
# Emphasis and headings
# --------------------------------------------------------------------------

def emphasis_styles(document) -> None:
    bold_style = document.styles.add_style("Dam", WD_STYLE_TYPE.PARAGRAPH)
    bold_style.font.bold = True
    below = document.styles.add_style("Dam con", WD_STYLE_TYPE.PARAGRAPH)
    below.base_style = bold_style
    italic_style = document.styles.add_style("Nghieng", WD_STYLE_TYPE.PARAGRAPH)
    italic_style.font.italic = True
    document.styles.add_style("Chu nghieng", WD_STYLE_TYPE.CHARACTER).font.italic = True
    document.styles.add_style("Chu dam", WD_STYLE_TYPE.CHARACTER).font.bold = True
    document.styles.add_style("Chu thuong", WD_STYLE_TYPE.CHARACTER)


@pytest.mark.parametrize(("inside", "spans"), [
    (run("Đậm", "<w:b/>") + run(" và nghiêng", "<w:i/>"), (Span("Đậm", True), Span(" và nghiêng", italic=True))),
    ('<w:pPr><w:pStyle w:val="Dam"/></w:pPr>' + run("Cả đoạn đậm"), (Span("Cả đoạn đậm", True),)),
    ('<w:pPr><w:pStyle w:val="Damcon"/></w:pPr>' + run("Đậm theo kiểu gốc"), (Span("Đậm theo kiểu gốc", True),)),
    ('<w:pPr><w:pStyle w:val="Dam"/></w:pPr>' + run("Trừ chỗ này", '<w:b w:val="0"/>') + run(" đậm"),
     (Span("Trừ chỗ này"), Span(" đậm", True))),
    ('<w:pPr><w:pStyle w:val="Nghieng"/></w:pPr>' + run("Nghiêng cả đoạn"), (Span("Nghiêng cả đoạn", italic=True),)),
    ('<w:pPr><w:pStyle w:val="Nghieng"/></w:pPr>' + run("Thẳng", '<w:i w:val="0"/>'), (Span("Thẳng"),)),
    (run("Kiểu ký tự", '<w:rStyle w:val="Chunghieng"/>') + run(" thường"),
     (Span("Kiểu ký tự", italic=True), Span(" thường"))),
    (run("Đậm theo kiểu ký tự", '<w:rStyle w:val="Chudam"/>'), (Span("Đậm theo kiểu ký tự", True),)),
    ('<w:pPr><w:pStyle w:val="Dam"/></w:pPr>' + run("Kiểu ký tự không đậm", '<w:rStyle w:val="Chuthuong"/>'),
     (Span("Kiểu ký tự không đậm", True),)),
    ('<w:pPr><w:pStyle w:val="Nghieng"/></w:pPr>' + run("Ký tự", '<w:rStyle w:val="Chuthuong"/>'),
     (Span("Ký tự", italic=True),)),
    (run("Thường"), (Span("Thường"),)),
])
def test_emphasis_from_runs_paragraph_styles_base_styles_and_character_styles(tmp_path, inside, spans):
    [paragraph] = word(tmp_path, inside, setup=emphasis_styles)
    assert paragraph.spans == spans


@pytest.mark.parametrize(("style", "heading"), [
    ("Heading2", True), ("Title", True), ("Subtitle", False), ("Normal", False), ("ListBullet", False),
])
def test_word_heading_and_title_styles_mark_headings(tmp_path, style, heading):
    [paragraph] = word(tmp_path, f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' + run("Tiêu đề"))
    assert paragraph.heading is heading


# --------------------------------------------------------------------------
# Where Word keeps text
# --------------------------------------------------------------------------

def test_text_inside_links_insertions_tags_content_controls_and_fields_is_read(tmp_path):
    inside = (run("Xem ") + f'<w:hyperlink w:anchor="a">{run("Quyết định")}</w:hyperlink>'
              + f'<w:ins w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z">{run(" số 15")}</w:ins>'
              + f'<w:smartTag w:uri="u" w:element="e">{run(" ngày")}</w:smartTag>'
              + f'<w:sdt><w:sdtContent>{run(" 12/01/2025")}</w:sdtContent></w:sdt>'
              + f'<w:fldSimple w:instr="PAGE">{run(" của")}</w:fldSimple>'
              + '<w:del w:id="2" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:delText> đã xóa</w:delText>'
                '</w:r></w:del>' + run(" UBND."))
    assert texts(word(tmp_path, inside)) == ["Xem Quyết định số 15 ngày 12/01/2025 của UBND."]


def test_spaces_are_tidied_and_each_block_knows_its_place(tmp_path):
    blocks = word(tmp_path, run("  Một\u00a0 đoạn  ") + run("  tiếp  "), "", run("   "), run("Hai\tcột"))
    assert [(block.text, block.line) for block in blocks] == [("Một đoạn tiếp", 1), ("Hai\tcột", 4)]


def merged_table(document) -> None:
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "Chỉ tiêu"
    table.cell(0, 2).text = "Năm 2024"
    table.cell(1, 0).text = "Thu"
    table.cell(1, 1).text = "1.633"
    table.cell(1, 2).merge(table.cell(2, 2)).text = "125%"
    table.cell(2, 0).text = "Chi"
    second = table.cell(2, 1)
    second.text = "Dòng một"
    second.add_paragraph("")
    second.add_paragraph("Dòng hai")
    document.add_paragraph("Sau bảng")


def test_a_merged_cell_is_read_once_where_it_starts_and_empty_lines_in_cells_are_dropped(tmp_path):
    table, after = word(tmp_path, setup=merged_table)
    assert isinstance(table, Table) and isinstance(after, Paragraph)
    assert [[tuple(paragraph.text for paragraph in cell) for cell in row] for row in table.rows] == [
        [("Chỉ tiêu",), (), ("Năm 2024",)],
        [("Thu",), ("1.633",), ("125%",)],
        [("Chi",), ("Dòng một", "Dòng hai"), ()],
    ]
    assert (table.line, after.line) == (1, 2)
    assert [paragraph.line for paragraph in table.rows[2][1]] == [1, 1]


def test_a_level_that_names_an_unused_or_undefined_level_counts_from_its_start(tmp_path):
    numbering = {88: [level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)", start=3),
                      level(2, "decimal", "%1.%2.%3"), level(3, "decimal", "%1.%9/%4"),
                      level(4, "ordinal", "%5"), level(5, "cardinalText", "%1-%6")]}
    blocks = word(tmp_path, numbered("Một", 88, 0), numbered("Ba", 88, 2), numbered("Bốn", 88, 3),
                  numbered("Năm", 88, 4), numbered("Sáu", 88, 5), numbering=numbering)
    assert texts(blocks) == ["1. Một", "1.c.1 Ba", "1.1/1 Bốn", "1 Năm", "1-1 Sáu"]


def test_a_number_takes_italic_too_and_a_paragraph_of_blank_runs_is_left_out(tmp_path):
    blocks = word(tmp_path, numbered("Nghiêng", 90, 0, "<w:i/>"),
                  '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr>' + run(" ") + run("  "),
                  numbered("Tiếp", 90, 0), numbering=HEADINGS)
    assert [block.spans for block in blocks] == [(Span("I. Nghiêng", italic=True),), (Span("III. Tiếp"),)]


def numbered_table(document) -> None:
    table = document.add_table(rows=1, cols=1)
    cell = table.cell(0, 0)._tc
    cell.remove(cell.p_lst[0])
    cell.append(parse_xml(f"<w:p {W}>{numbered('Trong bảng', 90, 0)}</w:p>"))


def test_numbering_inside_a_table_and_the_files_name(tmp_path):
    [table] = word(tmp_path, numbering=HEADINGS, setup=numbered_table)
    assert table.cell_text(0, 0) == "I. Trong bảng"
    assert read_source(tmp_path / "bao-cao.docx").name == "bao-cao.docx"


def test_a_damaged_word_file_says_so_and_how_to_save_it(tmp_path):
    from macros.errors import EditorErrors
    from macros.source_reader import HOW_TO_SAVE_DOCX
    path = tmp_path / "hong.docx"
    path.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(EditorErrors) as caught:
        read_source(path, "hong.docx")
    [error] = caught.value.errors
    assert (error.file, error.problem, error.fix) == (
        "hong.docx", "Không đọc được tệp Word này (tệp hỏng hoặc không phải .docx thật).", HOW_TO_SAVE_DOCX)
