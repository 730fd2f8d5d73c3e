"""`make nhap-bao-cao YEAR=2024 FILE=…`: a new year drafted from the signed report, in one command.

Reads the report (.docx, or text in the conventions of the 2023 source),
finds its parts, and writes a draft year (`trang_thai: du_thao`) in the
site's layout: `docs/<năm>/` split at the numbered sections, every number a
figure in `data/<năm>/so-lieu.yml`, every cited document in `van-ban.yml`,
the header and signature in `bao-cao.yml`, the document itself kept as
received, and `ra-soat.yml`, the list of what the editor must review (keys and
meanings the program made up, oddities of the source) before publishing.

Nothing is written unless everything is: the year is drafted in a temporary
folder, loaded and checked exactly as a build would, and only then moved into
the tree. An existing year is never overwritten.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from macros import carry_over, checks, draft_data, yaml_writer
from macros.draft_data import DraftData, ReviewItem
from macros.draft_pages import DraftPage, PageWriter
from macros.errors import EditorError, EditorErrors
from macros.folding import fold
from macros.page_plan import plan
from macros.report_structure import Structure, split
from macros.site_data import (DOCUMENTS_FILE, FIGURES_FILE, NOTES_FILE, PRESENTATION_FILE, REPORT_FILE, REVIEW_FILE,
                              YEAR_DIR, Site, YearData, load_site, load_year)
from macros.source_reader import read_source
from macros.validation import problems

HEADING = "Không nhập được báo cáo (không có tệp nào được tạo hay thay đổi):"
SCHEMAS = "../../schemas"
DEFAULT_OVERVIEW = """{{ dau_van_ban() }}

## Số liệu chính

{{ the_so_lieu() }}

## Mở đầu

## Mục lục

{{ muc_luc() }}

[Bản in toàn văn báo cáo](ban-in.md) (mọi mục trên một trang, để in hoặc lưu thành PDF).

## Biểu đồ

{{ bieu_do_nam() }}

## Dữ liệu và trích dẫn

{{ tai_du_lieu() }}

Trích dẫn báo cáo này:

{{ trich_dan() }}
"""
DEFAULT_PRINT_VIEW = "---\nsearch:\n  exclude: true\n---\n\n{{ toan_van() }}\n"


@dataclass(frozen=True)
class Summary:
    """What an import made, for the editor's terminal."""

    year: int
    pages: int
    figures: int
    carried: int
    documents: int
    review: list[ReviewItem]


def _refuse(shown: str, problem: str, fix: str) -> EditorErrors:
    return EditorErrors([EditorError(shown, None, None, problem, fix)], heading=HEADING)


def import_report(root: Path, year: int, source: Path) -> Summary:
    """Draft `year` from the report at `source`; raise `EditorErrors` (nothing written) when it cannot."""
    taken = [path for path in (root / "data" / str(year), root / "docs" / str(year)) if path.exists()]
    if taken:
        raise EditorErrors([EditorError(path.relative_to(root).as_posix(), None, None,
                                        f"Năm {year} đã có tệp; lệnh nhập không bao giờ ghi đè.",
                                        "Nếu muốn nhập lại từ đầu, xóa (hoặc đổi tên) thư mục data/"
                                        f"{year} và docs/{year} trước.") for path in taken], heading=HEADING)
    try:
        document = read_source(source, source.name)
    except EditorErrors as errors:
        raise EditorErrors(list(errors.errors), heading=HEADING) from None
    structure = split(document)
    _check_title(structure, source.name, year)
    site = load_site(root)
    earlier = [found for found in sorted(site.years) if found < year]
    previous = site.years[earlier[-1]] if earlier else None
    prepared = _prepare(root, year, source, structure, previous, site.years)
    if not prepared.draft.figures:
        raise _refuse(source.name, "Không tìm thấy số liệu nào trong văn bản (ngoài các năm của báo cáo).",
                      "Kiểm tra tệp có đúng là toàn văn báo cáo công tác chính quyền (không phải bản trích hay "
                      "trang bìa).")
    with tempfile.TemporaryDirectory(prefix=f".nhap-{year}-", dir=root) as scratch:
        staging = Path(scratch)
        _write(staging, _files(prepared))
        data = _load(staging, year)
        broken = [index for index, (check, _) in enumerate(data.checks)
                  if check.sai_lech_nguon is None and checks.evaluate(data, check)]
        if broken:
            for index in sorted(broken, reverse=True):
                _discrepancy(prepared.draft, data, index)
            for part in ("data", "docs"):
                shutil.rmtree(staging / part)
            _write(staging, _files(prepared))
            data = _load(staging, year)
        _verify(staging, year, data, site.glossary)
        for part in ("data", "docs"):
            (root / part).mkdir(exist_ok=True)
        shutil.move(str(staging / "data" / str(year)), str(root / "data" / str(year)))
        try:
            shutil.move(str(staging / "docs" / str(year)), str(root / "docs" / str(year)))
        except OSError:
            shutil.rmtree(root / "data" / str(year), ignore_errors=True)
            raise
    draft = prepared.draft
    return Summary(year, len(prepared.pages), len(draft.figures), draft.carried, len(draft.documents), draft.review)


