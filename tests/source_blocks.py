"""Blocks of a source document written in a test, as macros/source_reader gives them."""

from __future__ import annotations

from macros.source_reader import Block, Paragraph, Span


def paragraph(text: str, bold: bool = False, heading: bool = False, line: int = 0) -> Paragraph:
    """One paragraph of a single span: bold, marked as a heading, starting on `line` of the source."""
    return Paragraph((Span(text, bold),), heading, line)


def blocks(*items: str | Block) -> list[Block]:
    """Blocks in order; a string is a plain paragraph."""
    return [paragraph(item) if isinstance(item, str) else item for item in items]
