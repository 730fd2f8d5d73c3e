"""Spelling of Vietnamese syllables: which words of a report cannot be Vietnamese, why, and what was meant."""

from __future__ import annotations

import pytest

from macros.syllables import Misspelling, check_word, misspellings

NO_TONE = "vần kết thúc bằng -{} chỉ đi với dấu sắc hoặc dấu nặng, ở đây không có dấu"
WRONG_TONE = "vần kết thúc bằng -{} chỉ đi với dấu sắc hoặc dấu nặng"


@pytest.mark.parametrize("word", [
    "hoac", "thach", "quyết", "định", "hoạt", "mẹt", "thuộc", "nghiêng", "Đường", "ĐƯỜNG", "huýt", "học", "gì", "của",
    "UBND", "HĐND", "ĐT", "Internet", "COVID", "ngân", "sách", "a",
])
def test_words_that_can_be_vietnamese_or_are_not_judged(word):
    """Words without Vietnamese letters or marks (hoac, UBND, Internet) are not judged: they may be foreign."""
    assert check_word(word) is None


@pytest.mark.parametrize(("word", "reason"), [
    ("quyêt", NO_TONE.format("t")),
    ("thuôc", NO_TONE.format("c")),
    ("Thăch", NO_TONE.format("ch")),
    ("hôp", NO_TONE.format("p")),
    ("mèt", WRONG_TONE.format("t")),            # only sắc and nặng go with a stop
    ("bảc", WRONG_TONE.format("c")),
    ("hóà", "có hơn một dấu thanh"),            # two tone marks
    ("Hđnd", "không có nguyên âm"),             # "đ" not in capitals: not an abbreviation
    ("đc", "không có nguyên âm"),
    ("đươngf", 'kết thúc bằng "ngf", không phải một âm cuối của tiếng Việt'),
])
def test_words_that_cannot_be_vietnamese_and_why(word, reason):
    assert check_word(word) == reason


def test_a_misspelt_word_where_it_is_with_the_spellings_it_may_have_meant():
    assert misspellings("Năm quyêt định, mèt hóà tốt.") == [
        Misspelling("quyêt", 4, NO_TONE.format("t"), ("quyết", "quyệt")),
        Misspelling("mèt", 16, WRONG_TONE.format("t"), ("mét", "mẹt")),
        Misspelling("hóà", 20, "có hơn một dấu thanh", ()),
    ]


def test_a_capital_stays_a_capital_in_what_was_meant():
    assert misspellings("Kêt quả")[0].suggestions == ("Kết", "Kệt")
    assert misspellings("Tuyêt")[0].suggestions == ("Tuyết", "Tuyệt")


@pytest.mark.parametrize("text", ["hóà", "đươngf", "Hđnd"])
def test_only_a_stop_without_its_tone_gets_suggestions(text):
    (found,) = misspellings(text)
    assert found.suggestions == ()


def test_the_mark_goes_on_the_last_vowel_before_the_final():
    assert [m.suggestions for m in misspellings("ươc thuôc tuât khuyêt")] == [
        ("ước", "ược"), ("thuốc", "thuộc"), ("tuất", "tuật"), ("khuyết", "khuyệt")]
    assert misspellings("hoàt")[0].suggestions == ("hoát", "hoạt")
    assert misspellings("huỳt")[0].suggestions == ("huýt", "huỵt")
    assert [m.suggestions for m in misspellings("xoòng huỳch")] == [("huých", "huỵch")]


def test_correct_text_has_no_misspellings():
    assert misspellings("Tổng thu ngân sách nhà nước ước đạt 1.484 tỷ đồng; UBND, HĐND và COVID-19.") == []
