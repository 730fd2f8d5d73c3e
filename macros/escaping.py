"""Data text made inert for the page: no HTML, no Markdown, just the characters.

Every string that comes from data passes through here before it reaches a
page, so that a value such as "<script>" or "*bold*" typed into YAML is shown
as those characters and never runs or changes the page's formatting.
"""

from __future__ import annotations

import html

# Characters Markdown would act on inside text; written as entities they are inert.
_MARKDOWN_ACTIVE = {"\\": "&#92;", "*": "&#42;", "_": "&#95;", "`": "&#96;",
                    "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "#": "&#35;"}


def text(value: str) -> str:
    """Escape data text for a Markdown page (also valid inside HTML and SVG)."""
    escaped = html.escape(value, quote=True)
    return "".join(_MARKDOWN_ACTIVE.get(char, char) for char in escaped)


def attribute(value: str) -> str:
    """Escape data text for an HTML attribute value."""
    return html.escape(value, quote=True)
