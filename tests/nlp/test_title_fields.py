from __future__ import annotations

import spacy

from kg.nlp.title_fields import field_after_title, in_portfolio_list, portfolio_list_end

_NLP = spacy.blank("en")


def _field(text: str, start: int, end: int) -> bool:
    return field_after_title(_NLP(text)[start:end])


def test_the_portfolio_after_a_title_and_for() -> None:
    assert _field("Vice President for International Services", 3, 5)
    assert _field("Commissioner for External Relations", 2, 4)


def test_a_body_after_for_stays_a_body() -> None:
    assert not _field("spokesman for Trade Ministry", 2, 4)  # a body's own head word
    assert not _field("a grant for Social Services", 3, 5)  # no title before "for"
    assert not _field("Minister for Trade Promotion", 2, 4)  # "promotion" names no portfolio


def _in_list(text: str, start: int, end: int) -> bool:
    return in_portfolio_list(_NLP(text)[start:end])


def test_the_fields_of_a_titles_portfolio_list() -> None:
    text = "Ana Ruiz, Minister of Health, Social Welfare and Sport, spoke."
    assert portfolio_list_end(_NLP(text), 4) == 11
    assert _in_list(text, 7, 9)  # "Social Welfare"
    assert _in_list(text, 10, 11)  # "Sport"
    assert _in_list("Secretary for Mines, Rural Roads and Energy Ana Ruiz spoke.", 4, 6)


def test_names_after_a_title_are_no_portfolio_list() -> None:
    text = "Ana Ruiz, Minister of Health, Tom Hale and Joe Bell met."
    assert portfolio_list_end(_NLP(text), 4) is None  # the last item names no field
    assert not _in_list(text, 7, 9)
    assert not _in_list("Ana Ruiz, Minister of Health, Tom Hale and others met.", 7, 9)
    assert not _in_list("the Dean of Law, Trade Ministry and Energy spoke.", 5, 7)  # a body's head word
