"""Figures are read and written back the Vietnamese way, exactly as the report writes them."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from pydantic import TypeAdapter, ValidationError

from macros.formatting import displayed, format_day, format_number
from macros.models import Figure, Money
from macros.written import Amount, CalendarYear, Day, Month, NotWritten, Number, Period, decimals_of, parse

FIGURE = TypeAdapter(Figure)
COMMON = {"y_nghia": "thử", "muc": "I.3"}


@pytest.mark.parametrize(("kind", "text", "value"), [
    ("tien", "1.484 tỷ 750 triệu đồng", Decimal("1484.75")),
    ("tien", "633 tỷ 900 triệu đồng", Decimal("633.9")),
    ("tien", "839,617 tỷ đồng", Decimal("839.617")),
    ("tien", "345,250 tỷ đồng", Decimal("345.25")),
    ("tien", "127.765 tỷ đồng", Decimal("127765")),
    ("tien", "65 triệu đồng", Decimal("65")),
    ("ti_le", "99,9%", Decimal("99.9")),
    ("ti_le", "0,97%", Decimal("0.97")),
    ("muc_dat", "122%", Decimal("122")),
    ("so_luong", "85.000", Decimal("85000")),
    ("so_luong", "06", Decimal("6")),
    ("so_luong", "600m", Decimal("600")),
    ("so_luong", "12,5", Decimal("12.5")),
    ("nam", "2040", Decimal("2040")),
])
def test_a_written_number_keeps_its_value_and_its_text(kind, text, value):
    read = parse(kind, text)
    assert read.value == value and read.text == text


@pytest.mark.parametrize(("kind", "text"), [
    ("ti_so", "27/393"), ("ti_so", "1/2000"), ("ngay", "09/5/2023"), ("ngay", "27/02/2023"), ("ngay", "20/12"),
    ("thang", "6/2024"), ("khoang", "2021-2026"), ("khoang", "30/10/1954-30/10/2024"), ("khoang", "2021 - 2025"),
    ("ten", "5 rõ, 6 dám"),
])
def test_other_kinds_are_written_back_unchanged(kind, text):
    assert parse(kind, text).text == text


def test_parts_of_ratios_dates_and_periods_are_read():
    ratio, day, period = parse("ti_so", "27/393"), parse("ngay", "09/5/2023"), parse("khoang", "1804-2024")
    assert (ratio.numerator.value, ratio.denominator.value) == (27, 393)
    assert day.date == datetime.date(2023, 5, 9) and period.years == 220


@pytest.mark.parametrize(("kind", "text"), [
    ("so_luong", "1.48"),            # a misplaced thousands dot
    ("so_luong", ",5"), ("so_luong", "5,"),
    ("tien", "1.484"),               # money without its unit
    ("tien", "1,5 tỷ"),
    ("ti_le", "13,6"),
    ("ti_so", "25/0"),
    ("ngay", "31/02/2023"),
    ("khoang", "2026-2021"),
    ("nam", "23"),
])
def test_text_that_is_not_exactly_a_value_is_refused(kind, text):
    with pytest.raises(NotWritten):
        parse(kind, text)


@pytest.mark.parametrize(("machine", "written"), [
    ({"loai": "tien", "gia_tri": 1484.75, "cach_viet": "ty_trieu"}, "1.484 tỷ 750 triệu đồng"),
    ({"loai": "tien", "gia_tri": 510, "cach_viet": "ty_trieu"}, "510 tỷ đồng"),
    ({"loai": "tien", "gia_tri": 345.25, "so_thap_phan": 3}, "345,250 tỷ đồng"),
    ({"loai": "ti_le", "gia_tri": 99.9}, "99,9%"),
    ({"loai": "so_luong", "gia_tri": 6, "chu_so_toi_thieu": 2, "don_vi": "dự án"}, "06"),
    ({"loai": "so_luong", "gia_tri": 600, "hau_to": "m", "don_vi": "mét"}, "600m"),
    ({"loai": "ngay", "gia_tri": datetime.date(2023, 2, 27), "mau_ngay": "dd/MM/yyyy"}, "27/02/2023"),
    ({"loai": "nam", "gia_tri": 2040}, "2040"),
])
def test_the_machine_form_still_works_and_is_written_the_same_way(machine, written):
    figure = FIGURE.validate_python({**machine, **COMMON})
    assert figure.gia_tri.text == written
    as_written = FIGURE.validate_python({"loai": machine["loai"], "gia_tri": written, **COMMON,
                                         **({"don_vi": machine["don_vi"]} if machine["loai"] == "so_luong" else {})})
    assert as_written.gia_tri == figure.gia_tri


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan"), True])
def test_numbers_that_are_not_numbers_are_refused(value):
    with pytest.raises(ValidationError, match="gia_tri"):
        FIGURE.validate_python({"loai": "tien", "gia_tri": value, **COMMON})


def test_a_written_value_with_machine_hints_is_refused():
    with pytest.raises(ValidationError, match="không dùng thêm so_thap_phan"):
        FIGURE.validate_python({"loai": "ti_le", "gia_tri": "99,9%", "so_thap_phan": 1, **COMMON})


def test_the_sources_own_text_is_shown_where_it_differs():
    figure = Money(loai="tien", gia_tri="127,765 tỷ đồng", nguyen_van="127.765 tỷ đồng", ghi_chu="x", **COMMON)
    assert figure.gia_tri.text == "127,765 tỷ đồng"
    assert displayed(figure) == "127.765 tỷ đồng"


def test_years_are_never_grouped_but_amounts_are():
    assert format_number(2023, grouping=False) == "2023"
    assert format_number(1003) == "1.003"


def test_binary_floats_do_not_leak_into_the_page():
    assert format_number(0.1 + 0.2, 1) == "0,3"
    assert FIGURE.validate_python({"loai": "ti_le", "gia_tri": 0.1 + 0.2, "so_thap_phan": 2,
                                   **COMMON}).gia_tri.text == "0,30%"


def test_days_follow_the_reports_padding():
    assert format_day(datetime.date(2023, 4, 3), "dd/M/yyyy") == "03/4/2023"


@pytest.mark.parametrize(("value", "decimals", "text"), [
    (Decimal("1484.75"), None, "1.484 tỷ 750 triệu đồng"),
    (Decimal("1484.75"), 1, "1.484 tỷ 750,0 triệu đồng"),
    (Decimal("2.5"), None, "2 tỷ 500 triệu đồng"),
    (Decimal("1484"), None, "1.484 tỷ đồng"),
    (Decimal("1484.000"), None, "1.484 tỷ đồng"),
])
def test_amounts_written_in_billions_and_millions(value, decimals, text):
    amount = Amount.of(value, split=True, decimals=decimals)
    assert amount.text == text and amount.value == value and amount.unit == "tỷ đồng"


def test_only_billions_split_into_millions():
    with pytest.raises(NotWritten) as raised:
        Amount.of(1, unit="triệu đồng", split=True)
    assert raised.value.args == ('Chỉ số tiền tính bằng "tỷ đồng" mới viết được dạng "... tỷ ... triệu đồng".',)


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_not_on_the_calendar(month):
    with pytest.raises(NotWritten) as raised:
        Month(month, 2024)
    assert raised.value.args == (f"Tháng {month} không có trên lịch.",)
    assert Month(12, 2024).text == "12/2024" and Month(1, 2024).text == "1/2024"


def test_a_day_is_written_as_reports_write_dates():
    assert Day.of(datetime.date(2024, 3, 5)).text == "05/3/2024"


def test_dates_are_formatted_in_vietnamese():
    assert format_day(datetime.date(2024, 3, 5), "d MMMM yyyy") == "5 tháng 3 2024"
    assert format_day(datetime.date(2024, 3, 5), "EEEE, dd/MM/yyyy") == "Thứ Ba, 05/03/2024"


@pytest.mark.parametrize(("kind", "text", "says"), [
    ("thang", "13/2024", "Tháng 13 không có trên lịch."),
    ("thang", "tháng sáu", '"tháng sáu" không phải là một tháng viết dạng 6/2024.'),
    ("khoang", "2026-2021", "Khoảng kết thúc (2021) trước khi bắt đầu (2026)."),
    ("khoang", "từ đầu năm", '"từ đầu năm" không phải là một khoảng thời gian dạng 2021-2026 hay 30/10/1954-30/10/2024.'),
    ("ten", "  ", "Tên đang để trống."),
    ("ti_so", "25-35", '"25-35" không phải là một tỷ số dạng 25/35.'),
    ("ti_so", "25/0", '"25/0": mẫu số bằng 0.'),
    ("ngay", "31/02/2023", "Ngày 31/2/2023 không có trên lịch."),
    ("ngay", "31/02", "Ngày 31/2 không có trên lịch."),
    ("ngay", "2023-05-09", '"2023-05-09" không phải là một ngày viết dạng 09/5/2023 (ngày dạng 2023-05-09 thì '
                           "không đặt trong dấu ngoặc kép)."),
    ("ngay", "hôm qua", '"hôm qua" không phải là một ngày viết dạng 09/5/2023.'),
    ("nam", "2201", "Năm 2201 nằm ngoài khoảng 1000–2200."),
    ("nam", "999", '"999" không phải là một năm viết bằng bốn chữ số.'),
    ("so_luong", "1.000.000.000.000.000", "Số quá lớn (hơn 15 chữ số)."),
    ("so_luong", "0000006", "Số âm, hoặc quá nhiều chữ số thập phân hay chữ số 0 ở đầu."),
    ("so_luong", "1,1234567", "Số âm, hoặc quá nhiều chữ số thập phân hay chữ số 0 ở đầu."),
])
def test_what_is_not_written_so_says_why(kind, text, says):
    with pytest.raises(NotWritten) as raised:
        parse(kind, text)
    assert str(raised.value) == says


@pytest.mark.parametrize("text", ["06.2024", "6-2024", "6/2024"])
def test_a_month_keeps_its_separator(text):
    assert parse("thang", text).text == text


def test_a_day_without_its_year_may_be_the_29th_of_february():
    assert parse("ngay", "29/02").text == "29/02"


def test_a_period_joins_ends_of_one_kind():
    with pytest.raises(NotWritten) as raised:
        Period(CalendarYear(2021), Month(6, 2024))
    assert str(raised.value) == "Hai đầu của khoảng phải cùng kiểu: cùng là năm, cùng là tháng hoặc cùng là ngày."


@pytest.mark.parametrize(("value", "says"), [
    (True, "Giá trị đúng/sai không phải là một con số."),
    ("1.484", "Giá trị 1.484 không phải là một con số."),
    (float("inf"), "Giá trị inf không phải là một con số hữu hạn."),
])
def test_a_value_that_is_not_a_finite_number_has_no_decimals(value, says):
    with pytest.raises(NotWritten) as raised:
        decimals_of(value)
    assert str(raised.value) == says



@pytest.mark.parametrize(("kind", "text"), [
    ("nam", "2200"), ("nam", "1000"), ("so_luong", "999.999.999.999.999"), ("so_luong", "000006"),
    ("so_luong", "1,123456"),
])
def test_the_edges_of_what_the_report_writes(kind, text):
    assert parse(kind, text).text == text


@pytest.mark.parametrize(("arguments", "says"), [
    ((Decimal(1), 7), "Số âm, hoặc quá nhiều chữ số thập phân hay chữ số 0 ở đầu."),
    ((Decimal(1), 0, 7), "Số âm, hoặc quá nhiều chữ số thập phân hay chữ số 0 ở đầu."),
    ((Decimal(1), 0, 6), "Số có các số 0 ở đầu thì không có dấu chấm ngăn cách hàng nghìn."),
    ((Decimal(1), 0, 4), "Số có các số 0 ở đầu thì không có dấu chấm ngăn cách hàng nghìn."),
])
def test_a_number_that_cannot_be_written(arguments, says):
    with pytest.raises(NotWritten) as raised:
        Number(*arguments)
    assert str(raised.value) == says