def _check_title(structure: Structure, shown: str, year: int) -> None:
    title = structure.header.title
    if not title:
        raise _refuse(shown, 'Không tìm thấy tên văn bản (dòng "BÁO CÁO" và dòng tên báo cáo ngay sau).',
                      "Kiểm tra tệp có đúng là báo cáo công tác chính quyền, với dòng BÁO CÁO ở đầu văn bản.")
    years = re.findall(r"\b(\d{4})\b", title)
    if not years or int(years[0]) != year:
        said = f"năm {years[0]}" if years else "không nêu năm"
        raise _refuse(shown, f'Tên văn bản "{title}" {said}, không phải năm {year}.',
                      f"Chọn đúng tệp báo cáo năm {year}, hoặc sửa YEAR=... cho đúng năm của báo cáo.")
    if not structure.sections:
        raise _refuse(shown, "Không nhận ra các mục đánh số của báo cáo (I., II., III. ...).",
                      'Các mục lớn phải bắt đầu bằng số La Mã và dấu chấm ở đầu đoạn, ví dụ "I. KẾT QUẢ THỰC HIỆN".')


def _earlier_documents(years: dict[int, YearData], year: int) -> dict[str, str]:
    found: dict[str, str] = {}
    for earlier in sorted(y for y in years if y < year):
        for key, document in years[earlier].documents.items():
            found[document.so_hieu] = key
    return found


@dataclass
class Prepared:
    """An import, decided but not yet written: the data, the document's details and the pages."""

    root: Path
    year: int
    source: Path
    draft: DraftData
    report: dict[str, Any]
    presentation: dict[str, Any]
    opening: DraftPage
    pages: list[DraftPage]
    previous: YearData | None


def _prepare(root: Path, year: int, source: Path, structure: Structure, previous: YearData | None,
             years: dict[int, YearData]) -> Prepared:
    toc = plan(structure.sections, list(previous.report.muc_luc) if previous else [])
    names = [figure.gia_tri.text for figure in (previous.figures.values() if previous else [])
             if figure.loai == "ten" and not figure.missing() and re.search(r"\d", figure.gia_tri.text)]
    writer = PageWriter(names, year)
    opening = writer.opening(structure.opening)
    pages = [writer.page(page) for page in toc.pages]
    if structure.leftover:
        last = toc.pages[-1]
        pages[-1].chunks += writer.opening(structure.leftover, last.slug, last.number).chunks
    mentions = carry_over.mentions(root / "docs" / str(previous.year)) if previous else []
    draft = draft_data.build(writer.occurrences, year, previous, _earlier_documents(years, year), mentions)
    draft_data.ratio_percentages(draft, writer.occurrences)
    draft_data.sums_in_sentences(draft, writer.occurrences)
    draft_data.table_totals(draft, writer.occurrences)
    _carry_checks(draft, previous)
    report = _report(draft, structure, year, source, toc.toc, previous)
    presentation = _presentation(draft, previous, {page.slug for page in toc.pages})
    lines = {paragraph: page.line_of(paragraph, "# {{ tieu_de() }}") for page in pages
             for _, paragraph in page.chunks}
    draft_data.spelling(draft, writer.paragraphs, lines)
    return Prepared(root, year, source, draft, report, presentation, opening, pages, previous)


