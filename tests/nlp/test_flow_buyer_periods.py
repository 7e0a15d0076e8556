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
