"""Unit tests of the search's folding and tokenising functions (macros/vi_search.js).

The functions run where citizens run them, in Chromium, loaded from the
script the build writes, without lunr (so only the pure functions exist).
"""

from __future__ import annotations

import json

import pytest

from macros import search
from macros.models import Term
from macros.site_data import load_site
from tests.conftest import ROOT

GLOSSARY = {"GPMB": Term(day_du="giải phóng mặt bằng"), "KTXH": Term(day_du="kinh tế - xã hội", bien_the=["KT-XH"]),
            "QH": Term(day_du="quy hoạch"), "QHPK": Term(day_du="quy hoạch phân khu")}


@pytest.fixture(scope="module")
def js(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>t</title>")
    page.add_script_tag(content=search.search_script(GLOSSARY))

    def call(expression: str, *args):
        return page.evaluate(f"args => viSearch.{expression}(...args)", list(args))
    yield call
    page.close()


@pytest.mark.parametrize(("written", "folded"), [
    ("Giải phóng mặt bằng", "giai phong mat bang"), ("ĐẦU TƯ CÔNG", "dau tu cong"),
    ("uỷ", "uy"), ("ủy", "uy"), ("hoá", "hoa"), ("hóa", "hoa"), ("thuỷ", "thuy"), ("thủy", "thuy"),
    ("Ngân sách", "ngan sach"),
])
def test_fold_removes_marks_and_reads_d_for_dj(js, written, folded):
    assert js("fold", written) == folded


@pytest.mark.parametrize(("one", "other"), [("tỷ", "tỉ"), ("Lý", "lí"), ("kỹ", "kĩ"), ("mỹ", "mĩ"), ("quy", "qui")])
def test_a_syllable_spelt_with_y_or_i_is_one_term(js, one, other):
    assert js("term", one) == js("term", other)


@pytest.mark.parametrize("word", ["y", "thuỷ", "quyết", "tuy", "huy"])
def test_y_stays_where_it_is_not_the_only_vowel_or_stands_alone(js, word):
    assert js("term", word) == js("fold", word)


def test_old_and_new_tone_placement_fold_alike(js):
    # Decomposed input (as some keyboards send it) folds like composed input.
    assert js("fold", "u\u0309y") == js("fold", "ủy") == js("fold", "uỷ")


@pytest.mark.parametrize(("word", "terms"), [
    ("1.484", ["1.484"]), ("839,617", ["839,617"]), ("99,9%,", ["99,9%"]), ("(tăng", ["tang"]),
    ("6368/QĐ-UBND", ["6368/qd-ubnd", "6368", "qd", "ubnd"]), ("92-KL/TU", ["92-kl/tu", "92", "kl", "tu"]),
    ("KT-XH", ["ktxh", "kt", "xh"]), ("bộ-chợ", ["bocho", "bo", "cho"]), ("-", []), ("“Tiếp", ["tiep"]),
])
def test_word_terms_keep_numbers_and_document_numbers_whole(js, word, terms):
    assert js("wordTerms", word) == terms


def test_a_long_form_marks_each_of_its_words_with_the_abbreviation(js):
    entries = js("compile", search.glossary_for_search(GLOSSARY))
    words = ["cong", "tac", "giai", "phong", "mat", "bang", "va", "kinh", "te", "", "xa", "hoi"]
    found = js("longForms", entries, words, False)
    assert found[2:6] == [["gpmb"]] * 4 and found[7:12] == [["ktxh"], ["ktxh"], [], ["ktxh"], ["ktxh"]]
    assert found[0] == found[1] == found[6] == []


def test_the_longest_long_form_wins_in_a_query(js):
    entries = js("compile", search.glossary_for_search(GLOSSARY))
    plan = js("plan", entries, "quy* hoach* phan* khu*")
    assert [clause["term"] for clause in plan["required"]] == ["qhpk"]


def test_a_query_plan_requires_every_word_and_ranks_exact_spellings(js):
    plan = js("plan", [], "đầu* tư* công*")
    assert plan["required"] == [{"term": "dau", "wildcard": False, "words": ["dau"]},
                                {"term": "tu", "wildcard": False, "words": ["tu"]},
                                {"term": "cong", "wildcard": True, "words": ["cong"]}]
    assert {clause["term"] for clause in plan["ranking"]} == {"đầu", "tư", "công"}


def test_excluded_words_are_not_required(js):
    plan = js("plan", [], "ngan* -sach")
    assert [c["term"] for c in plan["required"]] == ["ngan"] and plan["excluded"] == ["sach"]


def test_a_query_still_being_typed_matches_the_long_form_by_prefix(js):
    entries = js("compile", search.glossary_for_search(GLOSSARY))
    assert js("plan", entries, "giai* phong* mat* ba*")["required"] == [
        {"term": "gpmb", "wildcard": False, "words": ["giai", "phong", "mat", "ba"]}]


def test_the_script_installs_the_sites_glossary():
    site = load_site(ROOT)
    script = search.search_script(site.glossary)
    installed = json.loads(script.rsplit("self.viSearch.install(", 1)[1].rsplit(");", 1)[0])
    assert {"short": ["HĐND", "HDND"], "long": "Hội đồng nhân dân"} in installed
    assert len(installed) == len(site.glossary)


def test_report_pages_are_labelled_with_their_year():
    index = {"docs": [{"location": "2023/a/", "title": "1. A"}, {"location": "2023/a/#b", "title": "B"},
                      {"location": "thuat-ngu/", "title": "Thuật ngữ viết tắt"}]}
    titles = [doc["title"] for doc in search.label_years(index, ())["docs"]]
    assert titles == ["Năm 2023 · 1. A", "B", "Thuật ngữ viết tắt"]
    assert [doc["title"] for doc in search.label_years(index, ())["docs"]] == titles  # only once


@pytest.mark.parametrize(("location", "title", "labelled"), [
    ("2023/ket-qua-nhiem-vu-quyen-han/", "3. Kết quả thực hiện các nhiệm vụ, quyền hạn",
     "Năm 2023 · I.3. Kết quả thực hiện các nhiệm vụ, quyền hạn"),
    ("2023/chi-dao-thuc-hien-ke-hoach/", "1. Công tác chỉ đạo thực hiện kế hoạch năm 2023",
     "Năm 2023 · I.1. Công tác chỉ đạo thực hiện kế hoạch năm 2023"),
    ("2023/han-che-nguyen-nhan/", "II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN", "Năm 2023 · II. MỘT SỐ HẠN CHẾ, NGUYÊN NHÂN"),
    ("2023/", "Tổng quan năm 2023", "Năm 2023 · Tổng quan năm 2023"),
    # a title that does not start with its own number, a page or a year the data does not know: year only
    ("2023/chi-dao-dieu-hanh/", "Công tác chỉ đạo", "Năm 2023 · Công tác chỉ đạo"),
    ("2023/khong-co/", "3. Trang khác", "Năm 2023 · 3. Trang khác"),
    ("2031/ket-qua-nhiem-vu-quyen-han/", "3. Kết quả", "Năm 2031 · 3. Kết quả"),
])
def test_a_subsection_is_labelled_with_its_groups_number(location, title, labelled):
    years = load_site(ROOT).newest_first()
    index = {"docs": [{"location": location, "title": title}]}
    assert search.label_years(index, years)["docs"][0]["title"] == labelled


def result(ref: str, score: float, **fields: list[str]) -> dict:
    """A lunr result as the worker sees it: matched index terms with the fields they matched in."""
    return {"ref": ref, "score": score,
            "matchData": {"metadata": {term: {field: {"position": []} for field in where}
                                       for term, where in fields.items()}}}


REQUIRED = [{"term": "ngan", "wildcard": False, "words": ["ngan"]},
            {"term": "gpmb", "wildcard": False, "words": ["giai", "phong", "mat", "bang"]},
            {"term": "bitcoin", "wildcard": False, "words": ["bitcoin"]}]


def test_the_closest_results_are_those_with_the_most_words(js):
    results = [result("a/#doan-1", 9.0, ngan=["text"]),
               result("b/#doan-1", 1.0, gpmb=["text"]),
               result("c/#doan-1", 5.0, ngan=["text"], gpmb=["text"]),
               result("d/#doan-1", 50.0, khac=["text"])]
    ranked = js("mostWordsFirst", results, REQUIRED)
    assert [r["ref"] for r in ranked] == ["c/#doan-1", "b/#doan-1", "a/#doan-1"]


def test_the_words_an_abbreviation_stands_for_count_as_found(js):
    (found,) = js("recordWords", [result("a/#doan-1", 1.0, gpmb=["text"])], REQUIRED)
    assert set(found["matchData"]["metadata"]) == {"gpmb", "giai", "phong", "mat", "bang"}


def test_figures_whose_meaning_holds_the_words_come_first_and_others_after_the_text(js):
    required = REQUIRED[:1]
    results = [result("p/#doan-1", 10.0, ngan=["text"]),
               result("p/?so-lieu=a", 4.0, ngan=["title"]),
               result("p/?so-lieu=b", 3.0, ngan=["title"]),
               result("p/?so-lieu=c", 2.0, ngan=["title"]),
               result("p/?so-lieu=d", 30.0, ngan=["text"]),
               result("p/?so-lieu=e", 1.0, ngan=["title"])]
    ranked = [r["ref"] for r in js("figuresFirst", results, required)]
    assert ranked[:3] == ["p/?so-lieu=a", "p/?so-lieu=b", "p/#doan-1"]
    assert set(ranked[3:]) == {"p/?so-lieu=c", "p/?so-lieu=d", "p/?so-lieu=e"}


def test_a_page_ranks_below_its_best_passage_but_not_alone(js):
    results = [result("p/", 100.0, ngan=["title"]), result("p/#doan-2", 10.0, ngan=["text"]),
               result("q/", 50.0, ngan=["title"])]
    ranked = {r["ref"]: r["score"] for r in js("passagesLead", results)}
    assert ranked == {"p/#doan-2": 10.0, "p/": 3.0, "q/": 50.0}


def test_entries_with_the_typed_words_side_by_side_rank_first(js):
    required = [{"term": "dau", "wildcard": False, "words": ["dau"]},
                {"term": "tu", "wildcard": False, "words": ["tu"]}]
    apart = result("a/#doan-1", 5.0)
    apart["matchData"]["metadata"] = {"dau": {"text": {"position": [7]}}, "tu": {"text": {"position": [3]}}}
    beside = result("b/#doan-1", 2.0)
    beside["matchData"]["metadata"] = {"dau": {"text": {"position": [4]}}, "tu": {"text": {"position": [5]}}}
    elsewhere = result("c/#doan-1", 3.0)  # side by side, but one in the title and one in the text
    elsewhere["matchData"]["metadata"] = {"dau": {"title": {"position": [1]}}, "tu": {"text": {"position": [2]}}}
    ranked = js("phrasesFirst", [apart, beside, elsewhere], required)
    assert [(r["ref"], r["score"]) for r in ranked] == [("b/#doan-1", 6.0), ("a/#doan-1", 5.0), ("c/#doan-1", 3.0)]
