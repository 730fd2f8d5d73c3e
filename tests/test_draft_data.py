"""The data the importer proposes for each number: its key, kind, unit and meaning, and what it notices.

Sentences are written in the test, read by the page writer as the importer
reads a report, and given to `draft_data` with no earlier year (or with the
2023 data where a test says so). Expected keys, meanings, checks and review
items are written out by hand from the sentences.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from functools import lru_cache

import pytest

from macros import draft_data
from macros.draft_data import DraftData, Keys, ReviewItem, ascii_words, group_of, meaning
from macros.draft_pages import PageWriter
from macros.page_plan import PagePlan
from macros.site_data import YearData, load_site
from macros.yaml_writer import Bare
from tests.conftest import ROOT
from tests.source_blocks import blocks, paragraph, table


def read(*items, page: str = "ket-qua-thuc-hien", names: tuple[str, ...] = ()) -> PageWriter:
    writer = PageWriter(list(names), 2024)
    writer.page(PagePlan(page, "I", "KẾT QUẢ", blocks(*items)))
    return writer


def drafted(*items, page: str = "ket-qua-thuc-hien", previous: YearData | None = None,
            earlier: dict[str, str] | None = None, names: tuple[str, ...] = ()) -> DraftData:
    writer = read(*items, page=page, names=names)
    draft = draft_data.build(writer.occurrences, 2024, previous, earlier or {}, [])
    draft_data.ratio_percentages(draft, writer.occurrences)
    draft_data.sums_in_sentences(draft, writer.occurrences)
    draft_data.table_totals(draft, writer.occurrences)
    return draft


@lru_cache(maxsize=1)
def year_2023() -> YearData:
    return load_site(ROOT).years[2023]


# --------------------------------------------------------------------------
# Keys, kinds, units, meanings
# --------------------------------------------------------------------------

def test_a_new_figure_is_named_by_its_words_and_stated_by_its_macro():
    draft = drafted("Tổng thu ngân sách đạt 1.633 tỷ 225 triệu đồng, tổ chức 52 phiên họp UBND.")
    assert draft.figures == {
        "ket_qua_thuc_hien.tong_thu_ngan_sach": {"loai": "tien", "gia_tri": "1.633 tỷ 225 triệu đồng",
                                                 "y_nghia": "Tổng thu ngân sách đạt", "muc": "I"},
        "ket_qua_thuc_hien.phien_hop_ubnd": {"loai": "so_luong", "gia_tri": Bare("52"), "don_vi": "phiên họp",
                                             "y_nghia": "Ngân sách đạt 1.633 tỷ 225 triệu đồng, tổ chức … phiên họp UBND",
                                             "muc": "I"},
    }
    assert draft.macros == {0: '{{ so("ket_qua_thuc_hien.tong_thu_ngan_sach") }}',
                            1: '{{ so("ket_qua_thuc_hien.phien_hop_ubnd") }}'}
    assert draft.mentions == {"ket_qua_thuc_hien.tong_thu_ngan_sach": [("ket-qua-thuc-hien", 0)],
                              "ket_qua_thuc_hien.phien_hop_ubnd": [("ket-qua-thuc-hien", 0)]}


def test_each_new_figure_is_a_review_item_naming_its_key_and_meaning():
    draft = drafted("Có 12 hộ nghèo.")
    assert draft.review == [ReviewItem(
        "so_lieu_moi", "Số liệu mới «12» (mục I): khóa «ket_qua_thuc_hien.ho_ngheo» và ý nghĩa «Có … hộ nghèo» do "
        "chương trình đặt.", "ket-qua-thuc-hien", "ket_qua_thuc_hien.ho_ngheo",
        "Sửa y_nghia trong so-lieu.yml cho rõ số này đo cái gì; đổi tên khóa nếu muốn (đổi cả trong trang).")]


def test_a_number_read_as_a_name_asks_for_a_check_against_the_source():
    draft = drafted("Hạn nộp là ngày 31/02/2024.")
    [item] = draft.review
    assert item.noi_dung.endswith("do chương trình đặt. Số này không đọc được đúng kiểu Việt Nam nên được giữ nguyên "
                                  "như một tên; kiểm tra lại với văn bản gốc.")


@pytest.mark.parametrize(("sentence", "kind"), [
    ("Tỷ lệ hộ nghèo còn 0,72%.", "ti_le"),
    ("Thu ngân sách tăng 8,4% so với năm trước.", "tang_truong"),
    ("Dân số giảm khoảng 1,5% trong năm.", "tang_truong"),
    ("Thu ngân sách bằng 125% dự toán.", "muc_dat"),
    ("Giải ngân đạt 95% kế hoạch vốn.", "muc_dat"),
    ("Chỉ số đạt 97% so với cùng kỳ.", "muc_dat"),
    ("Thu đạt 101,2%.", "muc_dat"),
    ("Tỷ lệ đạt 100%.", "ti_le"),
])
def test_a_percentage_is_a_rate_a_growth_or_a_level_reached_by_its_words(sentence, kind):
    [figure] = drafted(sentence).figures.values()
    assert figure["loai"] == kind


def test_a_count_with_no_word_after_it_takes_its_unit_from_the_words_before():
    draft = drafted("Số hộ được hỗ trợ là 45.")
    [figure] = draft.figures.values()
    assert (figure["gia_tri"], figure["don_vi"]) == (Bare("45"), "trợ là")


def test_a_ratio_is_counted_in_what_follows_it():
    [figure] = drafted("Giải quyết 31/38 hồ sơ đúng hạn.").figures.values()
    assert (figure["loai"], figure["gia_tri"], figure["don_vi"]) == ("ti_so", "31/38", "hồ sơ")


def test_keys_stay_unique_and_short_and_an_empty_key_has_a_name():
    keys = Keys()
    assert [keys.new("g", ["thu", "ngan", "sach"]), keys.new("g", ["thu", "ngan", "sach"]),
            keys.new("g", ["thu", "ngan", "sach"]), keys.new("g", [])] == [
        "g.thu_ngan_sach", "g.thu_ngan_sach_2", "g.thu_ngan_sach_3", "g.so_lieu"]


@pytest.mark.parametrize(("slug", "group"), [
    ("index", "mo_dau"), ("ket-qua-nhiem-vu-quyen-han", "ket_qua_nhiem_vu"), ("han-che", "han_che"),
])
def test_a_group_is_named_after_its_page(slug, group):
    assert group_of(slug) == group


def test_ascii_words_fold_marks_and_drop_plain_numbers():
    assert ascii_words("Đường tỉnh 390, Quý4 (Kênh T2)") == ["duong", "tinh", "quy4", "kenh", "t2"]


@pytest.mark.parametrize(("before", "after", "said"), [
    ("Năm 2024, tổng thu ngân sách trên địa bàn đạt ", " tỷ đồng, bằng 125% dự toán.",
     "Tổng thu ngân sách trên địa bàn đạt … tỷ đồng"),
    ("Thu tiền sử dụng đất: đạt ", "; các khoản khác.", "Thu tiền sử dụng đất: đạt"),
    ("Trong năm. Tỷ lệ hộ nghèo đạt ", ".", "Tỷ lệ hộ nghèo đạt"),
    ("một hai ba bốn năm sáu bảy tám chín mười mười một mười hai ", " a b c d e f g h",
     "Năm sáu bảy tám chín mười mười một mười hai … a b c d e f"),
    ("", "", "7"),
])
def test_a_draft_meaning_is_the_clause_around_the_number(before, after, said):
    occurrence = read("7").occurrences[0]
    assert meaning(replace(occurrence, before=before, after=after)) == said


def test_a_long_meaning_is_cut_at_a_word_and_a_table_cell_is_its_row_and_column():
    occurrence = read("7").occurrences[0]
    words = [f"chuyểnđổisố{index:02d}" for index in range(16)]
    long = meaning(replace(occurrence, before=" ".join(words[:10]) + " ", after=" " + " ".join(words[10:])))
    assert long == "Chuyểnđổisố00 " + " ".join(words[1:10]) + " … " + words[10] + "…"
    assert meaning(replace(occurrence, table=3, row="Thu ngân sách", column="Thực hiện")) == (
        "Thu ngân sách — Thực hiện")


# --------------------------------------------------------------------------
# Years and documents
# --------------------------------------------------------------------------

def test_the_report_year_and_the_years_either_side_are_derived_figures():
    draft = drafted("Năm 2024 so với năm 2023 và kế hoạch năm 2025, giai đoạn 1990.")
    assert list(draft.macros.values())[:3] == ['{{ so("nam.bao_cao") }}', '{{ so("nam.truoc") }}',
                                               '{{ so("nam.ke_hoach") }}']
    assert list(draft.figures) == ["ket_qua_thuc_hien.giai_doan"]
    assert draft.figures["ket_qua_thuc_hien.giai_doan"]["gia_tri"] == 1990


def test_a_cited_document_gets_a_key_its_kind_issuer_and_date():
    draft = drafted("Thực hiện Quyết định số 7012/QĐ-UBND ngày 27/12/2023 của UBND thành phố, Kết luận "
                    "số 118-KL/TU và Quyết định 7012/QĐ-UBND.")
    assert draft.documents == {
        "qd-7012-ubnd": {"loai": "Quyết định", "so_hieu": "7012/QĐ-UBND", "co_quan": "UBND thành phố",
                         "ngay": datetime.date(2023, 12, 27), "mau_ngay": "dd/MM/yyyy", "muc": "I"},
        "kl-118-tu": {"loai": "Kết luận", "so_hieu": "118-KL/TU", "muc": "I"},
    }
    assert list(draft.macros.values()) == ['{{ vb("qd-7012-ubnd") }}', '{{ vb("qd-7012-ubnd", "ngay") }}',
                                           '{{ vb("kl-118-tu") }}', '{{ vb("qd-7012-ubnd") }}']


def test_a_document_known_from_an_earlier_year_keeps_its_key_and_two_numbers_never_share_one():
    draft = drafted("Theo Kế hoạch số 161/KH-UBND, Kế hoạch số 161/KH-UBND-2 và Kế hoạch 95/KH-UBND.",
                    earlier={"95/KH-UBND": "ke-hoach-tong-the"})
    assert {key: document["so_hieu"] for key, document in draft.documents.items()} == {
        "kh-161-ubnd": "161/KH-UBND", "kh-161-ubnd-2": "161/KH-UBND-2", "ke-hoach-tong-the": "95/KH-UBND"}


# --------------------------------------------------------------------------
# Last year's figures
# --------------------------------------------------------------------------

def test_a_name_last_year_had_keeps_its_key_kind_and_meaning_with_the_years_moved_on():
    draft = drafted("Kiểm điểm theo hướng 5 rõ, 6 dám.", previous=year_2023(), names=("5 rõ, 6 dám",))
    assert draft.figures["nguyen_tac.nam_ro_sau_dam"]["loai"] == "ten"
    assert draft.carried == 1 and draft.review == []
    assert draft.macros == {0: '{{ so("nguyen_tac.nam_ro_sau_dam") }}'}


def test_years_in_a_carried_meaning_move_on_by_the_years_between():
    assert draft_data.shift_years("Năm 2023 so với năm 2022, kế hoạch 2024, giai đoạn 2020", 2023, 2024) == (
        "Năm 2024 so với năm 2023, kế hoạch 2025, giai đoạn 2020")
    assert draft_data.shift_years("Năm 2023", 2023, 2025) == "Năm 2025"
    assert draft_data.shift_years("Năm 2023", 2023, 2023) == "Năm 2023"
    assert draft_data.shift_years("Quý 1 năm 2023", 0, 2024) == "Quý 1 năm 2023"


# --------------------------------------------------------------------------
# What a careful reader notices
# --------------------------------------------------------------------------

def test_a_percentage_right_after_its_ratio_is_checked_and_kept_with_a_note_when_it_differs():
    draft = drafted("Có 31/412 đơn chậm, chiếm 7,9%.")
    [check] = draft.checks
    ratio, percent = list(draft.figures)
    assert check == {"loai": "ti_le_cua_ti_so", "phan_tram": percent, "ti_so": ratio,
                     "sai_lech_nguon": {"ghi_chu": f"ti-le-{percent.split('.')[-1].replace('_', '-')}"}}
    note = check["sai_lech_nguon"]["ghi_chu"]
    assert draft.notes[note] == {"muc": "I", "noi_dung": "Bản gốc ghi «31/412 … 7,9%». Phép chia 31/412 cho 7,52%, "
                                                        "làm tròn là 7,5%. Trang này giữ nguyên tỷ lệ 7,9% của bản gốc."}
    assert draft.figures[percent]["ghi_chu"] == note and draft.notes_after == {0: [note]}
    assert draft.review[-1] == ReviewItem(
        "ti_le_lech", f"Tỷ lệ không khớp với tỷ số (mục I): 31/412 = 7,52%, làm tròn là 7,5%, nhưng bản gốc ghi "
        f"7,9%. Đã giữ số của bản gốc và đề xuất ghi chú biên tập «{note}».", "ket-qua-thuc-hien", percent,
        "Đối chiếu với cơ quan soạn báo cáo; sửa lời ghi chú nếu cần.")


def test_a_percentage_that_matches_its_ratio_is_checked_without_a_note():
    draft = drafted("Giải quyết 27/30 hồ sơ, đạt 90%; rồi 1/3 việc = 33,3%.")
    assert [check.get("sai_lech_nguon") for check in draft.checks] == [None, None]
    assert len(draft.checks) == 2 and draft.notes == {}


@pytest.mark.parametrize("sentence", [
    "Có 31/412 đơn chậm. Tỷ lệ 7,9%.",
    "Có 31/412 đơn chậm, tăng 7,9%.",
    "Có 31/412 đơn chậm so với 7,9%.",
    "Có 31/412 đơn chậm; 7,9%.",
    "Có 31/412 đơn chậm trong tổng số các loại đơn thư khiếu nại tố cáo, chiếm 7,9%.",
])
def test_a_percentage_not_stated_as_its_ratio_is_not_checked(sentence):
    assert drafted(sentence).checks == []


def test_a_whole_and_its_parts_in_one_sentence_are_checked():
    draft = drafted("Tổng thu 30 tỷ đồng, gồm 10 tỷ đồng thu thuế và 20 tỷ đồng thu phí; khác 5 tỷ đồng.")
    whole, first, second, other = list(draft.figures)
    assert draft.checks == [{"loai": "tong_cac_phan", "tong": whole, "cac_phan": [first, second]}]


def test_parts_in_another_unit_or_kind_are_not_summed():
    assert drafted("Tổng thu 30 tỷ đồng, bao gồm 10 tỷ đồng và 500 triệu đồng.").checks == []
    assert drafted("Tổng 30 hộ, gồm 10 hộ.").checks == []
    draft = drafted("Tổng 30 hộ, gồm 10 hộ và 2 tỷ đồng, 20 hộ.")
    whole, first, money, second = list(draft.figures)
    assert draft.checks == [{"loai": "tong_cac_phan", "tong": whole, "cac_phan": [first, second]}]


def test_a_whole_less_what_is_left_out_is_checked():
    draft = drafted("Thu 100 tỷ đồng; loại trừ 40 tỷ đồng tiền đất thì còn 60 tỷ đồng.")
    whole, removed, remaining = list(draft.figures)
    assert draft.checks == [{"loai": "tong_cac_phan", "tong": whole, "cac_phan": [removed, remaining]}]
    assert drafted("Thu 100 tỷ đồng; không kể 40 tỷ đồng, còn 60 tỷ đồng.").checks == []


def test_a_total_row_of_a_table_is_the_sum_of_its_column_but_not_of_a_rate_column():
    writer = read(table(("Chỉ tiêu", "Thực hiện (tỷ đồng)", "Tỷ lệ (%)"),
                        ("Thu thuế", "10", "50"), ("Thu phí", "20", "40"), ("Tổng cộng", "30", "90")))
    draft = draft_data.build(writer.occurrences, 2024, None, {}, [])
    draft_data.table_totals(draft, writer.occurrences)
    keys = {(o.row, o.column): draft.macros[o.ident].split('"')[1] for o in writer.occurrences}
    column = "Thực hiện (tỷ đồng)"
    assert draft.checks == [{"loai": "tong_cac_phan", "tong": keys[("Tổng cộng", column)],
                             "cac_phan": [keys[("Thu thuế", column)], keys[("Thu phí", column)]]}]
    assert draft.figures[keys[("Thu thuế", column)]]["don_vi"] == "tỷ đồng"


def test_a_row_number_column_is_a_label_not_a_quantity():
    [figure] = drafted(table(("STT", "Chỉ tiêu"), ("1", "Thu"))).figures.values()
    assert figure["loai"] == "ten" and "don_vi" not in figure


def test_a_word_that_cannot_be_vietnamese_is_listed_with_its_place():
    draft = DraftData(2024)
    draft_data.spelling(draft, {3: ("chi-dao", "I.2", "Thực hiện quyêt định."), 4: ("chi-dao", "I.2", "Thànhh phố."),
                                5: ("", "Mở đầu", "Tuyểt vời.")}, {3: 12})
    assert draft.review == [
        ReviewItem("chinh_ta", "«quyêt» (mục I.2) không thể là một âm tiết tiếng Việt: vần kết thúc bằng -t chỉ đi "
                   "với dấu sắc hoặc dấu nặng, ở đây không có dấu. Có thể là: quyết, quyệt.", "chi-dao", None,
                   "Đối chiếu với văn bản gốc (docs/…/chi-dao.md, dòng 12). Giữ nguyên chữ của bản gốc và thêm ghi "
                   "chú biên tập nếu đúng là lỗi gõ, như các ghi chú của năm 2023."),
        ReviewItem("chinh_ta", "«Thànhh» (mục I.2) không thể là một âm tiết tiếng Việt: kết thúc bằng \"nhh\", không "
                   "phải một âm cuối của tiếng Việt.", "chi-dao", None,
                   "Đối chiếu với văn bản gốc (docs/…/chi-dao.md, dòng 1). Giữ nguyên chữ của bản gốc và thêm ghi "
                   "chú biên tập nếu đúng là lỗi gõ, như các ghi chú của năm 2023."),
        ReviewItem("chinh_ta", "«Tuyểt» (mục Mở đầu) không thể là một âm tiết tiếng Việt: vần kết thúc bằng -t chỉ đi "
                   "với dấu sắc hoặc dấu nặng. Có thể là: Tuyết, Tuyệt.", "", None,
                   "Đối chiếu với văn bản gốc (). Giữ nguyên chữ của bản gốc và thêm ghi chú biên tập nếu đúng là lỗi "
                   "gõ, như các ghi chú của năm 2023."),
    ]


# --------------------------------------------------------------------------
# Notes
# --------------------------------------------------------------------------

def test_note_keys_are_unique_and_a_note_follows_the_first_mention_on_each_page():
    draft = DraftData(2024)
    assert [draft.note("a", "I", "x"), draft.note("a", "I", "y"), draft.note("a", "II", "z")] == ["a", "a-2", "a-3"]
    draft.figures["g.k"] = {"loai": "so_luong"}
    draft.mentions["g.k"] = [("p", 1), ("p", 2), ("q", 7)]
    draft.attach("g.k", "a-2")
    draft.attach("g.k", "a-3")
    assert draft.figures["g.k"]["ghi_chu"] == "a-2"
    assert draft.notes_after == {1: ["a-2", "a-3"], 7: ["a-2", "a-3"]}


def test_a_note_for_a_figure_stated_nowhere_yet_only_names_it():
    draft = DraftData(2024)
    draft.figures["g.k"] = {"loai": "so_luong"}
    draft.attach("g.k", "a")
    assert draft.figures["g.k"]["ghi_chu"] == "a" and draft.notes_after == {}


def test_document_keys_have_four_parts_at_most_and_count_on_for_each_new_number():
    draft = drafted("Văn bản 123/QĐ-UBND-VP-TC, Kế hoạch số 161/KH-UBND, 161/KH-UBND-2 và 161/KH-UBND-3.")
    assert {key: document["so_hieu"] for key, document in draft.documents.items()} == {
        "qd-123-ubnd-vp": "123/QĐ-UBND-VP-TC", "kh-161-ubnd": "161/KH-UBND", "kh-161-ubnd-2": "161/KH-UBND-2",
        "kh-161-ubnd-3": "161/KH-UBND-3"}


def test_a_document_keeps_the_issuer_it_was_first_cited_with():
    draft = drafted("Quyết định 7012/QĐ-UBND ngày 27/12/2023 của UBND tỉnh; Quyết định 7012/QĐ-UBND ngày 27/12/2023 "
                    "của Chủ tịch UBND thành phố.")
    assert draft.documents["qd-7012-ubnd"]["co_quan"] == "UBND tỉnh"


@pytest.mark.parametrize(("sentence", "noted"), [
    ("Có 1/8 hộ, chiếm 13%.", None),
    ("Có 1/8 hộ, chiếm 12%.", "Bản gốc ghi «1/8 … 12%». Phép chia 1/8 cho 12,50%, làm tròn là 13%. Trang này giữ nguyên "
                             "tỷ lệ 12% của bản gốc."),
    ("Có 1/32 hộ, chiếm 4%.", "Bản gốc ghi «1/32 … 4%». Phép chia 1/32 cho 3,13%, làm tròn là 3%. Trang này giữ nguyên "
                              "tỷ lệ 4% của bản gốc."),
    ("Có 1/32 hộ, chiếm 3,1%.", None),
    ("Có 7/100 hộ, chiếm 8,0%.", "Bản gốc ghi «7/100 … 8,0%». Phép chia 7/100 cho 7,00%, làm tròn là 7,0%. Trang này "
                                 "giữ nguyên tỷ lệ 8,0% của bản gốc."),
])
def test_a_ratios_percentage_is_rounded_half_up_as_people_round(sentence, noted):
    draft = drafted(sentence)
    assert [note["noi_dung"] for note in draft.notes.values()] == ([noted] if noted else [])


def test_a_percentage_is_checked_against_its_ratio_once():
    writer = read("Có 31/412 đơn chậm, chiếm 7,9%.")
    draft = draft_data.build(writer.occurrences, 2024, None, {}, [])
    draft_data.ratio_percentages(draft, writer.occurrences)
    draft_data.ratio_percentages(draft, writer.occurrences)
    assert len(draft.checks) == 1 and len(draft.notes) == 1


def test_a_sum_is_checked_once():
    writer = read("Tổng thu 30 tỷ đồng, gồm 10 tỷ đồng thu thuế và 20 tỷ đồng thu phí.")
    draft = draft_data.build(writer.occurrences, 2024, None, {}, [])
    draft_data.sums_in_sentences(draft, writer.occurrences)
    draft_data.sums_in_sentences(draft, writer.occurrences)
    assert len(draft.checks) == 1


@lru_cache(maxsize=1)
def mentions_2023() -> tuple:
    from macros import carry_over
    return tuple(carry_over.mentions(ROOT / "docs" / "2023"))


def test_a_figure_stated_again_keeps_its_key_and_meaning_with_the_year_moved_on():
    sentence = ("Xây dựng chính quyền điện tử, giải quyết TTHC số lượng lớn, gần 92.500 hồ sơ TTHC, tỷ lệ giải quyết "
                "đúng và trước hạn đạt 100,5%, số hóa hồ sơ thủ tục hành chính đạt trên 99%.")
    writer = read(sentence, page="ket-qua-nhiem-vu-quyen-han")
    draft = draft_data.build(writer.occurrences, 2024, year_2023(), {}, list(mentions_2023()))
    assert draft.carried == 3 and draft.review == []
    assert draft.figures["tthc.dung_va_truoc_han"]["loai"] == "muc_dat"  # 100,5% cannot be a share
    assert draft.figures["tthc.so_hoa"]["loai"] == year_2023().figures["tthc.so_hoa"].loai
    meaning_2023 = year_2023().figures["tthc.ho_so"].y_nghia
    assert "2023" in meaning_2023 and draft.figures["tthc.ho_so"]["y_nghia"] == meaning_2023.replace("2023", "2024")


@pytest.mark.parametrize(("sentence", "key"), [
    ("Giải quyết 31/38 hồ sơ đúng hạn.", "ket_qua_thuc_hien.ho_dung_han"),   # a ratio: what it counts ("sơ" folds to a stopword)
    ("Thu 45 hộ.", "ket_qua_thuc_hien.thu_ho"),                             # one word each side
    ("Năm nay tốt. Đạt 86,7%.", "ket_qua_thuc_hien.so_lieu"),               # nothing to name it by
])
def test_a_new_figures_key_is_made_from_the_words_that_say_what_it_is(sentence, key):
    assert list(drafted(sentence).figures) == [key]


def test_a_table_figure_is_named_by_its_row_and_column_and_counts_in_their_unit():
    draft = drafted(table(
        ("Chỉ tiêu", "Thực hiện (tỷ đồng)", "Kế hoạch giao đầu kỳ", "Hồ sơ (hồ sơ)", "Số lượng"),
        ("Thu thuế", "12", "15", "31/38", "5"), ("Thu phí (triệu đồng)", "", "7", "", "")))
    assert {key: (figure["loai"], figure.get("don_vi")) for key, figure in draft.figures.items()} == {
        "ket_qua_thuc_hien.thu_thue_thuc_hien": ("so_luong", "tỷ đồng"),
        "ket_qua_thuc_hien.thu_thue_ke_hoach_giao": ("so_luong", "số"),
        "ket_qua_thuc_hien.thu_thue_ho": ("ti_so", "hồ sơ"),
        "ket_qua_thuc_hien.thu_thue_luong": ("so_luong", "số"),
        "ket_qua_thuc_hien.thu_phi_trieu_ke_hoach_giao": ("so_luong", "triệu đồng"),
    }


def test_a_long_row_and_column_give_three_words_each():
    draft = drafted(table(("Chỉ tiêu", "Kế hoạch năm sau"), ("Thu ngân sách thành phố", "12")))
    assert list(draft.figures) == ["ket_qua_thuc_hien.thu_ngan_sach_ke_hoach_sau"]


def test_a_count_without_a_word_after_it_is_counted_in_the_words_before():
    [figure] = drafted("Số hộ (45).").figures.values()
    assert figure["don_vi"] == "hộ"


def test_counts_are_written_back_as_typed():
    figures = list(drafted("Có 06 dự án, 1.234 hộ và 2,5 ha.").figures.values())
    assert [(figure["gia_tri"], type(figure["gia_tri"]).__name__) for figure in figures] == [
        ("06", "Bare"), ("1.234", "Bare"), ("2,5", "str")]


def test_a_meaning_longer_than_160_characters_is_cut_and_one_of_160_is_kept():
    occurrence = read("7").occurrences[0]
    kept = "a" * 150 + " bbbbbbbbb"
    assert meaning(replace(occurrence, before=kept + " ", after="")) == "A" + kept[1:]
    longer = "a" * 150 + " bbbbbbbbbb"
    assert meaning(replace(occurrence, before=longer + " ", after="")) == "A" + "a" * 149 + "…"


def test_a_short_clause_takes_the_sentence_before_it_and_spaces_are_one():
    occurrence = read("7").occurrences[0]
    assert meaning(replace(occurrence, before="Kết quả. Tổng thu\tngân sách, đạt ", after="")) == (
        "Tổng thu ngân sách, đạt")
    assert meaning(replace(occurrence, before="Năm nay, tổng số là ", after="")) == "Tổng số là"


def test_a_carried_count_keeps_last_years_unit():
    sentence = ("Xây dựng chính quyền điện tử, giải quyết TTHC số lượng lớn, gần 92.500 hồ sơ TTHC, tỷ lệ giải quyết "
                "đúng và trước hạn đạt 99,8%.")
    draft = draft_data.build(read(sentence, page="ket-qua-nhiem-vu-quyen-han").occurrences, 2024, year_2023(), {},
                             list(mentions_2023()))
    assert draft.figures["tthc.ho_so"]["don_vi"] == year_2023().figures["tthc.ho_so"].don_vi


def test_relations_are_looked_for_within_one_paragraph_and_past_other_numbers():
    assert drafted("Có 31/412 đơn.", "Chiếm 7,9%.").checks == []
    assert drafted("Tổng 30 hộ.", "Gồm 10 hộ và 20 hộ.").checks == []
    assert drafted("Tỷ lệ 30%, gồm 10% và 20%.").checks == []
    [check] = drafted("Có 12 hộ, 3/4 đơn = 75%.").checks
    assert check["loai"] == "ti_le_cua_ti_so"


def test_a_total_row_of_amounts_is_checked_too():
    writer = read(table(("Khoản", "Số tiền"), ("Thuế", "10 tỷ đồng"), ("Phí", "20 tỷ đồng"),
                        ("Tổng cộng", "30 tỷ đồng")))
    draft = draft_data.build(writer.occurrences, 2024, None, {}, [])
    draft_data.table_totals(draft, writer.occurrences)
    assert [check["loai"] for check in draft.checks] == ["tong_cac_phan"]
    assert draft.mentions[draft.checks[0]["tong"]] == [("ket-qua-thuc-hien", writer.occurrences[0].table)]


def test_a_meaning_drops_an_opening_bracket_collapses_spaces_and_cuts_at_a_word():
    occurrence = read("7").occurrences[0]
    assert meaning(replace(occurrence, before="Tổng số hộ nghèo (", after=")")) == "Tổng số hộ nghèo"
    assert meaning(replace(occurrence, table=1, row="Thu  ngân\nsách", column="")) == "Thu ngân sách"
    cut = "a" * 150 + " " + "b" * 6 + " " + "c" * 10
    assert meaning(replace(occurrence, before=cut + " ", after="")) == "A" + "a" * 149 + "…"


def test_a_long_subject_gives_four_words_and_a_far_ratio_does_not_stop_the_search():
    assert list(drafted("Tổng thu ngân sách nhà nước đạt 5 tỷ đồng.").figures) == [
        "ket_qua_thuc_hien.tong_thu_ngan_sach"]
    draft = drafted("Có 1/2 hộ trong tổng số rất nhiều các loại hồ sơ đã nhận về, chiếm 50%; có 3/4 đơn = 75%.")
    assert [check["loai"] for check in draft.checks] == ["ti_le_cua_ti_so"]


@pytest.mark.parametrize(("sentence", "checked"), [
    ("Thu 100 tỷ đồng. Loại trừ 40 tỷ đồng thì còn 60 tỷ đồng.", True),
    ("Thu 100 tỷ đồng, chi 40 tỷ đồng thì còn 60 tỷ đồng.", False),
    ("Có 5 hộ; loại trừ 40 tỷ đồng thì còn 60 tỷ đồng.", False),
])
def test_a_whole_less_what_is_left_out_needs_its_words_and_an_earlier_whole(sentence, checked):
    assert bool(drafted(sentence).checks) is checked