def _carry_checks(draft: DraftData, previous: YearData | None) -> None:
    """Last year's checks between figures, wherever this year has all their figures."""
    if previous is None:
        return
    for check, _ in previous.checks:
        data = check.model_dump(exclude_none=True, exclude={"sai_lech_nguon"})
        keys = _check_keys(data)
        present = [{k: v for k, v in c.items() if k != "sai_lech_nguon"} for c in draft.checks]
        if all(key in draft.figures or key.startswith("nam.") for key in keys) and data not in present:
            draft.checks.append(data)
            draft.assumed_checks.append(data)


# --------------------------------------------------------------------------
# bao-cao.yml: the document's own details
# --------------------------------------------------------------------------

def _report(draft: DraftData, structure: Structure, year: int, source: Path, toc: list[dict],
            previous: YearData | None) -> dict[str, Any]:
    header, closing = structure.header, structure.closing
    old = previous.report if previous else None

    def review(what: str, fix: str) -> None:
        draft.review.append(ReviewItem("dau_van_ban", what, None, None, fix))

    bodies = agency_names(header.agency_lines)
    if old and bodies and fold(bodies[-1]) == fold(old.co_quan):
        co_quan = old.co_quan
    elif bodies:
        co_quan = bodies[-1]
        review(f"Tên cơ quan lấy từ đầu văn bản: «{co_quan}».",
               "Kiểm tra co_quan trong bao-cao.yml (chữ hoa của tên riêng).")
    else:
        co_quan = old.co_quan if old else "Ủy ban nhân dân"
        review(f"Văn bản gốc không ghi tên cơ quan ở đầu trang; đã ghi «{co_quan}».",
               "Kiểm tra co_quan trong bao-cao.yml.")
    if header.place is None:
        review("Không thấy dòng địa danh, ngày tháng (ví dụ «Hải Dương, ngày … tháng … năm …»).",
               "Điền dia_danh và ngay_ky trong bao-cao.yml theo văn bản gốc.")
    number: dict[str, Any] = {"so_van_ban": header.number,
                              "ky_hieu": header.symbol or (old.so_hieu.ky_hieu if old else "BC-UBND")}
    if header.symbol is None:
        review("Không thấy dòng «Số: …/BC-UBND» ở đầu văn bản.", "Điền so_hieu trong bao-cao.yml.")
    elif header.number is None:
        number["ghi_chu"] = draft.note("so-hieu-de-trong", "Đầu văn bản", (
            f"Bản gốc để trống số văn bản (\"Số: /{header.symbol}\"). Trang này giữ nguyên như bản gốc; số văn "
            "bản sẽ được bổ sung khi có bản đã đăng ký số."))
        review("Bản gốc để trống số văn bản; đã đề xuất ghi chú biên tập «so-hieu-de-trong».",
               "Nếu đã có số, điền so_van_ban và xóa ghi chú; nếu không, giữ ghi chú.")
    signed: dict[str, Any] = {"ngay": header.day, "thang": header.month, "nam": header.year or year + 1}
    if header.place is not None and (header.day is None or header.month is None):
        signed["ghi_chu"] = draft.note("ngay-ky-de-trong", "Đầu văn bản", (
            "Bản gốc để trống ngày ký (\"ngày … tháng … năm …\" chưa điền đủ). Trang này giữ nguyên như bản "
            "gốc."))
        review("Bản gốc để trống ngày (hoặc tháng) ký; đã đề xuất ghi chú biên tập «ngay-ky-de-trong».",
               "Nếu đã có ngày ký, điền vào ngay_ky và xóa ghi chú.")
    signature = list(closing.signature)
    if signature and closing.signer:
        signer = {"quyen_han": signature[0], "chuc_vu": "\n".join(signature[1:]) or None,
                  "ghi_ky": closing.signed or None, "ho_ten": closing.signer}
        signer = {key: value for key, value in signer.items() if value is not None}
    else:
        signer = old.nguoi_ky.model_dump(exclude_none=True) if old else {"quyen_han": "TM. ỦY BAN NHÂN DÂN",
                                                                         "ho_ten": "(chưa rõ)"}
        review("Không nhận ra khối chữ ký ở cuối văn bản; đã ghi tạm "
               + ("người ký của năm trước." if old else "người ký «(chưa rõ)»."),
               "Điền nguoi_ky trong bao-cao.yml theo văn bản gốc.")
    recipients = list(closing.recipients)
    if not recipients:
        recipients = list(old.noi_nhan) if old else ["(chưa rõ)"]
        review("Không nhận ra phần «Nơi nhận» ở cuối văn bản; đã ghi tạm "
               + ("danh sách của năm trước." if old else "«(chưa rõ)»."),
               "Điền noi_nhan trong bao-cao.yml theo văn bản gốc.")
    report: dict[str, Any] = {
        "nam": year, "trang_thai": "du_thao", "ngay_cong_bo": None,
        "loai_van_ban": header.kind, "tieu_de": header.title, "co_quan": co_quan,
    }
    if len(bodies) > 1:
        report["co_quan_chu_quan"] = bodies[0]
    elif old and old.co_quan_chu_quan:
        report["co_quan_chu_quan"] = old.co_quan_chu_quan
    if header.agency_lines:
        report["dong_co_quan"] = list(header.agency_lines)
    if header.motto_lines:
        report["quoc_hieu"] = list(header.motto_lines)
    layout = {name: value for name, value in (("dau_van_ban", header.layout),
                                              ("ket_thuc", "chu_ky_truoc" if closing.signature_first else ""))
              if value and value not in ("cot",)}
    if layout:
        report["bo_cuc"] = layout
    report.update({
        "dia_danh": header.place or (old.dia_danh if old else "(chưa rõ)"),
        "so_hieu": number, "ngay_ky": signed, "nguoi_ky": signer, "noi_nhan": recipients, "muc_luc": toc,
        "nguon": {"tep_goc": _source_name(year, source), "sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
                  "mo_ta": f"Văn bản gốc nhận được ({source.name}), nhập bằng make nhap-bao-cao ngày "
                           f"{datetime.date.today():%d/%m/%Y}."},
    })
    return report


