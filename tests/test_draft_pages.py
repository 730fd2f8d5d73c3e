"""The Markdown the importer writes for a page: lists, headings, tables, emphasis, notes, and where each number is.

Blocks are written in the test as the source reader gives them; each
number becomes a placeholder that the test fills with a named macro, so the
expected page is the Markdown an editor would type for the same text,
written out by hand.
"""

from __future__ import annotations

from macros.draft_pages import Occurrence, PageWriter
from macros.figure_finder import Found
from macros.page_plan import PagePlan
from macros.report_structure import Heading
from macros.source_reader import Paragraph, Span, Table
from tests.source_blocks import blocks, paragraph

HEAD = "# {{ tieu_de() }}"


def written(writer: PageWriter, page, notes: dict[int, list[str]] | None = None, head: str = HEAD) -> str:
    """The page with each number's macro named after its place in the order found (n0, n1, …)."""
    macros = {occurrence.ident: f'{{{{ so("n{occurrence.ident}") }}}}' for occurrence in writer.occurrences}
    return page.render(macros, notes or {}, head)


def heading(number: str, title: str, level: int) -> Heading:
    separator = ") " if number.isalpha() else ". "
    return Heading(number, title, level, paragraph(f"{number}{separator}{title}", bold=True))


def test_paragraphs_and_list_items_are_written_as_the_2023_pages_write_them():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("chi-dao", "I", "KẾT QUẢ", blocks(
        "Tổng thu đạt 1.633 tỷ đồng.", "- Duy trì chế độ báo cáo;", "+ Chủ trì cuộc họp;", "• Một ý khác;",
        "- Tiếp tục;", "1. Mục đánh số", "* Dấu sao", "- Danh sách mới;", "– Gạch ngang;")))
    assert written(writer, page) == (
        '# {{ tieu_de() }}\n\nTổng thu đạt {{ so("n0") }}.\n\n- Duy trì chế độ báo cáo;\n\n    - Chủ trì cuộc họp;'
        "\n\n    - Một ý khác;\n\n- Tiếp tục;\n\n1\\. Mục đánh số\n\n\\* Dấu sao\n\n- Danh sách mới;\n\n"
        "    - Gạch ngang;\n")


def test_characters_markdown_or_jinja_would_act_on_are_written_inertly():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("p", "I", "T", blocks("Dùng {{ x }} và <b> & *sao* _gạch_ [a]\tb #c")))
    assert written(writer, page, head="") == (
        "Dùng &#123;&#123; x &#125;&#125; và &lt;b&gt; &amp; \\*sao\\* \\_gạch\\_ \\[a\\] b \\#c\n")


def test_bold_and_italic_are_kept_around_the_words_and_a_bold_number_is_bold():
    writer = PageWriter([], 2024)
    text = Paragraph((Span("Tổng thu ", bold=True), Span("đạt "), Span("125%", bold=True), Span(" dự toán",
                                                                                             italic=True)))
    page = writer.page(PagePlan("p", "I", "T", [text]))
    assert written(writer, page, head="") == '**Tổng thu** đạt **{{ so("n0") }}** *dự toán*\n'


def test_headings_inside_a_page_are_a_level_below_it_and_name_their_section():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("ket-qua", "I", "KẾT QUẢ", [
        paragraph("Có 12 hộ."), heading("1", "Công tác chỉ đạo", 2), paragraph("Họp 52 phiên."),
        heading("a", "Họp 3 lần", 3), paragraph("Ban hành 8 văn bản."), heading("1.2", "Sâu", 5),
        heading("2", "Thu ngân sách", 2), paragraph("Đạt 95%.")]))
    assert written(writer, page) == (
        '# {{ tieu_de() }}\n\nCó {{ so("n0") }} hộ.\n\n## 1. Công tác chỉ đạo\n\nHọp {{ so("n1") }} phiên.\n\n'
        '### a) Họp {{ so("n2") }} lần\n\nBan hành {{ so("n3") }} văn bản.\n\n#### 1.2. Sâu\n\n'
        '## 2. Thu ngân sách\n\nĐạt {{ so("n4") }}.\n')
    assert [(item.found.text, item.section, item.page) for item in writer.occurrences] == [
        ("12", "I", "ket-qua"), ("52", "I.1", "ket-qua"), ("3", "I.1", "ket-qua"), ("8", "I.1", "ket-qua"),
        ("95%", "I.2", "ket-qua")]


