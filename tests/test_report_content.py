"""The 2023 report as a citizen reads it: whole, in order, figures as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests import fidelity
from tests.conftest import ROOT
from tests.site_text import article_text, normalise

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


def page(site: Path, address: str) -> str:
    return (site / address / "index.html").read_text(encoding="utf-8")


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
        html = page(built_site, address)
        headings += [normalise(re.sub(r"<[^>]+>", "", h))
                     for h in re.findall(r"<h[12][^>]*>(.*?)</h[12]>", html, re.S)]
    contents = normalise(re.sub(r"<[^>]+>", " ", page(built_site, "2023/").split('id="muc-luc"')[1]))
    for heading in HEADINGS:
        assert any(heading in found for found in headings) or heading in contents, heading


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
    html = page(built_site, "2023/ket-qua-nhiem-vu-quyen-han/")
    span = re.search(r'<span class="so-lieu" id="so-lieu-thu_ngan_sach-tong" data-khoa="thu_ngan_sach.tong" '
                     r'title="([^"]+)">([^<]+)</span>', html)
    assert span, "the total budget revenue is not rendered from data"
    assert "Tổng thu ngân sách nhà nước" in span.group(1) and "mục I.3" in span.group(1)
    assert span.group(2) == "1.484 tỷ 750 triệu đồng"


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
    html = page(built_site, address)
    block = re.search(rf'<span class="admonition note ghi-chu-bien-tap" role="note" id="ghi-chu-{note}">(.*?)</span></span>', html, re.S)
    assert block, f"note {note} not on {address}"
    assert "Ghi chú biên tập" in block.group(1) and says in normalise(block.group(1))


def test_the_figure_with_a_note_links_to_it(built_site):
    html = page(built_site, "2023/ket-qua-nhiem-vu-quyen-han/")
    assert re.search(r'127\.765 tỷ đồng</span><sup class="ghi-chu-dau"><a href="#ghi-chu-tong-muc-dau-tu-13-du-an"', html)


def test_the_signature_block_and_distribution_list_close_the_report(built_site):
    text = article_text(page(built_site, "2023/phuong-huong-nhiem-vu/"))
    closing = text[text.index("Trên đây là báo cáo công tác chính quyền của thành phố năm 2023"):]
    for part in ["Nơi nhận:", "Thường trực Thành ủy (để báo cáo);", "Lưu: VT.",
                 "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Hồ Đăng"]:
        assert part in closing, part


def test_pages_follow_the_reports_order(built_site):
    """Following "Sau" (next) from the overview visits the sections in the report's order."""
    address, visited = "2023/", []
    while address in READING_ORDER and address not in visited:
        visited.append(address)
        html = page(built_site, address)
        following = re.search(r'<a href="([^"]+)" class="md-footer__link md-footer__link--next"', html)
        if not following:
            break
        address = str((Path(address) / following.group(1)).as_posix()).replace("/./", "/")
        address = re.sub(r"[^/]+/\.\./", "", address).rstrip("/") + "/"
    assert visited == READING_ORDER


def test_navigation_mirrors_the_report_numbering(built_site):
    html = page(built_site, "2023/").split('class="md-nav md-nav--primary"')[1]
    labels = [normalise(label) for label in re.findall(r'<span class="md-ellipsis">\s*(.*?)\s*</span>', html, re.S)]
    wanted = ["Năm 2023", "I. KẾT QUẢ THỰC HIỆN",
              "1. Công tác chỉ đạo thực hiện kế hoạch năm 2023", "II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN",
              "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024"]
    positions = [next((i for i, label in enumerate(labels) if label == want), -1) for want in wanted]
    assert -1 not in positions and positions == sorted(positions), labels


def test_every_page_is_in_vietnamese(built_site):
    for html_file in built_site.rglob("*.html"):
        assert '<html lang="vi"' in html_file.read_text(encoding="utf-8"), html_file


def test_report_pages_show_the_agency_and_document(built_site):
    for address in READING_ORDER:
        banner = re.search(r'<aside class="van-ban-thong-tin".*?</aside>', page(built_site, address), re.S)
        assert banner, address
        text = normalise(re.sub(r"<[^>]+>", " ", banner.group()))
        assert "Ủy ban nhân dân thành phố Hải Dương" in text and "Số: /BC-UBND" in text


def test_home_page_lists_each_year_with_key_figures(built_site):
    text = article_text(page(built_site, ""))
    assert "Ủy ban nhân dân thành phố Hải Dương" in text
    assert "Năm 2023: Báo cáo công tác chính quyền năm 2023 và nhiệm vụ năm 2024" in text
    assert "1.484 tỷ 750 triệu đồng" in text and "99,9%" in text


def test_the_site_asks_no_other_host_for_anything(built_site):
    fetched = re.compile(r'(?:src|href|srcset|content|poster)="(?:https?:)?//(?!127\.0\.0\.1|localhost)', re.I)
    for file in built_site.rglob("*.html"):
        html = file.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source|video|audio)\b[^>]*>", html):
            if 'rel="canonical"' in tag:
                continue  # names this page's own published address; nothing is fetched
            assert not fetched.search(tag), (file, tag)
    for css in built_site.rglob("*.css"):
        assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", css.read_text(encoding="utf-8")), css
        assert "@import" not in css.read_text(encoding="utf-8"), css
