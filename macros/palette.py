"""The part of Material's colour palette this site uses, to inline with its own styles.

Material links `palette.css` (every scheme and all of its primary and accent
colours) as a second render-blocking stylesheet whenever `theme.palette` is
set, which costs a phone one more request before the first paint. This site
uses one colour and the light and dark schemes: this module keeps only the
rules that can apply to them, which `overrides/main.html` inlines instead of
linking the file. Written against Material 9.8.2's `palette.*.min.css` (flat
rules and `@media` blocks; no other at-rules).

One rule of it is left out on purpose: `[data-md-color-switching] *`, which
stops transitions while the colours change. Material's script sets and then
removes that attribute on the body on every page load, not only when a
reader switches, and a rule that matches every element under it makes the
browser restyle the whole page twice before it is ready (measured on a
phone-speed processor: about 60 ms of 160 ms of style work). Without it, a
reader who switches light and dark sees links fade for an eighth of a
second instead of changing at once.

On a first visit (no choice stored), Material's script picks the light or
dark palette from the phone's setting, but that script comes at the end of
the page and a phone on a slow connection paints the text before it
arrives: in light colours, then dark. `palette_start.js`, which
`overrides/main.html` inlines after the header, makes that choice before
the first paint.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

from macros.fragments import BLOCK_COMMENT, compact_js

START = Path(__file__).with_name("palette_start.js")
_ATTRIBUTE = re.compile(r"\[data-md-color-(scheme|primary|accent)=([\w-]+)\]")
_EVERY_ELEMENT_WHILE_SWITCHING = "[data-md-color-switching]"


@dataclass(frozen=True)
class Palette:
    """Material's palette file (as the theme links it) and the rules of it this site uses."""

    file: str
    css: str
    script: str


def _blocks(css: str) -> list[tuple[str, str]]:
    """Top-level `prelude { body }` pairs of a stylesheet."""
    blocks, depth, start, prelude = [], 0, 0, ""
    for index, char in enumerate(css):
        if char == "{":
            if depth == 0:
                prelude, start = css[start:index].strip(), index + 1
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                blocks.append((prelude, css[start:index]))
                start = index + 1
    return blocks


def _used(selector: str, used: dict[str, set[str]]) -> bool:
    return _EVERY_ELEMENT_WHILE_SWITCHING not in selector and \
        all(value in used[kind] for kind, value in _ATTRIBUTE.findall(selector))


def subset(css: str, used: dict[str, set[str]]) -> str:
    """The rules of `css` whose palette attributes all name a scheme or colour in `used` (no switching rule)."""
    out = []
    for prelude, body in _blocks(BLOCK_COMMENT.sub("", css)):
        if prelude.startswith("@media"):
            inner = subset(body, used)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
            continue
        selectors = [selector for selector in prelude.split(",") if _used(selector, used)]
        if selectors:
            out.append(f"{','.join(selectors)}{{{body}}}")
    return "".join(out)


def used_colours(palettes: list[dict] | dict) -> dict[str, set[str]]:
    """The schemes and colours named by `theme.palette` (one palette, or a list of toggled ones)."""
    palettes = palettes if isinstance(palettes, list) else [palettes]
    used: dict[str, set[str]] = {"scheme": set(), "primary": set(), "accent": set()}
    for palette in palettes:
        for kind in used:
            if palette.get(kind):
                used[kind].add(str(palette[kind]).replace(" ", "-").lower())
    return used


@functools.lru_cache(maxsize=1)
def _read() -> tuple[str, str]:
    spec = importlib.util.find_spec("material")
    folder = Path(spec.origin).parent / "templates" / "assets" / "stylesheets"
    found = sorted(folder.glob("palette.*.min.css"))
    if len(found) != 1:
        raise FileNotFoundError(f"Material's palette stylesheet is not where expected: {folder}")
    return f"assets/stylesheets/{found[0].name}", found[0].read_text(encoding="utf-8")


def palette(palettes: list[dict] | dict) -> Palette:
    """Material's palette file name, the part of it `palettes` (`theme.palette`) uses, and the script that
    sets a first visit's colours."""
    file, css = _read()
    return Palette(file, subset(css, used_colours(palettes)), compact_js(START.read_text(encoding="utf-8")))
