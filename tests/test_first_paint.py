"""Text first: Material's script is asked for after the first paint, and still starts (macros/first_paint.py)."""

from __future__ import annotations

import posixpath
import re

import pytest
from bs4 import BeautifulSoup

from macros.first_paint import bundle_path
from tests.browser import open_page

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
PAGES = ("index.html", "2023/index.html", "2023/ket-qua-nhiem-vu-quyen-han/index.html", "2023/ban-in/index.html",
         "404.html")
DARK, LIGHT = "rgb(30, 33, 41)", "rgb(255, 255, 255)"


def test_the_bundle_is_named_as_the_themes_base_template_names_it(tmp_path):
    (tmp_path / "overrides").mkdir()
    (tmp_path / "theme").mkdir()
    (tmp_path / "theme" / "base.html").write_text(
        "<script src=\"{{ 'assets/javascripts/bundle.0a1b2c3d.min.js' | url }}\"></script>", encoding="utf-8")
    assert bundle_path([tmp_path / "overrides", tmp_path / "theme"]) == "assets/javascripts/bundle.0a1b2c3d.min.js"


@pytest.mark.parametrize("text", ["<p>no script</p>",
                                  "'assets/javascripts/bundle.0a1b.min.js' 'assets/javascripts/bundle.9f9f.min.js'"])
def test_a_theme_without_exactly_one_bundle_stops_the_build(tmp_path, text):
    (tmp_path / "base.html").write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="bundle"):
        bundle_path([tmp_path])


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_bundle_tag_and_the_loader_names_a_file_that_exists(built_site, path):
    soup = BeautifulSoup((built_site / path).read_text(encoding="utf-8"), "html.parser")
    assert not [tag for tag in soup.find_all("script", src=True) if BUNDLE.search("/" + tag["src"])]
    loaders = soup.find_all("script", attrs={"data-bundle": True})
    assert len(loaders) == 1 and BUNDLE.search("/" + loaders[0]["data-bundle"])
    # 404.html is served at any depth: its addresses start from the site's root ("/assets/…").
    address = posixpath.normpath(posixpath.join(posixpath.dirname("/" + path), loaders[0]["data-bundle"]))
    assert (built_site / address.lstrip("/")).is_file()


def test_the_text_is_painted_before_the_bundle_is_asked_for(browser, site_url):
    page = browser.new_page()
    open_page(page, site_url + "2023/ket-qua-nhiem-vu-quyen-han/")
    paint, asked = page.evaluate("""() => [
        performance.getEntriesByName('first-contentful-paint')[0].startTime,
        performance.getEntriesByType('resource').filter(entry => /bundle\\.[0-9a-f]+\\.min\\.js$/.test(entry.name))
          .map(entry => entry.startTime)]""")
    page.close()
    assert len(asked) == 1 and asked[0] > paint


def test_material_starts_once_when_its_script_comes_after_the_page_is_parsed(browser, site_url):
    page = browser.new_page(color_scheme="light")
    open_page(page, site_url + "2023/")
    # Started: Material shows the one toggle of the current palette; it starts on DOMContentLoaded,
    # which the page announced again for it, so a second start would toggle twice per click.
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    assert toggle.count() == 1 and toggle.get_attribute("title") == "Chuyển sang nền tối"
    toggle.click()
    page.wait_for_function(f"() => getComputedStyle(document.body).backgroundColor === {DARK!r}")
    assert page.locator("form[data-md-component=palette] label:not([hidden])").get_attribute(
        "title") == "Chuyển sang nền sáng"
    page.close()


def test_without_paint_timing_the_bundle_comes_on_the_load_event(browser, site_url):
    page = browser.new_page()
    page.add_init_script("Object.defineProperty(window, 'PerformanceObserver', {value: undefined})")
    open_page(page, site_url + "2023/")
    load, asked = page.evaluate("""() => [performance.getEntriesByType('navigation')[0].loadEventStart,
        performance.getEntriesByType('resource').filter(entry => /bundle\\.[0-9a-f]+\\.min\\.js$/.test(entry.name))
          .map(entry => entry.startTime)]""")
    page.close()
    assert len(asked) == 1 and asked[0] >= load


@pytest.mark.parametrize(("scheme", "background"), [("dark", DARK), ("light", LIGHT)])
def test_a_first_visit_has_the_phones_colours_before_materials_script(browser, site_url, scheme, background):
    page = browser.new_page(color_scheme=scheme)
    page.route(BUNDLE, lambda route: route.abort())
    page.goto(site_url + "2023/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    page.close()


def test_a_stored_choice_of_colours_wins_over_the_phones_setting(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    open_page(page, site_url + "2023/")
    page.get_by_title("Chuyển sang nền sáng").click()  # stored by Material
    page.wait_for_function(f"() => getComputedStyle(document.body).backgroundColor === {LIGHT!r}")
    page.route(BUNDLE, lambda route: route.abort())
    page.goto(site_url + "2023/ket-qua-nhiem-vu-quyen-han/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == LIGHT
    context.close()
