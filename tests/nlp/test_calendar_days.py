"""A day of the month beside its month's name is a date's, not a figure."""

from __future__ import annotations

import spacy

from kg.nlp.relations.calendar_days import day_of_month


def _doc(text: str):
    return spacy.blank("en")(text)


def _index(doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_a_day_after_or_before_a_month_is_a_date() -> None:
    doc = _doc("exports in the year ending June 30 and from 1 July rose")
    assert day_of_month(doc, _index(doc, "30"))
    assert day_of_month(doc, _index(doc, "1"))


def test_numbers_that_are_no_days_are_figures() -> None:
    doc = _doc("exports of 30 cargoes in June rose to 45 from 32 , and may 12 more")
    for word in ("30", "45", "32", "12"):
        assert not day_of_month(doc, _index(doc, word))


def test_a_number_too_large_for_a_day_is_no_date() -> None:
    doc = _doc("shipped in June 450 tonnes")
    assert not day_of_month(doc, _index(doc, "450"))


def test_a_superscript_digit_is_no_day() -> None:
    # "¹".isdigit() is true but int() refuses it: a footnote mark beside a month is no date
    doc = _doc("exports of ¹ June rose")
    assert not day_of_month(doc, _index(doc, "¹"))
