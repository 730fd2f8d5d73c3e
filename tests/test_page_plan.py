"""Which pages a new year's report gets, and at which addresses (macros/page_plan.py).

A section whose heading matches one of last year's (years, numbers, tone
marks and case aside) keeps last year's address and layout, so that the year
switcher lands on the same section; a new one gets an address from its title.
Addresses, numbers and titles below are written out by hand.
"""

from __future__ import annotations

from macros.models import Section as TocEntry
from macros.page_plan import plan
from macros.report_structure import Heading, Section
from tests.source_blocks import paragraph


def section(number: str, title: str, *body: str, children: tuple[Section, ...] = (), level: int = 1) -> Section:
    heading = Heading(number, title, level, paragraph(f"{number}. {title}"))
    return Section(heading, [paragraph(text) for text in body], list(children))


def entry(number: str | int, title: str, trang: str | None = None, *children: TocEntry) -> TocEntry:
    return TocEntry(so_muc=number, tieu_de=title, trang=trang, muc_con=list(children))


RESULTS = section("I", "KẾT QUẢ THỰC HIỆN NĂM 2024", "Mở đầu của mục I.",
                  children=(section("1", "Công tác chỉ đạo thực hiện kế hoạch năm 2024", "Đoạn 1.", level=2),
                            section("2", "Kết quả thực hiện các nhiệm vụ", "Đoạn 2.", level=2)))
LAST_YEAR = [entry("I", "KẾT QUẢ THỰC HIỆN NĂM 2023", None,
                   entry(1, "Công tác chỉ đạo thực hiện kế hoạch năm 2023", "chi-dao-ke-hoach"),
                   entry(2, "Kết quả thực hiện các nhiệm vụ", "ket-qua")),
             entry("II", "Hạn chế, nguyên nhân", "han-che")]


def test_a_section_like_last_years_keeps_its_address_years_aside():
    result = plan([RESULTS, section("II", "HẠN CHẾ, NGUYÊN NHÂN:", "Còn hạn chế.")], LAST_YEAR)
    assert [page.slug for page in result.pages] == ["chi-dao-ke-hoach", "ket-qua", "han-che"]
    assert result.toc == [
        {"so_muc": "I", "tieu_de": "KẾT QUẢ THỰC HIỆN NĂM 2024", "muc_con": [
            {"so_muc": 1, "tieu_de": "Công tác chỉ đạo thực hiện kế hoạch năm 2024", "trang": "chi-dao-ke-hoach"},
            {"so_muc": 2, "tieu_de": "Kết quả thực hiện các nhiệm vụ", "trang": "ket-qua"}]},
        {"so_muc": "II", "tieu_de": "HẠN CHẾ, NGUYÊN NHÂN:", "trang": "han-che"}]


def test_a_page_has_its_number_title_level_and_text():
    first, second, alone = plan([RESULTS, section("II", "Hạn chế", "Còn hạn chế.")], []).pages
    assert (first.number, first.title, first.level) == ("I.1", "Công tác chỉ đạo thực hiện kế hoạch năm 2024", 2)
    assert [block.text for block in first.blocks] == ["Đoạn 1."]
    assert (second.number, second.title, second.level) == ("I.2", "Kết quả thực hiện các nhiệm vụ", 2)
    assert (alone.number, alone.title, alone.level) == ("II", "Hạn chế", 1)
    assert [block.text for block in alone.blocks] == ["Còn hạn chế."]


def test_the_groups_opening_text_goes_above_its_first_page_only():
    first, second = plan([RESULTS], []).pages
    assert [block.text for block in first.intro] == ["Mở đầu của mục I."]
    assert second.intro == []


def test_a_new_section_gets_an_address_from_its_title():
    result = plan([section("III", "Phương hướng, nhiệm vụ năm 2025", "Năm 2025.")], LAST_YEAR)
    assert [page.slug for page in result.pages] == ["phuong-huong-nhiem-vu-nam-2025"]


