"""What `make nhap-bao-cao` writes into the project, run in this process.

The next-year fixture (tests/fixtures/bao-cao-2024.txt) and the 2023 source
are imported by `macros.importer.main`, the command's own entry point, into a
copy of the project; these tests read the files it wrote (data, pages, the
review list) and what it printed. Expected values are written out from the
fixture. What the draft looks like once built is in test_import.py.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from macros import importer, open_data
from macros.site_data import load_site
from tests.conftest import ROOT, ProjectCopy, copy_project
from tests.docx_fixture import write_docx

FIXTURE = ROOT / "tests" / "fixtures" / "bao-cao-2024.txt"
I3 = "ket-qua-nhiem-vu-quyen-han"
# Figures the fixture states again a year on, under last year's keys, written as the fixture writes them.
RECURRING = [
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
]


@dataclass
class Draft:
    """A project copy after an import: its root, what the command printed, and its exit code."""

    root: Path
    printed: str
    code: int

    def data(self, year: int, name: str) -> dict:
        return yaml.safe_load((self.root / f"data/{year}" / name).read_text(encoding="utf-8"))

    def figures(self, year: int) -> dict[str, dict]:
        """Each figure, its values as typed in the file ("92.500" is text, not YAML's float 92.5)."""
        text = (self.root / f"data/{year}/so-lieu.yml").read_text(encoding="utf-8")
        groups = yaml.load(text, Loader=yaml.BaseLoader)["so_lieu"]
        return {f"{group}.{name}": figure for group, members in groups.items() for name, figure in members.items()}


def run_command(root: Path, *argv: str) -> tuple[int, str, str]:
    """The command's entry point on `root`: its exit code, standard output and standard error. It runs from an
    empty folder beside the project: an import that used the working folder instead of its root would write
    there (and fail its test) rather than into the repository."""
    out, err = io.StringIO(), io.StringIO()
    elsewhere = root.parent / "noi-chay-lenh"
    elsewhere.mkdir(exist_ok=True)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), contextlib.chdir(elsewhere):
        code = importer.main(list(argv), root=root)
    return code, out.getvalue(), err.getvalue()


def run_import(root: Path, year: int, source: Path) -> Draft:
    code, out, err = run_command(root, str(year), str(source))
    return Draft(root, out + err, code)


def imported(folder: Path, year: int, source: Path, without: int | None = None) -> Draft:
    project = ProjectCopy(copy_project(folder / "project", code=False))
    if without is not None:
        project.remove_year(without)
    draft = run_import(project.root, year, source)
    assert draft.code == 0, draft.printed
    return draft


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> Draft:
    return imported(tmp_path_factory.mktemp("import-txt"), 2024, FIXTURE)


# --------------------------------------------------------------------------
# Figures, keys and documents
# --------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "written"), RECURRING)
def test_recurring_figures_keep_last_years_keys(draft, key, written):
    assert str(draft.figures(2024)[key]["gia_tri"]) == written


def test_the_derived_years_are_not_typed_as_figures(draft):
    assert "nam" not in draft.data(2024, "so-lieu.yml")["so_lieu"]


def test_each_figure_has_its_kind_unit_and_section(draft):
    figures = draft.figures(2024)
    assert {key: (figures[key]["loai"], figures[key].get("don_vi"), figures[key]["muc"]) for key in (
        "thu_ngan_sach.tong", "tthc.ho_so", "tiep_dan.don_cham", "giam_ngheo.ti_le_ho_ngheo")} == {
        "thu_ngan_sach.tong": ("tien", None, "I.3"), "tthc.ho_so": ("so_luong", "hồ sơ", "I.3"),
        "tiep_dan.don_cham": ("ti_so", "đơn", "II.1"), "giam_ngheo.ti_le_ho_ngheo": ("ti_le", None, "I.3")}


def test_cited_documents_go_to_van_ban_reusing_known_keys(draft):
    documents = draft.data(2024, "van-ban.yml")["van_ban"]
    numbers = {entry["so_hieu"]: key for key, entry in documents.items()}
    assert {"118-KL/TU", "31/NQ-HĐND", "7012/QĐ-UBND", "95/CTTr-UBND", "161/KH-UBND", "270/KH-UBND",
            "5821/QĐ-UBND", "339/QĐ-TTg", "221/KH-UBND", "1414/QĐ-UBND"} <= set(numbers)
    assert numbers["339/QĐ-TTg"] == "qd-339-ttg" and numbers["221/KH-UBND"] == "kh-221-ubnd"
    decision = documents[numbers["5821/QĐ-UBND"]]
    assert (str(decision["ngay"]), decision["loai"], decision["co_quan"]) == ("2024-09-12", "Quyết định",
                                                                             "UBND thành phố")


