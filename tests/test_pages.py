"""What the check of pages tells an editor, one mistake each, with the whole message (in this process).

A page may hold text and {{ … }} calls of the editors' macros with plain
values; everything else is named with its file, line and how to write it.
"""

from __future__ import annotations

import pytest

from macros.pages import PageUse, check_pages, first_pages, page_slug, page_year
from macros.site_data import load_site
from tests.conftest import ROOT
from tests.test_freeze import another_year

PAGE = "docs/2023/chi-dao-dieu-hanh.md"
NOTES = "data/2023/ghi-chu.yml"


def problems(project, added: str = "", relative: str = PAGE, replace: tuple[str, str] | None = None):
    """The errors of the pages once `added` is appended to `relative` (or a text replaced in it)."""
    path = project.root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if added or replace:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        path.write_text((text.replace(*replace) if replace else text) + added, encoding="utf-8")
    errors, _ = check_pages(project.root / "docs", load_site(project.root))
    return errors


def only(errors):
    assert len(errors) == 1, [error.format() for error in errors]
    return errors[0]


def last_line(project, relative: str = PAGE) -> int:
    return len((project.root / relative).read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(("path", "year", "slug"), [
    ("2023/ket-qua-nhiem-vu-quyen-han.md", 2023, "ket-qua-nhiem-vu-quyen-han"), ("2023/index.md", 2023, "index"),
    ("thuat-ngu.md", None, "thuat-ngu"), ("2023x/a.md", None, "a"), ("2023/a/b.md", 2023, "a/b"),
    ("index.md", None, "index"), ("1999/index.md", 1999, "index")])
def test_year_and_slug_of_a_page(path, year, slug):
    assert (page_year(path), page_slug(path)) == (year, slug)


def test_the_first_page_stating_each_figure_in_reading_order():
    data = load_site(ROOT).years[2023]
    uses = [PageUse("2023/ket-qua-nhiem-vu-quyen-han.md", 2023, figures=[("a", 3), ("b", 4), ("d", 1)]),
            PageUse("2023/chi-dao-thuc-hien-ke-hoach.md", 2023, figures=[("b", 1), ("c", 2)]),
            PageUse("2023/index.md", 2023, figures=[("a", 1)]),
            PageUse("2022/index.md", 2022, figures=[("d", 1)])]
    assert first_pages(data, uses) == {"a": "index", "b": "chi-dao-thuc-hien-ke-hoach", "c": "chi-dao-thuc-hien-ke-hoach",
                                       "d": "ket-qua-nhiem-vu-quyen-han"}


def test_the_project_pages_have_no_problem(project):
    errors, uses = check_pages(project.root / "docs", load_site(project.root))
    assert errors == []
    chapter = next(use for use in uses if use.path == "2023/ket-qua-nhiem-vu-quyen-han.md")
    assert chapter.figures[:2] == [("nam.bao_cao", 3), ("chi_tieu.dat_va_vuot", 3)] and chapter.year == 2023
    assert chapter.notes == [("tong-muc-dau-tu-13-du-an", 15)]
    overview = next(use for use in uses if use.path == "2023/index.md")
    assert overview.header and not chapter.header


@pytest.mark.parametrize(("added", "key", "problem", "fix"), [
    ("{% if x %}ok{% endif %}", None, 'Trang dùng lệnh khối "{% … %}" ở dòng: "{% if x %}ok{% endif %}".',
     'Trong trang chỉ dùng các lệnh chèn như {{ so("nhom.ten") }}; bỏ phần {% … %}, hoặc nhờ nhóm phát triển nếu '
     "cần một lệnh mới."),
    ('{{ soo("thu_ngan_sach.tong") }}', "soo", 'Không có lệnh tên "soo". Có phải ý bạn là: so?',
     'Mỗi lệnh có dạng {{ ten_lenh(...) }}, ví dụ {{ so("nhom.ten") }}; các lệnh được liệt kê trong README và '
     "hướng dẫn biên tập."),
    ("Tổng {{ 1 + 2 }} thôi", None, 'Đoạn {{ … }} ở dòng này không phải là một lệnh: "Tổng {{ 1 + 2 }} thôi".', None),
    ("{{ so }}", "so", 'Lệnh "so" thiếu cặp ngoặc tròn.', 'Viết {{ so("ten_khoa") }} (có thể thêm nam=2023).'),
    ('{{ so("a", 2023, 3) }}', None, "so(...) nhận nhiều nhất 2 giá trị, ở đây có 3.",
     'Viết {{ so("ten_khoa") }} (có thể thêm nam=2023).'),
    ("{{ muc_luc(1) }}", None, "muc_luc() không nhận giá trị nào trong ngoặc.", "Viết {{ muc_luc() }}."),
    ("{{ so(*a) }}", None, "so(...) được viết với * hoặc **, lệnh này không nhận cách viết đó.", None),
    ("{{ so(**a) }}", None, "so(...) được viết với * hoặc **, lệnh này không nhận cách viết đó.", None),
    ('{{ vb("kl-92-tu", nm=2023) }}', None, 'vb(...) không có phần "nm".',
     'Viết {{ vb("ten_khoa") }} (có thể thêm "ngay", nam=2023).'),
    ('{{ so("a", khoa="b") }}', None, 'so(...) được ghi "khoa" hai lần.', None),
    ("{{ so(nam=2023) }}", None, "so(...) cần khoa.", None),
    ('{{ so("thu_ngan_sach.tong", nam=2020 + 3) }}', "nam=(biểu thức)",
     "so(...) dùng năm (biểu thức) nhưng không có dữ liệu năm đó (data/(biểu thức)/).",
     "Dùng một năm có dữ liệu: 2023."),
    ('{{ so("thu_ngan_sach.tong", nam=2019) }}', "nam=2019",
     "so(...) dùng năm 2019 nhưng không có dữ liệu năm đó (data/2019/).", None),
    ("{{ so(khoa) }}", None, "so(...) cần tên khóa đặt trong dấu ngoặc kép.", 'Viết so("ten_khoa").'),
])
def test_a_call_that_is_not_an_editors_macro(project, added, key, problem, fix):
    error = only(problems(project, "\n" + added + "\n"))
    assert (error.file, error.line, error.key, error.problem) == (PAGE, last_line(project), key, problem)
    if fix is not None:
        assert error.fix == fix


def test_a_syntax_error_names_its_line(project):
    errors = problems(project, '\nNăm nay {{ so("thu_ngan_sach.tong" }}\n')
    error = only([error for error in errors if error.file == PAGE])
    assert (error.file, error.line) == (PAGE, last_line(project))
    assert error.problem == 'Lệnh chèn số liệu viết sai cú pháp ở dòng: "Năm nay {{ so("thu_ngan_sach.tong" }}".'
    assert error.fix == ('Mỗi lệnh có dạng {{ so("nhom.ten") }}: kiểm tra đủ hai cặp ngoặc nhọn, ngoặc tròn và dấu '
                         "ngoặc kép.")


TYPED_FIX = ('Mọi số liệu phải nằm trong data/<năm>/so-lieu.yml và được chèn bằng {{ so("nhom.ten") }} '
             '(chỉ số thứ tự mục như "1." được gõ trực tiếp).')


def test_a_number_typed_on_the_first_line(project):
    error = only(problems(project, replace=("# {{ tieu_de() }}", "# Năm 2023 {{ tieu_de() }}")))
    assert (error.file, error.line, error.key) == (PAGE, 1, None)
    assert (error.problem, error.fix) == ('Có số gõ trực tiếp vào trang: "# Năm 2023 {{ tieu_de() }}".', TYPED_FIX)


def test_numbers_in_the_front_matter_are_not_typed_figures(project):
    front = "---\ntitle: Báo cáo 2023\ndescription: Mục 2 của năm 2023\n---\n"
    assert problems(project, replace=("# {{ tieu_de() }}", front + "# {{ tieu_de() }}")) == []
    error = only(problems(project, "Năm 2024 sẽ khác.\n"))
    assert (error.line, error.problem) == (last_line(project), 'Có số gõ trực tiếp vào trang: "Năm 2024 sẽ khác.".')


def test_a_mistake_on_the_first_line_is_quoted(project):
    first = (project.root / PAGE).read_text(encoding="utf-8").splitlines()[0]
    error = only(problems(project, replace=(first, "# {% if x %}Tiêu đề{% endif %}")))
    assert (error.line, error.problem) == (1, 'Trang dùng lệnh khối "{% … %}" ở dòng: "# {% if x %}Tiêu đề{% endif %}".')


def test_a_long_line_is_quoted_in_part(project):
    line = "{% set x = 1 %}" + "a" * 100
    error = only(problems(project, "\n" + line + "\n"))
    assert error.problem == f'Trang dùng lệnh khối "{{% … %}}" ở dòng: "{line[:80]}".'


def test_broken_front_matter(project):
    error = only(problems(project, relative="docs/thuat-ngu.md", replace=("---\n", "---\ntitle: [chưa đóng\n")))
    assert (error.file, error.line, error.key) == ("docs/thuat-ngu.md", 1, None)
    assert error.problem == "Phần đầu trang (giữa hai dòng ---) viết sai cú pháp."
    assert error.fix == "Kiểm tra dấu hai chấm và thụt lề trong phần đầu trang."


def test_a_page_not_in_utf8(project):
    (project.root / "docs/thuat-ngu.md").write_bytes("Báo cáo năm".encode("cp1258"))
    error = only(problems(project, relative="docs/thuat-ngu.md"))
    assert (error.file, error.line, error.problem, error.fix) == (
        "docs/thuat-ngu.md", None, "Trang không phải văn bản UTF-8.", "Lưu lại tệp với mã hóa UTF-8.")


def test_a_page_of_a_year_without_data(project):
    error = only(problems(project, "# Năm cũ\n", relative="docs/2019/index.md"))
    assert (error.file, error.line, error.key) == ("docs/2019/index.md", None, None)
    assert error.problem == "Trang thuộc năm 2019 nhưng không có dữ liệu data/2019/."
    assert error.fix == ("Tạo thư mục data/2019/ với các tệp dữ liệu của năm đó, hoặc chuyển trang vào đúng "
                         "thư mục năm.")


def test_a_page_the_table_of_contents_does_not_list(project):
    error = only(problems(project, "# Thêm\n", relative="docs/2023/trang-them.md"))
    assert (error.file, error.key) == ("docs/2023/trang-them.md", None)
    assert error.problem == "Trang không có trong mục lục (muc_luc) của năm 2023."
    assert error.fix == "Thêm trang vào muc_luc trong data/2023/bao-cao.yml, hoặc xóa trang."


def test_a_listed_page_without_its_file(project):
    (project.root / PAGE).unlink()
    errors = problems(project, relative="docs/2023/index.md")
    error = next(error for error in errors if error.key == "muc_luc: chi-dao-dieu-hanh")
    assert (error.file, error.line) == ("data/2023/bao-cao.yml", None)
    assert error.problem == 'Mục lục có trang "chi-dao-dieu-hanh" nhưng không có tệp docs/2023/chi-dao-dieu-hanh.md.'
    assert error.fix == "Tạo trang đó, hoặc sửa tên trang trong mục lục."


def test_a_figure_whose_note_the_page_does_not_show(project):
    page = "docs/2023/han-che-nguyen-nhan.md"
    text = (project.root / page).read_text(encoding="utf-8")
    note_call = '{{ ghi_chu("ti-le-don-cham") }}'
    assert note_call in text
    errors = problems(project, relative=page, replace=(note_call, ""))
    error = next(error for error in errors if error.file == f"{page}")
    assert (error.key, error.line) == ("tiep_dan.ti_le_don_cham", 13)
    assert error.problem == ('Số liệu "tiep_dan.ti_le_don_cham" có ghi chú biên tập "ti-le-don-cham" nhưng trang '
                             "chưa hiển thị ghi chú đó.")
    assert error.fix == 'Thêm {{ ghi_chu("ti-le-don-cham") }} ngay sau đoạn văn này.'
    unshown = next(error for error in errors if error.file == NOTES)
    assert (unshown.key, unshown.problem) == ("ti-le-don-cham", "Ghi chú biên tập không được hiển thị ở trang nào.")
    assert unshown.fix == 'Chèn {{ ghi_chu("ti-le-don-cham") }} vào trang của mục II.1, hoặc xóa ghi chú.'


@pytest.mark.parametrize(("relative", "added"), [
    ("docs/2023/han-che-nguyen-nhan.md", '\n{{ ghi_chu("ti-le-don-cham") }}\n'),
    ("docs/2023/index.md", '\n{{ ghi_chu("so-hieu-de-trong") }}\n'),  # the document header shows it already
])
def test_a_note_shown_twice_on_one_page(project, relative, added):
    key = added.split('"')[1]
    error = only(problems(project, added, relative=relative))
    assert (error.file, error.key) == (relative, key)
    assert error.problem == f'Ghi chú biên tập "{key}" được chèn 2 lần trong cùng một trang.'
    assert error.fix == "Giữ lại một lần, ngay sau đoạn văn mà nó giải thích."


def test_arguments_given_by_name_count_as_given(project):
    assert problems(project, '\n{{ so(khoa="thu_ngan_sach.tong") }} {{ vb(khoa="kl-92-tu", phan="ngay") }}\n') == []


def test_a_figure_of_another_year_is_not_counted_as_stated_by_this_years_page(project):
    another_year(project, 2024, published=False)
    path = project.root / PAGE
    path.write_text(path.read_text(encoding="utf-8") + '\n{{ so("thu_ngan_sach.tong", nam=2024) }}\n', encoding="utf-8")
    errors, uses = check_pages(project.root / "docs", load_site(project.root))
    page = next(use for use in uses if use.path == "2023/chi-dao-dieu-hanh.md")
    assert errors == [] and "thu_ngan_sach.tong" not in [key for key, _ in page.figures]
