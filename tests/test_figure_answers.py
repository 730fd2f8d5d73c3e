"""Figure answers of the search (macros/figure_answers.py): values as the report writes them."""

from __future__ import annotations

import dataclasses

from macros.figure_answers import KEY_FIGURE_BOOST, Mention, entries
from macros.fragments import render_for_search
from macros.passages import FigureSpot
from macros.site_data import load_site
from tests.conftest import ROOT
from tests.test_freeze import another_year

I3 = "2023/ket-qua-nhiem-vu-quyen-han/"
POVERTY = FigureSpot("giam_ngheo.ti_le_ho_ngheo", "so-lieu-giam_ngheo-ti_le_ho_ngheo", "doan-9",
                     "tỉ lệ hộ nghèo giảm còn 0,97%")
REVENUE = FigureSpot("thu_ngan_sach.tong", "so-lieu-thu_ngan_sach-tong", "doan-3",
                     "Tổng thu ngân sách nhà nước ước đạt 1.484 tỷ 750 triệu đồng")


def answers(site, *mentions: Mention) -> dict[str, dict]:
    return {entry["location"]: entry for entry in entries(list(mentions), site.newest_first())}


def test_an_answer_gives_the_value_as_written_its_meaning_year_section_and_words():
    (entry,) = answers(load_site(ROOT), Mention(2023, I3, POVERTY)).values()
    assert entry["location"] == I3 + "?so-lieu=so-lieu-giam_ngheo-ti_le_ho_ngheo"
    assert entry["title"] == "Tỷ lệ hộ nghèo cuối năm 2023 (càng thấp càng tốt)"
    assert entry["text"] == ('<div class="tim-so-lieu"><b>0,97%</b><small>Năm 2023 · mục I.3</small>'
                             "<q>tỉ lệ hộ nghèo giảm còn 0,97%</q></div>")


def test_key_figures_rank_first_among_figures_and_others_do_not():
    found = answers(load_site(ROOT), Mention(2023, I3, POVERTY), Mention(2023, I3, FigureSpot(
        "giam_ngheo.chi_tieu_ho_ngheo", "so-lieu-giam_ngheo-chi_tieu_ho_ngheo", "doan-9", "chỉ tiêu 1,15%")))
    assert found[I3 + "?so-lieu=so-lieu-giam_ngheo-ti_le_ho_ngheo"]["boost"] == KEY_FIGURE_BOOST
    assert "boost" not in found[I3 + "?so-lieu=so-lieu-giam_ngheo-chi_tieu_ho_ngheo"]


def test_years_periods_and_names_are_not_answers_nor_unknown_years_or_keys():
    site = load_site(ROOT)
    year = FigureSpot("nam.bao_cao", "so-lieu-nam-bao_cao", "doan-1", "năm 2023")
    period = FigureSpot("ke_hoach_5_nam.giai_doan", "so-lieu-ke_hoach_5_nam-giai_doan", "doan-1", "2021-2025")
    name = FigureSpot("ten_rieng.kenh_t2", "so-lieu-ten_rieng-kenh_t2", "doan-1", "Kênh T2")
    unknown = FigureSpot("khong.co", "so-lieu-khong-co", "doan-1", "x")
    assert answers(site, *(Mention(2023, I3, spot) for spot in (year, period, name, unknown)),
                   Mention(2019, I3, POVERTY)) == {}
    assert list(answers(site, Mention(2023, I3, unknown), Mention(2023, I3, POVERTY))) == [
        I3 + "?so-lieu=so-lieu-giam_ngheo-ti_le_ho_ngheo"]


def test_one_answer_per_figure_at_its_first_mention():
    later = FigureSpot(POVERTY.key, POVERTY.anchor, "doan-20", "nhắc lại 0,97%")
    (entry,) = answers(load_site(ROOT), Mention(2023, I3, POVERTY), Mention(2023, I3, later)).values()
    assert "<q>tỉ lệ hộ nghèo giảm còn 0,97%</q>" in entry["text"]


def test_two_years_give_both_values_newest_first_with_the_change(project):
    another_year(project, 2024, published=True)
    project.edit("data/2024/so-lieu.yml", "gia_tri: 1.484 tỷ 750 triệu đồng", "gia_tri: 1.600 tỷ đồng")
    site = load_site(project.root)
    (entry,) = answers(site, Mention(2023, I3, REVENUE),
                       Mention(2024, "2024/ket-qua-nhiem-vu-quyen-han/", REVENUE)).values()
    assert entry["location"] == "2024/ket-qua-nhiem-vu-quyen-han/?so-lieu=so-lieu-thu_ngan_sach-tong"
    assert entry["text"] == (
        '<div class="tim-so-lieu"><b>1.600 tỷ đồng</b>'
        "<small>Năm 2024 · mục I.3 · tăng 115,25 tỷ đồng (+7,8%) so với năm 2023</small>"
        "<q>Tổng thu ngân sách nhà nước ước đạt 1.484 tỷ 750 triệu đồng</q>"
        "<small>Năm 2023: <b>1.484 tỷ 750 triệu đồng</b></small></div>")


def test_each_year_is_compared_with_the_next_older_one(project):
    another_year(project, 2024, published=True)
    another_year(project, 2025, published=True)
    project.edit("data/2024/so-lieu.yml", "gia_tri: 1.484 tỷ 750 triệu đồng", "gia_tri: 1.600 tỷ đồng")
    project.edit("data/2025/so-lieu.yml", "gia_tri: 1.484 tỷ 750 triệu đồng", "gia_tri: 1.700 tỷ đồng")
    site = load_site(project.root)
    (entry,) = answers(site, *(Mention(year, f"{year}/ket-qua-nhiem-vu-quyen-han/", REVENUE)
                               for year in (2023, 2024, 2025))).values()
    assert entry["text"] == (
        '<div class="tim-so-lieu"><b>1.700 tỷ đồng</b>'
        "<small>Năm 2025 · mục I.3 · tăng 100 tỷ đồng (+6,3%) so với năm 2024</small>"
        "<q>Tổng thu ngân sách nhà nước ước đạt 1.484 tỷ 750 triệu đồng</q>"
        "<small>Năm 2024: <b>1.600 tỷ đồng</b> (tăng 115,25 tỷ đồng (+7,8%) so với năm 2023)</small>"
        "<small>Năm 2023: <b>1.484 tỷ 750 triệu đồng</b></small></div>")


def test_markup_in_the_data_is_shown_as_text(project):
    project.edit("data/2023/so-lieu.yml", "y_nghia: Tỷ lệ hộ nghèo cuối năm 2023 (càng thấp càng tốt)",
                 'y_nghia: "<img src=x onerror=alert(1)> & hộ nghèo"')
    spot = dataclasses.replace(POVERTY, context="<b>x</b>")
    (entry,) = answers(load_site(project.root), Mention(2023, I3, spot)).values()
    assert entry["title"] == "&lt;img src=x onerror=alert(1)&gt; &amp; hộ nghèo"
    assert "<q>&lt;b&gt;x&lt;/b&gt;</q>" in entry["text"]


def test_search_entries_keep_quotes_and_markdown_characters_as_written():
    text = render_for_search("search-passage.html", text='Bản gốc viết "phân đấu" * [1] & <b>')
    assert text == '<p>Bản gốc viết "phân đấu" * [1] &amp; &lt;b&gt;</p>'
