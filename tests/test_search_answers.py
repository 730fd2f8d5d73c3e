"""Search that answers, in real headless Chromium, as a citizen uses it on a phone and a desktop.

Each query is typed into the site's search box. What is asserted is what a
person sees: the text of the first results, and, after a click, the passage
on screen and marked. Expected passages and values are copied from the 2023
report as it writes them.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import Page, expect

from tests.browser import search, serve
from tests.test_years_workflow import two_years  # noqa: F401 (the two-year site, built once for this module)

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PARTIAL = "Không có kết quả chứa đủ mọi từ — kết quả gần đúng:"
NONE = "Không tìm thấy tài liệu liên quan"

# (query as a citizen types it, words of the passage that answers it, as the report writes them)
PASSAGES = [
    ("ty le ho ngheo", "tỉ lệ hộ nghèo giảm còn 0,97%"),
    ("tuyen pho di bo cho dem", "tuyến phố đi bộ-chợ đêm đường Bạch Đằng"),
    ("cho Chi Lang", "Khởi công xây dựng chợ Chi Lăng, Phú Lương."),
    ("quy hoach chung 2040", "Điều chỉnh quy hoạch chung thành phố đến năm 2040"),
    ("xac dinh gia dat", "xác định giá đất 25/35 dự án"),
    ("tien do giai ngan von dau tu cong", "Tiến độ giải ngân vốn đầu tư công 2023"),
    ("duong Vanh Dai I", "cơ bản hoàn thành đường Vành Đai I"),
    ("dieu khac ca khuc", "điêu khắc, sáng tác ca khúc"),
    ("ho so TTHC", "gần 85.000 hồ sơ TTHC"),
    ("goi cong dan nhap ngu", "gọi công dân nhập ngũ"),
    ("giao nhan quan", "Lễ giao nhận quân năm 2023"),
    ("quyet toan cong trinh", "quyết toán 25 công trình"),
    ("don thu cham", "27/393 đơn chậm = 6,8%"),
    ("linh vuc dat dai va xay dung", "chủ yếu tập trung lĩnh vực đất đai và xây dựng"),
    ("ket luan sau thanh tra", "một số kết luận sau thanh tra chưa triệt để"),
    ("nghiem thu ban giao du an cham", "Công tác nghiệm thu, bàn giao một số dự án chậm"),
    ("ga duong sat Hai Duong", "Khu nhà ở thương mại tại ga đường sắt Hải Dương"),
    ("19 do an quy hoach", "Trong tổng số 19 đồ án"),
    ("phien hop UBND 2023", "50 phiên họp UBND"),
    ("1.003 bao cao", "năm 2023 ban hành 1.003 báo cáo các loại"),
    ("hop cuoi tuan ngay nghi", "làm việc cuối tuần, ngày nghỉ"),
    ("Quy che lam viec khoa XXII", "Quy chế làm việc của UBND thành phố Hải Dương khóa XXII"),
    ("1414/QĐ-UBND", "Quyết định số 1414/QĐ-UBND"),
    ("400 ke hoach", "khoảng 400 kế hoạch"),
    ("thu hoi no dong thue", "Kế hoạch đôn đốc, thu hồi nợ đọng thuế"),
    ("tuyen dung giao vien", "Kế hoạch tuyển dụng giáo viên, nhân viên cơ sở giáo dục"),
    ("ket luan 92-KL/TU", "Kết luận số 92-KL/TU ngày 19/12/2022"),
    ("doan giam sat Quoc hoi", "13 Đoàn giám sát chuyên đề của Đoàn Đại biểu Quốc hội tỉnh"),
    ("tra loi chat van", "làm rõ trả lời 6 nội dung chất vấn"),
    ("84 y kien phan anh", "84 ý kiến phản ánh dư luận xã hội"),
    ("doi thoai nguoi dung dau", "26 ý kiến tiếp xúc đối thoại với người đứng đầu"),
    ("MTTQ doan the", "Tăng cường phối hợp với Ủy ban MTTQ"),
    ("Ta Quang Buu", "Tạ Quang Bửu"),
    ("sap xep don vi hanh chinh cap xa", "Thực hiện sắp xếp đơn vị hành chính cấp xã"),
    ("co so vat chat nha truong", "Tăng cường cơ sở vật chất cho các nhà trường"),
    ("Tet trong cay", "Tết trồng cây mùa Xuân 2024"),
    ("5 ro 6 dam", "“5 rõ, 6 dám”"),
    ("phong chong tham nhung lang phi", "phòng chống tham nhũng, lãng phí"),
    ("quy hoach phan khu ti le 1/2000", "các quy hoạch phân khu (tỷ lệ 1/2000)"),
    ("Vu Cong Dan giai doan 2", "Dự án đường Vũ Công Đán (giai đoạn 2)"),
    ("Pham Ngu Lao KV1", "Khu trung tâm phường Phạm Ngũ Lão - KV1"),
    ("thi truong bat dong san", "tình hình thị trường bất động sản"),
    ("ban goc viet phan dau", "Bản gốc viết \"phân đấu\""),
    ("Tran Ho Dang", "Trần Hồ Đăng"),
]

# (a figure question, with or without marks or as an abbreviation; the value as the report writes it)
FIGURES = [
    ("tong thu ngan sach", "1.484 tỷ 750 triệu đồng"),
    ("tổng thu ngân sách nhà nước", "1.484 tỷ 750 triệu đồng"),
    ("ty le ho ngheo", "0,97%"),
    ("tỷ lệ hộ nghèo", "0,97%"),
    ("giai ngan von dau tu cong", "839,617 tỷ đồng"),
    ("TTHC dung va truoc han", "99,9%"),
    ("ho so thu tuc hanh chinh truc tuyen", "94%"),
    ("gia tri phe duyet GPMB", "510 tỷ đồng"),
    ("thu tien su dung dat", "633 tỷ 900 triệu đồng"),
    ("so phien hop UBND", "50"),
    ("tang truong cong nghiep", "13,6%"),
    ("so van ban ban hanh", "8.000"),
    ("y kien cu tri", "269"),
    ("so noi dung chat van", "6"),
]

# Queries with a word the report never uses: the passages with the other words, marked as approximate.
PARTIALS = [
    ("thi dua khen thuong", "thi đua"),
    ("ngân sách bitcoin", "ngân sách"),
    ("tuyen dung giao vien mam non", "tuyển dụng giáo viên"),
    ("cai cach hanh chinh hieu qua cao", "cải cách hành chính"),
]


@pytest.fixture(params=[PHONE, DESKTOP], ids=["phone", "desktop"])
def searching(request, browser, site_url) -> Page:
    """A page of the site with search open, on a phone (by touch) or a desktop (by keyboard)."""
    page = browser.new_page(**request.param)
    page.goto(site_url + "2023/")
    if request.param is PHONE:
        page.locator("label.md-header__button[for='__search']").tap()
    else:
        page.keyboard.press("/")
    yield page
    page.close()


@pytest.fixture
def phone(browser, site_url) -> Page:
    """The home page on a phone, search opened by touch."""
    page = browser.new_page(**PHONE)
    page.goto(site_url)
    page.locator("label.md-header__button[for='__search']").tap()
    yield page
    page.close()


def visible_results(page: Page, count: int = 3) -> list[str]:
    """The text a person sees in the first `count` results (passages folded away under "N đoạn khác" left out)."""
    return page.locator(".md-search-result__item").evaluate_all(
        """(items, count) => items.slice(0, count).map(item => [...item.querySelectorAll("article")]
             .filter(article => !article.closest("details:not([open])"))
             .map(article => article.innerText.replace(/\\s+/g, " ")).join(" "))""", count)


def open_passage(page: Page, words: str) -> None:
    """Click the first visible result whose text holds `words`; wait for the page it opens."""
    link = page.locator(".md-search-result__item a.md-search-result__link").filter(has_text=words).first
    address = link.evaluate("link => link.href")
    link.click()
    page.wait_for_function("address => location.href === address", arg=address, timeout=10_000)
    page.wait_for_load_state()


def passage_on_screen(page: Page, words: str) -> None:
    """The opened passage holds `words`, is marked and is in view."""
    target = page.locator("[id^='doan-']:target, [id^='doan-']:has(> .doan-moc:target), "
                          "[id^='doan-']:has(.so-lieu:target)").first
    expect(target).to_contain_text(words)
    expect(target).to_be_in_viewport()
    assert target.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")


def test_there_are_at_least_forty_passage_queries():
    assert len(PASSAGES) >= 40 and len({query for query, _ in PASSAGES}) == len(PASSAGES)


def passage_answered(page: Page, site_url: str, query: str, words: str) -> bool:
    """From the home page on a phone: the passage is in a top-3 result and on screen after the click."""
    page.goto(site_url)
    page.locator("label.md-header__button[for='__search']").tap()
    search(page, query)
    if not any(words in text for text in visible_results(page)):
        return False
    open_passage(page, words)
    passage_on_screen(page, words)
    return True


def figure_first(page: Page, query: str, value: str) -> bool:
    """The first result is a figure answer whose value is `value`, as written."""
    search(page, query)
    first = page.locator(".md-search-result__item").first
    return ("tim-so-lieu__ket-qua" in (first.get_attribute("class") or "")
            and first.locator(".tim-so-lieu > b").first.inner_text() == value)


def test_the_passage_is_in_the_first_three_results_and_on_screen_after_the_click(phone, site_url):
    missed = [query for query, words in PASSAGES if not passage_answered(phone, site_url, query, words)]
    rate = 1 - len(missed) / len(PASSAGES)
    print(f"passages answered: {len(PASSAGES) - len(missed)}/{len(PASSAGES)} ({rate:.0%}); missed: {missed}")
    assert rate >= 0.95, missed


def test_a_figure_question_gets_the_value_first(phone):
    missed = [query for query, value in FIGURES if not figure_first(phone, query, value)]
    rate = 1 - len(missed) / len(FIGURES)
    print(f"figures first: {len(FIGURES) - len(missed)}/{len(FIGURES)} ({rate:.0%}); missed: {missed}")
    assert rate >= 0.9, missed


def test_a_figure_answer_says_what_the_figure_measures_and_where(searching):
    search(searching, "tong thu ngan sach")
    first = searching.locator(".md-search-result__item").first
    expect(first.locator("h1")).to_have_text("Tổng thu ngân sách nhà nước năm 2023 (ước đạt)")
    expect(first.locator(".tim-so-lieu > b")).to_have_text("1.484 tỷ 750 triệu đồng")
    expect(first.locator(".tim-so-lieu > small")).to_have_text("Năm 2023 · mục I.3")
    expect(first.locator(".tim-so-lieu > q")).to_have_text(
        "Tổng thu ngân sách nhà nước ước đạt 1.484 tỷ 750 triệu đồng")
    expect(first).to_be_in_viewport()


def test_a_figure_answer_opens_the_sentence_that_states_it(searching):
    search(searching, "ty le ho ngheo")
    link = searching.locator(".md-search-result__item").first.locator("a").first
    assert link.get_attribute("href").endswith("/2023/ket-qua-nhiem-vu-quyen-han/#so-lieu-giam_ngheo-ti_le_ho_ngheo")
    link.click()
    searching.wait_for_url(re.compile(r"#so-lieu-giam_ngheo-ti_le_ho_ngheo$"))
    passage_on_screen(searching, "tỉ lệ hộ nghèo giảm còn 0,97%")
    expect(searching.locator("#so-lieu-giam_ngheo-ti_le_ho_ngheo")).to_be_in_viewport()


def test_a_passage_opens_without_moving_the_page_afterwards(searching):
    searching.evaluate("""() => { window.shifts = 0; new PerformanceObserver(list => { for (const e of
        list.getEntries()) if (!e.hadRecentInput) window.shifts += e.value }).observe({type: "layout-shift",
        buffered: true}) }""")
    search(searching, "thu hoi no dong thue")
    open_passage(searching, "thu hồi nợ đọng thuế")
    passage_on_screen(searching, "Kế hoạch đôn đốc, thu hồi nợ đọng thuế")
    shifted = searching.evaluate("""() => new Promise(done => { let total = 0; new PerformanceObserver(list => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value }).observe({type:
        "layout-shift", buffered: true}); setTimeout(() => done(total), 500) })""")
    assert shifted < 0.01


def test_a_page_is_listed_once_with_its_other_passages_under_it(searching):
    search(searching, "UBND")
    pages = searching.locator(".md-search-result__item:not(.tim-so-lieu__ket-qua)").evaluate_all(
        "items => items.map(item => new URL(item.querySelector('a').href).pathname)")
    assert len(pages) == len(set(pages)) > 3
    grouped = searching.locator(".md-search-result__more summary").first
    expect(grouped).to_have_text(re.compile(r"^\d+ đoạn khác trong trang này$"))


@pytest.mark.parametrize(("query", "words"), PARTIALS, ids=[query for query, _ in PARTIALS])
def test_a_query_no_passage_fully_answers_gets_the_closest_ones_said_so(phone, query, words):
    results = search(phone, query)
    expect(phone.locator(".md-search-result__meta")).to_have_text(PARTIAL)
    assert results and words in " ".join(visible_results(phone, 1))
    expect(phone.locator(".md-search-result__item").first.locator(".md-search-result__terms").first) \
        .to_contain_text("Thiếu từ")


def test_the_closest_results_hold_the_most_words_first(phone):
    search(phone, "tuyen dung giao vien mam non")
    first = visible_results(phone, 1)[0]
    assert "tuyển dụng giáo viên" in first and "Thiếu từ: mam non" in first


def test_a_full_answer_is_not_called_approximate(phone):
    search(phone, "giai phong mat bang")
    expect(phone.locator(".md-search-result__meta")).not_to_have_text(PARTIAL)
    expect(phone.locator(".md-search-result__terms")).to_have_count(0)


@pytest.mark.parametrize("query", ["bitcoin", "xyzqw", "bitcoin blockchain"])
def test_a_query_with_no_word_of_the_report_says_there_is_nothing(phone, query):
    assert search(phone, query) == []
    expect(phone.locator(".md-search-result__meta")).to_have_text(NONE)


def passage_anchors(site, year: int) -> dict[str, list[tuple[str, str]]]:
    """Each page of a year: its passages' anchors with the start of their text."""
    found = {}
    for path in sorted((site / str(year)).glob("*/index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found[path.parent.name] = [(e["id"], e.get_text()[:40]) for e in soup.select("[id^='doan-']")]
    return found


def test_a_newer_year_keeps_the_older_years_passage_anchors(built_site, two_years):  # noqa: F811
    before = passage_anchors(built_site, 2023)
    assert sum(len(anchors) for anchors in before.values()) > 50
    assert passage_anchors(two_years.root / "site", 2023) == before


def test_a_figure_answer_shows_every_years_value_newest_first_with_the_change(browser, two_years):  # noqa: F811
    with serve(two_years.root / "site") as url:
        page = browser.new_page(**PHONE)
        page.goto(url)
        page.locator("label.md-header__button[for='__search']").tap()
        search(page, "tong thu ngan sach")
        first = page.locator(".md-search-result__item").first
        expect(first.locator(".tim-so-lieu > b").first).to_have_text("1.633,225 tỷ đồng")
        expect(first.locator(".tim-so-lieu > small").first).to_have_text(
            "Năm 2024 · mục I.3 · tăng 148,475 tỷ đồng (+10,0%) so với năm 2023")
        expect(first.locator(".tim-so-lieu > small").nth(1)).to_have_text("Năm 2023: 1.484 tỷ 750 triệu đồng")
        assert first.locator("a").first.get_attribute("href").endswith(
            "/2024/ket-qua-nhiem-vu-quyen-han/#so-lieu-thu_ngan_sach-tong")
        page.close()


def test_a_passage_result_stands_under_its_year_and_full_section_number(searching):
    search(searching, "tuyen pho di bo cho dem")
    page = searching.locator(".md-search-result__item").filter(has_text="tổ chức thành công tuyến phố").first
    expect(page.locator("h1")).to_have_text("Năm 2023 · I.3. Kết quả thực hiện các nhiệm vụ, quyền hạn")
    expect(page.locator("article").nth(1)).to_contain_text("Tổ chức thành công tuyến phố đi bộ-chợ đêm")


def test_a_figure_answer_quotes_a_long_clause_with_an_ellipsis_where_words_are_left_out(phone):
    search(phone, "doi thoai nguoi dung dau")
    expect(phone.locator(".md-search-result__item").first.locator(".tim-so-lieu > q")).to_have_text(
        "26 ý kiến tiếp xúc đối thoại với người…")


def test_a_figure_answer_quotes_a_number_with_thousands_separators_whole(phone):
    search(phone, "so bao cao tang")
    expect(phone.locator(".md-search-result__item").first.locator(".tim-so-lieu > q")).to_have_text(
        "… ban hành 1.003 báo cáo các loại tăng 12% so với năm 2022")
