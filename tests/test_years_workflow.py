"""The editors' yearly workflow, run through on synthetic years in a temporary copy.

Never on the public site: the figures of the synthetic 2024 are 2023's with
money scaled by 1.1, only to prove the mechanics (scaffold, draft, publish,
seal, erratum, switcher, latest address, year-over-year change).
"""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from decimal import Decimal

import pytest
import yaml

from macros import yaml_writer
from macros.site_data import load_site
from macros.written import Amount
from tests.browser import serve
from tests.conftest import ROOT, SITE_URL, ProjectCopy, copy_project
from tests.site_text import article_text, normalise
from tests.test_freeze import correct

# Each scenario builds a copy of the site in another process.
pytestmark = pytest.mark.site

I3 = "ket-qua-nhiem-vu-quyen-han"


def fill_2024(project: ProjectCopy) -> None:
    """Give every scaffolded 2024 figure a value: 2023's, money × 1.1 (sums still hold)."""
    old = load_site(ROOT).years[2023].figures
    path = project.root / "data/2024/so-lieu.yml"
    new = yaml_writer.read(path)
    for group, members in new["so_lieu"].items():
        for name, figure in members.items():
            value = old[f"{group}.{name}"].gia_tri
            if figure["loai"] == "tien":
                value = Amount.of(value.value * Decimal("1.1"), decimals=3)
            figure["gia_tri"] = value.text
    new["so_lieu"]["tiep_dan"]["ti_le_don_cham"]["gia_tri"] = "6,9%"  # 27/393, rounded
    yaml_writer.write(path, new)


def publish_2024(project: ProjectCopy) -> None:
    """Publish the synthetic 2024, with a (synthetic) source document kept beside its data."""
    source = project.root / "data/2024/bao-cao-cong-tac-chinh-quyen-2024.txt"
    source.write_text("Báo cáo thử nghiệm năm 2024 (không đăng).\n", encoding="utf-8")
    path = project.root / "data/2024/bao-cao.yml"
    report = yaml_writer.read(path)
    report.update({"trang_thai": "cong_bo", "ngay_cong_bo": datetime.date(2026, 1, 15),
                   "nguon": {"tep_goc": source.name, "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
                             "mo_ta": "Bản thử nghiệm"}})
    yaml_writer.write(path, report)


