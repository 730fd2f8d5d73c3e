"""Vietnamese search: the one place where this site changes Material's search.

Material builds its lunr index in the browser, in a web worker that loads
`lunr/min/lunr.vi.min.js` for a Vietnamese site. After the build, this module
replaces that file with `vi_search.js` (folding of tone marks, whole numbers
and document numbers, abbreviations from data/thuat-ngu.yml, answers that
contain only some of the words when none contains all, figures first) and
rewrites the search index: each page is one entry for its title, labelled
with its report's year so results from different years can be told apart,
followed by its passages (`passages`: each paragraph, list item or table
row, with the anchor this module writes into the built page), and every
figure the reports state is an answer of its own (`figure_answers`).
Written against Material 9.8.2 and the lunr 2.3.9 it bundles (pinned in
requirements.txt); see the header of `vi_search.js`.
`search_loader.js`, inlined in every page before Material's bundle, holds the
search data back until a reader opens search, so that a first visit does not
pay for an index that grows with every year; `search_results.js`, inlined
with it, makes a figure answer link to the figure's anchor and says when the
results contain only some of the words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping, Sequence

from macros import figure_answers, passages
from macros.fragments import compact_js, render_for_search, text_content
from macros.models import Term
from macros.site_data import YearData

SCRIPT = Path(__file__).with_name("vi_search.js")
PAGE_SCRIPTS = (Path(__file__).with_name("search_loader.js"), Path(__file__).with_name("search_results.js"))
SCRIPT_TARGET = "assets/javascripts/lunr/min/lunr.vi.min.js"
INDEX_TARGET = "search/search_index.json"
_YEAR_PAGE = re.compile(r"^(\d{4})/([^#]*)$")


def glossary_for_search(glossary: Mapping[str, Term]) -> list[dict[str, Any]]:
    """Each abbreviation with its other spellings, and its long form."""
    return [{"short": [short, *term.bien_the], "long": term.day_du} for short, term in glossary.items()]


def search_script(glossary: Mapping[str, Term]) -> str:
    """The lunr language file the search worker loads: our functions, installed with the glossary."""
    data = json.dumps(glossary_for_search(glossary), ensure_ascii=False, separators=(",", ":"))
    return f"{compact_js(SCRIPT.read_text(encoding='utf-8'))}\nself.viSearch.install({data});\n"


def loader_script() -> str:
    """The scripts that defer loading the search data until search is opened and finish its results
    (inlined in every page, so without their explanatory headers)."""
    return "\n".join(compact_js(path.read_text(encoding="utf-8")) for path in PAGE_SCRIPTS)


def label_years(index: dict[str, Any], years: Sequence[YearData]) -> dict[str, Any]:
    """Prefix each report page's title in the index with its year, and a subsection's number with its
    group's ("Năm 2023 · I.3. Kết quả …", the section as the figure answers name it: "mục I.3")."""
    by_year = {data.year: data for data in years}
    for doc in index.get("docs", []):
        match = _YEAR_PAGE.match(doc.get("location", ""))
        if not match or doc.get("title", "").startswith("Năm "):
            continue
        data = by_year.get(int(match.group(1)))
        entry = data.entry(match.group(2).strip("/")) if data else None
        title = doc["title"]
        # a subsection's heading starts with its number within its group ("3. "), as TocEntry.title writes it
        number_in_group = f"{entry.section.so_muc}. " if entry is not None and entry.depth else None
        if number_in_group and title.startswith(number_in_group):
            title = f"{entry.number}. {title.removeprefix(number_in_group)}"
        doc["title"] = f"Năm {match.group(1)} · {title}"
    return index


def page_file(site_dir: Path, location: str) -> Path:
    """The built file of a page's address in the index ("2023/chi-dao-dieu-hanh/" or "" for the home page)."""
    return site_dir / location / "index.html"


def passage_entries(site_dir: Path, docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]],
                                                                           list[figure_answers.Mention]]:
    """Each indexed page as its title entry and its passages' entries, with anchors written into the page;
    and where the pages first state each figure. A page that cannot be cut (no article) keeps Material's
    entries."""
    entries, mentions, cut_pages = [], [], set()
    for doc in docs:
        location = doc.get("location", "")
        page, _, section = location.partition("#")
        path = page_file(site_dir, page)
        cut = passages.cut(path.read_text(encoding="utf-8")) if not section and path.is_file() else None
        if cut is None:
            if page not in cut_pages:
                entries.append(doc)
            continue
        cut_pages.add(page)
        path.write_text(cut.html, encoding="utf-8")
        entries.append({"location": location, "title": doc.get("title", cut.title), "text": ""})
        entries.extend({"location": f"{location}#{passage.anchor}",
                        # shown under the page's own title: only a subsection's heading is said again
                        "title": str(text_content(passage.heading)) if passage.heading != cut.title else "",
                        "text": render_for_search("search-passage.html", text=passage.text)}
                       for passage in cut.passages)
        year = _YEAR_PAGE.match(location)
        if year:
            mentions.extend(figure_answers.Mention(int(year.group(1)), location, spot) for spot in cut.figures)
    return entries, mentions


def install(site_dir: Path, glossary: Mapping[str, Term], years: list[YearData]) -> None:
    """Rewrite the built site's search files and give its pages their passage anchors
    (run after Material wrote them)."""
    (site_dir / SCRIPT_TARGET).write_text(search_script(glossary), encoding="utf-8")
    index_path = site_dir / INDEX_TARGET
    index = json.loads(index_path.read_text(encoding="utf-8"))
    entries, mentions = passage_entries(site_dir, index.get("docs", []))
    index["docs"] = label_years({"docs": entries}, years)["docs"] + figure_answers.entries(mentions, years)
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
