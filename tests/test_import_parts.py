"""The importer's parts on the small cases real Word files bring, without building a site.

Each case is a way agencies write what the 2024 fixture writes differently:
a header typed with tabs, a motto with en dashes, a signature before "Nơi
nhận", a table with a two-row heading, numbers the report writes in its own
ways. Expected values are written out by hand.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from macros.draft_pages import row_label, table_headings
from macros.figure_finder import document_kind, find, unit_after
from macros.importer import agency_names
from macros.report_structure import split
from macros.source_reader import SourceDocument, Table
from tests.source_blocks import paragraph, table


def document(*blocks) -> SourceDocument:
    return SourceDocument(tuple(blocks), "x.docx", "Word (.docx)")


BODY = [paragraph("BÁO CÁO", True), paragraph("Công tác chính quyền năm 2024 và nhiệm vụ năm 2025", True),
        paragraph("I. KẾT QUẢ THỰC HIỆN", True), paragraph("Nội dung.")]


def test_a_header_typed_with_tabs_is_read_line_by_line_across():
    header = split(document(paragraph("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                            paragraph("THÀNH PHỐ HẢI DƯƠNG\tĐộc lập - Tự do - Hạnh phúc"),
                            paragraph("Số:\t15/BC-UBND\tHải Dương, ngày 12 tháng 01 năm 2025"), *BODY)).header
    assert header.agency_lines == ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI DƯƠNG")
    assert header.motto_lines == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    assert (header.number, header.symbol, header.place, header.day, header.month, header.year) == (
        "15", "BC-UBND", "Hải Dương", 12, 1, 2025)
    assert header.layout == "dong"


@pytest.mark.parametrize(("cells", "layout"), [
    ([["ỦY BAN NHÂN DÂN", "Số: 08/BC-UBND"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hải Dương, ngày 9 tháng 1 năm 2025"]],
     "cot"),
    ([["ỦY BAN NHÂN DÂN"], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: 08/BC-UBND"],
      ["Hải Dương, ngày 9 tháng 1 năm 2025"]], "hang"),
])
def test_the_order_the_header_reads_in_is_kept(cells, layout):
    rows = ((tuple(tuple(paragraph(line) for line in cell) for cell in cells[:2]),) if layout == "cot" else
            (tuple((paragraph(cell[0]),) for cell in cells[:2]), tuple((paragraph(cell[0]),) for cell in cells[2:])))
    header = split(document(Table(rows), *BODY)).header
    assert header.layout == layout and header.number == "08"


def test_a_motto_with_en_dashes_is_the_motto():
    header = split(document(paragraph("ỦY BAN NHÂN DÂN"), paragraph("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                            paragraph("Độc lập – Tự do – Hạnh phúc"), *BODY)).header
    assert header.agency_lines == ("ỦY BAN NHÂN DÂN",) and len(header.motto_lines) == 2


@pytest.mark.parametrize(("lines", "names"), [
    (("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI DƯƠNG"), ["Ủy ban nhân dân thành phố Hải Dương"]),
    (("UBND TỈNH HẢI DƯƠNG", "UBND THÀNH PHỐ HẢI DƯƠNG"),
     ["Ủy ban nhân dân tỉnh Hải Dương", "Ủy ban nhân dân thành phố Hải Dương"]),
    (("ỦY BAN NHÂN DÂN", "HUYỆN GIA LỘC"), ["Ủy ban nhân dân huyện Gia Lộc"]),
    (("HỘI ĐỒNG NHÂN DÂN", "XÃ AN PHÚ"), ["Hội đồng nhân dân xã An Phú"]),
])
def test_the_agency_is_named_in_running_text(lines, names):
    assert agency_names(lines) == names


def test_a_signature_typed_before_the_recipients_without_a_table():
    closing = split(document(*BODY, paragraph("Trên đây là báo cáo."), paragraph("TM. ỦY BAN NHÂN DÂN", True),
                             paragraph("KT. CHỦ TỊCH", True), paragraph("PHÓ CHỦ TỊCH", True),
                             paragraph("(Đã ký)"), paragraph("Lê Thị Thu Hà", True), paragraph("Nơi nhận:"),
                             paragraph("- Như trên;"), paragraph("- Lưu: VT."))).closing
    assert closing.signature == ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert (closing.signed, closing.signer, closing.signature_first) == ("(Đã ký)", "Lê Thị Thu Hà", True)
    assert closing.recipients == ("Như trên;", "Lưu: VT.")


def test_the_last_sentence_is_not_taken_for_the_closing():
    structure = split(document(*BODY, paragraph("Trên đây là báo cáo công tác chính quyền năm 2024."),
                               paragraph("Nơi nhận:"), paragraph("- Lưu: VT.")))
    assert structure.sections[0].body[-1].text == "Trên đây là báo cáo công tác chính quyền năm 2024."


def test_a_two_row_table_heading_with_merged_cells():
    rows = ((("TT",), ("Chỉ tiêu",), ("Năm 2024",), (), ("So sánh TH/KH (%)",)),
            ((), (), ("Kế hoạch",), ("Thực hiện",), ()),
            (("1",), ("Thu tiền sử dụng đất",), ("520,000",), ("702,180",), ("135,0",)),
            (("Tổng cộng",), (), ("1.377,800",), ("1.834,100",), ("133,1",)))
    drawn = table(*rows, bold_rows=2)
    headings, header_rows = table_headings(drawn)
    assert header_rows == 2
    assert headings == ["TT", "Chỉ tiêu", "Năm 2024 · Kế hoạch", "Năm 2024 · Thực hiện", "So sánh TH/KH (%)"]
    assert [row_label(row, headings) for row in drawn.rows[2:]] == ["Thu tiền sử dụng đất", "Tổng cộng"]


@pytest.mark.parametrize(("text", "found"), [
    ("đoạn Quốc lộ 5 qua thành phố", [("ten", "Quốc lộ 5")]),
    ("phòng chống dịch COVID-19", [("ten", "COVID-19")]),
    ("từ ngày 20/12 đến nay", [("ngay", "20/12")]),
    ("đến tháng 6/2024", [("thang", "6/2024")]),
    ("diện tích 1.234,5 ha", [("so_luong", "1.234,5")]),
    ("tỷ lệ 3/4 hộ", [("ti_so", "3/4")]),
    ("Luật số 47/2019/QH14 của Quốc hội", [("van_ban", "47/2019/QH14")]),
    ("thu 65 triệu đồng/người", [("tien", "65 triệu đồng")]),
    ("tăng 8,4% so với", [("ti_le", "8,4%")]),
    ("nhiệm kỳ 2021 - 2026", [("khoang", "2021 - 2026")]),
    ("kỷ niệm 8/3 và 45/3", [("ngay", "8/3"), ("ten", "45/3")]),
])
def test_each_number_is_found_as_what_it_is(text, found):
    items = find(text, year=2024)
    assert [(item.kind, item.text) for item in items] == found
    assert all(item.value.text == item.text for item in items if item.kind != "van_ban")


def test_document_kinds_come_from_their_symbols():
    assert [document_kind(number) for number in ("47/2019/QH14", "100/2019/NĐ-CP", "92-KL/TU", "95/CTTr-UBND")] == [
        "Luật", "Nghị định", "Kết luận", "Chương trình"]


def test_the_issuer_ubnd_is_not_a_kind_and_a_number_without_one_is_a_document():
    assert [document_kind(number) for number in ("95/UBND-KH", "2043/UBND-VP", "15/XYZ")] == [
        "Kế hoạch", "Văn bản", "Văn bản"]


def test_every_digit_of_a_sentence_ends_in_some_figure():
    text = "Năm 2024 có 1.234 hộ, đạt 12,5%, mã Quý4 và KV1, trên 3 tầng (x2)."
    claimed = {index for item in find(text, year=2024) for index in range(item.start, item.end)}
    assert all(index in claimed for index, char in enumerate(text) if char.isdigit()), find(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789 .,;:/-–%()ađêơưĐ ABTKQVtỷriệuđồngnămháy", max_size=60))
def test_any_text_has_every_digit_in_a_figure_that_writes_back_exactly(text):
    found = find(text, year=2024)
    claimed = {index for item in found for index in range(item.start, item.end)}
    assert all(index in claimed for index, char in enumerate(text) if char.isdigit())
    for item in found:
        assert text[item.start:item.end] == item.text
        if item.value is not None:
            assert item.value.text == item.text


@pytest.mark.parametrize(("text", "end", "unit"), [
    ("họp 50 phiên họp thường kỳ", 6, "phiên họp"),
    ("giải ngân 06 dự án và", 12, "dự án"),
    ("5 cán bộ công chức", 1, "cán bộ"),
    ("12 hộ, 30 người", 2, "hộ"),
    ("12 hộ 30 người", 2, "hộ"),
    ("12 hộ được hỗ trợ", 2, "hộ"),
    ("có 3 Phòng Tư pháp", 4, "Phòng"),
    ("5\thộ", 1, "hộ"),
    ("tổng 5, trong đó", 6, ""),
    ("tổng 5 (năm)", 6, ""),
    ("tổng 5 ; còn", 6, ""),
    ("tổng 5", 6, ""),
    ("5 và 6", 1, ""),
    ("5 Năm", 1, ""),
    ("5m2 đất", 1, ""),
    ("5m2 đất", 3, "đất"),
    ("5 " + "x" * 45, 1, "x" * 39),
])
def test_the_unit_of_a_count_is_the_words_right_after_it(text, end, unit):
    assert unit_after(text, end) == unit


@pytest.mark.parametrize(("rows", "bold_rows", "headings", "count"), [
    # a second row all bold is a heading row; one with plain words and no empty cell is data
    ([("Chỉ tiêu", "Năm 2024"), ("Thu", "Kế hoạch"), ("Chi", "5")], 2, ["Chỉ tiêu · Thu", "Năm 2024 · Kế hoạch"], 2),
    ([("Chỉ tiêu", "Năm 2024"), ("Thu", "Kế hoạch"), ("Chi", "5")], 1, ["Chỉ tiêu", "Năm 2024"], 1),
    # digits make a row data, a year does not; a heading repeated below is named once
    ([("Chỉ tiêu", "Năm"), ("Chỉ tiêu", "2024"), ("Thu", "5")], 2, ["Chỉ tiêu", "Năm · 2024"], 2),
    ([("Chỉ tiêu", "Số"), ("", "12"), ("Thu", "5")], 1, ["Chỉ tiêu", "Số"], 1),
    # at most three heading rows, and a table of headings only
    ([("A", "B"), ("C", "D"), ("E", "F"), ("G", "H"), ("Thu", "5")], 5, ["A · C · E", "B · D · F"], 3),
    ([("A", "B"), ("", "D")], 1, ["A", "B · D"], 2),
    # an empty first heading cell stays empty; a cell with two lines is one heading
    ([("", ("Thực hiện", "(tỷ đồng)")), ("Thu", "5")], 1, ["", "Thực hiện (tỷ đồng)"], 1),
    # a short heading row, and a cell merged from above is not spanned from the left
    ([("Chỉ tiêu", "Năm 2024", "", "Ghi chú"), ("", "Kế hoạch", "Thực hiện", ""), ("Thu", "5", "6", "")], 1,
     ["Chỉ tiêu", "Năm 2024 · Kế hoạch", "Năm 2024 · Thực hiện", "Ghi chú"], 2),
    ([("Chỉ tiêu", "Năm 2024", "Ghi chú"), ("", "Kế hoạch"), ("Thu", "5", "6")], 1,
     ["Chỉ tiêu", "Năm 2024 · Kế hoạch", "Ghi chú"], 2),
    ([("Chỉ tiêu",), ("Thu", "5")], 1, ["Chỉ tiêu", ""], 1),
])
def test_table_headings_in_the_ways_agencies_draw_them(rows, bold_rows, headings, count):
    assert table_headings(table(*rows, bold_rows=bold_rows)) == (headings, count)


def test_an_empty_table_has_no_headings():
    assert table_headings(Table(())) == ([], 1)


@pytest.mark.parametrize(("cells", "label"), [
    (("IV", "Thu ngân sách", "5"), "Thu ngân sách"), (("iv", "Chi", "5"), "Chi"), (("1.2", "Vốn"), "Vốn"),
    (("", "Thu"), "Thu"), (("12", "5"), ""),
])
def test_a_rows_label_is_its_first_words_that_are_not_a_row_number(cells, label):
    row = table(cells, bold_rows=0).rows[0]
    assert row_label(row, []) == label


def test_a_heading_row_wider_than_the_one_above_and_a_heading_named_once_in_three_rows():
    assert table_headings(table(("A",), ("", "B"), ("Thu", "5"), bold_rows=2)) == (["A", "B"], 2)
    assert table_headings(table(("A", "X"), ("B", "Y"), ("B", "Z"), ("Thu", "5"), bold_rows=3)) == (
        ["A · B", "X · Y · Z"], 3)


@pytest.mark.parametrize(("text", "year", "names", "found"), [
    # a four-digit number is a year when a word before or after says so, or when it is near the report's year
    ("đầu tư công 2024 nguồn vốn", 2024, (), [("nam", "2024")]),
    ("đầu tư công 2024 nguồn vốn", None, (), [("so_luong", "2024")]),
    ("đầu tư công 2024 nguồn vốn", 2030, (), [("so_luong", "2024")]),
    ("có 2100 hộ dân", 2024, (), [("so_luong", "2100")]),
    ("có 1995 hộ", 2024, (), [("so_luong", "1995")]),
    ("năm nay có 1995 hộ", 2024, (), [("so_luong", "1995")]),
    ("năm 1995 hộ", 2024, (), [("nam", "1995")]),
    ("tổng 1950 và", 2024, (), [("nam", "1950")]),
    ("tổng 1950.", 2024, (), [("nam", "1950")]),
    # the longest known name first; codes, a day and month, an equal ratio
    ("nạo vét Kênh T2 mở rộng", None, ("Kênh T2", "Kênh T2 mở rộng"), [("ten", "Kênh T2 mở rộng")]),
    ("nạo vét Ao Kênh T2", None, ("Kênh T2", "Ao Kênh T2"), [("ten", "Ao Kênh T2")]),
    ("mã KV1b", None, (), [("ten", "KV1b")]),
    ("ngày 5/12", None, (), [("ngay", "5/12")]),
    ("đạt 3/3 chỉ tiêu", None, (), [("ti_so", "3/3")]),
    # documents: a number with letters after "số", or with UBND; not a bare code
    ("Công văn số 123/VP ngày 1/2/2024", None, (), [("van_ban", "123/VP"), ("van_ban_ngay", "1/2/2024")]),
    ("mã 123/VP", None, (), [("ten", "123/VP")]),
    ("mã 12/AB và Quyết định số 5/QĐ-UBND", None, (), [("ten", "12/AB"), ("van_ban", "5/QĐ-UBND")]),
    ("Quyết định số 1/QĐ-UBND ngày 31/02/2024 và Kế hoạch số 2/KH-UBND ngày 03/01/2024", None, (),
     [("van_ban", "1/QĐ-UBND"), ("ten", "31/02/2024"), ("van_ban", "2/KH-UBND"), ("van_ban_ngay", "03/01/2024")]),
    # digits left over keep the word they are part of
    ("5%x2", None, (), [("ti_le", "5%"), ("ten", "x2")]),
    ("Quý4.", None, (), [("ten", "Quý4")]),
])
def test_what_each_number_is_by_the_words_around_it(text, year, names, found):
    assert [(item.kind, item.text) for item in find(text, names, year)] == found


def test_a_document_knows_its_number_and_an_impossible_date_is_kept_as_written():
    number, date = find("Quyết định số 5/QĐ-UBND ngày 31/02/2024")
    assert (number.document, date.document) == ("5/QĐ-UBND", None)
    assert (date.kind, date.exact, date.value.text) == ("ten", False, "31/02/2024")


def test_a_unit_of_one_letter():
    assert unit_after("5 m đất", 1) == "m đất"


@pytest.mark.parametrize(("text", "found"), [
    ("đầu tư công 2022 nguồn vốn", [("nam", "2022")]),
    ("đầu tư công 2021 nguồn vốn", [("so_luong", "2021")]),
    ("năm 1900 hộ", [("nam", "1900")]),
    ("năm 1899 hộ", [("so_luong", "1899")]),
    ("năm 2100 hộ", [("nam", "2100")]),
    ("năm 2101 hộ", [("so_luong", "2101")]),
    ("mã 123/UBND-VP", [("van_ban", "123/UBND-VP")]),
    ("theo Quyết định 5/ABC", [("van_ban", "5/ABC")]),
    ("ca covid-19", [("ten", "covid-19")]),
])
def test_the_edges_of_years_documents_and_codes(text, found):
    items = find(text, year=2024)
    assert [(item.kind, item.text) for item in items] == found
    assert all(item.value.text == item.text for item in items if item.kind != "van_ban")


def test_leftover_digits_are_names_with_their_text():
    items = find("mã Quý4 và 5%x2")
    assert [(item.kind, item.text, item.value.text) for item in items] == [
        ("ten", "Quý4", "Quý4"), ("ti_le", "5%", "5%"), ("ten", "x2", "x2")]