def test_a_page_of_a_lower_level_writes_its_subheadings_from_level_two():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("chi-dao", "I.1", "Chỉ đạo", [heading("a", "Kinh tế", 3), paragraph("Nội dung.")],
                                level=2))
    assert written(writer, page) == "# {{ tieu_de() }}\n\n## a) Kinh tế\n\nNội dung.\n"


def test_a_groups_opening_text_comes_before_the_first_pages_title():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("chi-dao", "I.1", "Chỉ đạo", blocks("Nội dung mục một."), level=2,
                                intro=blocks("Đoạn mở đầu của mục I.")))
    assert written(writer, page) == "Đoạn mở đầu của mục I.\n\n# {{ tieu_de() }}\n\nNội dung mục một.\n"
    only_intro = writer.page(PagePlan("chi-dao", "I.1", "Chỉ đạo", [], level=2, intro=blocks("Chỉ có mở đầu.")))
    assert written(writer, only_intro) == "Chỉ có mở đầu.\n\n# {{ tieu_de() }}\n"
    assert written(writer, only_intro, head="") == "Chỉ có mở đầu.\n"


def test_notes_follow_their_paragraph_indented_as_its_list_item():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("p", "I", "T", blocks("Đoạn.", "- Ý một;", "+ Ý con;", "2. Mục hai")))
    idents = [ident for _, ident in page.chunks]
    notes = {idents[0]: ["a"], idents[1]: ["b", "c"], idents[2]: ["d"], idents[3]: ["e"]}
    assert written(writer, page, notes) == (
        '# {{ tieu_de() }}\n\nĐoạn.\n\n{{ ghi_chu("a") }}\n\n- Ý một;\n\n    {{ ghi_chu("b") }}\n\n'
        '    {{ ghi_chu("c") }}\n\n    - Ý con;\n\n        {{ ghi_chu("d") }}\n\n2\\. Mục hai\n\n{{ ghi_chu("e") }}\n')


def test_each_paragraph_knows_the_line_it_is_written_on():
    writer = PageWriter([], 2024)
    table = Table((((paragraph("Chỉ tiêu"),), (paragraph("Số"),)), ((paragraph("Thu"),), (paragraph("5"),))))
    page = writer.page(PagePlan("p", "I", "T", [paragraph("Một"), table, paragraph("Hai\ndòng"), paragraph("Ba")]))
    one, grid, two, three = [ident for _, ident in page.chunks]
    assert [page.line_of(ident, HEAD) for ident in (one, grid, two, three)] == [3, 5, 9, 11]
    assert [page.line_of(ident) for ident in (one, grid, two, three)] == [1, 3, 7, 9]
    assert page.line_of(999, HEAD) == 1
    assert page.line_of(one, "# A\n\nB") == 5


