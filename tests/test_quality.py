"""Quality gates on the built site: security policy, page metadata, links, privacy."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.security import script_hashes, style_hashes
from tests.browser import serve
from tests.conftest import GENERATOR, SITE_URL
from tests.site_text import parse, text


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def address(site: Path, path: Path) -> str:
    """The site-relative URL of a built file ("2023/" for 2023/index.html)."""
    relative = path.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def soup(path: Path) -> BeautifulSoup:
    return parse(path.read_text(encoding="utf-8"))


# -- Security ---------------------------------------------------------------

def test_every_page_allows_only_this_origin(built_site):
    for path in pages(built_site):
        html = path.read_text(encoding="utf-8")
        head = parse(html).head
        policy = head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert "default-src 'self'" in policy and "object-src 'none'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy and "http" not in policy
        for source in script_hashes(html) + style_hashes(html):
            assert source in policy, (path, source)
        assert head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


def test_no_inline_event_handlers(built_site):
    for path in pages(built_site):
        for tag in soup(path).find_all(True):
            handlers = [name for name in tag.attrs if name.startswith("on")]
            assert not handlers, (path, tag.name, handlers)


def test_pages_run_under_the_policy_without_violations(built_site, browser):
    with serve(built_site) as url:
        page = browser.new_page()
        violations: list[str] = []
        page.on("console", lambda message: violations.append(message.text)
                if "Content Security Policy" in message.text else None)
        for target in ("", "2023/", "2023/ket-qua-nhiem-vu-quyen-han/", "thuat-ngu/", "404.html"):
            page.goto(url + target)
            page.wait_for_load_state("networkidle")
        from tests.browser import search
        assert search(page, "ngan sach"), "search must still work under the policy"
        page.close()
    assert violations == []


@pytest.mark.site
def test_html_in_front_matter_is_shown_as_text(project):
    project.edit("docs/thuat-ngu.md", "---\nsearch:", '---\ntitle: "<script>alert(1)</script> Thuật ngữ"\n'
                 'description: "\\"><script>alert(2)</script>"\nsearch:')
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    page = soup(project.root / "site/thuat-ngu/index.html")
    assert not [script for script in page.find_all("script") if "alert(" in script.get_text()]
    assert page.find("meta", attrs={"name": "description"})["content"] == '"><script>alert(2)</script>'
    assert text(page.title).startswith("<script>alert(1)</script> Thuật ngữ")


# -- Metadata ---------------------------------------------------------------

def test_titles_and_descriptions_are_unique_and_present(built_site):
    titles, descriptions = {}, {}
    for path in pages(built_site):
        if path.name == "404.html" or path.parent.name == "moi-nhat":
            continue
        head = soup(path).head
        title = text(head.title)
        description = head.find("meta", attrs={"name": "description"})["content"]
        assert title and description, path
        assert title not in titles, (path, titles.get(title))
        assert description not in descriptions, (path, descriptions.get(description))
        titles[title], descriptions[description] = path, path


def test_every_page_has_canonical_address_open_graph_and_vietnamese(built_site):
    for path in pages(built_site):
        if path.name == "404.html" or path.parent.name == "moi-nhat":
            continue
        page = soup(path)
        assert page.html["lang"] == "vi", path
        assert page.head.find("link", rel="canonical")["href"] == f"{SITE_URL}{address(built_site, path)}", path
        properties = {meta["property"]: meta["content"] for meta in page.head.find_all("meta", property=True)}
        assert properties["og:locale"] == "vi_VN" and properties["og:url"] == f"{SITE_URL}{address(built_site, path)}"
        assert properties["og:title"] and properties["og:description"] and properties["og:site_name"], path


def test_sitemap_and_robots(built_site):
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}2023/ket-qua-nhiem-vu-quyen-han/</loc>" in sitemap
    assert (built_site / "robots.txt").read_text(encoding="utf-8") == \
        f"User-agent: *\nAllow: /\nSitemap: {SITE_URL}sitemap.xml\n"


def test_a_vietnamese_404_page_with_search_and_a_way_home(built_site):
    page = soup(built_site / "404.html")
    assert text(page.select_one("article h1")) == "Không tìm thấy trang (lỗi 404)"
    assert page.find("a", string="Về trang chủ")["href"] == SITE_URL
    assert page.find("a", string="Báo cáo mới nhất")["href"] == f"{SITE_URL}moi-nhat/"
    assert page.select_one("input.md-search__input") is not None


def test_the_accessibility_statement_is_published(built_site):
    said = text(soup(built_site / "tuyen-bo-tiep-can/index.html").select_one("article"))
    assert "Tuyên bố về khả năng tiếp cận" in said and "axe-core" in said and "Báo lỗi" in said


def test_the_site_is_built_by_the_chosen_generator(built_site):
    """`make test GENERATOR=properdocs` (the CI's second job) really builds with ProperDocs."""
    generator = soup(built_site / "index.html").find("meta", attrs={"name": "generator"})["content"]
    expected = {"mkdocs": "mkdocs-1.6.1, ", "properdocs": "mkdocs-ProperDocs 1.6.7, "}[GENERATOR]
    assert generator == expected + "mkdocs-material-9.8.2"


# -- Links -------------------------------------------------------------------

def _ids(page: BeautifulSoup) -> set[str]:
    return {tag["id"] for tag in page.find_all(id=True)} | {tag["name"] for tag in page.find_all("a", attrs={"name": True})}


def test_every_internal_link_and_anchor_resolves(built_site):
    cache: dict[Path, set[str]] = {}
    broken, checked, anchors = [], 0, 0
    for path in pages(built_site):
        if path.name == "404.html":
            continue  # its links are absolute, for any depth
        base = address(built_site, path)
        for tag in soup(path).find_all(["a", "link"], href=True):
            href = tag["href"]
            if re.match(r"^(?:[a-z]+:|//)", href) or tag.name == "link" and "canonical" in tag.get("rel", []):
                continue
            target, _, anchor = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(base) if not base.endswith("/") else base,
                                                         target)) if target else base.rstrip("/")
            file = built_site / resolved
            if file.is_dir() or target.endswith("/") or not target:
                file = (built_site / resolved / "index.html") if (built_site / resolved).is_dir() else path
            checked += 1
            if not file.is_file():
                broken.append((address(built_site, path), href))
                continue
            if anchor and file.suffix == ".html":
                anchors += 1
                ids = cache.setdefault(file, _ids(soup(file)))
                if anchor not in ids:
                    broken.append((address(built_site, path), href))
    assert broken == [] and checked > 300 and anchors > 50, (checked, anchors)


# -- Privacy -----------------------------------------------------------------

def test_no_page_asks_another_host_for_anything_and_no_cookies(built_site, browser):
    with serve(built_site) as url:
        context = browser.new_context()
        requested: set[str] = set()
        context.on("request", lambda request: requested.add(request.url))
        page = context.new_page()
        for path in pages(built_site):
            if path.parent.name == "moi-nhat":
                continue
            page.goto(url + address(built_site, path))
            page.wait_for_load_state("networkidle")
        page.goto(url + "moi-nhat/")
        page.wait_for_url("**/2023/")
        cookies = context.cookies()
        context.close()
    others = sorted(request for request in requested if not request.startswith(url))
    assert others == [] and cookies == []
    assert len(requested) > len(pages(built_site))
