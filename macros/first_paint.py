"""Text first: Material's script is asked for once the page's text is on screen.

Material ends every page with a plain `<script src>` for its bundle, which the
browser fetches alongside the stylesheet and runs before it shows the page.
On a slow phone that script (35 KB compressed) stands between the reader and
the text, though nothing a reader reads needs it. The theme template
(overrides/main.html) drops that tag and inlines `bundle_loader.js` instead,
with the bundle's address, which Material's own template names: the loader
asks for the bundle after the first contentful paint and starts it.

The one thing Material's script did before the first paint that a reader
sees is the colours of a first visit on a phone set to dark;
`palette_start.js`, inlined after the header, does that now.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from macros.search import without_comments

LOADER = Path(__file__).with_name("bundle_loader.js")
PALETTE = Path(__file__).with_name("palette_start.js")
_BUNDLE = re.compile(r"""['"](assets/javascripts/bundle\.[0-9a-f]+\.min\.js)['"]""")


def bundle_path(theme_dirs: Sequence[str | Path]) -> str:
    """The bundle's address as the theme's base.html writes it (the first base.html of the theme's folders)."""
    for folder in theme_dirs:
        base = Path(folder) / "base.html"
        if base.is_file():
            found = set(_BUNDLE.findall(base.read_text(encoding="utf-8")))
            if len(found) != 1:
                raise ValueError(f"{base}: expected one Material bundle, found {sorted(found) or 'none'}")
            return found.pop()
    raise ValueError("no base.html in the theme's folders")


def loader_script() -> str:
    """The loader, inlined in every page, without its explanatory header."""
    return without_comments(LOADER.read_text(encoding="utf-8"))


def palette_script() -> str:
    """The first visit's colours, inlined in every page after the header, without its explanatory header."""
    return without_comments(PALETTE.read_text(encoding="utf-8"))