ADMINISTRATIVE_UNITS = ("thành phố", "tỉnh", "huyện", "quận", "thị xã", "thị trấn", "phường", "xã")


def agency_names(lines: tuple[str, ...]) -> list[str]:
    """The bodies named at the top left, in running-text case, the parent first.

    "ỦY BAN NHÂN DÂN" / "THÀNH PHỐ HẢI DƯƠNG" is one body, "Ủy ban nhân dân
    thành phố Hải Dương"; "UBND TỈNH HẢI DƯƠNG" / "UBND THÀNH PHỐ HẢI DƯƠNG" is
    two, the province first.
    """
    names: list[str] = []
    for line in lines:
        line = re.sub(r"^UBND\b", "ỦY BAN NHÂN DÂN", line.strip())
        if names and fold(names[-1]) in ("uy ban nhan dan", "hoi dong nhan dan"):
            names[-1] += " " + line
        else:
            names.append(line)
    return [_running_case(name) for name in names]


def _running_case(name: str) -> str:
    """"ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI DƯƠNG" -> "Ủy ban nhân dân thành phố Hải Dương"."""
    lowered = name.lower()
    for unit in ADMINISTRATIVE_UNITS:
        at = lowered.find(f" {unit} ")
        if at >= 0:
            head, place = lowered[:at + len(unit) + 2], lowered[at + len(unit) + 2:]
            lowered = head + " ".join(word[:1].upper() + word[1:] for word in place.split())
            break
    return lowered[:1].upper() + lowered[1:]


def _source_name(year: int, source: Path) -> str:
    return f"bao-cao-cong-tac-chinh-quyen-{year}{source.suffix.lower()}"


