"""Vietnamese search in real headless Chromium: what citizens type finds the right section.

Each query is typed into the site's own search box; the expected report
section must be among the first three results. Sections are named by their
stable addresses under /2023/.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import search

I1, I2, I3, I4 = ("chi-dao-thuc-hien-ke-hoach", "chi-dao-dieu-hanh",
                  "ket-qua-nhiem-vu-quyen-han", "quan-he-phoi-hop")
II, III = "han-che-nguyen-nhan", "phuong-huong-nhiem-vu"

QUERIES = {
    # Diacritics optional, both ways; case does not matter.
    "diacritics": [
        ("ngân sách nhà nước", {I3}), ("ngan sach nha nuoc", {I3}), ("NGAN SACH", {I3}),
        ("tổng thu ngan sach", {I3}), ("hộ nghèo", {I3}), ("ho ngheo", {I3}),
        ("giai ngan von dau tu cong", {I3}), ("điêu khắc", {I3}), ("dieu khac", {I3}),
        ("chợ Chi Lăng", {II}), ("cho chi lang", {II}), ("thi truong bat dong san", {II}),
        ("Tạ Quang Bửu", {I4}), ("ta quang buu", {I4}), ("kiem diem hang tuan", {I2}),
        ("giải phong mat bằng dung tien do", {I2, I3}),
    ],
    # "đ" and "d" are the same letter for search.
    "d-đ": [("dau tu cong", {I3, I1}), ("đầu tư công", {I3, I1}), ("vu cong dan", {I3, III}),
            ("doi thoai nguoi dung dau", {I4, III})],
    # Abbreviations and their long forms find each other.
    "abbreviations": [
        ("GPMB", {I3, I1}), ("gpmb", {I3, I1}), ("TTHC", {I3}), ("thủ tục hành chính", {I3}),
        ("CCHC", {I3}), ("PCCC", {I1, I4}), ("phòng cháy chữa cháy", {I4, I1}),
        ("MTTQ", {I4}), ("HDND", {I4, I2}), ("hội đồng nhân dân", {I4, I2}),
        # Used all through the report: a figure answer or a passage of the sections where it is most said.
        ("KT-XH", {I1, I3, "2023"}), ("QHPK", {I4, I3, II}), ("ODA", {I3, III}),
    ],
    # Numbers and document numbers as written.
    "numbers": [
        ("1.484", {I3}), ("839,617", {I3}), ("99,9%", {I3}), ("0,97%", {I3}), ("127.765", {I3}),
        ("27/393", {II}), ("6368/QĐ-UBND", {I1}), ("6368", {I1}), ("339/QĐ-TTg", {I3}),
        ("339/qd-ttg", {I3}), ("92-KL/TU", {I1}), ("1414/QĐ-UBND", {I2}),
    ],
}
CASES = [pytest.param(query, expected, id=f"{kind}: {query}")
         for kind, cases in QUERIES.items() for query, expected in cases]


@pytest.fixture(scope="module")
def search_page(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    yield page
    page.close()


def sections(results: list[dict[str, str]], count: int = 3) -> list[str]:
    """The sections of the first `count` results (a figure answer's is the section that states it)."""
    return [result["href"].strip("/").split("/")[-1] for result in results[:count]]


def test_there_are_at_least_forty_queries():
    assert len(CASES) >= 40


@pytest.mark.parametrize(("query", "expected"), CASES)
def test_query_finds_the_section(search_page, query, expected):
    results = search(search_page, query)
    assert expected & set(sections(results)), (query, [r["href"] for r in results[:5]])


@pytest.mark.parametrize("query", ["bitcoin", "xyzqw", "bitcoin blockchain"])
def test_words_absent_from_the_report_find_nothing(search_page, query):
    assert search(search_page, query) == []
    expect(search_page.locator(".md-search-result__meta")).to_have_text("Không tìm thấy tài liệu liên quan")


@pytest.mark.parametrize(("one", "other"), [("uỷ ban nhân dân", "ủy ban nhân dân"),
                                            ("văn hoá xã hội", "văn hóa xã hội"),
                                            ("giải phóng mặt bằng", "giai phong mat bang")])
def test_both_spellings_find_the_same_sections(search_page, one, other):
    found = sections(search(search_page, one), 10)
    assert found and found == sections(search(search_page, other), 10)


def test_results_highlight_the_original_vietnamese(search_page):
    results = search(search_page, "ngan sach")
    marks = results[0]["marks"].split("|")
    assert "ngân" in marks and "sách" in marks


def test_an_abbreviation_highlights_its_long_form_and_back(search_page):
    assert any("giải|phóng|mặt|bằng" in result["marks"] for result in search(search_page, "GPMB")[:3])
    assert any("GPMB" in result["marks"] for result in search(search_page, "giai phong mat bang")[:5])


def test_results_say_which_years_report_they_come_from(search_page):
    results = [result for result in search(search_page, "ngan sach") if result["href"].startswith("/2023/")]
    passages = [result["title"] for result in results if not result["figure"]]
    figures = [result["text"] for result in results if result["figure"]]
    assert passages and all(title.startswith("Năm 2023 · ") for title in passages), passages
    assert figures and all("Năm 2023 · mục " in text for text in figures), figures


def test_every_word_must_match(search_page):
    # All in one passage of I.4 ("Khu chung cư Tạ Quang Bửu, …, Cầu vượt nút giao cầu Cát").
    everywhere = {s for s in sections(search(search_page, "cau"), 20)}
    narrowed = sections(search(search_page, "cau cat ta quang buu"), 20)
    assert narrowed == [I4] and len(everywhere) > 3


def test_search_on_a_phone_by_touch(browser, site_url):
    page = browser.new_page(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page.goto(site_url + "2023/")
    page.locator("label.md-header__button[for='__search']").click()
    results = search(page, "ho ngheo")
    assert I3 in sections(results)
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_in_viewport()
    assert first.bounding_box()["x"] >= 0
    page.close()


def test_search_by_keyboard_alone(page, site_url):
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type("giai ngan von dau tu cong")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/2023/{I3}/"))


SEARCH_DATA = ("search/search_index.json", "lunr/min/lunr.vi.min.js")


def test_a_visit_without_search_does_not_load_the_search_data(browser, site_url):
    page = browser.new_page()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "2023/ket-qua-nhiem-vu-quyen-han/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)
    page.locator("a.md-header__button.md-logo").focus()
    page.wait_for_load_state("networkidle")
    assert asked and not [url for url in asked if url.endswith(SEARCH_DATA)]
    page.close()


@pytest.mark.parametrize("how", ["touch", "keyboard"])
def test_opening_search_loads_its_data_once(browser, site_url, how):
    page = browser.new_page(**({"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}
                               if how == "touch" else {}))
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site_url + "2023/")
    page.wait_for_load_state("networkidle")
    if how == "touch":
        page.locator("label.md-header__button[for='__search']").tap()
    else:
        page.keyboard.press("/")
    assert I3 in sections(search(page, "ho ngheo"))
    assert I3 in sections(search(page, "giai ngan"))
    assert [url.rsplit("/", 1)[-1] for url in asked if url.endswith(SEARCH_DATA[0])] == ["search_index.json"]
    page.close()


def test_an_answer_to_an_earlier_query_is_not_shown_for_the_current_one(search_page):
    """Material labels every answer with the query now in the box: an earlier query's empty answer
    arriving after the reader typed on must not say "nothing found" for what is typed now."""
    search(search_page, "ho ngheo")  # search is open and its index ready
    shown = search_page.evaluate("""() => new Promise(done => {
        const meta = document.querySelector('.md-search-result__meta')
        const box = document.querySelector('input.md-search__input')
        const seen = []
        new MutationObserver(() => {
          seen.push(meta.textContent.trim())
          if (document.querySelector('.md-search-result__item')) done(seen)
        }).observe(meta, {childList: true, characterData: true, subtree: true})
        for (const typed of ['xyzqw', 'giai ngan']) {
          box.value = typed
          box.dispatchEvent(new KeyboardEvent('keyup', {key: 'n', bubbles: true}))
        }
    })""")
    assert not [text for text in shown if text.startswith("Không tìm thấy")], shown
