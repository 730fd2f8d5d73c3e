"""Which of last year's figures a new number is (macros/carry_over.py).

The expected words, likenesses and keys are worked out by hand from the
rule the module states: words folded, numbers one mark, the three nearest
words weighing 1, 1/2 and 1/3, half of each side from them and half from
the words' common order, a key kept at 0.55 or more (0.05 more on the same
page), the best score first and each key to one value.
"""

from __future__ import annotations

import pytest

from macros.carry_over import Candidate, Context, Mention, mentions, match, words


def test_words_are_folded_and_every_number_is_one_mark():
    assert words("Tổng thu NSNN đạt 1.484 tỷ 750 triệu đồng, bằng 125,1%") == [
        "tong", "thu", "nsnn", "dat", "#", "#", "ty", "#", "trieu", "dong", "bang", "#", "#"]


def test_a_context_keeps_the_eight_nearest_words_each_side():
    context = Context.around("một hai ba bốn năm sáu bảy tám chín mười", "a b c d e f g h i j")
    assert context.left == ("muoi", "chin", "tam", "bay", "sau", "nam", "bon", "ba")
    assert context.right == ("a", "b", "c", "d", "e", "f", "g", "h")


def side(left: tuple[str, ...], other: tuple[str, ...]) -> float:
    """One side's likeness, read through contexts whose other sides are the same three words (1.0)."""
    same = ("x", "y", "z")
    return 2 * Context(left, same).likeness(Context(other, same)) - 1


@pytest.mark.parametrize("a, b, expected", [
    (("a", "b", "c"), ("a", "b", "c"), 1.0),
    # nearest words: (1/2 + 1/3) / (1 + 1/2 + 1/3) = 5/11; common order: 2 * 2 / 6
    (("x", "b", "c"), ("y", "b", "c"), 0.5 * 5 / 11 + 0.5 * 2 / 3),
    # only the first word: 1 / (11/6) = 6/11; common order 2 * 1 / 4
    (("a", "b"), ("a", "c"), 0.5 * 6 / 11 + 0.5 * 1 / 2),
    # the fourth word is not one of the nearest three; it counts in the common order only (2 * 1 / 8)
    (("a", "b", "c", "d"), ("x", "y", "z", "d"), 0.5 * 0 + 0.5 * 1 / 4),
    (("a",), (), 0.0),
    ((), ("a",), 0.0),
])
def test_likeness_of_one_side(a, b, expected):
    assert side(a, b) == pytest.approx(expected)


def test_likeness_averages_both_sides_and_nothing_on_a_side_is_no_evidence():
    assert Context((), ()).likeness(Context((), ())) == pytest.approx(0.5)
    three = ("a", "b", "c")
    assert Context(three, ()).likeness(Context(three, ())) == pytest.approx((1.0 + 0.5) / 2)
    assert Context(three, ("d",)).likeness(Context(three, ())) == pytest.approx((1.0 + 0.0) / 2)


SAID = Context(("dat", "thu", "tong"), ("ty", "dong"))


def candidate(ident: int, context: Context = SAID, text: str = "1.484 tỷ", page: str = "ket-qua",
              family: str = "tien") -> Candidate:
    return Candidate(ident, family, text, page, context)


def mention(key: str, context: Context = SAID, page: str = "ket-qua") -> Mention:
    return Mention(key, page, context)


FAMILIES = {"thu.tong": "tien", "thu.khac": "tien", "ho_ngheo.ti_le": "phan_tram"}


def test_a_number_among_last_years_words_gets_its_key():
    assert match([candidate(1)], [mention("thu.tong")], FAMILIES) == {1: "thu.tong"}


def test_a_number_of_another_kind_never_gets_the_key():
    assert match([candidate(1, family="phan_tram")], [mention("thu.tong")], FAMILIES) == {}


def test_the_same_page_adds_just_enough_at_the_threshold():
    # Nothing said on either side: likeness 0.5; on the same page 0.55, the threshold itself.
    bare = Context((), ())
    assert match([candidate(1, bare)], [mention("thu.tong", bare)], FAMILIES) == {1: "thu.tong"}
    assert match([candidate(1, bare)], [mention("thu.tong", bare, page="khac")], FAMILIES) == {}


def test_below_the_threshold_there_is_no_key():
    # Left side alike (1.0), right side nothing in common (0.0): likeness 0.5, on another page.
    other = Context(SAID.left, ("nguoi",))
    assert match([candidate(1, other)], [mention("thu.tong", page="khac")], FAMILIES) == {}


def test_of_two_numbers_the_one_in_the_closer_words_gets_the_key():
    closer = candidate(1)
    farther = candidate(2, Context(("uoc", "thu", "tong"), ("ty", "dong")), text="9 tỷ")
    assert match([farther, closer], [mention("thu.tong")], FAMILIES) == {1: "thu.tong"}


def test_equal_scores_go_to_the_number_that_comes_first():
    assert match([candidate(2, text="2 tỷ"), candidate(1, text="1 tỷ")], [mention("thu.tong")], FAMILIES) \
        == {1: "thu.tong"}


def test_a_key_goes_to_several_mentions_of_the_same_value_only():
    same = match([candidate(1), candidate(2)], [mention("thu.tong")], FAMILIES)
    other = match([candidate(1), candidate(2, text="9 tỷ")], [mention("thu.tong")], FAMILIES)
    assert same == {1: "thu.tong", 2: "thu.tong"}
    assert other == {1: "thu.tong"}


def test_mentions_read_each_figure_with_the_words_of_its_own_paragraph(tmp_path):
    (tmp_path / "ket-qua.md").write_text(
        "# Kết quả\n\n"
        "- Tổng thu *ngân sách* đạt {{ so(\"thu.tong\") }} tỷ đồng {{ chu_thich(\"x\") }} bằng\n"
        "- {{ vb(\"nq\") }} và {{ so('ho_ngheo.ti_le') }} hộ\n\n"
        "Đoạn khác {{ vb(\"thu.khac\") }} sau.\n\n"
        "Tiêu đề mục\n### Thu {{ so(\"thu.khac\") }} tỷ\n", encoding="utf-8")
    found = mentions(tmp_path)
    assert [(m.key, m.page) for m in found] == [
        ("thu.tong", "ket-qua"), ("ho_ngheo.ti_le", "ket-qua"), ("thu.khac", "ket-qua")]
    assert found[0].context.left == ("dat", "sach", "ngan", "thu", "tong")
    assert found[0].context.right == ("ty", "dong", "bang", "#", "va", "#", "ho")
    assert found[1].context.left == ("va", "#", "bang", "dong", "ty", "#", "dat", "sach")
    assert found[1].context.right == ("ho",)
    assert found[2].context == Context(("thu", "muc", "de", "tieu"), ("ty",))
