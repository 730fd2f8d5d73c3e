"""Every built page checked by the W3C Nu Html Checker, a validator we did not write.

vnu-jar is pinned in tools/package.json and runs on Java (the Makefile
installs Debian's default-jre-headless where it is missing). Our own markup
must give no message at all; the theme's few known ones are listed below,
each with why it stays, so that anything new fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VNU = ROOT / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# Messages from Material 9.8's own templates, which only a fork of base.html could change.
THEME_ERRORS = {
    # base.html: `autocomplete="off"` on the drawer and search toggles (checkboxes), so that
    # Firefox does not restore an open drawer on "back"; harmless, and browsers ignore it elsewhere.
    r"^Attribute “autocomplete” is only allowed when the input type is ":
        {'type="checkbox" id="__drawer"', 'type="checkbox" id="__search"'},
    # partials/toc.html: the table of contents' title labels the phone-menu toggle `__toc`, which
    # Material renders only on pages whose navigation item has a table of contents.
    r"^The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control\.$":
        {'<label class="md-nav__title" for="__toc">'},
}
# The checker evaluates the Content-Security-Policy meta tag for pages read from file: URLs
# (so 'self' matches nothing) and does not check sha256 sources; Chromium enforces the policy
# and test_quality.py's browser test sees no violation.
POLICY_NOTICE = re.compile(r"^(Inline (script|style)|Resource) violates Content Security Policy \(meta tag\)")


def messages(*folders: Path) -> list[dict]:
    java = shutil.which("java")
    assert java and VNU.is_file(), "Run `make test`: it installs Java and tools/node_modules (vnu-jar)"
    result = subprocess.run([java, "-jar", str(VNU), "--format", "json", "--skip-non-html", *map(str, folders)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


@pytest.fixture(scope="module")
def checked(built_site: Path, preview_site: Path) -> list[dict]:
    return messages(built_site, preview_site)


def theme_error(message: dict) -> bool:
    return any(re.search(pattern, message["message"]) and any(mark in message.get("extract", "") for mark in marks)
               for pattern, marks in THEME_ERRORS.items())


def described(message: dict) -> str:
    return f'{message.get("url", "")}:{message.get("lastLine", "")}: {message["message"]} [{message.get("extract", "")}]'


def test_every_page_was_checked(checked, built_site):
    """A checker that read nothing would report nothing: the site's pages must all be there."""
    assert len(list(built_site.rglob("*.html"))) >= 15
    assert not [m for m in checked if m["type"] == "non-document-error"], [described(m) for m in checked]


def test_our_markup_has_no_error_or_warning(checked):
    ours = [m for m in checked if not theme_error(m) and not POLICY_NOTICE.search(m["message"])]
    assert ours == [], "\n".join(described(m) for m in ours)


def test_the_theme_errors_are_still_there(checked):
    """When Material fixes one, its entry above goes: the list names only what still happens."""
    for pattern, _ in THEME_ERRORS.items():
        assert any(re.search(pattern, m["message"]) for m in checked), pattern


def test_the_checker_finds_a_planted_error(tmp_path):
    """The same call reports an error in a page that has one (an aria-label on a plain div)."""
    (tmp_path / "index.html").write_text('<!doctype html><html lang="vi"><head><title>x</title></head>'
                                          '<body><div aria-label="Kết quả">x</div></body></html>', encoding="utf-8")
    found = messages(tmp_path)
    assert [m["type"] for m in found] == ["error"] and "aria-label" in found[0]["message"]
