"""The only module that calls MkDocs and mkdocs-macros.

It validates everything before any page is rendered, turns editor errors into
a MkDocs `PluginError` (printed as a plain message, no traceback, and the
build stops before writing), sets the navigation and leaves draft years out,
registers the macros, gives the theme its per-page context and finishes the
built site. The README's "Architecture" section lists what the other modules
assume of MkDocs and Material (the navigation's shape, the search index and
worker, the theme's classes): moving to another generator means rewriting
this file and those named parts, not the data, checks or rendering.
"""

from __future__ import annotations

import functools
import html
import logging
from pathlib import Path
from typing import Any, Callable

import pathspec
from mkdocs.exceptions import PluginError

from macros import anchors, fragments, open_data, search, security, seo
from macros.editor_macros import BuildContext, EditorMacros, PageState
from macros.errors import EditorErrors
from macros.lookup import Missing
from macros.navigation import site_nav
from macros.page_context import page_context
from macros.palette import palette
from macros.rendering import abbreviations, report_name
from macros.validation import validate

log = logging.getLogger("mkdocs.plugins.bao_cao")


def _reported(function: Callable[..., str], page: Callable[[], str]) -> Callable[..., str]:
    """Turn what a macro cannot find into a logged error naming the page (strict mode stops the build)."""
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> str:
        try:
            return function(*args, **kwargs)
        except Missing as missing:
            log.error("docs/%s: %s", page(), missing)
            return fragments.render("macro-error.html")
    return wrapper


def _is_preview(env: Any) -> bool:
    """`make xem-truoc` (or `make serve`) sets BAO_CAO_XEM_TRUOC=1 (extra.xem_truoc): drafts are shown."""
    return str(env.conf["extra"].get("xem_truoc", "")).lower() in ("1", "true", "yes")


def _exclude_drafts(env: Any, years: list[int]) -> None:
    """Leave draft years' pages out of the built site: MkDocs' own `draft_docs`."""
    spec = pathspec.gitignore.GitIgnoreSpec.from_lines([f"/{year}/" for year in years])
    current = env.conf.get("draft_docs")
    env.conf["draft_docs"] = current + spec if current else spec


def _validated(env: Any, preview: bool) -> EditorMacros:
    """Check everything before rendering (see `validation`); editor errors stop the build as `PluginError`."""
    root, docs_dir = Path(env.project_dir), Path(env.conf["docs_dir"])
    try:
        checked = validate(root, docs_dir, preview)
    except EditorErrors as errors:
        raise PluginError(str(errors)) from None
    for notice in checked.notices:
        log.info(notice)
    build = BuildContext(docs_dir=docs_dir, site_url=env.conf.get("site_url") or "",
                         licence=str(env.conf["extra"].get("giay_phep_du_lieu", "")),
                         render=lambda markdown: env.env.from_string(markdown).render(**env.variables),
                         uses=tuple(checked.uses))
    return EditorMacros(checked.site, preview, build)


def define_env(env: Any) -> None:
    """mkdocs-macros entry point: validate the data and pages, then register macros."""
    preview = _is_preview(env)
    macros = _validated(env, preview)
    drafts = [data for data in macros.site.years.values() if not data.published]
    if not preview:
        _exclude_drafts(env, [data.year for data in drafts])
    env.conf["nav"] = site_nav(macros.years(), Path(env.conf["docs_dir"]))
    env.conf["mdx_configs"].setdefault("toc", {})["slugify"] = anchors.heading_id
    env.conf["extra"]["bao_cao_css"] = fragments.stylesheet()
    env.conf["extra"]["bao_cao_search_loader"] = search.loader_script()
    env.conf["extra"]["bao_cao_palette"] = palette(env.conf["theme"]["palette"])
    env.variables["_bao_cao_macros"] = macros
    env.variables["_bao_cao_abbreviations"] = abbreviations(macros.site.glossary)
    for name, function in macros.functions().items():
        env.macro(_reported(function, lambda: macros.page.path), name)


def on_pre_page_macros(env: Any) -> None:
    """Give the theme what it shows around the page (see overrides/main.html)."""
    macros = env.variables["_bao_cao_macros"]
    macros.page = PageState(env.page.file.src_uri, env.page.url)
    for key in ("title", "description"):  # written by editors in front matter: text, never HTML
        if isinstance(env.page.meta.get(key), str):
            env.page.meta[key] = html.escape(env.page.meta[key], quote=True)
    env.page.meta["bao_cao_trang"] = page_context(macros.site, macros.years(), macros.page.path,
                                                  macros.page.url, macros.preview)


def on_post_page_macros(env: Any) -> None:
    """Explain every abbreviation of data/thuat-ngu.yml wherever it appears (Markdown abbr)."""
    if "description" not in env.page.meta:
        title = env.page.meta["bao_cao_trang"].get("tieu_de_trang") or env.page.title or env.conf["site_name"]
        env.page.meta["description"] = seo.description(html.unescape(str(title)), env.markdown)
    env.markdown += "\n\n" + env.variables["_bao_cao_abbreviations"] + "\n"


def on_post_build(env: Any) -> None:
    """Install the Vietnamese search, and the /moi-nhat/ address of the newest report."""
    macros = env.variables["_bao_cao_macros"]
    site_dir = Path(env.conf["site_dir"])
    search.install(site_dir, macros.site.glossary, macros.years())
    open_data.write(Path(env.project_dir), site_dir, macros.years())
    site_url = env.conf.get("site_url") or ""
    (site_dir / "robots.txt").write_text(
        "User-agent: *\nAllow: /\n" + (f"Sitemap: {site_url}sitemap.xml\n" if site_url else ""), encoding="utf-8")
    latest = macros.site.latest()
    if latest is not None:
        (site_dir / "moi-nhat").mkdir(exist_ok=True)
        redirect = fragments.document("moi-nhat.html", target=f"../{latest.year}/", name=report_name(latest),
                                      site_name=env.conf["site_name"])
        (site_dir / "moi-nhat" / "index.html").write_text(redirect, encoding="utf-8")
    security.protect_site(site_dir)
