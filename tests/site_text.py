"""What a citizen reads on a built page, read with a real HTML parser (BeautifulSoup).

`article_text` is the text of the page's article, block elements separated,
with site furniture left out (heading permalinks, the document banner, note
markers and the editorial notes themselves, which quote the source but are
not the report's own text). `page` and `text` give the tests a parsed page
and the plain text of any part of it.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from pathlib import Path

from bs4 import BeautifulSoup, NavigableString, Tag

BLOCKS = ["p", "li", "h1", "h2", "h3", "h4", "h5", "div", "ul", "ol", "aside", "table", "tr", "td", "th",
          "figure", "figcaption", "details", "summary", "blockquote"]
SKIPPED_CLASSES = {"headerlink", "van-ban-thong-tin", "ghi-chu-dau", "ghi-chu-bien-tap", "dia-chi-in", "ra-soat"}


def normalise(value: str) -> str:
    """NFC, one space for any run of whitespace (non-breaking spaces included)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def page(site: Path, address: str) -> BeautifulSoup:
    """The built page at `address` ("" for home, "2023/ket-qua-nhiem-vu-quyen-han"), parsed."""
    return parse((site / address / "index.html").read_text(encoding="utf-8"))


def text(element: Tag) -> str:
    """The text of an element (inline content: a cell, a label, a sentence), whitespace collapsed.

    A line break reads as a space ("ỦY BAN NHÂN DÂN<br>THÀNH PHỐ…").
    """
    pieces = [" " if isinstance(piece, Tag) else piece for piece in element.descendants
              if type(piece) is NavigableString or isinstance(piece, Tag) and piece.name == "br"]
    return normalise("".join(pieces))


def article(html: str | BeautifulSoup, skipped: set[str] = SKIPPED_CLASSES) -> Tag:
    """The page's article without site furniture (a copy: the page itself is unchanged)."""
    soup = parse(html) if isinstance(html, str) else html
    found = copy.copy(soup.select_one("article.md-content__inner"))
    for element in found.select(", ".join(f".{name}" for name in sorted(skipped))):
        element.decompose()
    for element in found.find_all(["br", *BLOCKS]):
        element.insert_before(" ")
        element.insert_after(" ")
    return found


def article_text(html: str | BeautifulSoup, skipped: set[str] = SKIPPED_CLASSES) -> str:
    return normalise(article(html, skipped).get_text())
