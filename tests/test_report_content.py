"""The 2023 report as a citizen reads it: whole, in order, figures as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests import fidelity
from tests.conftest import ROOT
from tests.site_text import article_text, parse, text

# The report's pages in reading order (stable addresses).
READING_ORDER = ["2023/", "2023/chi-dao-thuc-hien-ke-hoach/", "2023/chi-dao-dieu-hanh/",
                 "2023/ket-qua-nhiem-vu-quyen-han/", "2023/quan-he-phoi-hop/",
                 "2023/han-che-nguyen-nhan/", "2023/phuong-huong-nhiem-vu/"]
HEADINGS = ["I. KẾT QUẢ THỰC HIỆN",
            "1. Công tác chỉ đạo thực hiện kế hoạch năm 2023",
            "2. Công tác chỉ đạo, điều hành của người đứng đầu cơ quan",
            "3. Kết quả thực hiện các nhiệm vụ, quyền hạn",
            "4. Xây dựng và giữ mối quan hệ với sở, ngành cấp Tỉnh; thực hiện quy chế làm việc của "
            "Thành ủy; công tác phối hợp với Thường trực HĐND, Ủy ban MTTQ Việt Nam thành phố và các "
            "đoàn thể chính trị - xã hội",
            "II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN", "1. Hạn chế", "2. Một số nguyên nhân:",
            "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"]


def page(site: Path, address: str):
    return parse((site / address / "index.html").read_text(encoding="utf-8"))


def report_text(site: Path) -> str:
    return fidelity.site_text(site, READING_ORDER)


def _years_with_sources() -> list[int]:
    """Every year whose data names its source document (read as plain YAML, not by the code under test)."""
    found = []
    for path in sorted((ROOT / "data").glob("*/bao-cao.yml")):
        report = yaml.safe_load(path.read_text(encoding="utf-8"))
        if report.get("nguon"):
            found.append(int(report["nam"]))
    return found


@pytest.mark.site
@pytest.mark.parametrize("year", _years_with_sources())
def test_every_sentence_of_each_years_source_is_on_its_pages_in_order(request, year):
    report = yaml.safe_load((ROOT / f"data/{year}/bao-cao.yml").read_text(encoding="utf-8"))
    site = request.getfixturevalue("built_site" if report["trang_thai"] == "cong_bo" else "preview_site")
    wanted = fidelity.sentences(fidelity.source_lines(ROOT / f"data/{year}" / report["nguon"]["tep_goc"]))
    assert len(wanted) > 50
    lost = fidelity.missing(fidelity.site_text(site, fidelity.reading_order(report, year)), wanted)
    assert not lost, f"{len(lost)} sentence(s) missing or out of order, first: {lost[:3]}"


def test_the_2023_source_is_checked_sentence_by_sentence(source_text):
    """189 pieces between sentence ends, of which "I.", "II." and "III." are bare section numbers."""
    wanted = fidelity.sentences(source_text.splitlines())
    assert len(wanted) == 186 and "II." not in wanted and "MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN" in wanted


def test_the_reading_check_notices_a_dropped_or_moved_sentence(built_site, source_text):
    text, wanted = report_text(built_site), fidelity.sentences(source_text.splitlines())
    dropped = wanted[120]
    assert fidelity.missing(text.replace(dropped, ""), wanted) == [dropped]
    assert fidelity.missing(text, [wanted[121], wanted[120]]) == [wanted[120]]


def test_every_heading_of_the_source_is_a_heading_or_contents_entry(built_site):
    headings = []
    for address in READING_ORDER:
        for heading in page(built_site, address).select("article h1, article h2"):
            for link in heading.select(".headerlink"):
                link.decompose()
            headings.append(text(heading))
    contents = [text(item) for item in page(built_site, "2023/").find(id="muc-luc").find_next("ul").select("li")]
    for heading in HEADINGS:
        assert any(heading in found for found in headings) or any(heading in entry for entry in contents), heading


@pytest.mark.parametrize(("address", "written"), [
    ("2023/ket-qua-nhiem-vu-quyen-han/", "Tổng thu ngân sách nhà nước ước đạt 1.484 tỷ 750 triệu đồng, bằng 122% dự toán tỉnh"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "Loại trừ tiền thu sử dụng đất 633 tỷ 900 triệu đồng thì thu ngân sách nhà nước đạt 850 tỷ 850 triệu đồng"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "nguồn vốn ngân sách thành phố là 839,617 tỷ đồng"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "điều chỉnh chủ trương đầu tư 06 dự án, phê duyệt mới 12 dự án với tổng mức đầu tư 345,250 tỷ đồng"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "với tổng mức đầu tư là 127.765 tỷ đồng."),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "gần 85.000 hồ sơ TTHC, tỷ lệ giải quyết đúng và trước hạn đạt 99,9%"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "nông nghiệp tăng 3%, công nghiệp tăng 13,6%, thương mại dịch vụ tăng 15,8%"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "tỉ lệ hộ nghèo giảm còn 0,97% (vượt so với chỉ tiêu kế hoạch đề ra 1,15%)"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "Quyết định 339/QĐ-TTg ngày 03/4/2023 của Thủ tướng Chính phủ"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "(tỉ lệ 1/2000)"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "hoàn thành đoạn 600m đường Vũ Công Đán"),
    ("2023/chi-dao-thuc-hien-ke-hoach/", "Kết luận số 92-KL/TU ngày 19/12/2022"),
    ("2023/chi-dao-thuc-hien-ke-hoach/", "(số 155/KH-UBND ngày 09/5/2023)"),
    ("2023/chi-dao-thuc-hien-ke-hoach/", "(Chương trình số 110/CTTr-UBND ngày 27/02/2023)"),
    ("2023/chi-dao-dieu-hanh/", "năm 2023 ban hành 1.003 báo cáo các loại tăng 12% so với năm 2022"),
    ("2023/chi-dao-dieu-hanh/", "ban hành trên 8.000 văn bản và tiếp nhận, xử lý gần 9.000 văn bản đến"),
    ("2023/han-che-nguyen-nhan/", "có 27/393 đơn chậm = 6,8%"),
    ("2023/phuong-huong-nhiem-vu/", "(1804-2024), 70 năm ngày Giải phóng thành phố (30/10/1954-30/10/2024)"),
    ("2023/", "kế hoạch 05 năm, 2021-2025"),
])
def test_figures_are_written_as_the_report_writes_them(built_site, address, written):
    assert written in article_text(page(built_site, address))


def test_figures_come_from_data_with_their_meaning(built_site):
    span = page(built_site, "2023/ket-qua-nhiem-vu-quyen-han/").find(id="so-lieu-thu_ngan_sach-tong")
    assert span.name == "span" and span["class"] == ["so-lieu"] and span["data-khoa"] == "thu_ngan_sach.tong"
    assert span["title"] == "Tổng thu ngân sách nhà nước năm 2023 (ước đạt) (mục I.3; đơn vị: tỷ đồng)"
    assert text(span) == "1.484 tỷ 750 triệu đồng"


@pytest.mark.parametrize(("address", "note", "says"), [
    ("2023/", "so-hieu-de-trong", "để trống số văn bản"),
    ("2023/", "ngay-ky-de-trong", "để trống ngày ký"),
    ("2023/ket-qua-nhiem-vu-quyen-han/", "tong-muc-dau-tu-13-du-an", "127,765 tỷ đồng"),
    ("2023/quan-he-phoi-hop/", "may-su", "Máy Sứ"),
    ("2023/chi-dao-dieu-hanh/", "phan-dau-chi-dao", "phấn đấu"),
    ("2023/chi-dao-dieu-hanh/", "khoa-ubnd", "khóa XXI"),
    ("2023/han-che-nguyen-nhan/", "ti-le-don-cham", "6,87%"),
])
def test_editorial_notes_are_visible_next_to_the_passage(built_site, address, note, says):
    block = page(built_site, address).find(id=f"ghi-chu-{note}")
    assert block is not None, f"note {note} not on {address}"
    assert block["role"] == "note" and "ghi-chu-bien-tap" in block["class"]
    assert text(block.select_one(".admonition-title")) == "Ghi chú biên tập"
    assert says in text(block.select_one(".ghi-chu-bien-tap__noi-dung"))


def test_the_figure_with_a_note_links_to_it(built_site):
    figure = page(built_site, "2023/ket-qua-nhiem-vu-quyen-han/").find(id="so-lieu-dau_tu_cong-tong_muc_theo_tham_quyen")
    assert text(figure) == "127.765 tỷ đồng"
    marker = figure.find_next_sibling()
    assert marker.name == "sup" and marker.a["href"] == "#ghi-chu-tong-muc-dau-tu-13-du-an"


def test_the_signature_block_and_distribution_list_close_the_report(built_site):
    said = article_text(page(built_site, "2023/phuong-huong-nhiem-vu/"))
    closing = said[said.index("Trên đây là báo cáo công tác chính quyền của thành phố năm 2023"):]
    for part in ["Nơi nhận:", "Thường trực Thành ủy (để báo cáo);", "Lưu: VT.",
                 "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Hồ Đăng"]:
        assert part in closing, part


def test_pages_follow_the_reports_order(built_site):
    """Following "Sau" (next) from the overview visits the sections in the report's order."""
    address, visited = "2023/", []
    while address in READING_ORDER and address not in visited:
        visited.append(address)
        following = page(built_site, address).select_one("a.md-footer__link--next")
        if following is None:
            break
        address = str((Path(address) / following["href"]).as_posix()).replace("/./", "/")
        address = re.sub(r"[^/]+/\.\./", "", address).rstrip("/") + "/"
    assert visited == READING_ORDER


