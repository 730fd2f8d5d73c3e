"""The only module that knows about MkDocs and mkdocs-macros.

It validates everything before any page is rendered, turns editor errors into
a MkDocs `PluginError` (printed as a plain message, no traceback, and the
build stops before writing), sets the navigation, and registers the macros.
The logic lives in the plain modules beside it, so the site can move to
another generator by rewriting only this file.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any, Callable

from mkdocs.exceptions import PluginError

from macros.checks import check_year
from macros.editor_macros import EditorMacros, MacroError
from macros.errors import EditorErrors
from macros.navigation import site_nav
from macros import search
from macros.pages import check_pages
from macros.rendering import abbreviations
from macros.site_data import load_site

log = logging.getLogger("mkdocs.plugins.bao_cao")


def _reported(function: Callable[..., str]) -> Callable[..., str]:
    """Turn a macro's `MacroError` into a logged error (strict mode stops the build)."""
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        try:
            return function(*args, **kwargs)
        except MacroError as error:
            log.error(str(error))
            return '<strong class="loi-so-lieu">[thiếu số liệu]</strong>'
    return wrapper


def define_env(env: Any) -> None:
    """mkdocs-macros entry point: validate the data and pages, then register macros."""
    root = Path(env.project_dir)
    docs_dir = Path(env.conf["docs_dir"])
    try:
        site = load_site(root)
        errors = [error for data in site.years.values() for error in check_year(data)]
        macros = EditorMacros(site, lambda: env.page.file.src_uri)
        known = set(env.variables) | set(env.macros) | set(env.filters) | set(macros.functions())
        errors += check_pages(docs_dir, site, known)
        if errors:
            raise EditorErrors(errors)
    except EditorErrors as errors:
        raise PluginError(str(errors)) from None
    env.conf["nav"] = site_nav(site, docs_dir)
    env.variables["_bao_cao_macros"] = macros
    env.variables["_bao_cao_abbreviations"] = abbreviations(site.glossary)
    for name, function in macros.functions().items():
        env.macro(_reported(function), name)


def on_pre_page_macros(env: Any) -> None:
    """Give the theme the document metadata of the page's report (see overrides/main.html)."""
    banner = env.variables["_bao_cao_macros"].banner()
    if banner is not None:
        env.page.meta["bao_cao"] = banner


def on_post_page_macros(env: Any) -> None:
    """Explain every abbreviation of data/thuat-ngu.yml wherever it appears (Markdown abbr)."""
    env.markdown += "\n\n" + env.variables["_bao_cao_abbreviations"] + "\n"


def on_post_build(env: Any) -> None:
    """Install the Vietnamese search over the index Material has just written."""
    search.install(Path(env.conf["site_dir"]), env.variables["_bao_cao_macros"].site.glossary)
