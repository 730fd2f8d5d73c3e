"""Styles inlined in every page: compacted, and only the colours the site uses kept from Material's palette."""

from __future__ import annotations

import re

import pytest

from macros.fragments import compact_css
from macros.palette import palette, subset, used_colours
from macros.search import loader_script

USED = {"scheme": {"default", "slate"}, "primary": {"indigo"}, "accent": {"indigo"}}
CSS = ("/* comment */[data-md-color-scheme=slate]{color-scheme:dark}"
       "[data-md-color-primary=red]{--p:red}[data-md-color-primary=indigo]{--p:#4051b5}"
       "[data-md-color-primary=black],[data-md-color-primary=indigo] .x{--q:1}"
       "@media screen{[data-md-color-primary=white] .t{a:b}}"
       "@media screen and (min-width:60em){[data-md-color-accent=indigo] .s{c:d}[data-md-color-accent=red] .s{e:f}}"
       "[data-md-color-scheme=slate][data-md-color-primary=pink]{g:h}[data-md-color-switching] *{i:j}")


def test_compacted_css_keeps_strings_and_selectors():
    css = """/* The list markers. */
.md-typeset ul > li {
  list-style-type: "- ";   /* a dash, then a space */
}
.a :hover, .b  span + span::before { content: " · " ; margin : 0 1px }
@media screen and (min-width: 60em) { .c { color : red ; } }
"""
    assert compact_css(css) == ('.md-typeset ul>li{list-style-type:"- "}'
                                '.a :hover,.b span + span::before{content:" · ";margin:0 1px}'
                                "@media screen and (min-width: 60em){.c{color:red}}")


def test_the_inlined_search_loader_has_no_header_comment():
    script = loader_script()
    assert script.startswith("(function () {") and "/*" not in script.split("\n")[0]


def test_rules_for_other_colours_are_dropped():
    assert subset(CSS, USED) == (
        "[data-md-color-scheme=slate]{color-scheme:dark}[data-md-color-primary=indigo]{--p:#4051b5}"
        "[data-md-color-primary=indigo] .x{--q:1}"
        "@media screen and (min-width:60em){[data-md-color-accent=indigo] .s{c:d}}")


def test_the_rule_that_restyles_every_element_while_colours_switch_is_dropped():
    css = "[data-md-color-switching] *,[data-md-color-switching] :after{transition-duration:0s!important}.k{l:m}"
    assert subset(css, USED) == ".k{l:m}"


def test_colours_are_read_from_the_theme_setting():
    assert used_colours([{"scheme": "default", "primary": "Deep Purple", "accent": "indigo", "media": "x"},
                         {"scheme": "slate", "primary": "indigo"}]) == {
        "scheme": {"default", "slate"}, "primary": {"deep-purple", "indigo"}, "accent": {"indigo"}}
    assert used_colours({"primary": "teal"}) == {"scheme": set(), "primary": {"teal"}, "accent": set()}


def test_materials_palette_keeps_dark_scheme_and_indigo_only():
    found = palette([{"scheme": "default", "primary": "indigo", "accent": "indigo"},
                     {"scheme": "slate", "primary": "indigo", "accent": "indigo"}])
    assert found.file.startswith("assets/stylesheets/palette.") and found.file.endswith(".min.css")
    assert "[data-md-color-scheme=slate]" in found.css and "--md-primary-fg-color:#4051b5" in found.css
    assert "=red]" not in found.css and "=teal]" not in found.css and "/*" not in found.css
    assert "switching" not in found.css
    assert len(found.css) < 6000


def test_no_page_links_materials_palette(built_site):
    for path in built_site.rglob("*.html"):
        assert "stylesheets/palette." not in path.read_text(encoding="utf-8"), path


@pytest.mark.parametrize(("scheme", "background", "header"), [
    ("light", "rgb(255, 255, 255)", "rgb(64, 81, 181)"),
    ("dark", "rgb(30, 33, 41)", "rgb(64, 81, 181)"),
])
def test_the_colours_still_apply(browser, site_url, scheme, background, header):
    page = browser.new_page(color_scheme=scheme)
    page.goto(site_url + "2023/")
    colours = page.evaluate("""() => [getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.querySelector('.md-header')).backgroundColor]""")
    page.close()
    assert colours == [background, header]


def test_the_reader_can_still_switch_to_the_dark_scheme_and_back(browser, site_url):
    page = browser.new_page(color_scheme="light")
    page.goto(site_url + "2023/")
    background = "() => getComputedStyle(document.body).backgroundColor"
    page.get_by_title("Chuyển sang nền tối").click()
    page.wait_for_function(f"({background})() === 'rgb(30, 33, 41)'")
    page.get_by_title("Chuyển sang nền sáng").click()
    page.wait_for_function(f"({background})() === 'rgb(255, 255, 255)'")
    page.close()


# -- A first visit's colours, before Material's script (macros/palette_start.js) -------------------------------

BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")


@pytest.mark.parametrize(("scheme", "background"), [("dark", "rgb(30, 33, 41)"), ("light", "rgb(255, 255, 255)")])
def test_a_first_visit_has_the_phones_colours_without_materials_script(browser, site_url, scheme, background):
    page = browser.new_page(color_scheme=scheme)
    page.route(BUNDLE, lambda route: route.abort())
    page.goto(site_url + "2023/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == background
    page.close()


def test_a_stored_choice_of_colours_wins_over_the_phones_setting(browser, site_url):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site_url + "2023/")
    page.get_by_title("Chuyển sang nền sáng").click()  # Material stores the choice
    page.wait_for_function("() => getComputedStyle(document.body).backgroundColor === 'rgb(255, 255, 255)'")
    page.route(BUNDLE, lambda route: route.abort())
    page.goto(site_url + "2023/ket-qua-nhiem-vu-quyen-han/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


@pytest.mark.parametrize("path", ["index.html", "2023/ket-qua-nhiem-vu-quyen-han/index.html", "2023/ban-in/index.html"])
def test_the_colours_are_chosen_right_after_the_header_before_the_text(built_site, path):
    page = (built_site / path).read_text(encoding="utf-8")
    header, chosen, main = page.find("</header>"), page.find(palette({}).script), page.find("<main")
    assert -1 < header < chosen < main
