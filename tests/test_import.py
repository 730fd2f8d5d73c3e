"""A new year from the signed report in one command, tried as an editor would use it, end to end.

The next-year fixture (tests/fixtures/bao-cao-2024.txt, written for these
tests from the 2023 report: other numbers, a new section "5. Công tác chuyển
đổi số", a paragraph dropped and one added, a table, a percentage that
contradicts its ratio, a total that no longer equals its parts, a typo) is
imported as text and as a Word file made from it (tests/docx_fixture.py),
into a copy of the project by the command itself, and the draft is built as
`make xem-truoc` builds it. Expected values are written out from the
fixture, not taken from the code. What the import writes into the project's
files, and its refusals, are tested in this process in test_import_data.py.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import yaml

from tests import fidelity
from tests.conftest import ROOT, ProjectCopy, copy_project
from tests.docx_fixture import write_docx
from tests.test_import_data import RECURRING
from tests.site_text import article_text, page, text

# Each scenario runs the importer and builds the draft in other processes, as an editor would.
pytestmark = pytest.mark.site

FIXTURE = ROOT / "tests" / "fixtures" / "bao-cao-2024.txt"
I3 = "ket-qua-nhiem-vu-quyen-han"


class Imported:
    """A copy of the project with 2024 imported from `source` and built in preview."""

    def __init__(self, project: ProjectCopy, source: Path, printed: str) -> None:
        self.project, self.source, self.printed = project, source, printed

    def html(self, address: str):
        return page(self.project.root / "site", address)

    def data(self, name: str) -> dict:
        return yaml.safe_load((self.project.root / "data/2024" / name).read_text(encoding="utf-8"))

    def shown(self) -> dict[str, str]:
        """Each figure key on the 2024 pages and the text a citizen reads for it."""
        found: dict[str, str] = {}
        for built in (self.project.root / "site/2024").rglob("index.html"):
            if built.parent.name == "ban-in":
                continue
            for figure in page(built.parent, "").select("span.so-lieu"):
                found.setdefault(figure["data-khoa"], text(figure))
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


def test_the_table_is_rendered_with_each_number_a_figure(next_year):
    table = next_year.html(f"2024/{I3}").select_one("article table")
    cells = [text(cell) for cell in table.find_all(["th", "td"])]
    assert cells[:4] == ["Chỉ tiêu", "Dự toán tỉnh giao (tỷ đồng)", "Thực hiện (tỷ đồng)", "So với dự toán tỉnh"]
    assert cells[-4:] == ["Tổng thu ngân sách", "1.306,580", "1.633,225", "125%"]
    assert len(table.select("span.so-lieu")) == 9


@pytest.mark.parametrize(("key", "written"), [*RECURRING, ("nam.bao_cao", "2024")])
def test_recurring_figures_keep_last_years_keys(next_year, key, written):
    assert next_year.shown().get(key) == written


def test_cards_and_year_over_year_changes_work_with_no_edit(next_year):
    card = next_year.html("2024").select("div.the-so-lieu__the")[0]
    assert text(card.select_one(".the-so-lieu__gia-tri")) == "1.633 tỷ 225 triệu đồng"
    assert "tăng 148,475 tỷ đồng (+10,0%) so với năm 2023" in [text(item) for item in card.select("li")]


def test_the_contradicting_percentage_keeps_the_sources_value_with_a_note(next_year):
    html = next_year.html("2024/han-che-nguyen-nhan")
    assert "có 31/412 đơn chậm = 7,9%" in article_text(html)
    note = text(html.select_one(".ghi-chu-bien-tap .ghi-chu-bien-tap__noi-dung"))
    assert "7,52%" in note and "7,5%" in note and "7,9%" in note


def test_the_preview_shows_what_is_left_to_review(next_year):
    overview = next_year.html("2024")
    review = overview.select_one("details.ra-soat")
    items = len(next_year.data("ra-soat.yml")["viec"])
    assert text(review.summary) == f"Việc cần rà soát trước khi công bố ({items})"
    assert len(review.select("li")) == items and "«quyêt»" in text(review)
    assert "«quyêt»" not in article_text(overview)  # the editor's box is not part of the report
    assert text(overview.select_one("p.du-thao")).startswith("DỰ THẢO")


def test_the_header_and_signature_come_from_the_document(next_year):
    header = next_year.html("2024").select_one("div.dau-van-ban")
    assert [text(part) for part in header.select("p")] == [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI DƯƠNG", "Số: 25/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc", "Hải Dương, ngày 15 tháng 01 năm 2025"]
    assert text(header.h1) == "BÁO CÁO Công tác chính quyền năm 2024 và nhiệm vụ năm 2025"
    closing = article_text(next_year.html("2024/phuong-huong-nhiem-vu"))
    assert "Nơi nhận: Thường trực Thành ủy (để báo cáo);" in closing
    assert closing.endswith("Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Trần Hồ Đăng")


def test_the_document_is_kept_as_received_with_its_checksum(next_year):
    kept = next_year.project.root / f"data/2024/bao-cao-cong-tac-chinh-quyen-2024{next_year.source.suffix}"
    assert kept.read_bytes() == next_year.source.read_bytes()
    assert next_year.data("bao-cao.yml")["nguon"]["sha256"] == hashlib.sha256(kept.read_bytes()).hexdigest()
    offered = next_year.project.root / "site/du-lieu/2024" / kept.name
    assert offered.read_bytes() == kept.read_bytes()
    link = next_year.html("2024").find("a", string="Văn bản gốc năm 2024")
    assert link["href"] == f"../du-lieu/2024/{kept.name}"


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


