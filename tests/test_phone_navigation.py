"""The navigation drawer on a phone, in real headless Chromium.

A closed drawer costs nothing before the first paint (its icons are SVG
images the browser would otherwise build for a drawer nobody sees yet), and
an open one shows everything: the section links on screen, each icon drawn.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
ICON = ".md-sidebar--primary .md-nav__item--nested > .md-nav__link .md-nav__icon"


def svg_images(session) -> list[str]:
    """Record the SVG images (data addresses) the page builds from now on."""
    built: list[str] = []
    session.on("Network.requestWillBeSent",
               lambda event: built.append(event["request"]["url"])
               if event["request"]["url"].startswith("data:image/svg") else None)
    session.send("Network.enable")
    return built


def mask(page, selector: str) -> str:
    return page.eval_on_selector(selector, "icon => getComputedStyle(icon, '::after').maskImage")


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def test_a_phones_first_view_builds_no_image_for_the_closed_drawer(phone, site_url):
    built = svg_images(phone.context.new_cdp_session(phone))
    phone.goto(site_url)
    phone.wait_for_load_state("load")
    assert built == []
    phone.locator("label.md-header__button[for='__drawer']").click()
    phone.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    assert len(built) >= 1


@pytest.mark.parametrize("address", ["", "2023/", "2023/ket-qua-nhiem-vu-quyen-han/"])
def test_no_drawer_icon_is_set_until_the_drawer_opens(phone, site_url, address):
    phone.goto(site_url + address)
    icons = ".md-sidebar--primary .md-nav__icon"
    closed = phone.eval_on_selector_all(icons, "all => all.map(i => getComputedStyle(i, '::after').maskImage)")
    phone.locator("label.md-header__button[for='__drawer']").click()
    expect(phone.locator(".md-sidebar--primary .md-nav__link").first).to_be_in_viewport()
    opened = phone.eval_on_selector_all(icons, "all => all.map(i => getComputedStyle(i, '::after').maskImage)")
    assert len(closed) >= 2 and set(closed) == {"none"}
    assert all(icon.startswith('url("data:image/svg+xml') for icon in opened)


def test_the_open_drawer_shows_its_links_and_icons(phone, site_url):
    phone.goto(site_url)
    phone.locator("label.md-header__button[for='__drawer']").click()
    year = phone.locator(".md-sidebar--primary").get_by_role("link", name="Năm 2023", exact=True)
    expect(year).to_be_in_viewport()
    assert mask(phone, ICON).startswith('url("data:image/svg+xml')


def test_on_a_wide_screen_the_navigation_icons_are_drawn(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + "2023/ket-qua-nhiem-vu-quyen-han/")
    assert mask(page, ".md-sidebar--primary .md-nav__link .md-nav__icon").startswith('url("data:image/svg+xml')
    page.close()
