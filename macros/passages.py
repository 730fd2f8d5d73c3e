"""Passages: the pieces of a built page that search lands on, each with a stable anchor.

Material indexes a page as one entry per heading, so a search result for a
figure in a long section shows that section's first paragraph and a click
lands at its top. This module cuts a page's rendered content into passages
instead: every paragraph, list item and table row of the report's text gets
an anchor (`id="doan-12"`, "đoạn 12", numbered in page order, so a sealed
report keeps its anchors), very short neighbours are grouped into one entry,
and very long paragraphs get a marker (`doan-12-2`) at a sentence where an
entry may start. It also notes where each figure is first stated (the
figure's own anchor, the passage, the words around it), for the figure
answers of `figure_answers`.

It reads the built HTML with a real parser (BeautifulSoup) and gives back
the page as it was written, byte for byte, with only the anchors inserted
(re-serialising the parsed page would change its character references and
void tags).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from markupsafe import Markup

from macros.fragments import render

PREFIX = "doan-"
MARKER_CLASS = "doan-moc"
MARKER_NOTE = "ghi-chu-dau"
# Passages shorter than this are grouped with the next ones of the same list or block.
SHORT = 80
# A paragraph longer than this gets entry points at sentence ends, about this far apart.
LONG = 600
CHUNK = 320
_ARTICLE = "article.md-content__inner"
# Blocks that are not the report's running text: figure cards, charts and the home page's summaries
# (figure answers cover them), the theme's navigation and document header, banners and errata (added
# after publication: they must not renumber the passages), the page address printed on paper.
_SKIP_TAGS = {"figure", "nav"}
_SKIP_CLASSES = {"the-so-lieu", "bieu-do", "bieu-do__bang", "dia-chi-in", "md-source-file", "ra-soat",
                 "van-ban-thong-tin", "nhom-muc", "du-thao", "co-bao-cao-moi", "tom-tat-so-lieu", "dinh-chinh"}
# Words of the clause kept around a figure, on each side; where more of the clause is left out, an ellipsis
# says so (a quotation of the report must not pass for the whole of its clause).
CONTEXT_WORDS = 8
ELLIPSIS = "…"
_BLOCK_TAGS = {"p", "div", "br", "li", "td", "th", "ul", "ol", "dd", "dt"}
_NESTED = {"ul", "ol", "table"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=\S)")
_ENTITY_END = re.compile(r"&#?\w+;$")
_TAG_OR_TEXT = re.compile(r"(?P<tag><[^>]*>)|(?P<text>[^<]+)")
_VOID = re.compile(r"<(?:area|br|col|embed|hr|img|input|link|meta|source|track|wbr)\b", re.I)
# A clause ends at these marks; a full stop or colon between two digits is inside a number ("1.003", "7:30").
_CLAUSE_EDGE = re.compile(r"(?<!\d)[.:]|[.:](?!\d)|[;!?()\[\]…]|,\s")


@dataclass(frozen=True)
class Passage:
    """One search entry of a page: its anchor, the heading it stands under, its text."""

    anchor: str
    heading: str
    text: str


@dataclass(frozen=True)
class FigureSpot:
    """Where a page first states a figure: its anchor, the passage, and the clause around it."""

    key: str
    anchor: str
    passage: str
    context: str


@dataclass(frozen=True)
class CutPage:
    """A built page with its passage anchors added, its passages and its figures."""

    html: str
    title: str
    passages: list[Passage]
    figures: list[FigureSpot]


def _skipped(element: Tag) -> bool:
    return any(parent.name in _SKIP_TAGS or _SKIP_CLASSES.intersection(parent.get("class") or ())
               for parent in [element, *element.parents])


def _blocks(article: Tag) -> list[Tag]:
    """The article's passages in page order: paragraphs, leaf list items, table rows with cells."""
    found = []
    for element in article.find_all(["p", "li", "tr"]):
        if _skipped(element):
            continue
        if element.name == "li" and element.find("p"):
            continue  # its paragraphs are the passages
        if element.name == "tr" and not element.find("td"):
            continue
        text = _own_text(element)
        links = " ".join(_own_text(link) for link in element.find_all("a") if not _nested(link, element))
        if text and text != links:
            found.append(element)  # a list of links only (a table of contents) is navigation, not text
    return found


