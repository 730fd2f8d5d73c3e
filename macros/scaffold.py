"""`make nam-moi YEAR=2024`: start next year's report from the previous one's structure.

Creates `docs/<năm>/` with one page per section of the previous year's table
of contents, and `data/<năm>/` with every figure key of the previous year
present and empty, the document details to fill in, and status "du_thao"
(draft: not published until an editor sets it to "cong_bo"). It refuses to
touch a year that already has files.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from macros import yaml_writer
from macros.errors import EditorError, EditorErrors
from macros.models import FIGURE_KINDS
from macros.site_data import (DOCUMENTS_FILE, FIGURES_FILE, NOTES_FILE, PRESENTATION_FILE, REPORT_FILE,
                              YEAR_DIR, load_site, year_folders)

HEADING = "Không tạo được năm mới (không có tệp nào bị thay đổi):"
HEADER = "# {what} — năm {year} (dự thảo, tạo bằng make nam-moi từ năm {previous}).\n"


def shift_years(text: str, previous: int, year: int) -> str:
    """"năm 2023 và nhiệm vụ năm 2024" -> "năm 2024 và nhiệm vụ năm 2025"."""
    return re.sub(rf"\b({previous}|{previous + 1})\b", lambda m: str(int(m.group()) + year - previous), text)


def without_opening(overview: str) -> str:
    """The previous overview page with its opening paragraphs removed (they are that year's text)."""
    return re.sub(r"(^## Mở đầu[^\n]*\n).*?(?=^## )", r"\1\n", overview, flags=re.S | re.M)


def _dump(what: str, data: Any, previous: int, year: int) -> str:
    """The YAML with its comments, their years moved on, under a header saying where it came from."""
    lines = [shift_years(line, previous, year) if line.lstrip().startswith("#") else line
             for line in yaml_writer.dumps(data).splitlines(keepends=True)]
    modeline = lines.pop(0) if lines and lines[0].startswith("# yaml-language-server:") else ""
    return modeline + HEADER.format(what=what, year=year, previous=previous) + "".join(lines)


def _empty_figure(figure: Any, previous: int, year: int) -> Any:
    for name in ("nguyen_van", "ghi_chu", *FIGURE_KINDS[figure["loai"]].HINTS):
        figure.pop(name, None)
    figure["gia_tri"] = None
    figure["y_nghia"] = shift_years(figure.get("y_nghia", ""), previous, year)
    return figure


def scaffold(root: Path, year: int) -> list[Path]:
    """Write the new year's files; return them. Raise `EditorErrors` if the year exists."""
    taken = [path for path in (root / "data" / str(year), root / "docs" / str(year)) if path.exists()]
    if taken:
        raise EditorErrors([EditorError(path.relative_to(root).as_posix(), None, None,
                                        f"Năm {year} đã có tệp; lệnh này không ghi đè.",
                                        "Chọn năm khác, hoặc sửa trực tiếp các tệp đã có.") for path in taken],
                           heading=HEADING)
    earlier = [found for found in year_folders(root / "data") if found < year]
    if not earlier:
        raise EditorErrors([EditorError("data/", None, None, f"Không có năm nào trước {year} để làm mẫu.",
                                        "Tạo năm mới bằng lệnh make nhap-bao-cao từ văn bản gốc.")],
                           heading=HEADING)
    previous = earlier[-1]
    old = load_site(root).years[previous]
    old_folder = root / "data" / str(previous)
    folder, pages = root / "data" / str(year), root / "docs" / str(year)

    report = yaml_writer.read(old_folder / REPORT_FILE)
    report.update({
        "nam": year, "trang_thai": "du_thao", "ngay_cong_bo": None, "ngay_cap_nhat": None,
        "tieu_de": shift_years(report["tieu_de"], previous, year), "nguon": None,
    })
    report["so_hieu"]["so_van_ban"] = None
    report["ngay_ky"].update({"ngay": None, "thang": None, "nam": year + 1})
    for part in ("so_hieu", "ngay_ky"):
        report[part].pop("ghi_chu", None)
    for section in report["muc_luc"]:
        section["tieu_de"] = shift_years(section["tieu_de"], previous, year)
        for child in section.get("muc_con", []):
            child["tieu_de"] = shift_years(child["tieu_de"], previous, year)
    figures = yaml_writer.read(old_folder / FIGURES_FILE)
    for members in figures["so_lieu"].values():
        for figure in members.values():
            _empty_figure(figure, previous, year)
    for check in figures.get("kiem_tra", []):
        check.pop("sai_lech_nguon", None)
    figures["nguon"] = source = shift_years(figures["nguon"], previous, year)
    presentation = yaml_writer.read(old_folder / PRESENTATION_FILE)

    written = {
        folder / REPORT_FILE: _dump("Thông tin văn bản", report, previous, year),
        folder / FIGURES_FILE: _dump("Số liệu (điền gia_tri cho từng số)", figures, previous, year),
        folder / DOCUMENTS_FILE: _dump("Văn bản được viện dẫn", {"nguon": source, "van_ban": {}}, previous, year),
        folder / NOTES_FILE: _dump("Ghi chú biên tập", {"nguon": source, "ghi_chu": {}}, previous, year),
        folder / PRESENTATION_FILE: shift_years(_dump("Thẻ số liệu chính và biểu đồ", presentation, previous,
                                                      year), previous, year),
        pages / "index.md": without_opening((root / "docs" / str(previous) / "index.md").read_text(encoding="utf-8")),
        pages / "ban-in.md": (root / "docs" / str(previous) / "ban-in.md").read_text(encoding="utf-8"),
    }
    old_pages = root / "docs" / str(previous)
    for entry in old.pages():
        closing = "ket_thuc_van_ban()" in (old_pages / f"{entry.slug}.md").read_text(encoding="utf-8")
        written[pages / f"{entry.slug}.md"] = "# {{ tieu_de() }}\n" + (
            "\n{{ ket_thuc_van_ban() }}\n" if closing else "")
    for path, text in written.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(written)


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    if len(argv) != 1 or not YEAR_DIR.match(argv[0]):
        print("Cách dùng: make nam-moi YEAR=2024", file=sys.stderr)
        return 2
    try:
        created = scaffold(root, int(argv[0]))
    except EditorErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    print(f"Đã tạo năm {argv[0]} (dự thảo):")
    print("\n".join(f"  {path.relative_to(root)}" for path in created))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
