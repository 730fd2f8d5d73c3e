"""How the importer tells headings from text and splits a report into its parts (macros/report_structure.py).

A Word file marks its headings (bold or a heading style); there, an unmarked
numbered line is text. Plain text has no marks, so a numbered line is a
heading when it is short and not a sentence. Expectations written by hand.
"""

from __future__ import annotations

import pytest

from macros.report_structure import (Header, Heading, _closing, _closing_start, _header, _header_fields, _starts_closing,
                                     heading_of, is_heading_text, split)
from macros.source_reader import Paragraph, SourceDocument, Table
from tests.source_blocks import blocks, paragraph as line

WORD, TEXT = "Word (.docx)", "văn bản thuần (.txt)"


@pytest.mark.parametrize("paragraph", [line("Kết quả.", heading=True), line("Kết quả.", bold=True)])
def test_a_marked_line_is_a_heading_even_in_a_word_file(paragraph):
    assert is_heading_text(paragraph, "Kết quả.", strict=True)


def test_in_a_word_file_an_unmarked_line_is_not_a_heading():
    assert not is_heading_text(line("Kết quả"), "Kết quả", strict=True)


@pytest.mark.parametrize(("title", "heading"), [
    ("Kết quả thực hiện", True),
    ("a" * 250, True),
    ("a" * 251, False),
    ("Kết quả\nthực hiện", False),
    ("Kết quả thực hiện.", False),
    ("Kết quả thực hiện;", False),
    ("Kết quả thực hiện,", False),
    ("Tăng cường quản lý. Đẩy mạnh thu", False),
    ("Tăng cường quản lý; Ủy ban chỉ đạo", False),
])
def test_in_plain_text_a_heading_is_short_and_not_a_sentence(title, heading):
    assert is_heading_text(line(title), title, strict=False) is heading


@pytest.mark.parametrize(("text", "expected"), [
    ("I. KẾT QUẢ THỰC HIỆN", ("I", "KẾT QUẢ THỰC HIỆN", 1)),
    ("3. Kết quả thực hiện các nhiệm vụ", ("3", "Kết quả thực hiện các nhiệm vụ", 2)),
    ("1.2. Thu ngân sách", ("1.2", "Thu ngân sách", 3)),
    ("đ) Công tác khác", ("đ", "Công tác khác", 3)),
    ("I. " + "A" * 247, ("I", "A" * 247, 1)),
])
def test_numbered_lines_give_headings_of_their_level(text, expected):
    paragraph = line(text)
    found = heading_of(paragraph, strict=False)
    assert (found.number, found.title, found.level) == expected
    assert found.block is paragraph


@pytest.mark.parametrize("text", ["I. " + "A" * 248, "I. KẾT QUẢ\nTHỰC HIỆN", "Đoạn văn thường."])
def test_a_long_or_broken_roman_line_is_not_a_heading(text):
    assert heading_of(line(text), strict=False) is None


def test_an_unmarked_numbered_line_of_a_word_file_is_text():
    assert heading_of(line("1. Kết quả"), strict=True) is None
    assert heading_of(line("1. Kết quả", bold=True), strict=True) == Heading("1", "Kết quả", 2, line("1. Kết quả", True))


def report(kind: str, *, bold_heading: bool) -> SourceDocument:
    return SourceDocument((
        line("BÁO CÁO"), line("Tình hình năm"),
        line("I. KẾT QUẢ"), line("1. Mục một", bold=bold_heading), line("Đoạn một."),
        line("2. Mục hai ngắn"), line("Đoạn hai."),
        line("Nơi nhận:"), line("- Như trên;"), line("TM. ỦY BAN NHÂN DÂN"), line("CHỦ TỊCH"),
        line("Trần Văn A"), line("Dòng thêm"),
    ), "bao-cao", kind)


def outline(document: SourceDocument) -> list[tuple[str, list[str]]]:
    section = split(document).sections[0]
    return [(child.heading.number, [getattr(b, "text", None) or b.label for b in child.body])
            for child in section.children]


def test_a_word_file_with_marked_headings_takes_only_marked_lines_as_headings():
    assert outline(report(WORD, bold_heading=True)) == [("1", ["Đoạn một.", "2. Mục hai ngắn", "Đoạn hai."])]


