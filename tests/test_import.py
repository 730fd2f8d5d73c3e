"""A new year from the signed report in one command, tried as an editor would use it.

The next-year fixture (tests/fixtures/bao-cao-2024.txt, written for these
tests from the 2023 report: other numbers, a new section "5. Công tác chuyển
đổi số", a paragraph dropped and one added, a table, a percentage that
contradicts its ratio, a total that no longer equals its parts, a typo) is
imported as text and as a Word file made from it (tests/docx_fixture.py),
into a copy of the project, and the draft is built as `make serve` builds it.
Expected values are written out from the fixture, not taken from the code.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
import yaml

from tests import fidelity
from tests.conftest import ROOT, ProjectCopy, copy_project
from tests.docx_fixture import write_docx
from tests.site_text import article_text, normalise

FIXTURE = ROOT / "tests" / "fixtures" / "bao-cao-2024.txt"
I3 = "ket-qua-nhiem-vu-quyen-han"


class Imported:
    """A copy of the project with 2024 imported from `source` and built in preview."""

    def __init__(self, project: ProjectCopy, source: Path, printed: str) -> None:
        self.project, self.source, self.printed = project, source, printed

    def html(self, address: str) -> str:
        return (self.project.root / "site" / address / "index.html").read_text(encoding="utf-8")

    def data(self, name: str) -> dict:
        return yaml.safe_load((self.project.root / "data/2024" / name).read_text(encoding="utf-8"))

    def shown(self) -> dict[str, str]:
        """Each figure key on the 2024 pages and the text a citizen reads for it."""
        found: dict[str, str] = {}
        for page in (self.project.root / "site/2024").rglob("index.html"):
            if page.parent.name == "ban-in":
                continue
            for key, text in re.findall(r'<span class="so-lieu"[^>]*data-khoa="([^"]+)"[^>]*>([^<]+)</span>',
                                        page.read_text(encoding="utf-8")):
                found.setdefault(key, text)
        return found


def _import(project: ProjectCopy, year: int, source: Path) -> str:
    result = project.run("macros.importer", str(year), str(source))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def imported_and_previewed(folder: Path, year: int, source: Path, without: int | None = None) -> Imported:
    """A copy of the project (less the year `without`) with `year` imported from `source`, built as make serve does."""
    project = ProjectCopy(copy_project(folder / "project"))
    if without is not None:
        project.remove_year(without)
    printed = _import(project, year, source)
    built = project.build(BAO_CAO_XEM_TRUOC="1")
    assert built.returncode == 0, built.stdout + built.stderr
    return Imported(project, source, printed)


@pytest.fixture(scope="module", params=["txt", "docx"])
def next_year(request, tmp_path_factory) -> Imported:
    folder = tmp_path_factory.mktemp(f"import-{request.param}")
    source = FIXTURE if request.param == "txt" else write_docx(FIXTURE, folder / "bao-cao-2024.docx")
    return imported_and_previewed(folder, 2024, source)


def test_every_sentence_and_number_of_the_report_is_on_the_draft_in_order(next_year):
    report = next_year.data("bao-cao.yml")
    text = fidelity.site_text(next_year.project.root / "site", fidelity.reading_order(report, 2024))
    wanted = fidelity.sentences(fidelity.source_lines(next_year.source))
    assert len(wanted) > 190
    lost = fidelity.missing(text, wanted)
    assert not lost, f"{len(lost)} missing or out of order, first: {lost[:3]}"


def test_no_digit_is_typed_into_the_draft_pages(next_year):
    for page in sorted((next_year.project.root / "docs/2024").glob("*.md")):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", page.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
        for line in text.splitlines():
            rest = re.sub(r"^\s*(?:#+\s+)?\d{1,2}(?:\.\d{1,2})*\\?\.\s|&#?\w+;|\]\([^)]*\)", "", line)
            assert not re.search(r"\d", rest), f"{page.name}: {line}"


def test_the_table_is_rendered_with_each_number_a_figure(next_year):
    table = re.search(r"<table>.*?</table>", next_year.html(f"2024/{I3}"), re.S).group()
    cells = [normalise(re.sub(r"<[^>]+>", "", cell)) for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", table, re.S)]
    assert cells[:4] == ["Chỉ tiêu", "Dự toán tỉnh giao (tỷ đồng)", "Thực hiện (tỷ đồng)", "So với dự toán tỉnh"]
    assert cells[-4:] == ["Tổng thu ngân sách", "1.306,580", "1.633,225", "125%"]
    assert len(re.findall(r'<span class="so-lieu"', table)) == 9


@pytest.mark.parametrize(("key", "written"), [
    ("thu_ngan_sach.tong", "1.633 tỷ 225 triệu đồng"),
    ("thu_ngan_sach.tien_su_dung_dat", "697 tỷ 290 triệu đồng"),
    ("thu_ngan_sach.tong_so_du_toan_tinh", "125%"),
    ("dau_tu_cong.giai_ngan", "912,408 tỷ đồng"),
    ("dau_tu_cong.dieu_chinh_chu_truong", "08"),
    ("tthc.ho_so", "92.500"),
    ("tthc.dung_va_truoc_han", "99,8%"),
    ("giam_ngheo.ti_le_ho_ngheo", "0,72%"),
    ("gia_dat.xac_dinh_gia_du_an", "31/38"),
    ("hop.phien_hop_ubnd", "52"),
    ("tiep_dan.don_cham", "31/412"),
    ("nguyen_tac.nam_ro_sau_dam", "5 rõ, 6 dám"),
    ("nam.bao_cao", "2024"),
])
def test_recurring_figures_keep_last_years_keys(next_year, key, written):
    assert next_year.shown().get(key) == written


def test_cards_and_year_over_year_changes_work_with_no_edit(next_year):
    text = article_text(next_year.html("2024"))
    assert "1.633 tỷ 225 triệu đồng" in text
    assert "tăng 148,475 tỷ đồng (+10,0%) so với năm 2023" in text


def test_cited_documents_go_to_van_ban_reusing_known_keys(next_year):
    documents = next_year.data("van-ban.yml")["van_ban"]
    numbers = {entry["so_hieu"]: key for key, entry in documents.items()}
    assert {"118-KL/TU", "31/NQ-HĐND", "7012/QĐ-UBND", "95/CTTr-UBND", "161/KH-UBND", "270/KH-UBND",
            "5821/QĐ-UBND", "339/QĐ-TTg", "221/KH-UBND", "1414/QĐ-UBND"} <= set(numbers)
    assert numbers["339/QĐ-TTg"] == "qd-339-ttg" and numbers["221/KH-UBND"] == "kh-221-ubnd"
    decision = documents[numbers["5821/QĐ-UBND"]]
    assert str(decision["ngay"]) == "2024-09-12" and decision["loai"] == "Quyết định"
    assert "Quyết định số 5821/QĐ-UBND ngày 12/9/2024 của UBND thành phố" in article_text(
        next_year.html("2024/cong-tac-chuyen-doi-so"))


def test_a_new_section_gets_its_own_page_and_old_sections_keep_their_address(next_year):
    toc = next_year.data("bao-cao.yml")["muc_luc"]
    results = next(entry for entry in toc if entry["so_muc"] == "I")["muc_con"]
    assert [entry["trang"] for entry in results] == ["chi-dao-thuc-hien-ke-hoach", "chi-dao-dieu-hanh", I3,
                                                     "quan-he-phoi-hop", "cong-tac-chuyen-doi-so"]
    assert [entry.get("trang") for entry in toc[1:]] == ["han-che-nguyen-nhan", "phuong-huong-nhiem-vu"]


def test_the_review_list_names_the_oddities(next_year):
    items = next_year.data("ra-soat.yml")["viec"]
    said = [item["noi_dung"] for item in items]
    assert any("31/412" in s and "7,52%" in s and "7,5%" in s and "7,9%" in s for s in said)
    assert any("21" in s and "= 20" in s for s in said if "han_che_quy_hoach.tong_do_an" in s)
    assert any("«quyêt»" in s and "quyết" in s for s in said)
    assert all(item["xong"] is False for item in items)
    assert "Danh sách rà soát: data/2024/ra-soat.yml" in next_year.printed and "«quyêt»" in next_year.printed


def test_only_figures_with_a_made_up_key_or_meaning_are_to_review(next_year):
    new = " ".join(item["noi_dung"] for item in next_year.data("ra-soat.yml")["viec"] if item["loai"] == "so_lieu_moi")
    for figure in ("92,4%", "2.350", "15/15", "1.306,580"):
        assert f"«{figure}»" in new
    for carried in ("1.633 tỷ 225 triệu đồng", "92.500", "31/38"):
        assert f"«{carried}»" not in new


def test_the_contradicting_percentage_keeps_the_sources_value_with_a_note(next_year):
    html = next_year.html("2024/han-che-nguyen-nhan")
    assert "có 31/412 đơn chậm = 7,9%" in article_text(html)
    note = normalise(re.sub(r"<[^>]+>", " ", re.search(r'class="admonition note ghi-chu-bien-tap"(.*?)</span></span>',
                                                       html, re.S).group(1)))
    assert "7,52%" in note and "7,5%" in note and "7,9%" in note


def test_the_preview_shows_what_is_left_to_review(next_year):
    overview = next_year.html("2024")
    assert "Việc cần rà soát trước khi công bố" in overview and "«quyêt»" in overview
    assert "«quyêt»" not in article_text(overview)  # the editor's box is not part of the report
    assert "DỰ THẢO" in overview


def test_the_header_and_signature_come_from_the_document(next_year):
    text = article_text(next_year.html("2024"))
    for part in ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI DƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                 "Độc lập - Tự do - Hạnh phúc", "Số: 25/BC-UBND", "Hải Dương, ngày 15 tháng 01 năm 2025",
                 "BÁO CÁO Công tác chính quyền năm 2024 và nhiệm vụ năm 2025"):
        assert part in text, part
    closing = article_text(next_year.html("2024/phuong-huong-nhiem-vu"))
    assert "Nơi nhận: Thường trực Thành ủy (để báo cáo);" in closing
    assert closing.endswith("Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Hồ Đăng")


def test_the_document_is_kept_as_received_with_its_checksum(next_year):
    kept = next_year.project.root / f"data/2024/bao-cao-cong-tac-chinh-quyen-2024{next_year.source.suffix}"
    assert kept.read_bytes() == next_year.source.read_bytes()
    assert next_year.data("bao-cao.yml")["nguon"]["sha256"] == hashlib.sha256(kept.read_bytes()).hexdigest()
    offered = next_year.project.root / "site/du-lieu/2024" / kept.name
    assert offered.read_bytes() == kept.read_bytes()
    assert "Văn bản gốc năm 2024" in article_text(next_year.html("2024"))


def test_publishing_needs_the_review_list_done(tmp_path):
    project = ProjectCopy(copy_project(tmp_path / "project"))
    _import(project, 2024, FIXTURE)
    project.edit("data/2024/bao-cao.yml", "trang_thai: du_thao\nngay_cong_bo:\n",
                 "trang_thai: cong_bo\nngay_cong_bo: 2025-02-01\n")
    assert project.run("macros.freeze").returncode == 0
    refused = project.build()
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "Traceback" not in output
    assert f"data/2024/ra-soat.yml, dòng {project.line_of('data/2024/ra-soat.yml', '- loai:')}" in output
    assert "việc chưa xong" in output and not (project.root / "site").exists()
    project.edit("data/2024/ra-soat.yml", "xong: false", "xong: true", count=1)
    review = (project.root / "data/2024/ra-soat.yml").read_text(encoding="utf-8")
    (project.root / "data/2024/ra-soat.yml").write_text(review.replace("xong: false", "xong: true"), encoding="utf-8")
    project.reseal()
    published = project.build()
    assert published.returncode == 0, published.stdout + published.stderr
    assert "1.633 tỷ 225 triệu đồng" in article_text(
        (project.root / "site/2024" / I3 / "index.html").read_text(encoding="utf-8"))


# --------------------------------------------------------------------------
# The same report as another agency would make it in Word
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def styled(tmp_path_factory) -> Imported:
    """Automatic numbering, Heading and List styles, a two-row header, the signature before Nơi nhận."""
    folder = tmp_path_factory.mktemp("import-styled")
    return imported_and_previewed(folder, 2024, write_docx(FIXTURE, folder / "bao-cao-2024.docx", styled=True))


def test_word_numbering_and_styles_give_the_same_sections(styled):
    toc = styled.data("bao-cao.yml")["muc_luc"]
    assert [entry["so_muc"] for entry in toc] == ["I", "II", "III"]
    assert [child["so_muc"] for child in toc[0]["muc_con"]] == [1, 2, 3, 4, 5]
    assert "1. Hạn chế" in article_text(styled.html("2024/han-che-nguyen-nhan"))


def test_the_styled_report_is_whole_and_in_order(styled):
    report = styled.data("bao-cao.yml")
    text = fidelity.site_text(styled.project.root / "site", fidelity.reading_order(report, 2024))
    lost = fidelity.missing(text, fidelity.sentences(fidelity.source_lines(styled.source)))
    assert not lost, lost[:3]


def test_a_signature_before_the_recipients_stays_before_them(styled):
    signer = styled.data("bao-cao.yml")["nguoi_ky"]
    assert signer == {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                      "ghi_ky": "(Đã ký)", "ho_ten": "Lê Thị Thu Hà"}
    closing = article_text(styled.html("2024/phuong-huong-nhiem-vu"))
    assert closing.endswith("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH (Đã ký) Lê Thị Thu Hà Nơi nhận: "
                            "Thường trực Thành ủy (để báo cáo); Thường trực HĐND Tp (để báo cáo); "
                            "Đảng ủy Khối chính quyền; Công đoàn Khối chính quyền; Chủ tịch, các Phó Chủ tịch "
                            "UBND Tp; Thủ trưởng phòng, ban, đơn vị Tp; Lưu: VT.")


def test_bullets_in_word_list_styles_are_lists(styled):
    page = (styled.project.root / "docs/2024/chi-dao-dieu-hanh.md").read_text(encoding="utf-8")
    assert "\n- Duy trì và thực hiện nghiêm túc chế độ báo cáo" in page
    assert "\n    - Chủ trì tổ chức cuộc họp, hội ý" in page


# --------------------------------------------------------------------------
# The 2023 report imported on its own, compared with the hand-made 2023
# --------------------------------------------------------------------------

@pytest.fixture(scope="module", params=["txt", "docx"])
def first_year(request, tmp_path_factory) -> Imported:
    folder = tmp_path_factory.mktemp(f"first-{request.param}")
    text = ROOT / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt"
    source = text if request.param == "txt" else write_docx(text, folder / "bao-cao-2023.docx")
    return imported_and_previewed(folder, 2023, source, without=2023)


def test_the_2023_report_imported_alone_shows_every_sentence(first_year):
    report = yaml.safe_load((first_year.project.root / "data/2023/bao-cao.yml").read_text(encoding="utf-8"))
    text = fidelity.site_text(first_year.project.root / "site", fidelity.reading_order(report, 2023))
    lost = fidelity.missing(text, fidelity.sentences(fidelity.source_lines(first_year.source)))
    assert not lost, lost[:3]


def _records(dataset: Path) -> list[tuple[str, object, str]]:
    return [(record["khoa"], record["gia_tri"], record["gia_tri_nhu_bao_cao"])
            for record in json.loads(dataset.read_text(encoding="utf-8"))["so_lieu"]]


def test_the_import_reproduces_the_hand_made_figures(first_year, built_site):
    hand = [record for record in _records(built_site / "du-lieu/2023/so-lieu.json") if not record[0].startswith("nam.")]
    imported = {(value, shown) for _, value, shown in _records(first_year.project.root / "site/du-lieu/2023/so-lieu.json")}
    matched = [key for key, value, shown in hand if (value, shown) in imported]
    assert len(hand) == 93
    assert len(matched) / len(hand) >= 0.95, sorted(set(key for key, _, _ in hand) - set(matched))


# --------------------------------------------------------------------------
# Bad input: a clear Vietnamese error, a non-zero exit, nothing written
# --------------------------------------------------------------------------

def refused(project: ProjectCopy, year: str, source: str) -> str:
    before = sorted(path.relative_to(project.root).as_posix() for path in project.root.rglob("*"))
    result = project.run("macros.importer", year, source)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "Không nhập được báo cáo" in output, output
    after = sorted(path.relative_to(project.root).as_posix() for path in project.root.rglob("*"))
    assert after == before, "a refused import must not write anything"
    return output


def test_an_existing_year_is_never_overwritten(project):
    output = refused(project, "2023", str(FIXTURE))
    assert "data/2023" in output and "không bao giờ ghi đè" in output


def test_a_missing_file(project):
    assert "Không tìm thấy tệp này" in refused(project, "2024", str(project.root / "khong-co.docx"))


@pytest.mark.parametrize("suffix", [".pdf", ".doc"])
def test_a_pdf_or_old_word_file_says_how_to_save_as_docx(project, tmp_path, suffix):
    source = tmp_path / f"bao-cao{suffix}"
    source.write_bytes(b"%PDF-1.4\n" if suffix == ".pdf" else b"\xd0\xcf\x11\xe0")
    output = refused(project, "2024", str(source))
    assert ".docx" in output and ("Lưu thành" in output or "lưu thành" in output)


def test_a_damaged_word_file(project, tmp_path):
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(b"not a zip file")
    assert "Không đọc được tệp Word" in refused(project, "2024", str(source))


def test_a_text_file_that_is_not_utf8(project, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("utf-16"))
    assert "UTF-8" in refused(project, "2024", str(source))


def test_a_report_of_another_year(project):
    output = refused(project, "2025", str(FIXTURE))
    assert "năm 2024, không phải năm 2025" in output


def test_a_document_without_numbered_sections(project, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_text("BÁO CÁO\nCông tác chính quyền năm 2024 và nhiệm vụ năm 2025\n\nMột đoạn văn, không có mục.\n",
                      encoding="utf-8")
    assert "Không nhận ra các mục đánh số" in refused(project, "2024", str(source))


def test_a_document_without_a_title(project, tmp_path):
    source = tmp_path / "ghi-chu.txt"
    source.write_text("I. MỘT MỤC\n\nNội dung.\n", encoding="utf-8")
    assert "Không tìm thấy tên văn bản" in refused(project, "2024", str(source))


def test_a_year_imported_after_an_imported_year_keeps_every_key(tmp_path):
    """2025 says what 2024 said, a year on: every key 2024's import made up carries over."""
    project = ProjectCopy(copy_project(tmp_path / "project"))
    _import(project, 2024, FIXTURE)
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in (("2025", "2026"), ("2024", "2025"), ("2023", "2024")):
        text = re.sub(rf"\b{old}\b", new, text)
    source = tmp_path / "bao-cao-2025.txt"
    source.write_text(text, encoding="utf-8")
    _import(project, 2025, source)
    keys = {year: {f"{group}.{name}" for group, members in yaml.safe_load(
        (project.root / f"data/{year}/so-lieu.yml").read_text(encoding="utf-8"))["so_lieu"].items() for name in members}
        for year in (2024, 2025)}
    assert keys[2024] - keys[2025] <= {"ky_niem.thanh_dong_so_nam", "ky_niem.giai_phong_so_nam"}
    assert len(keys[2025]) >= len(keys[2024]) - 2
    built = project.build(BAO_CAO_XEM_TRUOC="1")
    assert built.returncode == 0, built.stdout + built.stderr
