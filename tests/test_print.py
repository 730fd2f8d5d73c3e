"""The whole report as one printable document, printed to PDF by headless Chromium."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tests.browser import serve
from tests.site_text import article_text

IN_ORDER = ["Số: /BC-UBND", "BÁO CÁO", "Công tác chính quyền năm 2023 và nhiệm vụ năm 2024",
            "Năm 2023 là năm bản lề", "1. Công tác chỉ đạo thực hiện kế hoạch năm 2023",
            "2. Công tác chỉ đạo, điều hành của người đứng đầu cơ quan",
            "3. Kết quả thực hiện các nhiệm vụ, quyền hạn", "1.484 tỷ 750 triệu đồng", "839,617 tỷ đồng",
            "99,9%", "II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN", "27/393", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",
            "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "Trần Hồ Đăng", "Biểu đồ"]


def squeeze(text: str) -> str:
    """PDF text extraction spaces letters apart; compare without any white space."""
    return re.sub(r"\s+", "", text)


def in_order(text: str, parts: list[str]) -> list[str]:
    position, missing = 0, []
    for part in parts:
        found = text.find(squeeze(part), position)
        if found < 0:
            missing.append(part)
        else:
            position = found
    return missing


def test_the_print_view_holds_the_whole_report_in_order(built_site):
    text = article_text((built_site / "2023/ban-in/index.html").read_text(encoding="utf-8"))
    assert in_order(squeeze(text), IN_ORDER) == []
    assert "Mục lục" not in text and "Số liệu chính" not in text


@pytest.fixture(scope="module")
def pdf(built_site, browser, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "bao-cao-2023.pdf"
    with serve(built_site) as url:
        page = browser.new_page()
        page.goto(url + "2023/ban-in/")
        page.pdf(path=str(path), format="A4", print_background=True)
        page.close()
    return [page.extract_text() for page in PdfReader(path).pages]


def test_the_printed_pdf_has_the_headings_and_key_figures_in_order(pdf):
    assert in_order(squeeze("".join(pdf)), IN_ORDER) == []


def test_main_sections_start_on_a_new_page(pdf):
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN",
                    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"):
        starts = [page for page in pdf if squeeze(page).startswith(squeeze(heading))]
        assert starts, heading


def test_a_groups_first_section_follows_the_group_heading(pdf):
    group = next(page for page in pdf if squeeze(page).startswith(squeeze("I. KẾT QUẢ THỰC HIỆN")))
    after = squeeze(group)[len(squeeze("I. KẾT QUẢ THỰC HIỆN")):]
    assert after.startswith(squeeze("1. Công tác chỉ đạo thực hiện kế hoạch năm 2023"))
    assert not any(squeeze(page).startswith(squeeze("2. Công tác chỉ đạo, điều hành")) for page in pdf)


def test_print_leaves_out_the_site_and_names_the_address(pdf):
    text = squeeze("".join(pdf))
    for furniture in ("Tìm kiếm", "Báo cáo năm:", "Thanh điều hướng", "Trở lại mục lục"):
        assert squeeze(furniture) not in text, furniture
    assert all("2023/ban-in/" in squeeze(page) for page in pdf)
