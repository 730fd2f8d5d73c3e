"""One glossary file drives the glossary page, the explanations on every page and search."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import ROOT
from tests.site_text import article_text, page, text


def glossary_rows(site) -> dict[str, list[str]]:
    table = page(site, "thuat-ngu").select_one("article table")
    assert [text(cell) for cell in table.select("thead th")] == ["Viết tắt", "Viết đầy đủ", "Giải thích"]
    return {text(row.find("td")): [text(cell) for cell in row.find_all("td")[1:]] for row in table.select("tbody tr")}


def test_the_glossary_page_lists_every_abbreviation_a_to_z(built_site):
    rows = glossary_rows(built_site)
    terms = yaml.safe_load((ROOT / "data/thuat-ngu.yml").read_text(encoding="utf-8"))["thuat_ngu"]
    assert len(rows) == len(terms)
    assert rows["GPMB"] == ["giải phóng mặt bằng", ""]
    assert rows["BC"] == ["báo cáo", 'Ký hiệu loại văn bản trong số hiệu, như "/BC-UBND".']
    assert rows["QĐ, QD"] == ["quyết định", 'Ký hiệu loại văn bản trong số hiệu, như "6368/QĐ-UBND".']
    assert list(rows) == sorted(rows, key=str.casefold)


@pytest.mark.site
def test_a_bar_in_an_explanation_stays_in_its_cell(project):
    """A "|" once split the glossary's Markdown table row and the rest of the explanation was lost."""
    project.edit("data/thuat-ngu.yml", '    giai_thich: Ký hiệu loại văn bản trong số hiệu, như "/BC-UBND".',
                 '    giai_thich: Ký hiệu | loại văn bản <b>&amp; *số* _hiệu_ [x](y) {{ z }}')
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    assert glossary_rows(project.root / "site")["BC"] == [
        "báo cáo", "Ký hiệu | loại văn bản <b>&amp; *số* _hiệu_ [x](y) {{ z }}"]


def test_abbreviations_are_explained_where_they_appear(built_site):
    explained = {text(abbr): abbr["title"] for abbr in page(built_site, "2023/ket-qua-nhiem-vu-quyen-han").find_all("abbr")}
    assert explained["GPMB"] == "giải phóng mặt bằng" and explained["TTHC"] == "thủ tục hành chính"


def test_document_numbers_read_whole_with_their_parts_explained(built_site):
    span = page(built_site, "2023/chi-dao-thuc-hien-ke-hoach").select_one('span.van-ban[data-khoa="qd-6368-ubnd"]')
    assert text(span) == "6368/QĐ-UBND"
    assert [(text(abbr), abbr["title"].split(" (")[0]) for abbr in span.find_all("abbr")] == [
        ("QĐ", "quyết định"), ("UBND", "Ủy ban nhân dân")]
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "6368/QĐ-UBND" in index