def test_a_table_is_a_pipe_table_and_each_number_knows_its_row_and_column():
    writer = PageWriter([], 2024)
    table = Table((
        ((paragraph("TT", True),), (paragraph("Chỉ tiêu", True),), (paragraph("Thực hiện (tỷ đồng)", True),)),
        ((paragraph("1"),), (paragraph("Thu | chi"),), (paragraph("1.633,2"), paragraph("tăng 5%"))),
        ((paragraph("2"),), (), (paragraph("12"),)),
    ))
    page = writer.page(PagePlan("p", "I", "T", [table]))
    assert written(writer, page, head="") == (
        "| **TT** | **Chỉ tiêu** | **Thực hiện (tỷ đồng)** |\n| --- | --- | --- |\n"
        '| {{ so("n0") }} | Thu \\| chi | {{ so("n1") }}<br>tăng {{ so("n2") }} |\n'
        '| {{ so("n3") }} |   | {{ so("n4") }} |\n')
    assert [(item.found.text, item.label, item.table is not None) for item in writer.occurrences] == [
        ("1", "Thu | chi — TT", True), ("1.633,2", "Thu | chi — Thực hiện (tỷ đồng)", True),
        ("5%", "Thu | chi — Thực hiện (tỷ đồng)", True), ("2", "TT", True), ("12", "Thực hiện (tỷ đồng)", True)]
    first = writer.occurrences[1]
    assert first.before == "TT Chỉ tiêu Thực hiện (tỷ đồng) 1 Thu | chi "
    assert first.after == " tăng 5% 2 12"
    assert writer.occurrences[0].table == writer.occurrences[4].table == page.chunks[0][1]


def test_the_opening_is_the_overview_pages_and_every_paragraph_is_numbered_in_order():
    writer = PageWriter([], 2024)
    table = Table((((paragraph("Năm"),), (paragraph("Số"),)), ((paragraph("2024"),), (paragraph("7"),))))
    first = PageWriter([], 2024).opening([paragraph("- Ý đầu tiên;"), paragraph("- Ý thứ hai.")])
    assert first.render({}, {}) == "- Ý đầu tiên;\n\n- Ý thứ hai.\n"
    opening = writer.opening([paragraph("Năm 2024 là năm bản lề."), paragraph("- Một ý;"), paragraph("+ Ý con."),
                              table])
    assert opening.slug == "index" and opening.head_at == 0
    assert written(writer, opening, head="") == (
        'Năm {{ so("n0") }} là năm bản lề.\n\n- Một ý;\n\n    - Ý con.\n\n| Năm | Số |\n| --- | --- |\n'
        '| {{ so("n1") }} | {{ so("n2") }} |\n')
    assert {(item.page, item.section) for item in writer.occurrences} == {("index", "Mở đầu")}
    assert writer.paragraphs == {0: ("index", "Mở đầu", "Năm 2024 là năm bản lề."),
                                 1: ("index", "Mở đầu", "Một ý;"), 2: ("index", "Mở đầu", "Ý con."),
                                 4: ("index", "Mở đầu", "Năm"), 5: ("index", "Mở đầu", "Số"),
                                 6: ("index", "Mở đầu", "2024"), 7: ("index", "Mở đầu", "7")}
    assert [ident for _, ident in opening.chunks] == [0, 1, 2, 3]


def test_a_number_knows_the_words_around_it_and_known_names_are_names():
    writer = PageWriter(["Kênh T2"], 2024)
    writer.page(PagePlan("p", "II", "T", blocks("Nạo vét Kênh T2 dài 600m và 12 cống.")))
    assert [(item.found.kind, item.found.text, item.before, item.after) for item in writer.occurrences] == [
        ("ten", "Kênh T2", "Nạo vét ", " dài 600m và 12 cống."),
        ("so_luong", "600m", "Nạo vét Kênh T2 dài ", " và 12 cống."),
        ("so_luong", "12", "Nạo vét Kênh T2 dài 600m và ", " cống."),
    ]
    assert [item.ident for item in writer.occurrences] == [0, 1, 2]
    assert {item.paragraph for item in writer.occurrences} == {0}


def test_an_occurrences_label_names_its_row_and_column():
    found = Found(0, 1, "so_luong", "5")
    assert Occurrence(0, found, "p", "I", "", "", 0, 1, "Thu", "Thực hiện").label == "Thu — Thực hiện"
    assert Occurrence(0, found, "p", "I", "", "", 0, 1, "", "Thực hiện").label == "Thực hiện"
    assert Occurrence(0, found, "p", "I", "", "", 0).label == ""