def test_a_new_section_gets_its_own_page_and_old_sections_keep_their_address(draft):
    toc = draft.data(2024, "bao-cao.yml")["muc_luc"]
    results = next(entry for entry in toc if entry["so_muc"] == "I")["muc_con"]
    assert [entry["trang"] for entry in results] == ["chi-dao-thuc-hien-ke-hoach", "chi-dao-dieu-hanh", I3,
                                                     "quan-he-phoi-hop", "cong-tac-chuyen-doi-so"]
    assert [entry.get("trang") for entry in toc[1:]] == ["han-che-nguyen-nhan", "phuong-huong-nhiem-vu"]
    assert sorted(path.name for path in (draft.root / "docs/2024").glob("*.md")) == sorted(
        ["index.md", "ban-in.md", "chi-dao-thuc-hien-ke-hoach.md", "chi-dao-dieu-hanh.md", f"{I3}.md",
         "quan-he-phoi-hop.md", "cong-tac-chuyen-doi-so.md", "han-che-nguyen-nhan.md", "phuong-huong-nhiem-vu.md"])


def test_the_header_and_signature_come_from_the_document(draft):
    report = draft.data(2024, "bao-cao.yml")
    assert (report["nam"], report["trang_thai"], report["dia_danh"]) == (2024, "du_thao", "Hải Dương")
    assert report["dong_co_quan"] == ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI DƯƠNG"]
    assert report["quoc_hieu"] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert {key: str(value) for key, value in report["so_hieu"].items()} == {"so_van_ban": "25", "ky_hieu": "BC-UBND"}
    assert report["ngay_ky"] == {"ngay": 15, "thang": 1, "nam": 2025}
    assert report["loai_van_ban"] == "BÁO CÁO"
    assert report["tieu_de"] == "Công tác chính quyền năm 2024 và nhiệm vụ năm 2025"
    assert report["nguoi_ky"] == {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Trần Hồ Đăng"}
    assert report["noi_nhan"][0] == "Thường trực Thành ủy (để báo cáo);" and report["noi_nhan"][-1] == "Lưu: VT."


def test_no_digit_is_typed_into_the_draft_pages(draft):
    for page in sorted((draft.root / "docs/2024").glob("*.md")):
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "", page.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"^---\n.*?\n---\n", "", text, flags=re.S)
        for line in text.splitlines():
            rest = re.sub(r"^\s*(?:#+\s+)?\d{1,2}(?:\.\d{1,2})*\\?\.\s|&#?\w+;|\]\([^)]*\)", "", line)
            assert not re.search(r"\d", rest), f"{page.name}: {line}"


def test_the_table_becomes_a_markdown_table_of_figures(draft):
    page = (draft.root / f"docs/2024/{I3}.md").read_text(encoding="utf-8")
    rows = [line for line in page.splitlines() if line.startswith("|")]
    assert rows[0] == "| Chỉ tiêu | Dự toán tỉnh giao (tỷ đồng) | Thực hiện (tỷ đồng) | So với dự toán tỉnh |"
    assert re.fullmatch(r"\|(?: ?-+ ?\|){4}", rows[1].replace(":", ""))
    assert rows[-1].startswith("| Tổng thu ngân sách | {{ so(")
    assert sum(row.count("{{ so(") for row in rows) == 9


def test_the_document_is_kept_as_received_with_its_checksum(draft):
    kept = draft.root / "data/2024/bao-cao-cong-tac-chinh-quyen-2024.txt"
    assert kept.read_bytes() == FIXTURE.read_bytes()
    assert draft.data(2024, "bao-cao.yml")["nguon"] == {
        "tep_goc": kept.name, "sha256": hashlib.sha256(FIXTURE.read_bytes()).hexdigest(),
        "mo_ta": draft.data(2024, "bao-cao.yml")["nguon"]["mo_ta"]}


def test_the_draft_passes_every_check_a_preview_makes(draft):
    project = ProjectCopy(draft.root)
    assert project.problems(preview=True) == ""


# --------------------------------------------------------------------------
# The review list
# --------------------------------------------------------------------------

def test_the_review_list_names_the_oddities(draft):
    items = draft.data(2024, "ra-soat.yml")["viec"]
    said = [item["noi_dung"] for item in items]
    assert any("31/412" in s and "7,52%" in s and "7,5%" in s and "7,9%" in s for s in said)
    assert any("21" in s and "= 20" in s for s in said if "han_che_quy_hoach.tong_do_an" in s)
    assert any("«quyêt»" in s and "quyết" in s for s in said)
    assert all(item["xong"] is False for item in items)
    kinds = {item["loai"] for item in items}
    assert {"so_lieu_moi", "ti_le_lech", "tong_lech", "chinh_ta"} <= kinds