@pytest.fixture
def scaffolded(project: ProjectCopy) -> ProjectCopy:
    result = project.run("macros.scaffold", "2024")
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    """A copy with 2023 and a published, sealed synthetic 2024, built once."""
    project = ProjectCopy(copy_project(tmp_path_factory.mktemp("two-years")))
    assert project.run("macros.scaffold", "2024").returncode == 0
    fill_2024(project)
    publish_2024(project)
    project.edit(f"docs/2024/{I3}.md", "# {{ tieu_de() }}\n",
                 '# {{ tieu_de() }}\n\nTổng thu: {{ so("thu_ngan_sach.tong") }}, '
                 '{{ so_sanh("thu_ngan_sach.tong") }}.\n')
    assert project.run("macros.freeze").returncode == 0
    result = project.build(SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def page(project: ProjectCopy, address: str) -> str:
    return (project.root / "site" / address / "index.html").read_text(encoding="utf-8")


def test_new_year_scaffolds_every_section_and_every_figure_empty(scaffolded):
    root = scaffolded.root
    pages = sorted(path.name for path in (root / "docs/2024").glob("*.md"))
    assert pages == sorted(path.name for path in (ROOT / "docs/2023").glob("*.md"))
    old = yaml.safe_load((ROOT / "data/2023/so-lieu.yml").read_text(encoding="utf-8"))["so_lieu"]
    new = yaml.safe_load((root / "data/2024/so-lieu.yml").read_text(encoding="utf-8"))["so_lieu"]
    assert {(g, n) for g in old for n in old[g]} == {(g, n) for g in new for n in new[g]}
    assert all(figure["gia_tri"] is None for members in new.values() for figure in members.values())
    report = yaml.safe_load((root / "data/2024/bao-cao.yml").read_text(encoding="utf-8"))
    assert report["trang_thai"] == "du_thao" and report["tieu_de"].endswith("năm 2024 và nhiệm vụ năm 2025")


def test_new_year_keeps_the_comments_that_explain_each_file(scaffolded):
    figures = (scaffolded.root / "data/2024/so-lieu.yml").read_text(encoding="utf-8").splitlines()
    assert figures[0] == "# yaml-language-server: $schema=../../schemas/so-lieu.schema.json"
    assert "# Các quan hệ giữa số liệu mà báo cáo nêu; bản dựng kiểm tra lại từng quan hệ." in figures
    report = (scaffolded.root / "data/2024/bao-cao.yml").read_text(encoding="utf-8")
    assert "# Ngày đăng báo cáo lên trang web này (không phải ngày ký văn bản)." in report


def test_new_year_refuses_to_overwrite(scaffolded):
    before = (scaffolded.root / "data/2024/so-lieu.yml").read_text(encoding="utf-8")
    result = scaffolded.run("macros.scaffold", "2024")
    assert result.returncode == 1 and "không ghi đè" in result.stderr and "Traceback" not in result.stderr
    assert (scaffolded.root / "data/2024/so-lieu.yml").read_text(encoding="utf-8") == before


def test_a_draft_is_left_out_of_the_published_site(scaffolded):
    result = scaffolded.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Việc cần làm, năm 2024 (dự thảo)" in result.stderr
    site = scaffolded.root / "site"
    assert not (site / "2024").exists()
    assert "2024/" not in json.dumps([d["location"] for d in json.loads((site / "search/search_index.json")
                                                                         .read_text(encoding="utf-8"))["docs"]])
    assert "Năm 2024" not in article_text(page(scaffolded, ""))
    assert 'url=../2023/' in (site / "moi-nhat/index.html").read_text(encoding="utf-8")


def test_a_draft_is_previewed_with_its_banner_and_missing_figures(scaffolded):
    scaffolded.edit(f"docs/2024/{I3}.md", "# {{ tieu_de() }}\n",
                    '# {{ tieu_de() }}\n\nTổng thu: {{ so("thu_ngan_sach.tong") }}.\n')
    result = scaffolded.build(BAO_CAO_XEM_TRUOC="1")
    assert result.returncode == 0, result.stdout + result.stderr
    html = page(scaffolded, f"2024/{I3}")
    assert "DỰ THẢO" in html and "[chưa có số liệu]" in article_text(html)


def test_publishing_with_an_empty_figure_fails(scaffolded):
    publish_2024(scaffolded)
    output = (result := scaffolded.build()).stdout + result.stderr
    assert result.returncode != 0 and "đã công bố nhưng số liệu này chưa có giá trị" in output


def test_publishing_needs_the_seal(scaffolded):
    fill_2024(scaffolded)
    publish_2024(scaffolded)
    output = (result := scaffolded.build()).stdout + result.stderr
    assert result.returncode != 0 and "chưa được niêm phong" in output and "make niem-phong" in output
    assert scaffolded.run("macros.freeze").returncode == 0
    assert scaffolded.build().returncode == 0


def test_a_frozen_year_cannot_change_silently(project):
    project.edit("data/2023/so-lieu.yml", "      gia_tri: 510 tỷ đồng\n", "      gia_tri: 511 tỷ đồng\n")
    output = (result := project.build()).stdout + result.stderr
    assert result.returncode != 0 and "data/2023/so-lieu.yml" in output and "đính chính" in output
    refused = project.run("macros.freeze")
    assert refused.returncode == 1 and "không có đính chính mới" in refused.stderr


def test_an_erratum_lets_a_frozen_year_change_and_is_shown(project):
    correct(project)
    assert project.run("macros.freeze").returncode == 0
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    html = page(project, f"2023/{I3}")
    assert "Đính chính ngày 01/02/2026" in html and "«510 tỷ đồng»" in html and "511 tỷ đồng" in article_text(html)
    history = article_text(page(project, "lich-su-cap-nhat"))
    assert "Đính chính ngày 01/02/2026" in history and "Thử nghiệm quy trình đính chính" in history


def test_latest_address_and_home_follow_the_newest_year(two_years):
    site = two_years.root / "site"
    assert 'url=../2024/' in (site / "moi-nhat/index.html").read_text(encoding="utf-8")
    home = article_text(page(two_years, ""))
    assert home.index("Năm 2024") < home.index("Năm 2023")


def test_an_older_year_points_to_the_newer_report(two_years):
    assert "Đã có báo cáo mới hơn" in page(two_years, f"2023/{I3}")
    assert "Đã có báo cáo mới hơn" not in page(two_years, f"2024/{I3}")


def test_year_over_year_change_is_computed_from_data(two_years):
    text = article_text(page(two_years, f"2024/{I3}"))
    assert "Tổng thu: 1.633,225 tỷ đồng, tăng 148,475 tỷ đồng (+10,0%) so với năm 2023." in text


def test_the_earlier_year_says_the_same_after_a_year_is_added(two_years, built_site):
    for address in ("2023", f"2023/{I3}", "2023/phuong-huong-nhiem-vu"):
        before = article_text((built_site / address / "index.html").read_text(encoding="utf-8"))
        after = article_text(page(two_years, address))
        assert normalise(re.sub(r"Đã có báo cáo mới hơn.*?\.", "", after)) == before


def test_year_switcher_keeps_the_section_in_a_real_browser(two_years, browser):
    with serve(two_years.root / "site") as url:
        tab = browser.new_page()
        tab.goto(url + f"2023/{I3}/")
        tab.get_by_role("navigation", name="Chọn năm báo cáo").get_by_role("link", name="2024").click()
        tab.wait_for_url(f"**/2024/{I3}/")
        # By keyboard alone: focus the 2023 link and follow it back.
        link = tab.get_by_role("navigation", name="Chọn năm báo cáo").get_by_role("link", name="2023")
        link.focus()
        tab.keyboard.press("Enter")
        tab.wait_for_url(f"**/2023/{I3}/")
        tab.close()


def test_year_switcher_falls_back_to_the_overview(two_years):
    (two_years.root / "docs/2024/quan-he-phoi-hop.md").unlink()
    from macros.page_context import year_links
    from macros.site_data import load_site
    site = load_site(two_years.root)
    links = year_links(site.newest_first(), site.years[2023], "khong-co-o-2024", "2023/khong-co-o-2024/")
    assert [link["url"] for link in links] == ["../../2024/", "../"]


def test_search_finds_both_years_and_tells_them_apart(two_years, browser):
    from tests.browser import search
    with serve(two_years.root / "site") as url:
        tab = browser.new_page()
        tab.goto(url)
        titles = [result["title"] for result in search(tab, "ket qua thuc hien cac nhiem vu quyen han")]
        tab.close()
    assert any(t.startswith("Năm 2024 · ") for t in titles) and any(t.startswith("Năm 2023 · ") for t in titles)
