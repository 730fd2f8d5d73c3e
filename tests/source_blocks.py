"""Source documents written in a test: as files an editor receives, or as the blocks macros/source_reader gives."""

from __future__ import annotations

from pathlib import Path

from macros.source_reader import Block, Paragraph, Span, Table


def paragraph(text: str, bold: bool = False, heading: bool = False, line: int = 0) -> Paragraph:
    """One paragraph of a single span: bold, marked as a heading, starting on `line` of the source."""
    return Paragraph((Span(text, bold),), heading, line)


def blocks(*items: str | Block) -> list[Block]:
    """Blocks in order; a string is a plain paragraph."""
    return [paragraph(item) if isinstance(item, str) else item for item in items]


def table(*rows: tuple, bold_rows: int = 1) -> Table:
    """Rows of cells ("" for an empty cell, a tuple for a cell of several paragraphs); the first rows bold."""
    def cell(value, bold: bool) -> tuple[Paragraph, ...]:
        lines = value if isinstance(value, tuple) else (value,) if value else ()
        return tuple(paragraph(line, bold) for line in lines)
    return Table(tuple(tuple(cell(value, r < bold_rows) for value in row) for r, row in enumerate(rows)))


def write(folder: Path, text: str, name: str = "bao-cao.txt", encoding: str = "utf-8") -> Path:
    """A report file as the editor received it: `text` in `folder`/`name`, in `encoding`."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path
