"""Figures a citizen can see, check and take away: cards, anchors, charts, downloads, citation.

Expected values are written out from the 2023 report; charts are measured
from the SVG the page carries.
"""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from tests.conftest import ROOT, SOURCE_TEXT
from tests.site_text import article_text, page, text

I3 = "2023/ket-qua-nhiem-vu-quyen-han"
# Each key-figure card: its meaning, its value, what the report measures it against, where it is stated.
CARDS = [
    ("Tổng thu ngân sách nhà nước năm 2023 (ước đạt)", "1.484 tỷ 750 triệu đồng",
     ["122%: Tổng thu ngân sách so với dự toán tỉnh giao",
      "114%: Tổng thu ngân sách so với dự toán thành phố"], "thu_ngan_sach-tong"),
    ("Giải ngân vốn đầu tư công năm 2023, nguồn vốn ngân sách thành phố", "839,617 tỷ đồng",
     ["100%: Tỷ lệ giải ngân vốn đầu tư công so với kế hoạch"], "dau_tu_cong-giai_ngan"),
    ("Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng và trước hạn", "99,9%",
     ["94%: Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến (trên)",
      "98%: Tỷ lệ hồ sơ thủ tục hành chính được số hóa (trên)"], "tthc-dung_va_truoc_han"),
    ("Tỷ lệ hộ nghèo cuối năm 2023 (càng thấp càng tốt)", "0,97%",
     ["1,15%: Chỉ tiêu kế hoạch về tỷ lệ hộ nghèo năm 2023 (mức tối đa)"], "giam_ngheo-ti_le_ho_ngheo"),
    ("Giá trị phê duyệt giải phóng mặt bằng năm 2023", "510 tỷ đồng",
     ["170%: Giá trị phê duyệt giải phóng mặt bằng so với kế hoạch"], "gpmb-gia_tri_phe_duyet"),
    ("Số chỉ tiêu phát triển kinh tế - xã hội năm 2023 đạt và vượt, trên tổng số chỉ tiêu", "10/10",
     ["90%: Tỷ lệ hoàn thành các công việc, nhiệm vụ cấp trên giao"], "chi_tieu-dat_va_vuot"),
]
# Each chart: its bars' labels as drawn, and the lengths the report's numbers give them.
CHARTS = {
    "co-cau-thu-ngan-sach": [("Tiền sử dụng đất: 633 tỷ 900 triệu đồng", 633.9),
                             ("Thu không kể tiền sử dụng đất: 850 tỷ 850 triệu đồng", 850.85)],
    "thu-ngan-sach-so-voi-du-toan": [("Tổng thu / dự toán tỉnh: 122%", 122), ("Tổng thu / dự toán thành phố: 114%", 114),
                                     ("Không kể tiền đất / dự toán tỉnh: 112%", 112),
                                     ("Không kể tiền đất / dự toán thành phố: 105%", 105)],
    "tang-truong-gia-tri-san-xuat": [("Nông nghiệp: 3%", 3), ("Công nghiệp: 13,6%", 13.6),
                                     ("Thương mại, dịch vụ: 15,8%", 15.8)],
    "thu-tuc-hanh-chinh": [("Giải quyết đúng và trước hạn: 99,9%", 99.9), ("Hồ sơ được số hóa (trên): 98%", 98),
                           ("Hồ sơ trực tuyến (trên): 94%", 94)],
    "muc-do-hoan-thanh": [("Chỉ tiêu kinh tế - xã hội đạt và vượt: 10/10 chỉ tiêu", 100),
                          ("Dự án đã xác định giá đất: 25/35 dự án", 25 / 35 * 100),
                          ("Vị trí đã có giá khởi điểm đấu giá: 11/15 vị trí", 11 / 15 * 100)],
}


def test_every_figure_can_be_linked_to_where_the_report_states_it(built_site):
    figures = page(built_site, I3).select("span.so-lieu")
    ids = [figure["id"] for figure in figures if figure.has_attr("id")]
    assert "so-lieu-thu_ngan_sach-tong" in ids and len(ids) == len(set(ids))
    # Only the first mention carries the anchor: the ODA figure appears twice in one sentence.
    oda = [figure for figure in figures if figure["data-khoa"] == "cong_trinh.oda_khoi_luong"]
    assert len(oda) == 2 and oda[0]["id"] == "so-lieu-cong_trinh-oda_khoi_luong" and not oda[1].has_attr("id")


@pytest.mark.parametrize(("meaning", "value", "against", "anchor"), CARDS, ids=[card[3] for card in CARDS])
def test_each_card_shows_the_figure_its_comparisons_and_its_source(built_site, meaning, value, against, anchor):
    cards = page(built_site, "2023").select("div.the-so-lieu__the")
    card = next(card for card in cards if text(card.select_one(".the-so-lieu__y-nghia")) == meaning)
    assert text(card.select_one(".the-so-lieu__gia-tri")) == value
    assert [text(item) for item in card.select("li")][:len(against)] == against
    link = card.select_one("a")["href"]
    assert link == f"ket-qua-nhiem-vu-quyen-han/#so-lieu-{anchor}"
    stated = page(built_site, I3).find(id=f"so-lieu-{anchor}")
    assert text(stated) == value


def test_the_cards_come_in_the_chosen_order(built_site):
    shown = [text(card.select_one(".the-so-lieu__y-nghia")) for card in page(built_site, "2023").select(".the-so-lieu__the")]
    assert shown == [card[0] for card in CARDS]


