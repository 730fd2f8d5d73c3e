"""Reading a report as the agency sends it: paragraphs, headings, lists, tables, emphasis, in order.

Small documents written in the test: text in the 2023 source's conventions,
text saved from Word with one paragraph per line, and Word files made with
python-docx (tests/docx_fixture.py), plainly or with Word's own numbering and
list styles.
"""

from __future__ import annotations

import pytest

from macros.errors import EditorErrors
from macros.source_reader import HOW_TO_SAVE_DOCX, Paragraph, Table, read_source
from tests.docx_fixture import write_docx
from tests.source_blocks import write

REPORT = """ỦY BAN NHÂN DÂN
THÀNH PHỐ HẢI DƯƠNG

Số: 25/BC-UBND

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Hải Dương, ngày 15 tháng 01 năm 2025

BÁO CÁO
Công tác chính quyền năm 2024 và nhiệm vụ năm 2025

I. KẾT QUẢ THỰC HIỆN

1. Công tác chỉ đạo

Tổng thu ngân sách ước đạt 1.633 tỷ 225 triệu đồng, bằng 125% dự toán.

- Duy trì chế độ báo cáo;
+ Chủ trì cuộc họp.

| Chỉ tiêu | Thực hiện |
| --- | --- |
| Thu ngân sách | 1.633,225 |

II. HẠN CHẾ

Có 31/412 đơn chậm.

Nơi nhận:

- Thường trực Thành ủy;
- Lưu: VT.

**TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH**

Trần Hồ Đăng
"""


def texts(document) -> list[str]:
    return [block.text if isinstance(block, Paragraph) else "<bảng>" for block in document.blocks]


def test_text_paragraphs_are_separated_by_blank_lines(tmp_path):
    document = read_source(write(tmp_path, REPORT))
    assert texts(document)[:6] == ["ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI DƯƠNG", "Số: 25/BC-UBND",
                                   "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
                                   "Hải Dương, ngày 15 tháng 01 năm 2025",
                                   "BÁO CÁO\nCông tác chính quyền năm 2024 và nhiệm vụ năm 2025",
                                   "I. KẾT QUẢ THỰC HIỆN"]
    assert (document.name, document.kind) == ("bao-cao.txt", "văn bản thuần (.txt)")


def test_list_items_are_paragraphs_of_their_own(tmp_path):
    shown = texts(read_source(write(tmp_path, REPORT)))
    assert shown[shown.index("- Duy trì chế độ báo cáo;") + 1] == "+ Chủ trì cuộc họp."
    assert shown[shown.index("Nơi nhận:") + 1:shown.index("Nơi nhận:") + 3] == ["- Thường trực Thành ủy;", "- Lưu: VT."]


def test_a_markdown_table_is_a_table_of_cells(tmp_path):
    table = next(block for block in read_source(write(tmp_path, REPORT)).blocks if isinstance(block, Table))
    assert [[table.cell_text(r, c) for c in range(2)] for r in range(len(table.rows))] == [
        ["Chỉ tiêu", "Thực hiện"], ["Thu ngân sách", "1.633,225"]]
    assert table.line == 23


def test_bold_written_with_stars_is_bold(tmp_path):
    signature = next(block for block in read_source(write(tmp_path, REPORT)).blocks
                     if isinstance(block, Paragraph) and "TM." in block.text)
    assert signature.text == "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH" and signature.bold


def test_each_paragraph_knows_its_line(tmp_path):
    blocks = read_source(write(tmp_path, REPORT)).blocks
    assert [(block.text, block.line) for block in blocks if isinstance(block, Paragraph)][5:7] == [
        ("I. KẾT QUẢ THỰC HIỆN", 14), ("1. Công tác chỉ đạo", 16)]


def test_a_sentence_cut_by_a_page_break_is_one_paragraph_again(tmp_path):
    text = "Tổng thu ngân sách ước đạt 1.633 tỷ đồng, bằng\n\ndự toán tỉnh giao.\n\nII. HẠN CHẾ\n"
    assert texts(read_source(write(tmp_path, text))) == ["Tổng thu ngân sách ước đạt 1.633 tỷ đồng, bằng dự toán tỉnh giao.",
                                                          "II. HẠN CHẾ"]


def test_text_saved_from_word_has_a_paragraph_per_line(tmp_path):
    one_per_line = "\n".join(line for line in REPORT.splitlines() if line.strip())
    shown = texts(read_source(write(tmp_path, one_per_line)))
    assert shown[:4] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI DƯƠNG", "Số: 25/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert "<bảng>" in shown and shown.count("<bảng>") == 1


