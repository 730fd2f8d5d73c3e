"""Cutting a built page into search passages (macros/passages.py), on small pages written out here."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros import search
from macros.passages import LONG, cut

PAGE = """<!doctype html><html><head><title>t</title></head><body>
<header>Đầu trang <p>không phải báo cáo</p></header>
<article class="md-content__inner md-typeset">
<aside class="van-ban-thong-tin"><p>Số: 12/BC-UBND</p></aside>
<h1 id="muc">3. Kết quả<a class="headerlink" href="#muc">¶</a></h1>
<p>Tỉ lệ hộ nghèo giảm còn <span class="so-lieu" id="so-lieu-giam_ngheo-ti_le" data-khoa="giam_ngheo.ti_le">0,97%</span> (vượt chỉ tiêu), cuối năm.</p>
<div class="the-so-lieu"><p>0,97%</p></div>
<ul><li>Mục một là một câu đủ dài để đứng riêng thành một đoạn tìm kiếm, hơn tám mươi chữ cái.</li>
<li><p>Đoạn trong mục danh sách, cũng đủ dài để không bị gộp với đoạn bên cạnh nó ở đây.</p></li></ul>
<h2 id="han-che">1. Hạn chế<a class="headerlink" href="#han-che">¶</a></h2>
<ul><li>Như trên;</li><li>Lưu: VT.</li></ul>
<ul><li><a href="../a/">Mục lục một</a></li></ul>
<table><tr><th>Chữ</th><th>Nghĩa</th></tr><tr><td>GPMB</td><td>giải phóng mặt bằng</td></tr></table>
<figure class="bieu-do"><p>Biểu đồ</p></figure>
</article>
<footer><p>Chân trang</p></footer>
</body></html>"""


def test_each_paragraph_list_item_and_table_row_is_a_passage_with_an_anchor():
    page = cut(PAGE)
    soup = BeautifulSoup(page.html, "html.parser")
    anchored = [element.name for element in soup.select("[id^='doan-']")]
    assert anchored == ["p", "li", "p", "li", "li", "tr"]
    assert [p.anchor for p in page.passages] == ["doan-1", "doan-2", "doan-3", "doan-4", "doan-6"]


def test_passages_keep_the_text_as_written_under_their_heading():
    page = cut(PAGE)
    assert page.title == "3. Kết quả"
    first = page.passages[0]
    assert first.text == "Tỉ lệ hộ nghèo giảm còn 0,97% (vượt chỉ tiêu), cuối năm."
    assert first.heading == "3. Kết quả"
    assert page.passages[3].heading == "1. Hạn chế"


def test_short_neighbours_are_one_passage_under_the_first_anchor():
    assert cut(PAGE).passages[3].text == "Như trên; · Lưu: VT."


def test_table_rows_are_passages_and_header_rows_are_not():
    assert cut(PAGE).passages[-1].text == "GPMB giải phóng mặt bằng"


def test_cards_charts_links_only_and_the_theme_are_not_passages():
    texts = " ".join(p.text for p in cut(PAGE).passages)
    for absent in ("Số: 12/BC-UBND", "Biểu đồ", "Mục lục một", "Chân trang", "không phải báo cáo"):
        assert absent not in texts


ADDED = re.compile(r' id="doan-[0-9]+"|<span id="doan-[0-9]+-[0-9]+" class="doan-moc"></span>')


def test_the_page_is_kept_byte_for_byte_but_for_the_anchors():
    escaped = PAGE.replace("cuối năm.", "cuối &quot;năm&quot; &amp; <br> tháng.")
    assert ADDED.sub("", cut(escaped).html) == escaped


def test_a_figure_is_found_with_its_passage_and_the_clause_around_it():
    (spot,) = cut(PAGE).figures
    assert (spot.key, spot.anchor, spot.passage) == ("giam_ngheo.ti_le", "so-lieu-giam_ngheo-ti_le", "doan-1")
    assert spot.context == "Tỉ lệ hộ nghèo giảm còn 0,97%"


def test_a_long_paragraph_gets_entry_points_at_sentence_ends():
    sentence = "Thành phố đã hoàn thành nhiều công trình trọng điểm trong năm nay theo kế hoạch đề ra. "
    body = sentence * 12
    assert len(body) > LONG
    page = cut(PAGE.replace("<p>Tỉ lệ", f"<p>{body}</p><p>Tỉ lệ"))
    soup = BeautifulSoup(page.html, "html.parser")
    markers = [span["id"] for span in soup.select("#doan-1 > span.doan-moc")]
    assert markers == ["doan-1-2", "doan-1-3"]
    pieces = [p for p in page.passages if p.anchor.startswith("doan-1")]
    assert [p.anchor for p in pieces] == ["doan-1", "doan-1-2", "doan-1-3"]
    assert all(p.text.startswith("Thành phố") and p.text.endswith("đề ra.") for p in pieces)
    assert " ".join(p.text for p in pieces) == body.strip()
    assert ADDED.sub("", page.html) == PAGE.replace("<p>Tỉ lệ", f"<p>{body}</p><p>Tỉ lệ")


def test_the_link_to_an_editorial_note_is_not_part_of_the_text():
    marker = '<sup class="ghi-chu-dau"><a href="#ghi-chu-x">[ghi chú]</a></sup>'
    page = cut(PAGE.replace("0,97%</span>", "0,97%</span>" + marker))
    assert page.passages[0].text == "Tỉ lệ hộ nghèo giảm còn 0,97% (vượt chỉ tiêu), cuối năm."
    assert page.figures[0].context == "Tỉ lệ hộ nghèo giảm còn 0,97%"


def test_notices_added_after_publication_do_not_renumber_the_passages():
    notices = ('<aside class="admonition warning dinh-chinh"><p>Đính chính ngày 01/02/2025</p></aside>'
               '<p class="co-bao-cao-moi">Đã có báo cáo mới hơn</p>')
    before = [(p.anchor, p.text) for p in cut(PAGE).passages]
    assert [(p.anchor, p.text) for p in cut(PAGE.replace("<h1 ", notices + "<h1 ")).passages] == before


def test_existing_ids_are_kept_as_anchors():
    page = cut(PAGE.replace("<p>Tỉ lệ", '<p id="rieng">Tỉ lệ'))
    assert page.passages[0].anchor == "rieng"


def test_a_page_without_an_article_has_no_passages():
    assert cut("<html><body><p>Chuyển tới năm mới nhất</p></body></html>") is None


def test_the_semicolon_of_a_character_reference_does_not_end_a_sentence():
    body = "từ " * 120 + "&quot;trích dẫn&quot; và " + "từ " * 120 + "hết."
    page = cut(PAGE.replace("<p>Tỉ lệ", f"<p>{body}</p><p>Tỉ lệ"))
    assert "doan-moc" not in page.html


def test_the_index_holds_each_page_its_passages_and_keeps_pages_it_cannot_cut(tmp_path):
    for location, page in (("a/", PAGE), ("b/", "<html><body><p>Không có phần bài viết</p></body></html>")):
        (tmp_path / location).mkdir()
        (tmp_path / location / "index.html").write_text(page, encoding="utf-8")
    docs = [{"location": "a/", "title": "A", "text": "cả trang"}, {"location": "a/#muc", "title": "M", "text": "mục"},
            {"location": "b/", "title": "B", "text": "trang b"}, {"location": "b/#x", "title": "X", "text": "mục b"}]
    entries, mentions = search.passage_entries(tmp_path, docs)
    assert [entry["location"] for entry in entries] == [
        "a/", "a/#doan-1", "a/#doan-2", "a/#doan-3", "a/#doan-4", "a/#doan-6", "b/", "b/#x"]
    assert entries[0] == {"location": "a/", "title": "A", "text": ""}
    assert entries[1]["title"] == "" and entries[4]["title"] == "1. Hạn chế"
    assert entries[1]["text"] == "<p>Tỉ lệ hộ nghèo giảm còn 0,97% (vượt chỉ tiêu), cuối năm.</p>"
    assert mentions == []  # not a year's page
    assert 'id="doan-1"' in (tmp_path / "a" / "index.html").read_text(encoding="utf-8")


def test_a_years_page_tells_where_it_states_each_figure(tmp_path):
    (tmp_path / "2023" / "a").mkdir(parents=True)
    (tmp_path / "2023" / "a" / "index.html").write_text(PAGE, encoding="utf-8")
    _, mentions = search.passage_entries(tmp_path, [{"location": "2023/a/", "title": "A", "text": ""}])
    assert [(m.year, m.page, m.spot.key, m.spot.passage) for m in mentions] == [
        (2023, "2023/a/", "giam_ngheo.ti_le", "doan-1")]


def long_paragraph(*sentences: str) -> str:
    return PAGE.replace("<p>Tỉ lệ", "<p>" + " ".join(sentences) + "</p><p>Tỉ lệ")


SENTENCE = "Thành phố đã hoàn thành nhiều công trình trọng điểm trong năm nay theo kế hoạch đề ra."  # 86 letters


def markers(page) -> list[str]:
    return [span["id"] for span in BeautifulSoup(page.html, "html.parser").select("span.doan-moc")]


def test_white_space_in_the_page_is_one_space_in_a_passage_and_a_heading():
    page = cut(PAGE.replace("Tỉ lệ hộ nghèo", "Tỉ  lệ\n   hộ nghèo").replace("1. Hạn chế", "1.\n  Hạn   chế"))
    assert page.passages[0].text.startswith("Tỉ lệ hộ nghèo giảm")
    assert page.passages[3].heading == "1. Hạn chế"


def test_sentences_inside_bold_text_or_a_figure_are_not_entry_points():
    bold = "<strong>" + " ".join([SENTENCE] * 5) + "</strong>"
    page = cut(long_paragraph(bold, SENTENCE, SENTENCE, SENTENCE))
    assert markers(page) == ["doan-1-2"]
    first = page.passages[0]
    assert first.anchor == "doan-1" and first.text.count("đề ra.") == 6


def test_a_line_break_inside_a_long_paragraph_does_not_hide_its_sentences():
    # Eight sentences: the first entry point comes after the fifth (the fourth ends just before a break).
    page = cut(long_paragraph(SENTENCE, SENTENCE, "<br>", SENTENCE, SENTENCE, "<br/>", *[SENTENCE] * 4))
    assert markers(page) == ["doan-1-2"]
    assert [len(p.text) for p in page.passages[:2]] == [5 * 87 - 1, 3 * 87 - 1]


def test_markers_stay_inside_their_paragraph():
    page = cut(long_paragraph(*[SENTENCE] * 8) .replace("(vượt chỉ tiêu), cuối năm.", " ".join([SENTENCE] * 8)))
    soup = BeautifulSoup(page.html, "html.parser")
    assert [(span.parent["id"], span["id"]) for span in soup.select("span.doan-moc")] == [
        ("doan-1", "doan-1-2"), ("doan-2", "doan-2-2")]


def test_no_entry_starts_with_a_short_last_sentence():
    one_long_sentence = ", ".join([SENTENCE[:-1]] * 7) + "."
    page = cut(long_paragraph(one_long_sentence, "Hết."))
    assert len(page.passages[0].text) > LONG and markers(page) == []


def test_a_reference_before_real_sentence_ends_does_not_stop_the_search_for_them():
    page = cut(long_paragraph("Bản gốc viết &quot;phân đấu&quot; ở đây.", *[SENTENCE] * 7))
    assert markers(page) == ["doan-1-2"]
    assert page.passages[0].text.startswith('Bản gốc viết "phân đấu" ở đây. Thành phố')


def test_a_paragraph_of_exactly_the_long_length_is_not_cut():
    text = ((SENTENCE + " ") * 7)[:LONG - 1] + "."
    assert len(text) == LONG
    assert markers(cut(long_paragraph(text))) == []


def test_a_long_list_item_is_cut_too():
    page = cut(PAGE.replace("<li>Mục một", "<li>" + " ".join([SENTENCE] * 8) + " Mục một"))
    assert markers(page) == ["doan-2-2", "doan-2-3"]


def test_a_list_item_with_paragraphs_is_cut_at_its_paragraphs():
    page = cut(PAGE.replace("<li><p>Đoạn trong", "<li><table><tr><td>Ô bảng dài đủ để là một đoạn riêng của trang "
                                                  "này, hơn tám mươi chữ cái.</td></tr></table><p>Đoạn trong"))
    soup = BeautifulSoup(page.html, "html.parser")
    assert [e.name for e in soup.select("[id^='doan-']")] == ["p", "li", "tr", "p", "li", "li", "tr"]


def test_the_clause_around_a_figure_reaches_past_it_and_keeps_the_order_of_its_words():
    html = ('<p>Năm nay, tỉ lệ <abbr title="thủ tục hành chính">TTHC</abbr> giải quyết đúng hạn đạt '
            '<span class="so-lieu" id="so-lieu-a-b" data-khoa="a.b">99,9%</span> so với kế hoạch, tăng 2%.</p>')
    (spot,) = cut(PAGE.replace('<div class="the-so-lieu">', html + '<div class="the-so-lieu">')).figures[1:]
    assert spot.context == "tỉ lệ TTHC giải quyết đúng hạn đạt 99,9% so với kế hoạch"


def test_a_page_without_a_first_heading_has_an_empty_title():
    page = cut(PAGE.replace('<h1 id="muc">3. Kết quả<a class="headerlink" href="#muc">¶</a></h1>', ""))
    assert page.title == "" and page.passages[0].heading == ""


def test_a_passage_on_the_pages_first_line_gets_its_anchor_in_place():
    page = '<article class="md-content__inner"><p>Một đoạn ở dòng đầu, đủ dài để đứng riêng thành một đoạn.</p></article>'
    assert cut(page).html == page.replace("<p>", '<p id="doan-1">')


@pytest.mark.parametrize("inner", ["<ul><li>{}</li></ul>", "<ol><li>{}</li></ol>", "<table><tr><td>{}</td></tr></table>"])
def test_a_list_item_holding_a_list_or_a_table_is_a_passage_of_its_own_words(inner):
    words = "Mục con đủ dài để đứng riêng thành một đoạn tìm kiếm của trang này, hơn tám mươi chữ cái."
    page = cut(PAGE.replace("<li>Mục một", "<li>Mục cha " + inner.format(words) + "</li><li>Mục một"))
    soup = BeautifulSoup(page.html, "html.parser")
    assert soup.select_one("#doan-2").get_text().startswith("Mục cha ")  # the item, with its own words
    assert soup.select_one("#doan-3").get_text() == words  # and the item or row it holds
    assert [(p.anchor, p.text) for p in page.passages[1:3]] == [("doan-2", "Mục cha"), ("doan-3", words)]


def test_a_list_item_of_links_only_is_navigation():
    page = cut(PAGE.replace("<li><a href=\"../a/\">Mục lục một</a></li>",
                            "<li><a href=\"../a/\">Mục một</a>\n  <a href=\"../b/\">Mục hai</a></li>"))
    assert "Mục hai" not in " ".join(p.text for p in page.passages)


def test_a_list_item_with_inline_tags_is_a_passage():
    page = cut(PAGE.replace("<li>Mục một là", "<li>Mục <strong>một</strong> là"))
    assert page.passages[1].anchor == "doan-2" and page.passages[1].text.startswith("Mục một là")


def test_a_reference_after_a_tag_does_not_end_a_sentence():
    clauses = ", ".join([SENTENCE[:-1]] * 4)
    page = cut(long_paragraph(clauses, "<em>trích</em>&quot; tiếp theo", ", ".join([SENTENCE[:-1]] * 3) + "."))
    assert markers(page) == []


def test_inline_tags_add_no_space_inside_a_passage():
    page = cut(PAGE.replace("(vượt chỉ tiêu)", "(<abbr title=\"x\">ODA</abbr>)"))
    assert page.passages[0].text == "Tỉ lệ hộ nghèo giảm còn 0,97% (ODA), cuối năm."


@pytest.mark.parametrize(("html", "clause"), [
    ('Năm nay, tỷ lệ đạt <span class="so-lieu" id="so-lieu-a-b" data-khoa="a.b">99,9%</span>.', "tỷ lệ đạt 99,9%"),
    ('Tỷ lệ đạt <span class="so-lieu" id="so-lieu-a-b" data-khoa="a.b">99,9%</span> so với <abbr title="x">KH</abbr> '
     "năm", "Tỷ lệ đạt 99,9% so với KH năm"),
])
def test_the_clause_around_a_figure_ends_with_its_passage(html, clause):
    page = cut(PAGE.replace('<div class="the-so-lieu">', f"<p>{html}</p><p>Đoạn sau, không thuộc câu.</p>"
                                                          '<div class="the-so-lieu">'))
    assert page.figures[1].context == clause


def test_a_figure_written_over_two_lines_is_one_value_in_its_clause():
    page = cut(PAGE.replace('data-khoa="giam_ngheo.ti_le">0,97%</span>',
                            'data-khoa="giam_ngheo.ti_le">1.484 tỷ\n  750 <b>triệu</b> đồng</span>'))
    assert page.figures[0].context == "Tỉ lệ hộ nghèo giảm còn 1.484 tỷ 750 triệu đồng"


def quoted(before: str, after: str) -> str:
    """The quotation of a figure (99,9%) written between `before` and `after` in a paragraph of its own."""
    html = f'<p>{before} <span class="so-lieu" id="so-lieu-a-b" data-khoa="a.b">99,9%</span> {after}</p>'
    return cut(PAGE.replace('<div class="the-so-lieu">', html + '<div class="the-so-lieu">')).figures[1].context


@pytest.mark.parametrize(("before", "after", "clause"), [
    # eight words each side are kept whole
    ("Năm nay, một hai ba bốn năm sáu bảy tám", "một hai ba bốn năm sáu bảy tám.", "một hai ba bốn năm sáu bảy tám 99,9% "
                                                                               "một hai ba bốn năm sáu bảy tám"),
    # a ninth word before or after is left out, and an ellipsis says so
    ("Năm nay, chín một hai ba bốn năm sáu bảy tám", "xong.", "… một hai ba bốn năm sáu bảy tám 99,9% xong"),
    ("Đạt", "một hai ba bốn năm sáu bảy tám chín; hết.", "Đạt 99,9% một hai ba bốn năm sáu bảy tám…"),
    # an ellipsis of the report's own ends the clause: no second one is added
    ("Đạt", "một hai ba bốn năm sáu bảy tám… chín mười.", "Đạt 99,9% một hai ba bốn năm sáu bảy tám"),
    ("Năm nay, chín một hai ba bốn năm sáu bảy tám", "một hai ba bốn năm sáu bảy tám chín",
     "… một hai ba bốn năm sáu bảy tám 99,9% một hai ba bốn năm sáu bảy tám…"),
])
def test_a_clause_too_long_to_quote_whole_says_where_words_are_left_out(before, after, clause):
    assert quoted(before, after) == clause


@pytest.mark.parametrize(("before", "after", "clause"), [
    # the full stop of a number written with thousands separators does not end the clause, before or after
    ("Đã ban hành 1.003 báo cáo tăng", "so với năm 2022.", "Đã ban hành 1.003 báo cáo tăng 99,9% so với năm 2022"),
    # a full stop right after the figure, or after a year, ends it, even with a digit next
    ("Tổng thu đạt", ".5 dự án mới khởi công.", "Tổng thu đạt 99,9%"),
    ("Năm 2023. Tổng thu đạt", "kế hoạch.", "Tổng thu đạt 99,9% kế hoạch"),
    ("Tổng thu", "1.633,225 125%", "Tổng thu 99,9% 1.633,225 125%"),
    ("Lúc 7:30 tăng", "so với 8:00: hết.", "Lúc 7:30 tăng 99,9% so với 8:00"),
])
def test_a_number_written_with_a_full_stop_or_colon_stays_whole_in_the_clause(before, after, clause):
    assert quoted(before, after) == clause