def test_a_number_in_a_heading_row_is_known_by_its_row_alone():
    writer = PageWriter([], 2024)
    table = Table((((paragraph("Chỉ tiêu", True),), (paragraph("Năm 2023", True),)),
                   ((paragraph("Thu"),), (paragraph("5"),))))
    writer.page(PagePlan("p", "I", "T", [table]))
    assert [(item.found.text, item.row, item.column) for item in writer.occurrences] == [
        ("2023", "Chỉ tiêu", ""), ("5", "Thu", "Năm 2023")]


def test_text_after_the_signature_is_written_for_the_last_page_and_its_section():
    writer = PageWriter([], 2024)
    tail = writer.opening([paragraph("Phụ lục: 02 biểu.")], "nhiem-vu", "III")
    assert tail.slug == "nhiem-vu" and writer.paragraphs == {0: ("nhiem-vu", "III", "Phụ lục: 02 biểu.")}
    assert [(item.page, item.section) for item in writer.occurrences] == [("nhiem-vu", "III")]


def test_a_groups_opening_belongs_to_the_group_and_may_have_its_own_subheadings():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("chi-dao", "I.1", "Chỉ đạo", blocks("Nội dung."), level=2,
                                intro=[paragraph("Mục I có 5 phần."), heading("a", "Kinh tế", 3)]))
    assert written(writer, page) == ('Mục I có {{ so("n0") }} phần.\n\n### a) Kinh tế\n\n# {{ tieu_de() }}\n\n'
                                     "Nội dung.\n")
    assert [(item.page, item.section) for item in writer.occurrences] == [("chi-dao", "I")]


def test_a_list_starts_afresh_at_the_top_of_a_page_after_a_heading_and_after_a_table():
    writer = PageWriter([], 2024)
    table = Table((((paragraph("A"),), (paragraph("B"),)), ((paragraph("x"),), (paragraph("y"),))))
    page = writer.page(PagePlan("p", "I", "T", [paragraph("+ Đầu trang;"), paragraph("- Một;"),
                                                heading("1", "Mục", 2), paragraph("+ Sau tiêu đề;"),
                                                paragraph("- Hai;"), table, paragraph("+ Sau bảng.")]))
    assert written(writer, page, head="") == (
        "- Đầu trang;\n\n    - Một;\n\n## 1. Mục\n\n- Sau tiêu đề;\n\n    - Hai;\n\n| A | B |\n| --- | --- |\n"
        "| x | y |\n\n- Sau bảng.\n")


def test_numbers_in_numbered_and_starred_items_know_their_page_and_a_list_after_them_starts_afresh():
    writer = PageWriter([], 2024)
    page = writer.page(PagePlan("p", "I", "T", blocks("1. Có 5 hộ.", "- Một;", "* Có 6 hộ.", "- Hai;")))
    assert written(writer, page, head="") == (
        '1\\. Có {{ so("n0") }} hộ.\n\n- Một;\n\n\\* Có {{ so("n1") }} hộ.\n\n- Hai;\n')
    assert [(item.page, item.section) for item in writer.occurrences] == [("p", "I"), ("p", "I")]


def test_a_bar_is_escaped_in_a_table_cell_and_not_in_a_paragraph():
    writer = PageWriter([], 2024)
    table = Table((((paragraph("Chỉ tiêu"),), (paragraph("Số"),)), ((paragraph("Thu | chi"),), (paragraph("A | 5"),))))
    page = writer.page(PagePlan("p", "I", "T", [paragraph("Thu | chi 5 hộ."), table]))
    assert written(writer, page, head="") == (
        'Thu | chi {{ so("n0") }} hộ.\n\n| Chỉ tiêu | Số |\n| --- | --- |\n| Thu \\| chi | A \\| {{ so("n1") }} |\n')