def _nested(node: Tag | NavigableString, element: Tag) -> bool:
    """Whether `node` is in a list or table inside `element`: those items and rows are passages of their own."""
    for parent in node.parents:
        if parent is element:
            return False
        if parent.name in _NESTED:
            return True
    return False


def _own_text(element: Tag) -> str:
    """The element's words, without those of the lists and tables it holds."""
    words = (str(node) for node in element.descendants
             if isinstance(node, NavigableString) and not _nested(node, element))
    return re.sub(r"\s+", " ", "".join(words)).strip()


def _heading_text(heading: Tag) -> str:
    """A heading's words, its lines ("TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH") kept apart, without its "¶" link."""
    return re.sub(r"\s+", " ", heading.get_text(" ")).strip().removesuffix("¶").strip()


def _heading_before(element: Tag, title: str) -> str:
    heading = element.find_previous(_HEADINGS)
    return _heading_text(heading) if heading is not None else title


def _offsets(page: str) -> list[int]:
    """Where each line of the page starts (BeautifulSoup locates tags by line and column)."""
    starts, at = [0], 0
    for line in page.splitlines(keepends=True):
        at += len(line)
        starts.append(at)
    return starts


def _sentence_marks(page: str, start: int, name: str, anchor: str, total: int) -> list[tuple[int, str]]:
    """Where a long paragraph's further entries start: sentence ends in its own text (not inside a link or
    a figure), about CHUNK characters apart, each marked with an empty `<span id="doan-12-2">`."""
    body = page.index(">", start) + 1
    end = page.index(f"</{name}>", body)
    marks, depth, length, since = [], 0, 0, 0
    for match in _TAG_OR_TEXT.finditer(page, body, end):
        tag = match.group("tag")
        if tag:
            closing, void = tag.startswith("</"), _VOID.match(tag)
            depth += -1 if closing else 0 if void else 1
            continue
        text = match.group("text")
        for boundary in _SENTENCE_END.finditer(text) if depth == 0 else ():
            at = length + boundary.end()
            if _ENTITY_END.search(text, 0, boundary.start()):
                continue  # the ";" of "&quot;" ends a reference, not a sentence
            if at - since >= CHUNK and total - at >= SHORT:
                number = len(marks) + 2
                marks.append((match.start("text") + boundary.end(),
                              render("passage-marker.html", anchor=f"{anchor}-{number}", marker=MARKER_CLASS)))
                since = at
        length += len(text)
    return marks


def _anchored(page: str, article: Tag) -> tuple[str, list[str]]:
    """The page with an anchor on each passage and markers in long ones (inserted into the page as written,
    which is otherwise kept byte for byte), and the anchors in page order."""
    starts, edits, anchors = _offsets(page), [], []
    for number, element in enumerate(_blocks(article), start=1):
        start = starts[element.sourceline - 1] + element.sourcepos
        anchor = element.get("id")
        if not anchor:
            anchor = f"{PREFIX}{number}"
            edits.append((start + 1 + len(element.name), str(Markup(' id="{}"').format(anchor))))
        anchors.append(anchor)
        length = len(_own_text(element))
        if element.name in ("p", "li") and length > LONG:
            edits.extend(_sentence_marks(page, start, element.name, anchor, length))
    for at, text in sorted(edits, reverse=True):
        page = page[:at] + text + page[at:]
    return page, anchors


def _pieces(element: Tag, anchor: str) -> list[tuple[str, str]]:
    """The paragraph's text cut at its markers: (anchor, text) for each entry."""
    pieces, current, parts = [], anchor, []
    for node in element.descendants:
        if isinstance(node, Tag) and MARKER_CLASS in node.get("class", []):
            pieces.append((current, "".join(parts)))
            current, parts = node["id"], []
        elif isinstance(node, Tag) and node.name in _BLOCK_TAGS:
            parts.append(" ")  # the text of separate blocks stays apart
        elif isinstance(node, NavigableString) and not _aside(node) and not _nested(node, element):
            parts.append(str(node))
    pieces.append((current, "".join(parts)))
    return [(name, re.sub(r"\s+", " ", text).strip()) for name, text in pieces if text.strip()]


