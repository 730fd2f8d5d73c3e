"""Figures a citizen can see, check and take away: cards, anchors, charts, downloads, citation."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re

import pytest

from macros import charts
from macros.formatting import displayed
from macros.open_data import Dataset, machine_value
from macros.site_data import load_site
from tests.conftest import ROOT
from tests.site_text import article_text, normalise

DATA = load_site(ROOT).years[2023]


def html_of(site, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


def test_every_figure_can_be_linked_to_where_the_report_states_it(built_site):
    html = html_of(built_site, "2023/ket-qua-nhiem-vu-quyen-han")
    ids = re.findall(r'<span class="so-lieu" id="(so-lieu-[^"]+)"', html)
    assert "so-lieu-thu_ngan_sach-tong" in ids and len(ids) == len(set(ids))
    # Only the first mention carries the anchor: the ODA figure appears twice in one sentence.
    assert html.count('data-khoa="cong_trinh.oda_khoi_luong"') == 2 and ids.count("so-lieu-cong_trinh-oda_khoi_luong") == 1


@pytest.mark.parametrize("card", DATA.presentation.the_so_lieu, ids=lambda card: card.khoa)
def test_each_card_shows_the_figure_its_comparisons_and_its_source(built_site, card):
    html = html_of(built_site, "2023")
    cards = re.findall(r'<div class="the-so-lieu__the">(.*?)</div>', html, re.S)
    mine = next(block for block in cards if DATA.figures[card.khoa].y_nghia in normalise(re.sub("<[^>]+>", " ", block)))
    text = normalise(re.sub(r"<[^>]+>", " ", mine))
    assert displayed(DATA.figures[card.khoa]) in text
    for other in card.so_voi:
        assert f"{displayed(DATA.figures[other])}: {DATA.figures[other].y_nghia}" in text
    link = re.search(r'href="([^"]+)#(so-lieu-[^"]+)"', mine)
    target = html_of(built_site, "2023/" + link.group(1).rstrip("/"))
    anchor = re.search(rf'<span class="so-lieu" id="{link.group(2)}"[^>]*>([^<]+)</span>', target)
    assert anchor and anchor.group(1) == displayed(DATA.figures[card.khoa])


def test_home_shows_the_first_cards(built_site):
    text = article_text(html_of(built_site, ""))
    for card in DATA.presentation.the_so_lieu[:4]:
        assert displayed(DATA.figures[card.khoa]) in text


def _svg(html: str, name: str) -> str:
    return re.search(rf'<figure class="bieu-do" id="bieu-do-{name}">(.*?)</figure>', html, re.S).group(1)


@pytest.mark.parametrize("chart", DATA.presentation.bieu_do, ids=lambda chart: chart.ma)
def test_each_chart_draws_the_data(built_site, chart):
    figure = _svg(html_of(built_site, "2023"), chart.ma)
    svg = figure[figure.index("<svg"):figure.index("</svg>")]
    found = charts.bars(chart, DATA)
    labels = [normalise(label) for label in re.findall(r"<text[^>]*>([^<]+)</text>", svg)]
    for bar in found:
        assert f"{bar.label}: {bar.shown}" in labels
    widths = [float(w) for w in re.findall(r'<path d="M0,[\d.]+h([\d.]+)v', svg)]
    assert len(widths) == len(found)
    for bar, width in zip(found, widths):
        assert width / widths[0] == pytest.approx(bar.length / found[0].length, rel=0.01)
    table = normalise(re.sub(r"<[^>]+>", " ", figure[figure.index("<table"):]))
    for bar in found:
        assert f"{bar.label} {bar.shown}" in table


@pytest.mark.parametrize("chart", DATA.presentation.bieu_do, ids=lambda chart: chart.ma)
def test_each_chart_is_accessible_and_self_contained(built_site, chart):
    figure = _svg(html_of(built_site, "2023"), chart.ma)
    assert f'<svg role="img" aria-labelledby="bieu-do-{chart.ma}-tieu-de bieu-do-{chart.ma}-mo-ta"' in figure
    assert f'<title id="bieu-do-{chart.ma}-tieu-de">' in figure and f'<desc id="bieu-do-{chart.ma}-mo-ta">' in figure
    assert not re.search(r'(?:href|src)="(?:https?:)?//', figure) and "<script" not in figure


def test_figures_download_as_csv_excel_can_read(built_site):
    raw = (built_site / "du-lieu/2023/so-lieu.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["khoa", "y_nghia", "loai", "gia_tri", "gia_tri_nhu_bao_cao", "don_vi", "muc", "nguon"]
    assert len(rows) == len(DATA.figures)
    for row in rows:
        figure = DATA.figures[row["khoa"]]
        assert row["gia_tri_nhu_bao_cao"] == displayed(figure) and row["y_nghia"] == figure.y_nghia
        assert row["gia_tri"] == str(machine_value(figure)) and row["muc"] == figure.muc
    total = next(row for row in rows if row["khoa"] == "thu_ngan_sach.tong")
    assert total["gia_tri"] == "1484.75" and total["don_vi"] == "tỷ đồng"


def test_figures_download_as_json_that_follows_its_schema(built_site):
    document = json.loads((built_site / "du-lieu/2023/so-lieu.json").read_text(encoding="utf-8"))
    dataset = Dataset.model_validate(document)
    assert len(dataset.so_lieu) == len(DATA.figures) and dataset.bao_cao.nam == 2023
    schema = json.loads((built_site / "du-lieu/so-lieu.schema.json").read_text(encoding="utf-8"))
    assert set(schema["properties"]) == {"bao_cao", "so_lieu"}


def test_open_data_page_lists_every_dataset_with_licence_and_date(built_site):
    html = html_of(built_site, "du-lieu-mo")
    text = article_text(html)
    assert "2023" in text and "CC BY 4.0" in text and "25/11/2026" in text
    for href in re.findall(r'href="(\.\./du-lieu/[^"]+)"', html):
        assert (built_site / href.removeprefix("../")).is_file(), href


def test_each_report_says_how_to_cite_it(built_site):
    text = article_text(html_of(built_site, "2023"))
    assert ("Ủy ban nhân dân thành phố Hải Dương. Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024. "
            "Số: /BC-UBND, Hải Dương, tháng 01/2024.") in text
    assert "Truy cập ngày [ngày/tháng/năm]" in text


def test_the_original_document_is_offered_with_its_format_size_and_checksum(built_site):
    source = ROOT / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"
    checksum = hashlib.sha256(source.read_bytes()).hexdigest()
    for address in ("2023", "du-lieu-mo"):
        html = html_of(built_site, address)
        assert "Văn bản gốc" in article_text(html)
        assert "tệp văn bản (TXT), 30,0 KB" in article_text(html) and checksum in article_text(html)
        link = re.search(r'href="([^"]*bao-cao-cong-tac-chinh-quyen-2023\.txt)" download', html).group(1)
        assert (built_site / address / link).resolve().read_bytes() == source.read_bytes()
    document = json.loads((built_site / "du-lieu/2023/so-lieu.json").read_text(encoding="utf-8"))
    assert document["bao_cao"]["van_ban_goc"] == {"tep": "bao-cao-cong-tac-chinh-quyen-2023.txt", "dinh_dang": "txt",
                                                  "kich_thuoc": 30743, "sha256": checksum}
