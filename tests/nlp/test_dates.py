from __future__ import annotations

import pytest
import spacy

from kg.nlp.relations.dates import date_matcher, date_spans, may_name_date, resolve_date

PUBLISHED = "2020-04-06"  # a Monday


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Sunday", "2020-04-05"),
        ("on Sunday", "2020-04-05"),
        ("as of Saturday", "2020-04-04"),
        ("Monday", "2020-04-06"),
        ("since April 1", "2020-04-01"),
        ("yesterday", "2020-04-05"),
        ("last week", "2020-03-30"),
        ("last month", "2020-03"),
        ("3 days ago", "2020-04-03"),
        ("from March 1 to Saturday", "2020-04-04"),
        ("December 25", "2019-12-25"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(text: str, iso: str) -> None:
    assert resolve_date(text, PUBLISHED) == iso


def test_absolute_dates_need_no_publication_date() -> None:
    assert resolve_date("April 5, 2020") == "2020-04-05"
    assert resolve_date("5 April 2020") == "2020-04-05"
    assert resolve_date("2020-04-05") == "2020-04-05"
    assert resolve_date("March 2020") == "2020-03"


def test_relative_dates_without_publication_date_are_unknown() -> None:
    assert resolve_date("Sunday") is None
    assert resolve_date("April 1") is None
    assert resolve_date("last week", "not a date") is None


def test_date_spans_find_expressions_in_text() -> None:
    doc = spacy.blank("en")("The ministry said on Sunday that since April 1, 2020 exports rose.")
    assert [s.text for s in date_spans(doc, matcher=date_matcher(doc.vocab))] == ["Sunday", "April 1, 2020"]


@pytest.mark.parametrize(
    "text",
    [
        "Prices fell on Tuesday.",
        "Exports rose 5% in March 2021 and again on 4 June.",
        "The deal was signed on 2021-06-04, officials said.",
        "Shares slipped yesterday and again two weeks ago.",
        "Output will rise next year, the board said.",
        "The mill closed after the strike and never reopened.",
        "Figures for the third quarter were 12, 25 and 2021.",
    ],
)
def test_date_spans_of_each_sentence_are_the_matchers_own(text: str) -> None:
    # Sentences without a word a date needs are skipped without running the Matcher: what
    # it would find in every sentence and in the whole Doc is still what date_spans gives.
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(f"Nothing here. {text} Nor here.")
    matcher = date_matcher(doc.vocab)
    for part in [doc, *doc.sents]:
        offset = 0 if part is doc else part.start
        expected = sorted((offset + s, offset + e) for _, s, e in matcher(part))
        assert [(s.start, s.end) for s in date_spans(part, matcher=matcher)] == expected


def test_a_sentence_without_date_words_has_no_dates() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("The mill closed on Sunday. It never reopened after 12 strikes.")
    first, second = doc.sents
    matcher = date_matcher(doc.vocab)
    assert [s.text for s in date_spans(first, matcher=matcher)] == ["Sunday"]
    assert date_spans(second, matcher=matcher) == []


def test_only_a_sentence_with_a_date_word_may_name_a_date() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("The mill closed on Sunday. It never reopened. Talks began in March.")
    first, second, third = doc.sents
    assert may_name_date(first) and not may_name_date(second) and may_name_date(third)
    assert may_name_date(doc)
