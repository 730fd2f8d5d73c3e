"""What a citizen reads on a built page, as plain text.

A small HTML reader for the tests: the text of the page's article, with
block elements separated, and with site furniture left out (heading
permalinks, the document banner, note markers and the editorial notes
themselves, which quote the source but are not the report's own text).
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "div", "br", "ul", "ol", "aside", "span"}
VOID = {"br", "img", "hr", "input", "meta", "link"}
SKIPPED_CLASSES = {"headerlink", "van-ban-thong-tin", "ghi-chu-dau", "ghi-chu-bien-tap", "dia-chi-in", "ra-soat"}


def normalise(text: str) -> str:
    """NFC, one space for any run of whitespace (non-breaking spaces included)."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


class _ArticleText(HTMLParser):
    def __init__(self, skipped: set[str]) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped = skipped
        self.depth = 0          # depth inside <article>
        self.skip_depth = 0     # depth inside a skipped element
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            if self.depth and not self.skip_depth:
                self.parts.append(" ")
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self.depth = 1
            return
        if not self.depth:
            return
        self.depth += 1
        if self.skip_depth or classes & self.skipped:
            self.skip_depth += 1
        elif tag in BLOCKS and tag != "span":
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in VOID or not self.depth:
            return
        self.depth -= 1
        if self.skip_depth:
            self.skip_depth -= 1
        elif tag in BLOCKS and tag != "span":
            self.parts.append(" ")

    def handle_data(self, data):
        if self.depth and not self.skip_depth:
            self.parts.append(data)


def article_text(html: str, skipped: set[str] = SKIPPED_CLASSES) -> str:
    parser = _ArticleText(skipped)
    parser.feed(html)
    return normalise("".join(parser.parts))
