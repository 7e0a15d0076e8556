"""Buyers named without figures take the period of the flow the story counted last, but not
a forecast's: "Japan and China are Chile's main copper buyers" after a plan for 1987 states
the buyers as they are, not as planned for 1987."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _buyers(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.partner), f.period) for f in x.facts if f.extractor == "flow-buyers"]


def test_buyers_after_a_reported_flow_share_its_period(nlp) -> None:
    text = ("Chile exported 1.2 mln tonnes of copper in 1986, the mining ministry said. "
            "Japan, China and Brazil were Chile's main copper buyers, the ministry said.")
    assert _buyers(nlp, text) == [("Japan", "1986"), ("China", "1986"), ("Brazil", "1986")]


def test_buyers_after_a_forecast_are_not_dated_by_it(nlp) -> None:
    text = ("Chile is pledging to export 1.2 mln tonnes of copper in 1987, the mining ministry said. "
            "Japan, China and Brazil are Chile's main copper buyers, the ministry said.")
    assert _buyers(nlp, text) == [("Japan", None), ("China", None), ("Brazil", None)]


def test_buyers_take_the_stated_flows_period_not_the_comparisons(nlp) -> None:
    # the figures after "up from" are comparisons: the buyers bought the flow stated first
    text = ("Chad exported 2,500 tonnes of tin in June, up from 2,100 tonnes in May and 1,900 a "
            "year ago, the mines ministry said. It said the major buyers were Spain, Italy and Greece.")
    assert _buyers(nlp, text) == [("Chad", "June")] * 3


def test_buyers_dated_by_their_own_clause(nlp) -> None:
    # "last month" beside the copula dates the buyers, whatever the counted flow says
    text = ("Chad exported 2,500 tonnes of tin in June, up from 2,100 tonnes in May and 1,900 a "
            "year ago, the mines ministry said. It said major buyers last month were Spain, Italy and Greece.")
    assert [p for _, p in _buyers(nlp, text)] == ["last month"] * 3


def test_a_time_word_that_names_no_period_leaves_the_flows_period(nlp) -> None:
    # "each time" stands where a period would, but names none: the stated flow dates the buyers
    text = ("Chile exported 1.2 mln tonnes of copper in 1986, the mining ministry said. "
            "Japan and China were each time Chile's main copper buyers.")
    assert [p for _, p in _buyers(nlp, text)] == ["1986", "1986"]
