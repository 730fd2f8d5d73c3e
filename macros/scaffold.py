"""`make new-year YEAR=2024`: start next year's report from the previous one's structure.

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

import yaml

from macros.errors import EditorError, EditorErrors
from macros.models import FIGURE_KINDS
from macros.site_data import (DOCUMENTS_FILE, FIGURES_FILE, NOTES_FILE, PRESENTATION_FILE, REPORT_FILE,
                              YEAR_DIR, load_site, year_folders)
from macros.yaml_loader import load_yaml

HEADING = "Không tạo được năm mới (không có tệp nào bị thay đổi):"
HEADER = "# {what} — năm {year} (dự thảo, tạo bằng make new-year từ năm {previous}).\n"


def shift_years(text: str, previous: int, year: int) -> str:
    """"năm 2023 và nhiệm vụ năm 2024" -> "năm 2024 và nhiệm vụ năm 2025"."""
    return re.sub(rf"\b({previous}|{previous + 1})\b", lambda m: str(int(m.group()) + year - previous), text)


def without_opening(overview: str) -> str:
    """The previous overview page with its opening paragraphs removed (they are that year's text)."""
    return re.sub(r"(^## Mở đầu[^\n]*\n).*?(?=^## )", r"\1\n", overview, flags=re.S | re.M)


def _dump(header: str, data: dict[str, Any]) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return header + re.sub(r": null$", ":", body, flags=re.M)


def _empty_figure(figure: dict[str, Any], previous: int, year: int) -> dict[str, Any]:
    kept = {key: value for key, value in figure.items() if key not in ("nguyen_van", "ghi_chu")}
    for key in FIGURE_KINDS[figure["loai"]].VALUES:
        kept[key] = None
    kept["y_nghia"] = shift_years(kept.get("y_nghia", ""), previous, year)
    return kept


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
                                        "Tạo năm mới bằng cách chép thủ công một năm có sẵn.")], heading=HEADING)
    previous = earlier[-1]
    old = load_site(root).years[previous]
    old_folder = root / "data" / str(previous)
    folder, pages = root / "data" / str(year), root / "docs" / str(year)

    report = load_yaml(old_folder / REPORT_FILE, REPORT_FILE).data
    report.update({
        "nam": year, "trang_thai": "du_thao", "ngay_cong_bo": None, "ngay_cap_nhat": None,
        "tieu_de": shift_years(report["tieu_de"], previous, year),
        "so_hieu": {"so": None, "ky_hieu": report["so_hieu"]["ky_hieu"]},
        "ngay_ky": {"ngay": None, "thang": None, "nam": year + 1},
        "muc_luc": yaml.safe_load(shift_years(yaml.safe_dump(report["muc_luc"], allow_unicode=True, sort_keys=False),
                                              previous, year)),
        "nguon": {"tep_goc": f"shared/source/bao-cao-cong-tac-chinh-quyen-{year}.txt",
                  "mo_ta": shift_years(report["nguon"]["mo_ta"], previous, year)},
    })
    figures = load_yaml(old_folder / FIGURES_FILE, FIGURES_FILE).data
    figures["so_lieu"] = {group: {name: _empty_figure(value, previous, year) for name, value in members.items()}
                          for group, members in figures["so_lieu"].items()}
    figures["kiem_tra"] = [{key: value for key, value in check.items() if key != "sai_lech_nguon"}
                           for check in figures.get("kiem_tra", [])]
    source = shift_years(figures["nguon"], previous, year)
    figures["nguon"] = source

    written = {
        folder / REPORT_FILE: _dump(HEADER.format(what="Thông tin văn bản", year=year, previous=previous), report),
        folder / FIGURES_FILE: _dump(HEADER.format(what="Số liệu (điền gia_tri cho từng số)", year=year,
                                                   previous=previous), figures),
        folder / DOCUMENTS_FILE: _dump(HEADER.format(what="Văn bản được viện dẫn", year=year, previous=previous),
                                       {"nguon": source, "van_ban": {}}),
        folder / NOTES_FILE: _dump(HEADER.format(what="Ghi chú biên tập", year=year, previous=previous),
                                   {"nguon": source, "ghi_chu": {}}),
        folder / PRESENTATION_FILE: HEADER.format(what="Thẻ số liệu chính và biểu đồ", year=year,
                                                  previous=previous)
        + shift_years((old_folder / PRESENTATION_FILE).read_text(encoding="utf-8"), previous, year),
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
        print("Cách dùng: make new-year YEAR=2024", file=sys.stderr)
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