def test_a_section_last_year_kept_as_one_page_stays_one_page():
    grouped_then_single = [entry("I", "KẾT QUẢ THỰC HIỆN NĂM 2023", "ket-qua-chung")]
    result = plan([RESULTS], grouped_then_single)
    assert [(page.slug, page.number, page.level) for page in result.pages] == [("ket-qua-chung", "I", 1)]
    assert [block.label if isinstance(block, Heading) else block.text for block in result.pages[0].blocks] == [
        "Mở đầu của mục I.", "1. Công tác chỉ đạo thực hiện kế hoạch năm 2024", "Đoạn 1.",
        "2. Kết quả thực hiện các nhiệm vụ", "Đoạn 2."]
    assert result.toc == [{"so_muc": "I", "tieu_de": "KẾT QUẢ THỰC HIỆN NĂM 2024", "trang": "ket-qua-chung"}]


def test_a_section_that_was_a_group_and_has_no_parts_now_gets_an_address_from_its_title():
    result = plan([section("II", "Hạn chế", "Còn hạn chế.")], [entry("II", "Hạn chế", None, entry(1, "Một", "mot"))])
    assert [(page.slug, page.level) for page in result.pages] == [("han-che", 1)]


def test_subsections_match_only_within_their_own_group():
    elsewhere = [entry("II", "Hạn chế", None, entry(1, "Công tác chỉ đạo thực hiện kế hoạch năm 2023", "khac"))]
    result = plan([RESULTS], elsewhere)
    assert [page.slug for page in result.pages] == ["cong-tac-chi-dao-thuc-hien", "ket-qua-thuc-hien-cac-nhiem"]


def test_of_several_alike_headings_the_closest_gives_the_address():
    alike = [entry("I", "Kết quả thực hiện nhiệm vụ năm 2023", "gan-giong"),
             entry("II", "Kết quả thực hiện các nhiệm vụ năm 2023", "giong-nhat"),
             entry("III", "Kết quả thực hiện các nhiệm vụ khác", "khac")]
    result = plan([section("I", "Kết quả thực hiện các nhiệm vụ năm 2024", "Đoạn.")], alike)
    assert [page.slug for page in result.pages] == ["giong-nhat"]
    alike.reverse()
    assert [page.slug for page in plan([section("I", "Kết quả thực hiện các nhiệm vụ năm 2024")], alike).pages] \
        == ["giong-nhat"]


def test_headings_four_fifths_alike_are_the_same_section_and_less_are_not():
    # Compared folded, numbers as "#": "ab#cd" against "ab#ce" is 4 of 5 characters alike (ratio 0.8).
    assert plan([section("I", "ab1cd")], [entry("I", "AB22CD", "cu")]).pages[0].slug == "cu"
    assert plan([section("I", "ab1cd")], [entry("I", "ab2ce", "cu")]).pages[0].slug == "cu"
    assert plan([section("I", "ab1cd")], [entry("I", "ab2xy", "cu")]).pages[0].slug == "ab1cd"
    # A number is one "#", however long: "a#b" against "a#c" is 2 of 3 alike.
    assert plan([section("I", "a1b")], [entry("I", "a2c", "cu")]).pages[0].slug == "a1b"


def test_a_heading_differs_from_last_years_only_by_its_closing_punctuation():
    result = plan([section("II", "Nợ.")], [entry("II", "Nợ:", "no-cu")])
    assert result.pages[0].slug == "no-cu"


def test_numbers_in_titles_do_not_tell_sections_apart():
    result = plan([section("I", "Nhiệm vụ 12345678")], [entry("I", "Nhiệm vụ 9", "nhiem-vu")])
    assert result.pages[0].slug == "nhiem-vu"


def test_addresses_stay_unique_within_the_year():
    sections = [section("I", "Tình hình"), section("II", "Tình hình"), section("III", "Tình hình"),
                section("IV", "Bản in"), section("V", "Index")]
    assert [page.slug for page in plan(sections, []).pages] == [
        "tinh-hinh", "tinh-hinh-2", "tinh-hinh-3", "ban-in-2", "index-2"]


def test_section_numbers_are_written_as_an_editor_types_them():
    result = plan([section("IV", "Bốn", children=(section("12", "Mười hai", level=2),))], [])
    assert result.toc == [{"so_muc": "IV", "tieu_de": "Bốn", "muc_con": [
        {"so_muc": 12, "tieu_de": "Mười hai", "trang": "muoi-hai"}]}]
