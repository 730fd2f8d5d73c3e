"""Characters that HTML, Markdown or Jinja act on, typed into every kind of data text, are shown as typed.

One copy of the project gets the same text, full of such characters, in a
figure's value and meaning, a note, a cited document, a section title, a
recipient and the signer, a chart's title and bar, a glossary explanation
and an erratum; the real build must show it everywhere exactly, and nothing
of it may become markup (a "|" once split a glossary table row and the
explanation was lost).
"""

from __future__ import annotations

import pytest

from tests.conftest import ProjectCopy, copy_project
from tests.site_text import page, text

TYPED = 'a | b < c & d *e* _f_ [g](h) {{ i }} #j `k` \\l'
I4 = "quan-he-phoi-hop"
ERRATUM = (f"nguon: Đính chính báo cáo năm 2023\n"
           "dinh_chinh:\n"
           "  - ngay: 2026-02-01\n"
           f"    trang: {I4}\n"
           f"    noi_dung: '{TYPED}'\n"
           "    gia_tri_cu: KV1\n"
           f"    gia_tri_moi: '{TYPED}'\n"
           f"    ly_do: '{TYPED}'\n")

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    project = ProjectCopy(copy_project(tmp_path_factory.mktemp("special") / "project"))
    quoted = f"'{TYPED}'"
    project.edit("data/2023/so-lieu.yml", "      gia_tri: KV1\n      y_nghia: Khu vực 1 của Khu trung tâm phường Phạm Ngũ Lão\n",
                 f"      gia_tri: {quoted}\n      y_nghia: {quoted}\n")
    project.edit("data/2023/ghi-chu.yml", "      Bản gốc lặp từ", f"      {TYPED} Bản gốc lặp từ")
    project.edit("data/2023/van-ban.yml", "    co_quan: Ban Chấp hành Đảng bộ thành phố\n", f"    co_quan: {quoted}\n")
    project.edit("data/2023/bao-cao.yml", "        tieu_de: >-\n          Xây dựng và giữ mối quan hệ với sở, ngành cấp Tỉnh; thực hiện quy chế\n"
                 "          làm việc của Thành ủy; công tác phối hợp với Thường trực HĐND, Ủy ban\n"
                 "          MTTQ Việt Nam thành phố và các đoàn thể chính trị - xã hội\n", f"        tieu_de: {quoted}\n")
    project.edit("data/2023/bao-cao.yml", '  - "Lưu: VT."\n', f"  - {quoted}\n")
    project.edit("data/2023/bao-cao.yml", "  ho_ten: Trần Hồ Đăng\n", f"  ho_ten: {quoted}\n")
    project.edit("data/2023/trinh-bay.yml", "    tieu_de: Giải quyết thủ tục hành chính năm 2023\n", f"    tieu_de: {quoted}\n")
    project.edit("data/2023/trinh-bay.yml", "        nhan: Giải quyết đúng và trước hạn\n", f"        nhan: {quoted}\n")
    project.edit("data/thuat-ngu.yml", '    giai_thich: Ký hiệu loại văn bản trong số hiệu, như "/BC-UBND".',
                 f"    giai_thich: {quoted}")
    project.write("data/2023/dinh-chinh.yml", ERRATUM)
    project.reseal()
    result = project.build()
    assert result.returncode == 0, result.stdout + result.stderr
    return project.root / "site"


def test_a_figure_s_value_and_meaning(site):
    figure = page(site, "2023/phuong-huong-nhiem-vu").select_one('span.so-lieu[data-khoa="ten_rieng.kv1"]')
    assert text(figure) == TYPED
    assert figure["title"] == f"{TYPED} (mục III)"


def test_a_note(site):
    note = page(site, "2023/phuong-huong-nhiem-vu").find(id="ghi-chu-chao-mung-lap")
    assert text(note.select_one(".ghi-chu-bien-tap__noi-dung")).startswith(f"{TYPED} Bản gốc lặp từ")


def test_a_cited_document(site):
    cited = page(site, "2023/chi-dao-thuc-hien-ke-hoach").select_one('span.van-ban[data-khoa="kl-92-tu"]')
    assert cited["title"].startswith(f"Kết luận số 92-KL/TU ngày 19/12/2022 của {TYPED} về ")


def test_a_section_title_in_the_heading_the_menu_and_the_contents(site):
    section = page(site, f"2023/{I4}")
    heading = section.select_one("article h1")
    for link in heading.select(".headerlink"):
        link.decompose()
    assert text(heading) == f"4. {TYPED}"
    assert f"4. {TYPED}" in [text(label) for label in section.select("nav.md-nav--primary .md-ellipsis")]
    assert text(section.title).startswith(f"4. {TYPED} – Báo cáo năm 2023")
    contents = [text(item) for item in page(site, "2023").find(id="muc-luc").find_next("ul").select("li li")]
    assert f"4. {TYPED}" in contents


def test_a_recipient_and_the_signer(site):
    closing = page(site, "2023/phuong-huong-nhiem-vu").select_one(".ket-thuc-van-ban")
    assert text(closing.select(".noi-nhan li")[-1]) == TYPED
    assert text(closing.select_one(".ho-ten")) == TYPED


def test_a_chart_title_and_bar(site):
    chart = page(site, "2023").find("figure", id="bieu-do-thu-tuc-hanh-chinh")
    assert text(chart.figcaption) == TYPED and text(chart.find("svg").title) == TYPED
    assert text(chart.select_one("tbody tr td")) == TYPED
    assert f"{TYPED}: 99,9%" in [text(label) for label in chart.find("svg").find_all("text")]


def test_a_glossary_explanation_stays_in_its_cell(site):
    rows = {text(row.find("td")): [text(cell) for cell in row.find_all("td")[1:]]
            for row in page(site, "thuat-ngu").select("article table tbody tr")}
    assert rows["BC"] == ["báo cáo", TYPED]


def test_an_erratum_on_its_page_and_in_the_history(site):
    notice = page(site, f"2023/{I4}").select_one("aside.dinh-chinh")
    assert text(notice).endswith(f"{TYPED}: trước đây ghi «KV1», nay sửa thành «{TYPED}». Lý do: {TYPED}")
    history = [text(item) for item in page(site, "lich-su-cap-nhat").select("article li")]
    assert f"Nội dung: {TYPED}" in history and f"Lý do: {TYPED}" in history


def test_none_of_it_became_markup(site):
    for address in ("2023", f"2023/{I4}", "2023/phuong-huong-nhiem-vu", "thuat-ngu", "lich-su-cap-nhat"):
        article = page(site, address).select_one("article")
        assert not article.select('a[href="h"], em:-soup-contains("e"), code:-soup-contains("k")'), address