# --------------------------------------------------------------------------
# trinh-bay.yml: last year's cards and charts, where this year has their figures
# --------------------------------------------------------------------------

def _presentation(draft: DraftData, previous: YearData | None, pages: set[str]) -> dict[str, Any]:
    cards, charts = [], []
    for card in (previous.presentation.the_so_lieu if previous else []):
        if card.khoa in draft.figures:
            kept = {"khoa": card.khoa}
            against = [key for key in card.so_voi if key in draft.figures]
            if against:
                kept["so_voi"] = against
            cards.append(kept)
        else:
            draft.review.append(ReviewItem("trinh_bay", f"Thẻ số liệu «{card.khoa}» của năm trước không có số "
                                           "tương ứng năm nay nên đã bỏ.", None, card.khoa,
                                           "Thêm một thẻ khác trong trinh-bay.yml nếu cần."))
    for chart in (previous.presentation.bieu_do if previous else []):
        bars = [bar.model_dump(exclude_none=True) for bar in chart.cot if bar.khoa in draft.figures]
        if bars and chart.trang in pages:
            kept = chart.model_dump(exclude_none=True)
            kept.update(tieu_de=draft_data.shift_years(chart.tieu_de, previous.year, draft.year), cot=bars)
            charts.append(kept)
        if len(bars) < len(chart.cot) or chart.trang not in pages:
            draft.review.append(ReviewItem("trinh_bay", f"Biểu đồ «{chart.ma}» của năm trước thiếu số liệu hoặc "
                                           "trang năm nay" + (" nên đã bỏ." if not bars or chart.trang not in pages
                                                              else ": đã bỏ các cột thiếu."), None, None,
                                           "Kiểm tra biểu đồ trong trinh-bay.yml."))
    if not cards:
        chosen = [key for key, figure in draft.figures.items() if figure["loai"] in ("tien", "muc_dat")][:4] or \
            list(draft.figures)[:1]
        cards = [{"khoa": key} for key in chosen]
        draft.review.append(ReviewItem("trinh_bay", "Thẻ số liệu chính ở trang tổng quan do chương trình chọn: "
                                       + ", ".join(chosen) + ".", None, None,
                                       "Chọn lại các số liệu chính trong trinh-bay.yml."))
    return {"the_so_lieu": cards, "bieu_do": charts}


# --------------------------------------------------------------------------
# The files
# --------------------------------------------------------------------------

def _yaml(schema: str, header: list[str], values: dict[str, Any]) -> str:
    lines = [yaml_writer.SCHEMA_COMMENT.format(schema=f"{SCHEMAS}/{schema}").rstrip("\n")]
    lines += [f"# {line}" if line else "#" for line in header]
    return "\n".join(lines) + "\n" + yaml_writer.dumps(yaml_writer.commented(values))


