from __future__ import annotations

import spacy

from kg.nlp.title_fields import field_after_title

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