def _aside(node: NavigableString) -> bool:
    """Text that is not the report's: the "[ghi chú]" link to an editorial note (the note is a passage)."""
    return any(MARKER_NOTE in (parent.get("class") or ()) for parent in node.parents)


def _context(spot: Tag, passage: Tag) -> str:
    """The clause of the passage that states the figure: from the last clause edge before it to the next after,
    at most `CONTEXT_WORDS` on each side, with an ellipsis where words of the clause are left out."""
    before = "".join(_text_before(spot, passage))
    after = "".join(_text_after(spot, passage))
    start = max((match.end() for match in _CLAUSE_EDGE.finditer(before)), default=0)
    end = next((match.start() for match in _CLAUSE_EDGE.finditer(after)), len(after))
    clause_before, clause_after = before[start:].split(), after[:end].split()
    words_before, words_after = clause_before[-CONTEXT_WORDS:], clause_after[:CONTEXT_WORDS]
    context = " ".join([*words_before, _own_text(spot), *words_after])
    cut_before, cut_after = len(clause_before) > len(words_before), len(clause_after) > len(words_after)
    return (f"{ELLIPSIS} " if cut_before else "") + context + (ELLIPSIS if cut_after else "")


def _text_before(spot: Tag, passage: Tag) -> list[str]:
    parts = []
    for node in spot.previous_elements:
        if node is passage:
            break
        if isinstance(node, NavigableString) and not _aside(node):
            parts.append(str(node))
    return parts[::-1]


def _text_after(spot: Tag, passage: Tag) -> list[str]:
    parts, inside = [], {id(node) for node in spot.descendants}
    for node in spot.next_elements:
        if not any(parent is passage for parent in node.parents):
            break
        if isinstance(node, NavigableString) and id(node) not in inside and not _aside(node):
            parts.append(str(node))
    return parts


def cut(page: str) -> CutPage | None:
    """The page with passage anchors added, its passages (short ones grouped) and its figures' first mentions.

    None for a page without an article (a redirect).
    """
    article = BeautifulSoup(page, "html.parser").select_one(_ARTICLE)
    if article is None:
        return None
    page, anchors = _anchored(page, article)
    article = BeautifulSoup(page, "html.parser").select_one(_ARTICLE)
    h1 = article.find("h1")
    title = _heading_text(h1) if h1 is not None else ""
    entries: list[tuple[Tag, Passage]] = []
    figures: list[FigureSpot] = []
    for anchor in anchors:
        element = article.find(id=anchor)
        heading = _heading_before(element, title)
        for name, text in _pieces(element, anchor):
            entries.append((element, Passage(name, heading, text)))
        for spot in element.select("span.so-lieu[id][data-khoa]"):
            figures.append(FigureSpot(spot["data-khoa"], spot["id"], anchor, _context(spot, element)))
    return CutPage(page, title, _grouped(entries), figures)


def _grouped(entries: list[tuple[Tag, Passage]]) -> list[Passage]:
    """Very short passages joined with the next ones of the same parent, under the first one's anchor."""
    grouped: list[Passage] = []
    pending: list[tuple[Tag, Passage]] = []
    for element, passage in entries:
        if pending and (element.parent is not pending[0][0].parent or passage.heading != pending[0][1].heading):
            grouped.append(_join(pending))
            pending = []
        pending.append((element, passage))
        if sum(len(item.text) for _, item in pending) >= SHORT:
            grouped.append(_join(pending))
            pending = []
    if pending:
        grouped.append(_join(pending))
    return grouped


def _join(pending: list[tuple[Tag, Passage]]) -> Passage:
    first = pending[0][1]
    return Passage(first.anchor, first.heading, " · ".join(item.text for _, item in pending))
