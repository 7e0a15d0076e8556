"""Validation of one raw record: wrong types and values out of range skip it, with a reason."""

from __future__ import annotations

import math

import pytest

from kg.errors import InputError
from kg.io.records import article_from_record, article_from_text, normalize_published

TEXT = "Zhang Qi, deputy director of the Ministry of Commerce, said exports rose."


def _error(record: object) -> InputError:
    with pytest.raises(InputError) as caught:
        article_from_record(record, default_id="d", where="in.jsonl, line 3")
    return caught.value


@pytest.mark.parametrize("published", [1e20, -1e15, math.nan, math.inf, 10**400, True, False, {"y": 2020}, [2020]])
def test_published_out_of_range_or_of_the_wrong_type_is_refused_by_name(published):
    error = _error({"text": TEXT, "published": published})
    assert error.kind == "field" and error.input == "in.jsonl, line 3"
    assert "'published'" in error.reason and "YYYY-MM-DD" in error.hint
    assert str(error).startswith("in.jsonl, line 3: 'published'")


def test_timestamps_are_read_in_utc_whatever_the_machine_zone():
    # 23:30 UTC on 2020-04-05: a local-time reading would give the 6th east of Greenwich.
    assert normalize_published(1586129400, where="x") == "2020-04-05"
    assert normalize_published(0, where="x") == "1970-01-01"
    assert normalize_published(1586129400.5, where="x") == "2020-04-05"


@pytest.mark.parametrize("field, value", [("title", {"en": "Exports"}), ("title", ["a", "b"]), ("url", 42),
                                          ("id", {"x": 1}), ("id", 1.5), ("id", True), ("text", ["para 1", "para 2"])])
def test_fields_of_the_wrong_type_are_not_stored_as_their_python_repr(field, value):
    error = _error({"text": TEXT, field: value})
    assert error.kind == "field" and f"'{field}'" in error.reason
    assert "{" not in error.reason, "the message names the type, not a dump of the value"


def test_a_record_that_is_not_an_object_or_has_no_text():
    assert _error(["text"]).kind == "record"
    assert _error({"title": "only a title"}).kind == "empty"
    assert _error({"text": "   \n"}).kind == "empty"


def test_lone_surrogates_are_refused_before_they_break_every_later_write():
    error = _error({"text": "Exports rose \ud800 sharply."})
    assert error.kind == "encoding" and "surrogate" in error.reason
    with pytest.raises(InputError):
        article_from_text("ok \udfff", article_id="a", where="a.txt")


def test_good_records_keep_their_fields():
    article = article_from_record({"id": 7, "text": TEXT, "headline": " Exports ", "link": "https://e.org/a>b",
                                   "published": "2020-04-05"}, default_id="d", where="w")
    assert (article.id, article.title, article.url, article.published) == ("7", "Exports", "https://e.org/a>b", "2020-04-05")


def test_input_error_keeps_its_parts_across_processes():
    import pickle

    error = pickle.loads(pickle.dumps(InputError(input="a.txt", reason="empty", hint="give text", kind="empty")))
    assert (error.input, error.reason, error.hint, error.kind, str(error)) == (
        "a.txt", "empty", "give text", "empty", "a.txt: empty; give text")


def test_noncharacters_become_the_replacement_character_one_for_one():
    article = article_from_record({"text": "Exports\ufffe rose\uffff.", "title": "T\ufffe"}, default_id="d", where="w")
    assert article.text == "Exports\ufffd rose\ufffd." and article.title == "T\ufffd"
    assert article_from_text("a\ufffeb", article_id="a", where="a.txt").text == "a\ufffdb"