def _files(prepared: Prepared) -> dict[str, Any]:
    """Every file of the draft year, from what was decided (run again after a change to the draft)."""
    root, draft, year, source = prepared.root, prepared.draft, prepared.year, prepared.source
    report, presentation, previous = prepared.report, prepared.presentation, prepared.previous
    provenance = f"{report['loai_van_ban'].capitalize()} {report['tieu_de'][:1].lower()}{report['tieu_de'][1:]}, " \
                 f"{report['co_quan']}"
    made = f"Nhập từ văn bản gốc bằng make nhap-bao-cao ngày {datetime.date.today():%d/%m/%Y} (dự thảo)."
    groups: dict[str, dict[str, Any]] = {}
    for key, figure in draft.figures.items():
        group, name = key.split(".", 1)
        groups.setdefault(group, {})[name] = figure
    figures: dict[str, Any] = {"nguon": provenance, "so_lieu": groups}
    if draft.checks:
        figures["kiem_tra"] = draft.checks
    files: dict[str, Any] = {
        f"data/{year}/{REPORT_FILE}": _yaml("bao-cao.schema.json", [
            f"Báo cáo năm {year}: thông tin của văn bản (số hiệu, ngày ký, người ký, nơi nhận, mục lục).", made,
            "trang_thai: du_thao (dự thảo, chưa đăng) hoặc cong_bo (đã công bố: cần ngay_cong_bo, mọi việc trong "
            "ra-soat.yml đã xong, rồi make niem-phong)."], report),
        f"data/{year}/{FIGURES_FILE}": _yaml("so-lieu.schema.json", [
            f"Số liệu của báo cáo năm {year}. " + made,
            "Mỗi số liệu: loai, gia_tri (viết đúng như văn bản gốc), y_nghia (số này đo cái gì), muc (mục nêu số).",
            "Khóa giống năm trước được giữ nguyên; khóa và ý nghĩa mới cần rà soát (xem ra-soat.yml)."], figures),
        f"data/{year}/{DOCUMENTS_FILE}": _yaml("van-ban.schema.json", [
            f"Văn bản được báo cáo năm {year} viện dẫn. " + made], {"nguon": provenance,
                                                                    "van_ban": draft.documents}),
        f"data/{year}/{NOTES_FILE}": _yaml("ghi-chu.schema.json", [
            f"Ghi chú biên tập của báo cáo năm {year}: chương trình đề xuất, biên tập viên duyệt lại lời văn.",
            made], {"nguon": provenance, "ghi_chu": draft.notes}),
        f"data/{year}/{PRESENTATION_FILE}": _yaml("trinh-bay.schema.json", [
            f"Cách trình bày số liệu năm {year}: thẻ số liệu chính và biểu đồ. " + made],
            {"nguon": provenance, **presentation}),
        f"data/{year}/{_source_name(year, source)}": source.read_bytes(),
    }
    overview_source = (root / "docs" / str(previous.year) / "index.md") if previous else None
    overview = overview_source.read_text(encoding="utf-8") if overview_source and overview_source.is_file() \
        else DEFAULT_OVERVIEW
    overview = _with_opening(overview, prepared.opening.render(draft.macros, draft.notes_after)
                             if prepared.opening.chunks else "")
    if not presentation["bieu_do"]:
        overview = re.sub(r"^## Biểu đồ\n+\{\{ bieu_do_nam\(\) \}\}\n+", "", overview, flags=re.M)
    print_view = root / "docs" / str(previous.year) / "ban-in.md" if previous else None
    files[f"docs/{year}/index.md"] = overview
    files[f"docs/{year}/ban-in.md"] = print_view.read_text(encoding="utf-8") if print_view and \
        print_view.is_file() else DEFAULT_PRINT_VIEW
    for index, page in enumerate(prepared.pages):
        closing = "\n{{ ket_thuc_van_ban() }}\n" if index == len(prepared.pages) - 1 else ""
        files[f"docs/{year}/{page.slug}.md"] = page.render(draft.macros, draft.notes_after,
                                                           "# {{ tieu_de() }}") + closing
    files[f"data/{year}/{REVIEW_FILE}"] = _review_file(draft, source)
    return files


def _with_opening(overview: str, opening: str) -> str:
    """The overview page with this year's opening under "## Mở đầu" (no such section when there is none)."""
    section = re.compile(r"^## Mở đầu[^\n]*\n.*?(?=^## |\Z)", re.S | re.M)
    text = f"## Mở đầu\n\n{opening.rstrip()}\n\n" if opening else ""
    if section.search(overview):
        return section.sub(lambda _: text, overview, count=1)
    header = re.search(r"^\{\{ dau_van_ban\(\) \}\}\n", overview, re.M)
    at = header.end() if header else 0
    return overview[:at] + ("\n" + text if text else "") + overview[at:]


def _review_file(draft: DraftData, source: Path) -> str:
    items = []
    for item in draft.review:
        entry: dict[str, Any] = {"loai": item.loai, "noi_dung": item.noi_dung}
        for name in ("trang", "khoa", "de_xuat"):
            if getattr(item, name):
                entry[name] = getattr(item, name)
        entry["xong"] = False
        items.append(entry)
    return _yaml("ra-soat.schema.json", [
        "Danh sách rà soát: những gì chương trình tự đặt hoặc nhận thấy khi nhập văn bản gốc.",
        "Xem từng việc trong bản xem trước (make xem-truoc), sửa dữ liệu hoặc trang nếu cần, rồi ghi xong: true.",
        "Năm chỉ công bố được khi mọi việc đã xong."],
        {"nguon": f"Nhập từ {source.name} ngày {datetime.date.today():%d/%m/%Y}", "viec": items})