def test_the_import_prints_its_summary_and_the_review_list(draft):
    lines = draft.printed.splitlines()
    assert re.fullmatch(r"Đã nhập báo cáo năm 2024 \(dự thảo\): 7 trang, \d+ số liệu \(\d+ giữ khóa của năm "
                        r"trước\), 1[0-9] văn bản viện dẫn\.", lines[0])
    items = len(draft.data(2024, "ra-soat.yml")["viec"])
    assert lines[1] == f"Danh sách rà soát: data/2024/ra-soat.yml ({items} việc):"
    assert sum(line.startswith("  - [") for line in lines) == items and "«quyêt»" in draft.printed
    assert lines[-1] == "Xem trước: make xem-truoc, rồi mở trang năm 2024"


def test_only_figures_with_a_made_up_key_or_meaning_are_to_review(draft):
    new = " ".join(item["noi_dung"] for item in draft.data(2024, "ra-soat.yml")["viec"] if item["loai"] == "so_lieu_moi")
    for figure in ("92,4%", "2.350", "15/15", "1.306,580"):
        assert f"«{figure}»" in new
    for carried in ("1.633 tỷ 225 triệu đồng", "92.500", "31/38"):
        assert f"«{carried}»" not in new


def test_the_contradicting_percentage_keeps_the_sources_value_with_a_note(draft):
    figure = draft.figures(2024)["tiep_dan.ti_le_don_cham"]
    assert figure["gia_tri"] == "7,9%"
    note = draft.data(2024, "ghi-chu.yml")["ghi_chu"][figure["ghi_chu"]]["noi_dung"]
    assert "7,52%" in note and "7,5%" in note and "7,9%" in note


# --------------------------------------------------------------------------
# The same report in Word, laid out as another agency would
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def styled(tmp_path_factory) -> Draft:
    """Automatic numbering, Heading and List styles, a two-row header, the signature before Nơi nhận."""
    folder = tmp_path_factory.mktemp("import-styled")
    return imported(folder, 2024, write_docx(FIXTURE, folder / "bao-cao-2024.docx", styled=True))


@pytest.mark.slow
def test_word_numbering_and_styles_give_the_same_sections(styled):
    toc = styled.data(2024, "bao-cao.yml")["muc_luc"]
    assert [entry["so_muc"] for entry in toc] == ["I", "II", "III"]
    assert [child["so_muc"] for child in toc[0]["muc_con"]] == [1, 2, 3, 4, 5]


@pytest.mark.slow
def test_a_signature_before_the_recipients_stays_before_them(styled):
    report = styled.data(2024, "bao-cao.yml")
    assert report["nguoi_ky"] == {"quyen_han": "TM. ỦY BAN NHÂN DÂN", "chuc_vu": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
                                  "ghi_ky": "(Đã ký)", "ho_ten": "Lê Thị Thu Hà"}
    assert report["bo_cuc"]["ket_thuc"] == "chu_ky_truoc"


@pytest.mark.slow
def test_bullets_in_word_list_styles_are_lists(styled):
    page = (styled.root / "docs/2024/chi-dao-dieu-hanh.md").read_text(encoding="utf-8")
    assert "\n- Duy trì và thực hiện nghiêm túc chế độ báo cáo" in page
    assert "\n    - Chủ trì tổ chức cuộc họp, hội ý" in page


@pytest.mark.slow
def test_the_word_file_gives_the_same_figures_as_the_text(tmp_path, draft):
    word = imported(tmp_path, 2024, write_docx(FIXTURE, tmp_path / "bao-cao-2024.docx"))
    as_text = {key: str(figure["gia_tri"]) for key, figure in draft.figures(2024).items()}
    as_word = {key: str(figure["gia_tri"]) for key, figure in word.figures(2024).items()}
    assert as_word == as_text


@pytest.mark.slow
def test_a_text_saved_from_word_with_one_paragraph_per_line(tmp_path, draft):
    """Word's "Plain Text" puts each paragraph on one line, with no blank line between them."""
    source = tmp_path / "bao-cao-2024.txt"
    source.write_text("\n".join(line for line in FIXTURE.read_text(encoding="utf-8").splitlines() if line.strip()),
                      encoding="utf-8")
    saved = imported(tmp_path, 2024, source)
    assert saved.data(2024, "bao-cao.yml")["muc_luc"] == draft.data(2024, "bao-cao.yml")["muc_luc"]
    assert {key: figure["gia_tri"] for key, figure in saved.figures(2024).items()} == {
        key: figure["gia_tri"] for key, figure in draft.figures(2024).items()}


