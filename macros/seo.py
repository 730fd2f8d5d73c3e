"""Page descriptions for search engines and link previews, taken from the page itself.

Every page gets a unique meta description: its title followed by the start of
its first paragraph of text (headings, HTML blocks and lists are skipped).
A description or title an editor writes in front matter is kept, as text.
"""

from __future__ import annotations

import html
import re

LIMIT = 160


def first_paragraph(markdown: str) -> str:
    """The first paragraph of running text in rendered Markdown, as plain text."""
    for block in re.split(r"\n\s*\n", markdown):
        block = block.strip()
        if not block or block[0] in "#<-*+|!>[{" or re.match(r"\d+\.\s", block):
            continue
        plain = re.sub(r"<[^>]+>", "", block)
        plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", plain)
        plain = re.sub(r"[*_`]", "", html.unescape(plain))
        return re.sub(r"\s+", " ", plain).strip()
    return ""


def shorten(text: str, limit: int = LIMIT) -> str:
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def description(title: str, markdown: str) -> str:
    """"<title>: <start of the first paragraph>", attribute-safe."""
    body = first_paragraph(markdown)
    said = f"{title}: {body}" if body else title
    return html.escape(shorten(said), quote=True)
