"""Published years are frozen: any change needs an erratum, and the seal records it.

When a year is published, its data and pages are sealed: `data/niem-phong.json`
keeps a checksum of each file and the number of errata at that time. The
build and the tests compare the files with the seal, so a change to a
published year, intended or not, stops them. To correct a published report,
an editor changes the file, adds an erratum to `data/<năm>/dinh-chinh.yml`
(shown on the page and in the change history), and runs `make niem-phong`,
which re-seals only if a new erratum came with the change.

The seal is of what a file means, not of its bytes: a data file's checksum is
taken over its values (comments, layout and quoting do not count), and a
figure counts by its value and the way the report writes it, whichever way
the editor typed it (`1.484 tỷ 750 triệu đồng` or `1484.75` with
`cach_viet: ty_trieu`). Pages and the source document count byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from macros.errors import EditorError, EditorErrors
from macros.site_data import ERRATA_FILE, FIGURES_FILE, Site, YearData, load_site
from macros.yaml_loader import load_yaml

MANIFEST = "data/niem-phong.json"


def year_files(root: Path, year: int) -> list[Path]:
    """The files that make up a year's report: its data (errata aside) and its pages."""
    found = [path for folder in (root / "data" / str(year), root / "docs" / str(year))
             if folder.is_dir() for path in folder.rglob("*") if path.is_file()]
    return sorted(path for path in found if path.name != ERRATA_FILE)


def meaning(root: Path, data: YearData, path: Path) -> bytes:
    """What `path` says: a data file's values (figures by their written form), other files' bytes."""
    if path.suffix != ".yml":
        return path.read_bytes()
    values = load_yaml(path, path.relative_to(root).as_posix()).data
    if path.name == FIGURES_FILE and isinstance(values, dict):
        values = {**values, "so_lieu": {
            group: {name: _figure_meaning(data, f"{group}.{name}") for name in members}
            for group, members in values.get("so_lieu", {}).items()}}
    return json.dumps(values, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8")


def _figure_meaning(data: YearData, key: str) -> dict:
    figure = data.figures[key]
    return figure.model_dump(mode="json", exclude=set(figure.HINTS), exclude_none=True)


def checksums(root: Path, data: YearData) -> dict[str, str]:
    return {path.relative_to(root).as_posix(): hashlib.sha256(meaning(root, data, path)).hexdigest()
            for path in year_files(root, data.year)}


def load_manifest(root: Path) -> dict[str, dict]:
    path = root / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _changes(sealed: dict[str, str], current: dict[str, str]) -> list[str]:
    return sorted(name for name in sealed.keys() | current.keys() if sealed.get(name) != current.get(name))


def check(root: Path, site: Site) -> list[EditorError]:
    """Published years whose files differ from their seal, or that have none."""
    manifest = load_manifest(root)
    errors: list[EditorError] = []
    for year, data in sorted(site.years.items()):
        sealed = manifest.get(str(year))
        if not data.published:
            if sealed:
                errors.append(EditorError(data.file("bao-cao.yml"), None, "trang_thai",
                                          f"Năm {year} đã công bố và niêm phong, không thể chuyển lại thành dự thảo.",
                                          "Giữ trang_thai: cong_bo; sửa nội dung bằng đính chính."))
            continue
        if sealed is None:
            errors.append(EditorError(MANIFEST, None, str(year),
                                      f"Năm {year} đã chuyển sang công bố nhưng chưa được niêm phong.",
                                      "Chạy lệnh: make niem-phong (ghi lại dấu niêm phong của năm này)."))
            continue
        changed = _changes(sealed["tep"], checksums(root, data))
        if changed or len(data.errata) < sealed["so_dinh_chinh"]:
            listed = ", ".join(changed) if changed else f"{data.file(ERRATA_FILE)} (bớt đính chính)"
            errors.append(EditorError(MANIFEST, None, str(year),
                                      f"Năm {year} đã công bố và niêm phong, nhưng đã thay đổi: {listed}.",
                                      f"Nếu đây là sửa lỗi có chủ đích: thêm một đính chính vào "
                                      f"{data.file(ERRATA_FILE)} (ngày, trang, nội dung, giá trị cũ, giá trị mới, "
                                      "lý do) rồi chạy make niem-phong. Nếu không: hoàn tác thay đổi."))
    return errors


def seal(root: Path, site: Site) -> list[str]:
    """Seal newly published years and corrected ones; refuse changes without a new erratum."""
    manifest = load_manifest(root)
    done: list[str] = []
    refused: list[EditorError] = []
    for year, data in sorted(site.years.items()):
        if not data.published:
            continue
        current = checksums(root, data)
        sealed = manifest.get(str(year))
        if sealed is None:
            done.append(f"Niêm phong năm {year} ({len(current)} tệp).")
        elif _changes(sealed["tep"], current):
            if len(data.errata) <= sealed["so_dinh_chinh"]:
                refused.append(EditorError(data.file(ERRATA_FILE), None, None,
                                           f"Năm {year} có thay đổi nhưng không có đính chính mới.",
                                           "Thêm một đính chính mô tả thay đổi rồi chạy lại make niem-phong."))
                continue
            done.append(f"Niêm phong lại năm {year} với {len(data.errata)} đính chính.")
        else:
            continue
        manifest[str(year)] = {"tep": current, "so_dinh_chinh": len(data.errata)}
    if refused:
        raise EditorErrors(refused, heading="Không niêm phong được (tệp niêm phong giữ nguyên):")
    (root / MANIFEST).write_bytes((json.dumps(manifest, indent=2, sort_keys=True) + "\n").encode())
    return done or ["Không có gì thay đổi: các năm đã công bố khớp với niêm phong."]


def main(root: Path | None = None) -> int:
    root = root or Path.cwd()
    try:
        print("\n".join(seal(root, load_site(root))))
    except EditorErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
