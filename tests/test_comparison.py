"""Year-over-year changes, said the Vietnamese way, from two years' figures (never typed)."""

from __future__ import annotations

import pytest

from macros.comparison import NotComparable, change
from macros.models import Count, Money, Name, Percent


def money(written: str) -> Money:
    return Money(loai="tien", gia_tri=written, y_nghia="x", muc="I")


def percent(written: str) -> Percent:
    return Percent(loai="ti_le", gia_tri=written, y_nghia="x", muc="I")


def count(written: str, unit: str = "phiên họp") -> Count:
    return Count(loai="so_luong", gia_tri=written, don_vi=unit, y_nghia="x", muc="I")


@pytest.mark.parametrize(("now", "before", "said"), [
    (money("1.633 tỷ 225 triệu đồng"), money("1.484 tỷ 750 triệu đồng"),
     "tăng 148,475 tỷ đồng (+10,0%) so với năm 2023"),
    (money("500 tỷ đồng"), money("510 tỷ đồng"), "giảm 10 tỷ đồng (−2,0%) so với năm 2023"),
    (money("510 tỷ đồng"), money("510 tỷ đồng"), "không đổi so với năm 2023"),
    (money("0,5 tỷ đồng"), money("0,25 tỷ đồng"), "tăng 0,25 tỷ đồng (+100,0%) so với năm 2023"),
    (count("52"), count("50"), "tăng 2 phiên họp (+4,0%) so với năm 2023"),
    (count("50"), count("21"), "tăng 29 phiên họp (+138,1%) so với năm 2023"),
    (count("3"), count("0"), "tăng 3 phiên họp so với năm 2023"),
    (count("1.003"), count("1.010"), "giảm 7 phiên họp (−0,7%) so với năm 2023"),
    (percent("99,8%"), percent("99,9%"), "giảm 0,1 điểm phần trăm so với năm 2023"),
    (percent("0,72%"), percent("0,97%"), "giảm 0,25 điểm phần trăm so với năm 2023"),
    (percent("45,5%"), percent("40%"), "tăng 5,5 điểm phần trăm so với năm 2023"),
])
def test_the_change_is_said_as_a_reader_would(now, before, said):
    assert change(now, before, 2023) == said


def test_a_relative_change_is_rounded_half_up():
    assert change(count("401"), count("400"), 2022) == "tăng 1 phiên họp (+0,3%) so với năm 2022"  # 0,25%
    assert change(count("1.001"), count("800"), 2022) == "tăng 201 phiên họp (+25,1%) so với năm 2022"


def test_a_small_rise_is_still_a_rise():
    assert change(count("1.005"), count("1.000"), 2022) == "tăng 5 phiên họp (+0,5%) so với năm 2022"
    assert change(count("10.001"), count("10.000"), 2022) == "tăng 1 phiên họp (+0,0%) so với năm 2022"
    assert change(count("10.000"), count("10.001"), 2022) == "giảm 1 phiên họp (−0,0%) so với năm 2022"


def test_the_change_keeps_the_precision_of_the_figures():
    assert change(money("12,25 tỷ đồng"), money("10,75 tỷ đồng"), 2023) == "tăng 1,50 tỷ đồng (+14,0%) so với năm 2023"
    assert change(percent("40,25%"), percent("40,75%"), 2023) == "giảm 0,50 điểm phần trăm so với năm 2023"
    assert change(percent("40%"), percent("39,5%"), 2023) == "tăng 0,5 điểm phần trăm so với năm 2023"


def test_an_amount_keeps_its_unit():
    millions = Money(loai="tien", gia_tri="850 triệu đồng", y_nghia="x", muc="I")
    before = Money(loai="tien", gia_tri="800 triệu đồng", y_nghia="x", muc="I")
    assert change(millions, before, 2023) == "tăng 50 triệu đồng (+6,3%) so với năm 2023"


@pytest.mark.parametrize(("now", "before"), [
    (money("10 tỷ đồng"), count("10")),
    (count("10", "dự án"), count("8", "công trình")),
    (Name(loai="ten", gia_tri="KV1", y_nghia="x", muc="I"), Name(loai="ten", gia_tri="KV2", y_nghia="x", muc="I")),
    (Count(loai="so_luong", gia_tri=None, don_vi="dự án", y_nghia="x", muc="I"), count("8", "dự án")),
    (count("8", "dự án"), Count(loai="so_luong", gia_tri=None, don_vi="dự án", y_nghia="x", muc="I")),
])
def test_figures_that_cannot_be_compared_are_refused(now, before):
    with pytest.raises(NotComparable):
        change(now, before, 2023)
