"""Accessibility in real headless Chromium: axe-core (WCAG 2.2 A/AA), keyboard, skip link.

axe-core comes from the npm registry (tools/package.json), injected into each
page by the test; the page's own security policy is bypassed for that only.
"""

from __future__ import annotations

import json

import pytest

from tests.browser import search, serve
from tests.conftest import ROOT
from tests.site_text import page as page_of, text

AXE = ROOT / "tools" / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = {"home": "", "year overview": "2023/", "long section": "2023/ket-qua-nhiem-vu-quyen-han/",
         "glossary": "thuat-ngu/", "open data": "du-lieu-mo/", "print view": "2023/ban-in/",
         "not found": "404.html"}


@pytest.fixture(scope="module")
def served(built_site):
    with serve(built_site) as url:
        yield url


def violations(page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    return [{"id": v["id"], "nodes": [node["target"] for node in v["nodes"]][:5]} for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", PAGES)
def test_no_axe_violations(browser, served, kind, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    page.goto(served + PAGES[kind])
    page.wait_for_load_state("networkidle")
    found = violations(page)
    context.close()
    assert found == [], json.dumps(found, ensure_ascii=False)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_axe_violations_with_search_results_open(browser, served, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    page.goto(served)
    page.locator("input.md-search__input").click()
    assert search(page, "ngan sach")
    found = violations(page)
    context.close()
    assert found == [], json.dumps(found, ensure_ascii=False)


def test_skip_link_goes_to_the_content(browser, served):
    page = browser.new_page()
    page.goto(served + "2023/ket-qua-nhiem-vu-quyen-han/")
    page.keyboard.press("Tab")
    skip = page.evaluate("({cls: document.activeElement.className, text: document.activeElement.textContent.trim(),"
                         " href: document.activeElement.getAttribute('href')})")
    assert "md-skip" in skip["cls"] and skip["text"] == "Bỏ qua"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{skip['href']}")
    target = page.evaluate(f"""() => {{ const e = document.getElementById({skip['href'][1:]!r})
        return e && {{tag: e.tagName, top: e.getBoundingClientRect().top, inArticle: !!e.closest('article')}} }}""")
    assert target and target["tag"] == "H1" and target["inArticle"] and 0 <= target["top"] < 200
    page.close()


FOCUSABLE = ("a[href], button, input, select, textarea, [tabindex]")
# How a control looks: its own outline, shadow, colours, and its container's
# background (Material opens the search box around the focused input).
LOOK = """e => { const t = e.labels && e.labels.length ? e.labels[0] : e, s = getComputedStyle(t)
    return [s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor,
            s.textDecorationLine, getComputedStyle(t.parentElement).backgroundColor].join('|') }"""
# Material's hidden checkboxes and radios are operated through their labels,
# which are the controls Tab reaches.
HIDDEN_STATE = "input.md-toggle, input.md-option"


@pytest.mark.parametrize("target", ["", "2023/ket-qua-nhiem-vu-quyen-han/"])
def test_every_visible_control_is_reachable_by_tab_with_a_visible_focus(browser, served, target):
    """Every control a sighted keyboard user can see is reached by Tab, and looks different when focused.

    Material's hidden toggles are left out: their labels are the controls.
    """
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + target)
    page.wait_for_load_state("networkidle")
    expected = page.evaluate(f"""() => {{
        const look = {LOOK}
        const shown = e => {{ const t = e.labels && e.labels.length ? e.labels[0] : e
                              return t.getClientRects().length && getComputedStyle(t).visibility !== 'hidden' }}
        return [...document.querySelectorAll("{FOCUSABLE}")]
          .filter(e => e.tabIndex >= 0 && !e.disabled && !e.hidden && shown(e))
          .filter(e => !e.matches("{HIDDEN_STATE}"))
          .map((e, i) => {{ e.setAttribute('data-tab', i); e.dataset.look = look(e); return i }})
    }}""")
    reached, unmarked = set(), []
    for _ in range(len(expected) + 40):
        page.keyboard.press("Tab")
        state = page.evaluate(f"""() => {{
            const e = document.activeElement
            return {{id: e.getAttribute('data-tab'), html: e.outerHTML.slice(0, 100),
                     marked: e.dataset.look !== ({LOOK})(e)}}
        }}""")
        if state["id"] is None or int(state["id"]) in reached:
            continue
        reached.add(int(state["id"]))
        if not state["marked"]:
            unmarked.append(state["html"])
    page.close()
    missing = sorted(set(expected) - reached)
    assert len(expected) >= 8 and missing == [] and unmarked == [], (missing[:5], unmarked[:5])


# Best-practice rules axe keeps out of the WCAG tags, about telling landmarks apart.
LANDMARK_RULES = ["landmark-unique", "landmark-one-main", "landmark-no-duplicate-banner",
                  "landmark-no-duplicate-contentinfo", "landmark-complementary-is-top-level", "region"]


@pytest.mark.parametrize("kind", ["year overview", "long section", "print view"])
def test_landmarks_have_distinct_names(browser, served, kind):
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(served + PAGES[kind])
    page.wait_for_load_state("networkidle")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("rules => axe.run(document, {runOnly: {type: 'rule', values: rules}})", LANDMARK_RULES)
    names = page.evaluate("() => [...document.querySelectorAll('nav[aria-label]')].map(n => n.ariaLabel)")
    context.close()
    assert [v["id"] for v in result["violations"]] == []
    assert len(names) == len(set(names)), names


def test_every_chart_table_has_a_caption_naming_its_chart(built_site):
    overview = page_of(built_site, "2023/")
    charts = overview.select("figure.bieu-do")
    assert len(charts) >= 3
    for chart in charts:
        caption = chart.select_one("details table > caption")
        assert caption is not None and text(caption) == "Số liệu: " + text(chart.figcaption)


def test_recipients_and_signature_start_with_headings(built_site):
    closing = page_of(built_site, "2023/phuong-huong-nhiem-vu/").select_one(".ket-thuc-van-ban")
    headings = [text(heading) for heading in closing.select("h2")]
    assert headings == ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"]
