"""Security headers a static host cannot send, written into every built page.

GitHub Pages serves files without custom headers, so the site carries its
policy in the page itself: a Content-Security-Policy that allows only this
origin (inline scripts of the theme and the site's inlined stylesheet are
allowed by their SHA-256 hashes, computed from the built page; nothing else
inline runs) and a referrer
policy that sends no address to other sites.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from macros.fragments import code, render

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:(?!\bsrc=)[^>])*)>(?P<body>.*?)</script>", re.S)
_INLINE_STYLE = re.compile(r"<style[^>]*>(?P<body>.*?)</style>", re.S)
_DATA_TYPE = re.compile(r'\btype="(?!text/javascript|module)[^"]+"')


def script_hashes(page: str) -> list[str]:
    """CSP hash sources of the page's inline scripts that a browser would run."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(page):
        if _DATA_TYPE.search(match.group("attrs")):
            continue  # JSON data blocks are not executed
        source = _hash(match.group("body"))
        if source not in hashes:
            hashes.append(source)
    return hashes


def style_hashes(page: str) -> list[str]:
    """CSP hash sources of the page's inline style elements."""
    return sorted({_hash(match.group("body")) for match in _INLINE_STYLE.finditer(page)})


def _hash(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


def policy(page: str) -> str:
    scripts = " ".join(["'self'", *script_hashes(page)])
    styles = " ".join(["'self'", *style_hashes(page)])
    return ("default-src 'self'; "
            f"script-src {scripts}; "
            f"style-src {styles}; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")


def protect(page: str) -> str:
    """The page with its policy and referrer meta tags right after the charset."""
    if 'http-equiv="Content-Security-Policy"' in page:
        return page
    tags = render("security.html", policy=code(policy(page)))
    return re.sub(r'(<meta charset="utf-8">)', lambda match: match.group(1) + tags, page, count=1)


def protect_site(site_dir: Path) -> None:
    for path in site_dir.rglob("*.html"):
        page = path.read_text(encoding="utf-8")
        path.write_text(protect(page), encoding="utf-8")