def _write(staging: Path, files: dict[str, Any]) -> None:
    for name, content in files.items():
        path = staging / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def _load(staging: Path, year: int) -> YearData:
    try:
        return load_year(staging, year)
    except EditorErrors as errors:
        raise EditorErrors(list(errors.errors), heading="Lỗi của chương trình nhập (báo cho nhóm phát triển); "
                                                        "không có tệp nào được tạo:") from None


def _verify(staging: Path, year: int, data: YearData, glossary: Any) -> None:
    """The draft passes every check a preview build makes; otherwise the importer itself is wrong."""
    site = Site(MappingProxyType({year: data}), glossary)
    errors, _ = problems(site, staging / "docs")
    if errors:
        raise EditorErrors(errors, heading="Lỗi của chương trình nhập (xin báo cho nhóm phát triển); không có tệp "
                                           "nào được tạo:")


def _discrepancy(draft: DraftData, data: YearData, index: int) -> None:
    """A relation between figures that the source breaks: the check is set aside and the editor asked.

    Whether a total really is the sum of the numbers around it (a table's
    "Tổng cộng" row, last year's relation) is for a person to judge, so no note
    is shown to readers until the editor writes one (the ratio beside its
    percentage, which the sentence itself states, is noted when it is found).
    """
    check = draft.checks.pop(index)
    problem = checks.evaluate(data, data.checks[index][0])
    figures = [draft.figures[key] for key in _check_keys(check) if key in draft.figures]
    said = "; ".join(f"«{figure['gia_tri']}» ({figure['y_nghia']})" for figure in figures)
    origin = " Quan hệ này đúng ở báo cáo năm trước." if check in draft.assumed_checks else ""
    draft.review.append(ReviewItem(
        "tong_lech", f"{problem}{origin} Các số: {said}.", None, _check_keys(check)[0],
        "Đối chiếu với văn bản gốc. Nếu đúng là bản gốc không khớp, thêm lại kiểm tra này vào kiem_tra trong "
        "so-lieu.yml với sai_lech_nguon và một ghi chú biên tập (như năm 2023); nếu các số không có quan hệ này, "
        "bỏ qua."))


def _check_keys(check: dict[str, Any]) -> list[str]:
    """The figures a check names, in order ("key.tu_so" counts as "key")."""
    refs = [value for name, value in check.items() if name not in ("loai", "sai_lech_nguon")]
    return [re.sub(r"\.(tu_so|mau_so)$", "", ref) for value in refs
            for ref in (value if isinstance(value, list) else [value])]


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    if len(argv) != 2 or not YEAR_DIR.match(argv[0]):
        print("Cách dùng: make nhap-bao-cao YEAR=2024 FILE=đường/dẫn/bao-cao.docx", file=sys.stderr)
        return 2
    try:
        summary = import_report(root, int(argv[0]), Path(argv[1]).expanduser())
    except EditorErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    except Exception as error:  # a fault of the importer itself: still no half-written year, and a plain message
        print(f"{HEADING}\n- Lỗi không mong đợi của chương trình nhập ({type(error).__name__}: {error}).\n"
              "    Cách sửa: Xin gửi tệp báo cáo và thông báo này cho nhóm phát triển.", file=sys.stderr)
        return 1
    print(f"Đã nhập báo cáo năm {summary.year} (dự thảo): {summary.pages} trang, {summary.figures} số liệu "
          f"({summary.carried} giữ khóa của năm trước), {summary.documents} văn bản viện dẫn.")
    print(f"Danh sách rà soát: data/{summary.year}/{REVIEW_FILE} ({len(summary.review)} việc):")
    for item in summary.review:
        print(f"  - [{item.loai}] {item.noi_dung}")
    print("Xem trước: make xem-truoc, rồi mở trang năm", summary.year)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