def test_a_word_file_without_marked_headings_is_read_as_plain_text():
    assert outline(report(WORD, bold_heading=False)) == [("1", ["Đoạn một."]), ("2", ["Đoạn hai."])]


def test_plain_text_takes_short_numbered_lines_as_headings_even_when_one_is_bold():
    assert outline(report(TEXT, bold_heading=True)) == [("1", ["Đoạn một."]), ("2", ["Đoạn hai."])]


def test_the_closing_and_what_follows_it_are_kept():
    structure = split(report(TEXT, bold_heading=False))
    assert structure.closing.recipients == ("Như trên;",)
    assert structure.closing.signature == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    assert structure.closing.signer == "Trần Văn A"
    assert [block.text for block in structure.leftover] == ["Dòng thêm"]


def closing_of(*items: str | Paragraph):
    return _closing(blocks(*items))


def test_a_recipient_written_over_two_lines_is_one_recipient():
    closing, leftover = closing_of("Nơi nhận:", "- Thường trực Thành ủy", "(để b/c)", "- Lưu: VT.", "UBND phường")
    assert closing.recipients == ("Thường trực Thành ủy (để b/c)", "Lưu: VT.")
    assert closing.signed == "" and closing.signer == ""
    assert [block.text for block in leftover] == ["UBND phường"]