def test_home_shows_the_first_four_cards(built_site):
    home = article_text(page(built_site, ""))
    for meaning, value, _, _ in CARDS[:4]:
        assert f"{meaning}: {value}" in home
    assert CARDS[4][1] not in home


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_draws_the_report_s_numbers(built_site, name):
    figure = page(built_site, "2023").find("figure", id=f"bieu-do-{name}")
    svg = figure.find("svg")
    labels = [text(label) for label in svg.find_all("text")]
    widths = [float(re.match(r"M0,[\d.]+h([\d.]+)v", bar["d"]).group(1)) for bar in svg.select("g.mark-rect path")]
    expected = CHARTS[name]
    assert [label for label in labels if ":" in label] == [label for label, _ in expected]
    assert len(widths) == len(expected)
    for width, (_, length) in zip(widths, expected):
        assert width / widths[0] == pytest.approx(length / expected[0][1], rel=0.01)
    rows = [[text(cell) for cell in row.find_all("td")] for row in figure.select("table tbody tr")]
    assert [f"{label}: {shown}" for label, shown, _ in rows] == [label for label, _ in expected]


def test_a_reference_line_is_labelled_with_its_percentage(built_site):
    svg = page(built_site, "2023").find("figure", id="bieu-do-thu-ngan-sach-so-voi-du-toan").find("svg")
    assert "Dự toán (100%)" in [text(label) for label in svg.find_all("text")]
    assert text(svg.find("desc")).endswith("Đường kẻ: Dự toán (100%).")


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_is_accessible_and_self_contained(built_site, name):
    figure = page(built_site, "2023").find("figure", id=f"bieu-do-{name}")
    svg = figure.find("svg")
    assert svg["role"] == "img" and svg["aria-labelledby"] == f"bieu-do-{name}-tieu-de bieu-do-{name}-mo-ta"
    assert text(svg.find("title", id=f"bieu-do-{name}-tieu-de")) == text(figure.find("figcaption"))
    assert text(svg.find("desc", id=f"bieu-do-{name}-mo-ta")).startswith(CHARTS[name][0][0])
    assert not figure.select("script, [role=graphics-document], [aria-roledescription]")
    assert not [element for element in figure.find_all(href=True) + figure.find_all(src=True)
                if re.match(r"(?:https?:)?//", element.get("href") or element.get("src"))]


def test_the_downloads_are_offered_where_the_build_writes_them(built_site):
    links = {text(link): link["href"] for link in page(built_site, "2023").select("ul.tai-du-lieu a")}
    assert links == {"Số liệu năm 2023, tệp CSV": "../du-lieu/2023/so-lieu.csv",
                     "Số liệu năm 2023, tệp JSON": "../du-lieu/2023/so-lieu.json",
                     "lược đồ JSON Schema": "../du-lieu/so-lieu.schema.json",
                     "Văn bản gốc năm 2023": "../du-lieu/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"}
    for href in links.values():
        assert (built_site / "2023" / href).resolve().is_file(), href


def test_open_data_page_lists_every_dataset_with_licence_and_date(built_site):
    table = page(built_site, "du-lieu-mo").select_one("table.du-lieu-mo")
    rows = [[text(cell) for cell in row.find_all("td")] for row in table.select("tbody tr")]
    assert len(rows) == 1
    year, name, data, original, updated, licence = rows[0]
    assert (year, name, data, updated, licence) == (
        "2023", "Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024", "CSV, JSON", "25/11/2026",
        "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)")
    assert original.startswith("Văn bản gốc (tệp văn bản (TXT), 30,0 KB; mã kiểm tra SHA-256: ")
    for link in table.select("a"):
        assert (built_site / "du-lieu-mo" / link["href"]).resolve().is_file(), link["href"]


def test_each_report_says_how_to_cite_it(built_site):
    quote = text(page(built_site, "2023").select_one("blockquote.trich-dan"))
    assert quote == ("Ủy ban nhân dân thành phố Hải Dương. Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm "
                     "2024. Số: /BC-UBND, Hải Dương, tháng 01/2024. https://bao-cao.example.vn/2023/. "
                     "Truy cập ngày [ngày/tháng/năm].")


def test_the_original_document_is_offered_with_its_format_size_and_checksum(built_site):
    checksum = hashlib.sha256(SOURCE_TEXT.read_bytes()).hexdigest()
    for address in ("2023", "du-lieu-mo"):
        soup = page(built_site, address)
        said = article_text(soup)
        assert f"tệp văn bản (TXT), 30,0 KB; mã kiểm tra SHA-256: {checksum}" in said
        link = soup.find("a", href=re.compile(r"bao-cao-cong-tac-chinh-quyen-2023\.txt$"))
        assert link.has_attr("download")
        assert (built_site / address / link["href"]).resolve().read_bytes() == SOURCE_TEXT.read_bytes()
    document = json.loads((built_site / "du-lieu/2023/so-lieu.json").read_text(encoding="utf-8"))
    assert document["bao_cao"]["van_ban_goc"] == {"tep": "bao-cao-cong-tac-chinh-quyen-2023.txt", "dinh_dang": "txt",
                                                  "kich_thuoc": 30743, "sha256": checksum}
    assert ROOT.joinpath("data/2023", document["bao_cao"]["van_ban_goc"]["tep"]) == SOURCE_TEXT
