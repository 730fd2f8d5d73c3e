"""Heading anchors people can read and cite: Vietnamese letters folded, đ as d."""

from __future__ import annotations

import re

import pytest

from text_unidecode import unidecode

from macros.anchors import heading_id
from tests.site_text import page, parse


@pytest.mark.parametrize(("title", "anchor"), [
    ("Mở đầu", "mo-dau"),
    ("Biểu đồ", "bieu-do"),
    ("2. Công tác chỉ đạo, điều hành của người đứng đầu cơ quan",
     "2-cong-tac-chi-dao-dieu-hanh-cua-nguoi-dung-dau-co-quan"),
    ("ĐẠI HỘI Đảng bộ", "dai-hoi-dang-bo"),
    ("III. Phương hướng, nhiệm vụ năm 2024", "iii-phuong-huong-nhiem-vu-nam-2024"),
    ("Tỷ lệ 99,5% — “giải ngân”", "ty-le-995-giai-ngan"),
    ("  Gỡ   vướng  ", "go-vuong"),
])
def test_heading_ids_fold_vietnamese(title, anchor):
    assert heading_id(title) == anchor


def test_another_separator_is_honoured():
    assert heading_id("Đầu tư công", "_") == "dau_tu_cong"


@pytest.mark.parametrize(("address", "anchor", "heading"), [
    ("2023/", "mo-dau", "Mở đầu"),
    ("2023/", "bieu-do", "Biểu đồ"),
    ("2023/chi-dao-dieu-hanh/", "2-cong-tac-chi-dao-dieu-hanh-cua-nguoi-dung-dau-co-quan",
     "2. Công tác chỉ đạo, điều hành của người đứng đầu cơ quan"),
    ("2023/han-che-nguyen-nhan/", "2-mot-so-nguyen-nhan", "2. Một số nguyên nhân"),
])
def test_the_site_uses_readable_anchors(built_site, address, anchor, heading):
    found = page(built_site, address).find(id=anchor)
    assert found is not None and found.name in ("h1", "h2", "h3")
    assert found.get_text(" ", strip=True).startswith(heading)


def letters(text: str) -> str:
    """The ASCII letters and digits of a text, as text-unidecode (not our code) transliterates it."""
    return re.sub(r"[^a-z0-9]", "", unidecode(text).lower())


def test_no_heading_anchor_lost_a_letter(built_site):
    """Every heading's anchor is plain ASCII and keeps every letter of the heading."""
    headings = 0
    for path in built_site.rglob("*.html"):
        for tag in parse(path.read_text(encoding="utf-8")).select("article :is(h1, h2, h3, h4, h5)[id]"):
            for permalink in tag.select("a.headerlink"):
                permalink.extract()
            shown = tag.get_text()
            assert re.fullmatch(r"[a-z0-9_-]+", tag["id"]), (path, tag["id"])
            assert letters(tag["id"]) == letters(shown), (path, tag["id"], shown)
            headings += 1
    assert headings > 30
