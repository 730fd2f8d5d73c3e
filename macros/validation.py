"""Everything checked before a single page is rendered, in one pass.

The build (see `glue`), the importer and the tests all ask the same
question: given a project folder, what would an editor have to fix? The
answer is every problem at once, as `EditorErrors`, so that a build either
has nothing to complain about or writes nothing at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from macros import freeze
from macros.checks import check_year
from macros.errors import EditorError, EditorErrors
from macros.pages import PageUse, check_pages
from macros.site_data import Site, load_site


@dataclass(frozen=True)
class Validated:
    """A project with nothing to fix: its data, what each page uses, and notices for the preview."""

    site: Site
    uses: list[PageUse]
    notices: list[str] = field(default_factory=list)


def problems(site: Site, docs_dir: Path) -> tuple[list[EditorError], list[PageUse]]:
    """Problems within each year's data and in the pages, and what each page uses."""
    errors = [error for data in site.years.values() for error in check_year(data)]
    page_errors, uses = check_pages(docs_dir, site)
    return errors + page_errors, uses


def validate(root: Path, docs_dir: Path | None = None, preview: bool = False) -> Validated:
    """Load and check the project at `root`: data, relations, pages, seals; raise `EditorErrors` if any.

    A preview (`make xem-truoc`) shows work in progress: changes to a sealed
    year are then notices, not errors.
    """
    site = load_site(root)
    errors, uses = problems(site, docs_dir or root / "docs")
    sealed = freeze.check(root, site)
    notices = [f"Xem trước (chưa niêm phong): {error.format()}" for error in sealed] if preview else []
    if not preview:
        errors += sealed
    if errors:
        raise EditorErrors(errors)
    return Validated(site, uses, notices + to_do(site))


def to_do(site: Site) -> list[str]:
    """What is left to do in draft years: figures without a value, review items not done."""
    notices = []
    for data in site.years.values():
        if data.published:
            continue
        empty = [key for key, figure in data.figures.items() if figure.missing()]
        if empty:
            notices.append(f"Việc cần làm, năm {data.year} (dự thảo): {len(empty)} số liệu chưa có giá trị: "
                           + ", ".join(empty))
        to_review = [entry for entry, _ in data.review if not entry.xong]
        if to_review:
            notices.append(f"Việc cần làm, năm {data.year} (dự thảo): {len(to_review)} việc rà soát chưa xong "
                           f"trong {data.file('ra-soat.yml')}.")
    return notices
