"""HTML and Markdown fragments of the report pages, made from Jinja templates.

Every fragment a macro puts on a page (a figure, a note, the document's
header, a card, a chart block, a table of contents…) is a template in
`macros/templates/`, rendered with autoescape. Data text reaches a page only
through a template expression, and one finalizer makes it inert there: HTML
escaped by MarkupSafe, then the characters Markdown or a page's Jinja would
act on (`* _ [ ] | { } # \\ ``) written as character references, so that a
value such as `<script>`, `*đậm*`, `a | b` or `{{ x }}` typed into YAML is
shown as those characters and can neither run nor change the page's layout
(a "|" cannot split a table row). Values made by the code (addresses,
anchors, fragments already rendered) are passed as `Markup` and kept as they
are.
"""

from __future__ import annotations

import functools
import html
import re
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

# Characters Markdown or a page's Jinja act on inside text, and those HTML does, each written as a reference.
_MARKDOWN = {char: f"&#{ord(char)};" for char in "\\*_`[]{}#|"}
_INERT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", **_MARKDOWN})
_MARKDOWN_ONLY = str.maketrans(_MARKDOWN)


def inert(value: Any) -> Any:
    """Data text made inert for HTML and Markdown; code-made `Markup` and non-text values unchanged.

    Line breaks become spaces: a fragment stays within its Markdown paragraph or table row.
    """
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(re.sub(r"\s*\n\s*", " ", value).translate(_INERT))


def markdown_inert(html: str) -> str:
    """HTML made elsewhere (a chart's SVG) whose text Markdown must leave alone: text between tags made inert."""
    return re.sub(r">([^<]+)<", lambda match: ">" + match.group(1).translate(_MARKDOWN_ONLY) + "<", html)


@functools.cache
def environment() -> Environment:
    return Environment(loader=PackageLoader("macros", "templates"), autoescape=True, finalize=inert,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)


def text_content(value: Any) -> Any:
    """Data text made safe as an HTML element's text, and only that: "&", "<" and ">" written as
    references, quotes and Markdown characters kept, so that the search reads the words as written."""
    if isinstance(value, Markup) or not isinstance(value, str):
        return value
    return Markup(html.escape(value, quote=False))


@functools.cache
def search_environment() -> Environment:
    """For the search index's HTML, which no Markdown reads and whose values are only element text."""
    return Environment(loader=PackageLoader("macros", "templates"), autoescape=True, finalize=text_content,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)


def _one_line(template: str, text: str) -> str:
    return re.sub(r">\s*\n\s*", ">", text).strip() if template.endswith(".html") else text.strip("\n")


def render(template: str, **values: Any) -> str:
    """A fragment from `macros/templates/<template>`; inline ones (.html) come back on one line."""
    return _one_line(template, environment().get_template(template).render(**values))


def render_for_search(template: str, **values: Any) -> str:
    """A search index entry's HTML from `macros/templates/<template>`, on one line."""
    return _one_line(template, search_environment().get_template(template).render(**values))


def document(template: str, **values: Any) -> str:
    """A whole HTML document from a template (the /moi-nhat/ address), laid out as written."""
    return environment().get_template(template).render(**values)


_CSS_STRING = re.compile(r"""("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')""")
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)  # in CSS and in JavaScript


def compact_css(css: str) -> str:
    """CSS without comments and needless white space (strings kept as written): it is inlined in every page."""
    parts = _CSS_STRING.split(BLOCK_COMMENT.sub("", css))
    for index in range(0, len(parts), 2):  # the even parts are outside strings
        compact = re.sub(r"\s+", " ", parts[index])
        compact = re.sub(r"\s*([{};,>])\s*", r"\1", compact)
        parts[index] = re.sub(r"\s*:\s*(?![^{}]*\{)", ":", compact).replace(";}", "}")
    return "".join(parts).strip()


def compact_js(script: str) -> str:
    """A script without its block comments and blank lines, for a page or a download: its explanatory header
    stays in the repository. (The site's scripts write no "/*" inside a string or a regular expression.)"""
    return "\n".join(line for line in BLOCK_COMMENT.sub("", script).splitlines() if line.strip())


@functools.cache
def stylesheet() -> str:
    """The site's own styles (`templates/bao-cao.css`), read as text (never parsed as a template), compacted."""
    return compact_css(resources.files("macros").joinpath("templates", "bao-cao.css").read_text(encoding="utf-8"))


def code(value: str) -> Markup:
    """A value made by the code, or validated to hold no markup (an address, an anchor, a data key, an
    already rendered fragment): kept as it is."""
    return Markup(value)
