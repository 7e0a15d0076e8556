"""A plain number that takes its unit from the figure right after it: "up from 32,796 to
50,855 tonnes", "a total of 289,232 compares with 165,859 tonnes"."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _figures(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-20")], nlp=nlp)
    return sorted((f.quantity, f.unit) for f in x.facts if f.predicate.value == "exports")


def test_a_change_from_a_plain_number_to_a_figure_with_its_unit(nlp) -> None:
    text = "Chilean copper exports rose in 1986. March exports were up from 42,310 to 51,200 tonnes."
    assert _figures(nlp, text) == [(Decimal("42310"), "tonnes"), (Decimal("51200"), "tonnes")]


def test_a_plain_total_compared_with_a_figure_with_its_unit(nlp) -> None:
    text = ("Chilean copper exports rose in 1986. The first quarter export total of 131,400 compares "
            "with 118,700 tonnes a year earlier.")
    assert _figures(nlp, text) == [(Decimal("118700"), "tonnes"), (Decimal("131400"), "tonnes")]


def test_no_unit_lent_to_a_number_of_another_size_or_a_year(nlp) -> None:
    text = "Chilean copper exports rose in 1986. March exports were up from 42 to 51,200 tonnes."
    assert _figures(nlp, text) == [(Decimal("51200"), "tonnes")]
    text = "Chilean copper exports rose from 1986 to 51,200 tonnes in 1987."
    assert _figures(nlp, text) == [(Decimal("51200"), "tonnes")]


def test_a_length_of_time_is_no_figure_of_the_flow(nlp) -> None:
    text = "The Canadian Wheat Board has sold more than two mln tonnes of barley in the past four years."
    assert _figures(nlp, text) == [(Decimal("2000000"), "tonnes")]
    text = "Canada exported 1.5 mln tonnes of oats over six months, against 900,000 a year earlier."
    assert _figures(nlp, text) == [(Decimal("900000"), "tonnes"), (Decimal("1500000"), "tonnes")]


def _values(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-20")], nlp=nlp)
    return sorted((f.predicate.value, f.amount, f.currency) for f in x.facts if f.predicate.value.endswith("Value"))


def test_a_figure_more_than_another_is_a_difference_no_flow(nlp) -> None:
    text = "Sadly, the Koreans are selling us 1.4 billion stg (2.2 billion dlrs) more than we sell them, he said."
    assert _values(nlp, text) == []
    text = "Korea exported 1.4 billion dlrs (1,100 billion won) of ships to Greece last year."
    assert sorted((c, a) for _, a, c in _values(nlp, text)) == [("KRW", Decimal("1100000000000")),
                                                                  ("USD", Decimal("1400000000"))]


def test_a_scaled_number_takes_the_unit_of_the_goods_output_just_before_it(nlp) -> None:
    text = "Kenyan tea output is forecast to rise to 150 mln kilos in 1987, while exports are expected to fall to 120 mln."
    assert _figures(nlp, text) == [(Decimal("120000000"), "kilos")]
    text = "Ghana's cocoa crop rose to 220,000 tonnes in 1986/87, but exports to dip to 190,000 from 200,000."
    assert _figures(nlp, text) == [(Decimal("190000"), "tonnes"), (Decimal("200000"), "tonnes")]


def test_no_output_unit_for_a_flow_figure_after_no_output(nlp) -> None:
    # the figure before the flow is its own, not its goods' output: no unit to lend
    text = "Kenya sold 150 mln kilos of tea in 1986, while exports of coffee are expected to fall to 120 mln."
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-20")], nlp=nlp)
    assert not [f for f in x.facts if f.object and "coffee" in f.object and f.quantity is not None]