# --------------------------------------------------------------------------
# The 2023 report imported on its own, compared with the hand-made 2023
# --------------------------------------------------------------------------

def _published(root: Path) -> set[tuple[object, str]]:
    data = load_site(root).years[2023]
    return {(record.gia_tri, record.gia_tri_nhu_bao_cao) for record in open_data.dataset(data).so_lieu}


@pytest.mark.slow
def test_the_import_reproduces_the_hand_made_figures(tmp_path):
    draft = imported(tmp_path, 2023, ROOT / "data/2023/bao-cao-cong-tac-chinh-quyen-2023.txt", without=2023)
    hand = load_site(ROOT).years[2023]
    records = [record for record in open_data.dataset(hand).so_lieu if not record.khoa.startswith("nam.")]
    found = _published(draft.root)
    matched = [record.khoa for record in records if (record.gia_tri, record.gia_tri_nhu_bao_cao) in found]
    assert len(records) == 93
    assert len(matched) / len(records) >= 0.95, sorted({record.khoa for record in records} - set(matched))


@pytest.mark.slow
def test_a_year_imported_after_an_imported_year_keeps_every_key(tmp_path, draft):
    """2025 says what 2024 said, a year on: every key 2024's import made up carries over."""
    project = ProjectCopy(copy_project(tmp_path / "project", code=False))
    assert run_import(project.root, 2024, FIXTURE).code == 0
    text = FIXTURE.read_text(encoding="utf-8")
    for old, new in (("2025", "2026"), ("2024", "2025"), ("2023", "2024")):
        text = re.sub(rf"\b{old}\b", new, text)
    source = tmp_path / "bao-cao-2025.txt"
    source.write_text(text, encoding="utf-8")
    later = run_import(project.root, 2025, source)
    assert later.code == 0, later.printed
    keys = {year: set(later.figures(year)) for year in (2024, 2025)}
    assert keys[2024] - keys[2025] <= {"ky_niem.thanh_dong_so_nam", "ky_niem.giai_phong_so_nam"}
    assert len(keys[2025]) >= len(keys[2024]) - 2
    assert project.problems(preview=True) == ""


# --------------------------------------------------------------------------
# Bad input: a clear Vietnamese error, a non-zero exit, nothing written
# --------------------------------------------------------------------------

def refused(project, year: str, source: str) -> str:
    before = sorted(path.relative_to(project.root).as_posix() for path in project.root.rglob("*"))
    draft = run_import(project.root, int(year), Path(source))
    assert draft.code == 1, draft.printed
    assert draft.printed.startswith("Không nhập được báo cáo"), draft.printed
    after = sorted(path.relative_to(project.root).as_posix() for path in project.root.rglob("*"))
    assert after == before, "a refused import must not write anything"
    return draft.printed


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
    assert ".docx" in output and "lưu thành" in output.lower()


def test_a_damaged_word_file(project, tmp_path):
    source = tmp_path / "bao-cao.docx"
    source.write_bytes(b"not a zip file")
    assert "Không đọc được tệp Word" in refused(project, "2024", str(source))


def test_a_text_file_that_is_not_utf8(project, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_bytes(FIXTURE.read_text(encoding="utf-8").encode("utf-16"))
    assert "UTF-8" in refused(project, "2024", str(source))


def test_a_report_of_another_year(project):
    assert "năm 2024, không phải năm 2025" in refused(project, "2025", str(FIXTURE))


def test_a_document_without_numbered_sections(project, tmp_path):
    source = tmp_path / "bao-cao.txt"
    source.write_text("BÁO CÁO\nCông tác chính quyền năm 2024 và nhiệm vụ năm 2025\n\nMột đoạn văn, không có mục.\n",
                      encoding="utf-8")
    assert "Không nhận ra các mục đánh số" in refused(project, "2024", str(source))


def test_a_document_without_a_title(project, tmp_path):
    source = tmp_path / "ghi-chu.txt"
    source.write_text("I. MỘT MỤC\n\nNội dung.\n", encoding="utf-8")
    assert "Không tìm thấy tên văn bản" in refused(project, "2024", str(source))


def test_the_command_says_how_to_use_it(project):
    draft = run_import(project.root, 24, FIXTURE)
    assert draft.code == 2 and draft.printed == "Cách dùng: make nhap-bao-cao YEAR=2024 FILE=đường/dẫn/bao-cao.docx\n"
