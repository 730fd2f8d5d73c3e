"""What the editors' macros write into a page, run in this process as mkdocs-macros runs them.

The 2023 report and a 2024 draft imported from the next-year fixture are
rendered page by page (`render_pages`: the same macros, the same Jinja); the
expected fragments are written out from the reports. What the built site
then shows is in the site tests.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from macros import importer, lookup
from macros.editor_macros import EditorMacros, PageState
from macros.site_data import load_site
from tests.conftest import ROOT, ProjectCopy, copy_project, render_pages
from tests.site_text import parse, text

FIXTURE = ROOT / "tests" / "fixtures" / "bao-cao-2024.txt"


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(ROOT)


@pytest.fixture(scope="module")
def imported_years(tmp_path_factory) -> Path:
    """The project with the 2024 draft imported beside the published 2023."""
    project = ProjectCopy(copy_project(tmp_path_factory.mktemp("two-years") / "project", code=False))
    with contextlib.redirect_stdout(io.StringIO()):
        assert importer.main(["2024", str(FIXTURE)], root=project.root) == 0
    return project.root


@pytest.fixture(scope="module")
def previewed(imported_years) -> dict[str, str]:
    return render_pages(imported_years, preview=True)


def test_each_page_has_its_numbered_title(pages):
    assert pages["2023/ket-qua-nhiem-vu-quyen-han.md"].startswith("# 3. Kết quả thực hiện các nhiệm vụ, quyền hạn\n")
    assert pages["2023/han-che-nguyen-nhan.md"].startswith("# II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN\n")


def test_a_figure_carries_its_meaning_section_unit_and_anchor_once(pages):
    figures = parse(pages["2023/ket-qua-nhiem-vu-quyen-han.md"]).select('span.so-lieu[data-khoa="thu_ngan_sach.tong"]')
    assert [text(figure) for figure in figures] == ["1.484 tỷ 750 triệu đồng"]
    assert figures[0]["id"] == "so-lieu-thu_ngan_sach-tong"
    assert figures[0]["title"] == "Tổng thu ngân sách nhà nước năm 2023 (ước đạt) (mục I.3; đơn vị: tỷ đồng)"
    again = parse(pages["2023/ket-qua-nhiem-vu-quyen-han.md"]).select('span.so-lieu[data-khoa="cong_trinh.oda_khoi_luong"]')
    assert [figure.get("id") for figure in again] == ["so-lieu-cong_trinh-oda_khoi_luong", None]


def test_a_cited_document_shows_its_number_and_date_with_its_reference(pages):
    cited = parse(pages["2023/chi-dao-thuc-hien-ke-hoach.md"]).select('span.van-ban[data-khoa="kl-92-tu"]')
    assert [text(part) for part in cited] == ["92-KL/TU", "19/12/2022"]
    assert cited[0]["title"] == cited[1]["title"] == (
        "Kết luận số 92-KL/TU ngày 19/12/2022 của Ban Chấp hành Đảng bộ thành phố về tình hình thực hiện công tác "
        "xây dựng Đảng, nhiệm vụ phát triển kinh tế - xã hội và hoạt động của MTTQ, các đoàn thể chính trị - xã hội "
        "thành phố năm 2022 và phương hướng, nhiệm vụ trọng tâm năm 2023")


def test_the_header_keeps_the_blank_number_and_day_of_the_original(pages):
    header = parse(pages["2023/index.md"]).select_one("div.dau-van-ban")
    assert text(header.select_one(".so-hieu")) == "Số: /BC-UBND"
    date = header.select_one(".dia-danh-ngay")
    assert text(date) == "Hải Dương, ngày tháng 01 năm 2024"
    assert date.select_one("span.de-trong")["title"] == "Bản gốc để trống"
    assert text(header.h1) == "BÁO CÁO Công tác chính quyền năm 2023 và nhiệm vụ năm 2024"


def test_the_header_laid_out_as_the_document_reads(previewed):
    """The fixture types the agency and the number in one column, the motto and the date in the other."""
    cells = parse(previewed["2024/index.md"]).select("div.dau-van-ban__luoi > div")
    assert [[text(line) for line in cell.find_all("p")] for cell in cells] == [
        ["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI DƯƠNG", "Số: 25/BC-UBND"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", "Hải Dương, ngày 15 tháng 01 năm 2025"]]


def test_the_closing_has_the_recipients_then_the_signature(pages):
    closing = parse(pages["2023/phuong-huong-nhiem-vu.md"]).select_one("div.ket-thuc-van-ban")
    assert [part["class"] for part in closing.find_all("div", recursive=False)] == [["noi-nhan"], ["chu-ky"]]
    assert [text(item) for item in closing.select(".noi-nhan li")][-1] == "Lưu: VT."
    assert text(closing.select_one(".chu-ky h2")) == "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"
    assert text(closing.select_one(".noi-nhan h2")) == "Nơi nhận:"
    assert text(closing.select_one(".ho-ten")) == "Trần Hồ Đăng"


def test_the_table_of_contents_links_each_section(pages):
    contents = pages["2023/index.md"].split("## Mục lục", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in contents.splitlines() if line.lstrip().startswith("- ")]
    assert lines[:3] == ["- I. KẾT QUẢ THỰC HIỆN",
                         "    - [1. Công tác chỉ đạo thực hiện kế hoạch năm 2023](chi-dao-thuc-hien-ke-hoach.md)",
                         "    - [2. Công tác chỉ đạo, điều hành của người đứng đầu cơ quan](chi-dao-dieu-hanh.md)"]
    assert "- [II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN](han-che-nguyen-nhan.md)" in lines


def test_the_home_page_lists_the_shown_years_with_their_first_cards(pages, previewed):
    home = pages["index.md"]
    assert "### [Năm 2023: Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024](2023/index.md)" in home
    assert home.count("\n- ") == 4 and "2024" not in home.split("###")[0]
    assert previewed["index.md"].index("### [Năm 2024") < previewed["index.md"].index("### [Năm 2023")


def test_a_card_compares_with_the_previous_year(previewed):
    cards = parse(previewed["2024/index.md"]).select("div.the-so-lieu__the")
    first = cards[0]
    assert text(first.select_one(".the-so-lieu__gia-tri")) == "1.633 tỷ 225 triệu đồng"
    assert "tăng 148,475 tỷ đồng (+10,0%) so với năm 2023" in first.text


def test_the_print_view_is_the_whole_report_in_order(pages):
    whole = pages["2023/ban-in.md"]
    order = ["Số: /BC-UBND", "## I. KẾT QUẢ THỰC HIỆN { .muc-chinh }", "### 1. Công tác chỉ đạo thực hiện",
             "### 3. Kết quả thực hiện các nhiệm vụ, quyền hạn", "## II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN { .muc-chinh }",
             "## III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024 { .muc-chinh }", "Nơi nhận:", "## Biểu đồ { .muc-chinh }"]
    positions = [whole.index(part) for part in order]
    assert positions == sorted(positions)


def test_downloads_and_citation(pages):
    links = {text(link): link["href"] for link in parse(pages["2023/index.md"]).select("ul.tai-du-lieu a")}
    assert links["Số liệu năm 2023, tệp CSV"] == "../du-lieu/2023/so-lieu.csv"
    quote = text(parse(pages["2023/index.md"]).select_one("blockquote.trich-dan"))
    assert quote.endswith("Số: /BC-UBND, Hải Dương, tháng 01/2024. Trang Báo cáo năm 2023 của trang web này. "
                          "Truy cập ngày [ngày/tháng/năm].")


def test_the_history_lists_each_year(pages, previewed):
    assert "## Năm 2023\n\n- Công bố trên trang này: 25/11/2026\n\nChưa có đính chính." in pages["lich-su-cap-nhat.md"]
    assert "## Năm 2024\n\n- Dự thảo, chưa công bố\n\nChưa có đính chính." in previewed["lich-su-cap-nhat.md"]


# --------------------------------------------------------------------------
# What a macro cannot find while rendering (the page check finds it first)
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def macros() -> EditorMacros:
    return EditorMacros(load_site(ROOT), page=PageState("2023/ket-qua-nhiem-vu-quyen-han.md", "2023/ket-qua-nhiem-vu-quyen-han/"))


@pytest.mark.parametrize(("call", "said"), [
    (lambda m: m.so("khong.co"), 'Không có số liệu "khong.co" trong data/2023/so-lieu.yml.'),
    (lambda m: m.so("thu_ngan_sach.tong", nam=2019), "so(...) dùng năm 2019 nhưng không có dữ liệu năm đó (data/2019/)."),
    (lambda m: m.vb("kl-92-tu", "ngayy"), 'vb(...) không có phần "ngayy".'),
    (lambda m: m.ghi_chu("khong-co"), 'Không có ghi chú biên tập "khong-co" trong data/2023/ghi-chu.yml.'),
    (lambda m: m.so_sanh("thu_ngan_sach.tong"), 'so_sanh cần số liệu "thu_ngan_sach.tong" của năm 2022, nhưng năm '
                                                "đó không có."),
])
def test_a_missing_name_at_render_time_is_said_as_the_check_says_it(macros, call, said):
    with pytest.raises(lookup.Missing) as caught:
        call(macros)
    assert caught.value.problem == said


def test_a_page_outside_the_table_of_contents_has_no_title(macros):
    outside = EditorMacros(macros.site, page=PageState("2023/khong-co.md", "2023/khong-co/"))
    with pytest.raises(lookup.Missing) as caught:
        outside.tieu_de()
    assert str(caught.value) == ('Trang "khong-co" không có trong mục lục năm 2023. Cách sửa: Thêm trang vào muc_luc '
                                 "trong data/2023/bao-cao.yml, hoặc bỏ lệnh tieu_de().")


def test_a_comparison_of_a_figure_that_is_not_a_number(imported_years):
    site = load_site(imported_years)
    with pytest.raises(lookup.Missing) as caught:
        lookup.comparison(site, site.years[2024], "ten_rieng.kv1")
    assert caught.value.problem == 'Không so sánh được "ten_rieng.kv1": không phải số, hoặc một năm chưa có giá trị.'
    before, said = lookup.comparison(site, site.years[2024], "thu_ngan_sach.tong")
    assert (before.year, said) == (2023, "tăng 148,475 tỷ đồng (+10,0%) so với năm 2023")
