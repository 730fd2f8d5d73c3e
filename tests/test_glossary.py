"""One glossary file drives the glossary page, the explanations on every page and search."""

from __future__ import annotations

import re

from macros.site_data import load_site
from tests.conftest import ROOT
from tests.site_text import article_text


def test_the_glossary_page_lists_every_abbreviation(built_site):
    text = article_text((built_site / "thuat-ngu" / "index.html").read_text(encoding="utf-8"))
    for short, term in load_site(ROOT).glossary.items():
        assert short in text and term.day_du in text, short


def test_abbreviations_are_explained_where_they_appear(built_site):
    html = (built_site / "2023" / "ket-qua-nhiem-vu-quyen-han" / "index.html").read_text(encoding="utf-8")
    assert '<abbr title="giải phóng mặt bằng">GPMB</abbr>' in html
    assert '<abbr title="thủ tục hành chính">TTHC</abbr>' in html


def test_document_numbers_read_whole_with_their_parts_explained(built_site):
    html = (built_site / "2023" / "chi-dao-thuc-hien-ke-hoach" / "index.html").read_text(encoding="utf-8")
    span = re.search(r'<span class="van-ban" data-khoa="qd-6368-ubnd"[^>]*>(.*?)</span>', html).group(1)
    assert re.sub(r"<[^>]+>", "", span) == "6368/QĐ-UBND"
    assert '<abbr title="quyết định' in span
    index = (built_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "6368/QĐ-UBND" in index


def test_a_mistake_in_the_glossary_stops_the_build(project):
    project.edit("data/thuat-ngu.yml", "    day_du: giải phóng mặt bằng", "    day_du: giải phóng mặt bằng\n    nghia: x")
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert 'data/thuat-ngu.yml, dòng' in output and 'khóa "thuat_ngu.GPMB.nghia"' in output