def test_a_short_text_with_some_blank_lines_keeps_its_paragraphs(tmp_path):
    text = "Dòng một\ncòn tiếp\n\nDòng hai\n\nDòng ba\n\nDòng bốn\n\nDòng năm\n"
    assert texts(read_source(write(tmp_path, text))) == ["Dòng một\ncòn tiếp", "Dòng hai", "Dòng ba", "Dòng bốn",
                                                          "Dòng năm"]


@pytest.mark.parametrize(("raw", "read"), [
    ("\ufeffMột đoạn.\r\n\r\nHai đoạn.\r\n".encode("utf-8"), ["Một đoạn.", "Hai đoạn."]),
    ("Ho\u0302\u0300 so\u031b\u0309.\n".encode("utf-8"), ["Hồ sở."]),
    ("Một\rHai\r\rBa\r".encode("utf-8"), ["Một\nHai", "Ba"]),
])
def test_byte_order_marks_line_ends_and_combining_marks(tmp_path, raw, read):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes(raw)
    assert texts(read_source(path)) == read


def test_a_heading_written_with_hashes(tmp_path):
    [heading] = read_source(write(tmp_path, "## I. KẾT QUẢ\n", "bao-cao.md")).blocks
    assert (heading.text, heading.heading) == ("I. KẾT QUẢ", True)


def test_an_unclosed_star_is_text(tmp_path):
    [paragraph] = read_source(write(tmp_path, "Tăng **12% so với\n")).blocks
    assert paragraph.text == "Tăng **12% so với" and not paragraph.bold


# --------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def word(tmp_path_factory):
    folder = tmp_path_factory.mktemp("word")
    source = folder / "bao-cao.txt"
    source.write_text(REPORT, encoding="utf-8")
    return {styled: read_source(write_docx(source, folder / f"bao-cao-{styled}.docx", styled=styled))
            for styled in (False, True)}