def test_navigation_mirrors_the_report_numbering(built_site):
    labels = [text(label) for label in page(built_site, "2023/").select("nav.md-nav--primary .md-ellipsis")]
    wanted = ["Năm 2023", "I. KẾT QUẢ THỰC HIỆN",
              "1. Công tác chỉ đạo thực hiện kế hoạch năm 2023", "II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN",
              "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"]
    positions = [next((i for i, label in enumerate(labels) if label == want), -1) for want in wanted]
    assert -1 not in positions and positions == sorted(positions), labels


def test_every_page_is_in_vietnamese(built_site):
    for html_file in built_site.rglob("*.html"):
        assert parse(html_file.read_text(encoding="utf-8")).html["lang"] == "vi", html_file


def test_report_pages_show_the_agency_and_document(built_site):
    for address in READING_ORDER:
        banner = page(built_site, address).select_one("aside.van-ban-thong-tin")
        assert [text(part) for part in banner.select(".van-ban-thong-tin__chi-tiet span")] == [
            "Ủy ban nhân dân thành phố Hải Dương", "Số: /BC-UBND", "tháng 01 năm 2024"], address
        assert text(banner.select_one(".van-ban-thong-tin__ten")) == (
            "Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024")


def test_home_page_lists_each_year_with_key_figures(built_site):
    said = article_text(page(built_site, ""))
    assert "Ủy ban nhân dân thành phố Hải Dương" in said
    assert "Năm 2023: Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024" in said
    assert "1.484 tỷ 750 triệu đồng" in said and "99,9%" in said


def test_the_site_asks_no_other_host_for_anything(built_site):
    elsewhere = re.compile(r"(?:https?:)?//", re.I)
    for file in built_site.rglob("*.html"):
        soup = parse(file.read_text(encoding="utf-8"))
        for tag in soup.find_all(["script", "link", "img", "iframe", "source", "video", "audio", "embed", "object"]):
            if tag.name == "link" and tag.get("rel") == ["canonical"]:
                continue  # names this page's own published address; nothing is fetched
            for attribute in ("src", "href", "srcset", "poster", "data"):
                assert not elsewhere.match(tag.get(attribute, "")), (file, str(tag))
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", css.read_text(encoding="utf-8")), css
        assert "@import" not in css.read_text(encoding="utf-8"), css
