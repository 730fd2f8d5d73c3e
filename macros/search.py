"""Vietnamese search: the one place where this site changes Material's search.

Material builds its lunr index in the browser, in a web worker that loads
`lunr/min/lunr.vi.min.js` for a Vietnamese site. After the build, this module
replaces that file with `vi_search.js` (folding of tone marks, whole numbers
and document numbers, abbreviations from data/thuat-ngu.yml) and labels each
page of the search index with its report's year, so results from different
years can be told apart. Written against Material 9.8.2 and the lunr 2.3.9 it
bundles (pinned in requirements.txt); see the header of `vi_search.js`.
`search_loader.js`, inlined in every page before Material's bundle, holds the
search data back until a reader opens search, so that a first visit does not
pay for an index that grows with every year.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Mapping

from macros.models import Term

SCRIPT = Path(__file__).with_name("vi_search.js")
LOADER = Path(__file__).with_name("search_loader.js")
SCRIPT_TARGET = "assets/javascripts/lunr/min/lunr.vi.min.js"
INDEX_TARGET = "search/search_index.json"
_YEAR_PAGE = re.compile(r"^(\d{4})/[^#]*$")


def glossary_for_search(glossary: Mapping[str, Term]) -> list[dict[str, Any]]:
    """Each abbreviation with its other spellings, and its long form."""
    return [{"short": [short, *term.bien_the], "long": term.day_du} for short, term in glossary.items()]


def search_script(glossary: Mapping[str, Term]) -> str:
    """The lunr language file the search worker loads: our functions, installed with the glossary."""
    data = json.dumps(glossary_for_search(glossary), ensure_ascii=False, separators=(",", ":"))
    return f"{SCRIPT.read_text(encoding='utf-8')}\nself.viSearch.install({data});\n"


def loader_script() -> str:
    """The script that defers loading the search data until search is opened (inlined in every page,
    so without its explanatory header)."""
    return re.sub(r"^/\*.*?\*/\s*", "", LOADER.read_text(encoding="utf-8"), flags=re.S)


def label_years(index: dict[str, Any]) -> dict[str, Any]:
    """Prefix each report page's title in the index with its year ("Năm 2023 · ...")."""
    for doc in index.get("docs", []):
        match = _YEAR_PAGE.match(doc.get("location", ""))
        if match and not doc.get("title", "").startswith("Năm "):
            doc["title"] = f"Năm {match.group(1)} · {doc['title']}"
    return index


def install(site_dir: Path, glossary: Mapping[str, Term]) -> None:
    """Rewrite the built site's search files (run after Material wrote them)."""
    (site_dir / SCRIPT_TARGET).write_text(search_script(glossary), encoding="utf-8")
    index_path = site_dir / INDEX_TARGET
    index = label_years(json.loads(index_path.read_text(encoding="utf-8")))
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