def test_word_header_table_is_read_cell_by_cell(word):
    header = word[False].blocks[0]
    assert isinstance(header, Table)
    assert [header.cell_text(0, 0), header.cell_text(0, 1)] == [
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI DƯƠNG\nSố:\t25/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHải Dương, ngày 15 tháng 01 năm 2025"]
    assert word[False].kind == "Word (.docx)"


def test_word_headings_typed_in_bold(word):
    headings = [block.text for block in word[False].blocks if isinstance(block, Paragraph) and block.bold]
    assert headings[:4] == ["BÁO CÁO", "Công tác chính quyền năm 2024 và nhiệm vụ năm 2025", "I. KẾT QUẢ THỰC HIỆN",
                            "1. Công tác chỉ đạo"]


def test_words_split_across_runs_are_whole_and_no_break_spaces_are_spaces(word):
    shown = texts(word[False])
    assert "Tổng thu ngân sách ước đạt 1.633 tỷ 225 triệu đồng, bằng 125% dự toán." in shown


def test_word_numbering_is_written_out(word):
    shown = texts(word[True])
    assert "I. KẾT QUẢ THỰC HIỆN" in shown and "1. Công tác chỉ đạo" in shown and "II. HẠN CHẾ" in shown


def test_word_list_styles_are_list_items(word):
    shown = texts(word[True])
    assert "- Duy trì chế độ báo cáo;" in shown
    assert any(line.startswith("+ Chủ trì cuộc họp") or line.startswith("- Chủ trì cuộc họp") for line in shown)


def test_a_word_table_keeps_its_cells(word):
    tables = [block for block in word[False].blocks if isinstance(block, Table)]
    figures = tables[1]
    assert [figures.cell_text(1, 0), figures.cell_text(1, 1)] == ["Thu ngân sách", "1.633,225"]


def test_a_soft_line_break_in_the_signature_is_a_new_line(word):
    closing = [block for block in word[False].blocks if isinstance(block, Table)][-1]
    assert closing.cell_text(0, 1).split("\n")[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_the_footer_is_not_part_of_the_report(word):
    assert not [text for text in texts(word[False]) if text == "Trang 1"]


# --------------------------------------------------------------------------
# What cannot be read
# --------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "problem"), [
    ("bao-cao.pdf", b"%PDF", "Chưa nhập được tệp PDF."),
    ("bao-cao.doc", b"\xd0\xcf", "Chưa nhập được tệp Word cũ (.doc)."),
    ("bao-cao.odt", b"PK", "Chưa nhập được tệp OpenDocument (.odt)."),
    ("bao-cao.rtf", b"{\\rtf", "Chưa nhập được tệp RTF."),
    ("bao-cao.xlsx", b"PK", 'Không nhận dạng được loại tệp ".xlsx".'),
    ("bao-cao.txt", "Hải Dương".encode("utf-16"), "Tệp văn bản không phải mã hóa UTF-8 nên tiếng Việt sẽ bị lỗi."),
    ("bao-cao.docx", b"not a zip", "Không đọc được tệp Word"),
])
def test_what_cannot_be_read_is_said(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(EditorErrors) as caught:
        read_source(path, "bao-cao")
    [error] = caught.value.errors
    assert error.file == "bao-cao" and error.problem.startswith(problem)
    assert error.fix


def test_a_pdf_asks_for_the_word_file_and_old_word_says_how_to_save(tmp_path):
    for name, fix in (("a.pdf", "Xin cơ quan gửi bản Word (.docx)"), ("a.doc", "Lưu thành (File > Save As)")):
        path = tmp_path / name
        path.write_bytes(b"x")
        with pytest.raises(EditorErrors) as caught:
            read_source(path)
        assert fix in caught.value.errors[0].fix


def test_a_missing_file(tmp_path):
    with pytest.raises(EditorErrors) as caught:
        read_source(tmp_path / "khong-co.docx")
    assert caught.value.errors[0].problem == "Không tìm thấy tệp này."
    assert caught.value.errors[0].file == str(tmp_path / "khong-co.docx")


def test_a_compact_markdown_table_with_empty_and_escaped_cells(tmp_path):
    text = "Trước bảng.\n\n|Xã|Số hộ|\n|:---|---:|\n|Xuân X| |\n|Thu \\| chi|12|\n"
    [before, table] = read_source(write(tmp_path, text)).blocks
    assert [[tuple(paragraph.text for paragraph in cell) for cell in row] for row in table.rows] == [
        [("Xã",), ("Số hộ",)], [("Xuân X",), ()], [("Thu | chi",), ("12",)]]
    assert [[paragraph.line for cell in row for paragraph in cell] for row in table.rows] == [[3, 3], [5], [6, 6]]
    assert table.line == 3 and before.line == 1


def paragraphs_and_lines(tmp_path, text: str) -> list[tuple[str, int]]:
    return [(block.text, block.line) if isinstance(block, Paragraph) else ("<bảng>", block.line)
            for block in read_source(write(tmp_path, text)).blocks]


@pytest.mark.parametrize(("text", "read"), [
    # no newline at the end of the file
    ("Một.\n\nHai.", [("Một.", 1), ("Hai.", 3)]),
    # Windows line ends inside a paragraph, and a zero-width space
    ("Dòng một\r\nDòng hai\u200b.\r\n", [("Dòng một\nDòng hai.", 1)]),
    # list items below a paragraph of two lines, each on its line
    ("Đoạn\ntiếp:\n- một;\n- hai.\n", [("Đoạn\ntiếp:", 1), ("- một;", 3), ("- hai.", 4)]),
    # a sentence cut by a page break keeps the line it starts on
    ("Mở đầu.\n\nThu ngân sách đạt\n\ndự toán.\n", [("Mở đầu.", 1), ("Thu ngân sách đạt dự toán.", 3)]),
    # a table indented in the copy
    ("Trước.\n\n  | A | B |\n  | --- | --- |\n  | 1 | 2 |\n", [("Trước.", 1), ("<bảng>", 3)]),
])
def test_text_paragraphs_with_their_lines(tmp_path, text, read):
    assert paragraphs_and_lines(tmp_path, text) == read


def test_two_bold_stretches_in_one_paragraph(tmp_path):
    [paragraph] = read_source(write(tmp_path, "Thu **tăng** và chi **giảm**.\n")).blocks
    assert [(span.text, span.bold) for span in paragraph.spans] == [
        ("Thu ", False), ("tăng", True), (" và chi ", False), ("giảm", True), (".", False)]


@pytest.mark.parametrize(("lines", "blanks", "per_line"), [
    (10, 0, True),    # ten lines, none blank: saved from Word, one paragraph per line
    (10, 1, True),    # a blank line among them (and the file's last line end) still
    (9, 0, False),    # too short to tell: blank lines separate paragraphs
    (12, 2, False),   # a blank line every four (the last line end counts): paragraphs
])
def test_a_text_saved_from_word_is_told_by_its_lines_and_blank_lines(tmp_path, lines, blanks, per_line):
    rows = [f"Dòng {index}" for index in range(lines)]
    for at in range(blanks):
        rows.insert(2 + at * 4, "")
    read = texts(read_source(write(tmp_path, "\n".join(rows) + "\n")))
    assert (len(read) == lines) is per_line, read


def test_an_indented_table_saved_one_line_per_paragraph_stays_one_table(tmp_path):
    rows = [f"Dòng {index}" for index in range(10)] + ["  | A | B |", "  | --- | --- |", "  | 1 | 2 |", "Sau."]
    blocks = read_source(write(tmp_path, "\n".join(rows) + "\n")).blocks
    tables = [block for block in blocks if isinstance(block, Table)]
    assert [(len(table.rows), table.line) for table in tables] == [(2, 11)]
    assert [(block.text, block.line) for block in blocks if isinstance(block, Paragraph)][-2:] == [
        ("Dòng 9", 10), ("Sau.", 14)]


def test_a_text_that_is_not_utf8_says_how_to_save_it(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_bytes("Báo cáo".encode("latin-1"))
    with pytest.raises(EditorErrors) as caught:
        read_source(path, "bao-cao.txt")
    assert caught.value.errors[0].fix == ("Mở tệp bằng trình soạn thảo, lưu lại với mã hóa UTF-8 (hoặc nhập tệp .docx "
                                          "gốc).")


@pytest.mark.parametrize(("name", "problem", "fix"), [
    ("bao-cao.pdf", "Chưa nhập được tệp PDF.",
     "Xin cơ quan gửi bản Word (.docx) của báo cáo; nếu chỉ có PDF, mở bằng Word (Tệp > Mở) để chuyển thành văn bản, "
     "kiểm tra lại toàn văn, rồi lưu thành .docx."),
    ("bao-cao.DOC", "Chưa nhập được tệp Word cũ (.doc).", HOW_TO_SAVE_DOCX),
    ("bao-cao.odt", "Chưa nhập được tệp OpenDocument (.odt).", HOW_TO_SAVE_DOCX),
    ("bao-cao.rtf", "Chưa nhập được tệp RTF.", HOW_TO_SAVE_DOCX),
    ("bao-cao.xlsx", 'Không nhận dạng được loại tệp ".xlsx".',
     "Nhập tệp Word .docx, hoặc văn bản .txt / .md (mã hóa UTF-8)."),
    ("bao-cao", 'Không nhận dạng được loại tệp "bao-cao".',
     "Nhập tệp Word .docx, hoặc văn bản .txt / .md (mã hóa UTF-8)."),
])
def test_each_kind_of_file_that_cannot_be_read_says_what_to_do(tmp_path, name, problem, fix):
    path = tmp_path / name
    path.write_bytes(b"x")
    with pytest.raises(EditorErrors) as caught:
        read_source(path)
    [error] = caught.value.errors
    assert (error.file, error.line, error.key, error.problem, error.fix) == (str(path), None, None, problem, fix)


def test_a_missing_file_says_how_to_give_its_path(tmp_path):
    with pytest.raises(EditorErrors) as caught:
        read_source(tmp_path / "khong-co.txt", "khong-co.txt")
    assert (caught.value.errors[0].file, caught.value.errors[0].fix) == (
        "khong-co.txt", "Kiểm tra đường dẫn FILE=... (kéo thả tệp vào cửa sổ lệnh để có đường dẫn đúng).")


def test_a_markdown_file_is_read_as_markdown(tmp_path):
    document = read_source(write(tmp_path, "Một đoạn.\n", "bao-cao.MD"))
    assert (texts(document), document.kind, document.name) == (["Một đoạn."], "Markdown (.md)", "bao-cao.MD")


def test_typing_artefacts_are_cleaned_and_spans_meet_with_one_space():
    from macros.source_reader import Span, _merged, clean
    assert clean("Hải\ufeff Dương  có\u200b 2\u00a0 hộ; Số:  \t 25") == "Hải Dương có 2 hộ; Số:\t25"
    assert _merged([Span("  Thu \n chi ", True), Span(" và", False, True)]) == (
        Span("Thu\nchi ", True), Span("và", False, True))


@pytest.mark.parametrize(("text", "read"), [
    ("** **\n- một;\n- hai.\n", ["- một;", "- hai."]),           # an empty bold paragraph, then a list
    ("Tổng thu đạt\n\ndự toán.\n", ["Tổng thu đạt dự toán."]),   # rejoined: not a heading
])
def test_empty_paragraphs_are_skipped_and_rejoined_ones_are_text(tmp_path, text, read):
    blocks = read_source(write(tmp_path, text)).blocks
    assert [block.text for block in blocks] == read and not any(block.heading for block in blocks)