def test_the_signature_keeps_its_titles_the_signed_mark_and_the_name_in_order():
    closing, leftover = closing_of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Trần Văn A", "Nơi nhận:", "- Như trên;")
    assert (closing.signature, closing.signed, closing.signer) == (("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), "(Đã ký)",
                                                                  "Trần Văn A")
    assert closing.signature_first is True and closing.recipients == ("Như trên;",) and leftover == []


def test_recipients_first_and_no_signature_at_all():
    assert closing_of("Nơi nhận:", "- Như trên;", "TM. ỦY BAN NHÂN DÂN")[0].signature_first is False
    assert closing_of("Nơi nhận:", "- Như trên;")[0].signature_first is False


def test_an_empty_line_inside_a_block_is_skipped_not_the_end_of_it():
    closing, _ = closing_of("Nơi nhận:\n\n- Như trên;\n- Lưu: VT.")
    assert closing.recipients == ("Như trên;", "Lưu: VT.")


def test_the_closing_read_from_a_words_table():
    cells = ((line("Nơi nhận:\n- Như trên;"),), (line("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nTrần Văn A"),))
    closing, _ = _closing([Table(((cells[0], cells[1]),))])
    assert closing.recipients == ("Như trên;",) and closing.signer == "Trần Văn A"


def test_a_line_left_over_in_a_table_keeps_the_line_of_its_own_paragraph():
    cell = (line("CHỦ TỊCH\nTrần Văn A", line=51), line("Dòng thêm", line=53))
    _, leftover = _closing([Table(((cell,),), line=50)])
    assert [(block.text, block.line) for block in leftover] == [("Dòng thêm", 53)]


def test_lines_left_over_from_every_block_are_kept_as_plain_text_with_their_source_line():
    _, leftover = closing_of(line("CHỦ TỊCH", line=40), "Trần Văn A", line("Dòng một", line=42),
                             line("Ghi chú", heading=True, line=44))
    assert [(block.text, block.heading, block.line) for block in leftover] == [("Dòng một", False, 42),
                                                                             ("Ghi chú", False, 44)]


@pytest.mark.parametrize(("body", "start"), [
    (["Đoạn một."], 1),
    (["Đoạn một.", "TM. ỦY BAN NHÂN DÂN"], 1),
    (["CHỦ TỊCH"], 0),
    (["Nơi nhận:", "x" * 160, "CHỦ TỊCH"], 0),
    (["Nơi nhận:", "x" * 161, "CHỦ TỊCH"], 2),
    (["Nơi nhận:", "II. HẠN CHẾ", "CHỦ TỊCH"], 2),
])
def test_the_closing_starts_at_its_first_block_after_the_last_long_paragraph(body, start):
    assert _closing_start([line(text) for text in body]) == start


def test_an_empty_block_does_not_start_the_closing():
    assert not _starts_closing(line(""))


def header_of(*items: str | Paragraph | Table):
    return _header(blocks(*items))


def test_the_title_runs_on_after_the_kind_while_its_lines_are_short_marked_and_not_sentences():
    start, header = header_of("UBND THÀNH PHỐ", "BÁO CÁO", "Công tác chính quyền năm 2023",
                              line("và nhiệm vụ năm 2024", bold=True), "____", "Đoạn mở đầu.")
    assert (start, header.title, header.agency_lines) == (5, "Công tác chính quyền năm 2023 và nhiệm vụ năm 2024",
                                                          ("UBND THÀNH PHỐ",))


def test_after_the_first_title_line_an_unmarked_line_is_text():
    assert header_of("BÁO CÁO", "Công tác", "năm 2023")[0] == 2
    assert header_of("BÁO CÁO", "Công tác", line("năm 2023", heading=True))[0] == 3


@pytest.mark.parametrize(("after", "taken"), [
    ("a" * 200, True), ("a" * 201, False), ("Tình hình chung.", False), ("Tình hình chung;", False),
    ("Tình hình\nchung", False), ("I. KẾT QUẢ", False),
])
def test_what_may_continue_a_title(after, taken):
    assert header_of("BÁO CÁO", after)[0] == (2 if taken else 1)


def test_a_table_after_the_kind_is_not_part_of_the_title():
    assert header_of("BÁO CÁO", Table((((line("Tình hình"),),),)))[0] == 1


def test_a_title_on_the_kinds_own_line_and_in_the_same_block():
    assert header_of("BÁO CÁO Tình hình năm 2023")[1].title == "Tình hình năm 2023"
    start, header = header_of("UBND\nBÁO CÁO Công tác\nnăm 2023", "Đoạn.")
    assert (start, header.title, header.agency_lines) == (1, "Công tác năm 2023", ("UBND",))


def test_decoration_ends_the_title_and_is_skipped():
    assert header_of("BÁO CÁO", "Tình hình", "____", line("năm 2023", bold=True))[0] == 3
    assert header_of("BÁO CÁO", "Tình hình", "____", "- - -", "Đoạn.")[0] == 4
    assert header_of("BÁO CÁO", "Tình hình", "____")[0] == 3


def test_the_kind_is_looked_for_in_the_first_twenty_blocks_only():
    assert header_of(*["Dòng."] * 19, "BÁO CÁO", "Tình hình")[0] == 21
    assert header_of(*["Dòng."] * 20, "BÁO CÁO", "Tình hình") == (0, Header())


AGENCY, MOTTO, FREEDOM = "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI DƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", \
    "Độc lập - Tự do - Hạnh phúc"


@pytest.mark.parametrize(("lines", "layout"), [
    ([AGENCY, "Số: 15/BC-UBND", MOTTO, FREEDOM, "Hải Dương, ngày 5 tháng 1 năm 2024"], "cot"),
    ([MOTTO, FREEDOM, AGENCY, "Số: 15/BC-UBND"], "dong"),
    # Read row by row from a table: agency, motto, number, the motto's second line, date.
    ([AGENCY, MOTTO, "Số: 15/BC-UBND", FREEDOM, "Hải Dương, ngày 5 tháng 1 năm 2024"], "hang"),
])
def test_the_header_layout_follows_the_order_of_its_parts(lines, layout):
    header = _header_fields(lines, "BÁO CÁO", "Tình hình")
    assert (header.layout, header.agency_lines, header.motto_lines, header.number, header.symbol) == (
        layout, (AGENCY,), (MOTTO, FREEDOM), "15", "BC-UBND")


def test_a_number_typed_after_a_tab_on_the_last_lines_is_read():
    header = _header_fields([AGENCY, "Số:", "15/BC-UBND"], "BÁO CÁO", "")
    assert (header.number, header.symbol, header.agency_lines) == ("15", "BC-UBND", (AGENCY,))


def test_a_date_with_its_day_and_month_left_blank():
    header = _header_fields(["Hải Dương, ngày   tháng   năm 2024"], "BÁO CÁO", "")
    assert (header.place, header.day, header.month, header.year) == ("Hải Dương", None, None, 2024)
    dated = _header_fields(["Hải Dương, ngày 05 tháng 01 năm 2024"], "BÁO CÁO", "")
    assert (dated.day, dated.month) == (5, 1)
