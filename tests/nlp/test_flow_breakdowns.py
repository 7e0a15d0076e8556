"""A counted flow broken down into its goods ("comprising 1.5 mln wheat/1.0 mln barley"),
end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _parts(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-04-09")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), f.predicate.value, names.get(f.object), f.quantity, f.unit,
             names.get(f.partner), f.period, f.forecast) for f in x.facts if f.extractor == "flow-parts"]  # fmt: skip


def test_a_total_in_the_sentence_before_broken_down_by_goods(nlp) -> None:
    text = ("Canadian grain exports to Japan in January totalled 820,000 tonnes of wheat and barley, "
            "the board said.\n    The Japanese total comprises 515,000 tonnes of wheat and 305,000 tonnes of barley.\n")
    assert _parts(nlp, text) == [
        ("Canada", "exports", "wheat", Decimal("515000"), "tonnes", "Japan", "January", False),
        ("Canada", "exports", "barley", Decimal("305000"), "tonnes", "Japan", "January", False),
    ]


def test_a_forecast_total_broken_down_in_its_own_sentence(nlp) -> None:
    # the goods of the parts must be named in the story: here by the sentence before
    text = ("Canada shipped wheat and barley to Japan last year.\n    Traders expect Canadian grain exports to "
            "Japan this season to reach 3.2 mln tonnes, comprising 2.0 mln wheat/1.2 mln barley.\n")
    found = _parts(nlp, text)
    assert [(o, q, p, f) for _, _, o, q, _, p, _, f in found] == [
        ("wheat", Decimal("2000000"), "Japan", True), ("barley", Decimal("1200000"), "Japan", True)]


def test_parts_that_do_not_add_up_to_a_flow_are_not_read(nlp) -> None:
    # the parts add up to 620,000, no flow stated: what they break down is not certain
    text = ("Canadian grain exports to Japan in January totalled 820,000 tonnes, the board said.\n"
            "    The Japanese total comprises 315,000 tonnes of wheat and 305,000 tonnes of barley.\n")
    assert _parts(nlp, text) == []
    # a part that counts no goods ("staff") leaves the whole breakdown unread
    text = ("Canadian grain exports to Japan in January totalled 820,000 tonnes, the board said.\n"
            "    The Japanese total comprises 515,000 tonnes of wheat and 305,000 staff.\n")
    assert _parts(nlp, text) == []


def test_parts_with_their_prices_and_origins(nlp) -> None:
    # a price after "at" or "from ... to" is no part; the goods follow the region they come from
    text = ("Egypt bought 50,000 tonnes of vegetable oils at its tender on Monday, traders said.\n"
            "    The business comprised 30,000 tonnes of Argentine sunflower oil at prices ranging from 300 to "
            "305 dlrs, and 20,000 tonnes of Malaysian palm olein at 290 dlrs, all per tonne.\n")
    assert [(s, p, o, q) for s, p, o, q, *_ in _parts(nlp, text)] == [
        ("Egypt", "imports", "sunflower oil", Decimal("30000")),
        ("Egypt", "imports", "palm olein", Decimal("20000")),
    ]


@pytest.mark.parametrize("parts", [
    # the parts do not add up to the purchase
    "30,000 tonnes of Argentine sunflower oil at 300 dlrs and 25,000 tonnes of Malaysian palm olein at 290 dlrs",
    # after the origin come buyers, not goods
    "30,000 tonnes of Argentine buyers and 20,000 tonnes of palm olein",
])  # fmt: skip
def test_priced_parts_that_are_no_breakdown(nlp, parts: str) -> None:
    text = (f"Egypt bought 50,000 tonnes of vegetable oils at its tender on Monday, traders said.\n"
            f"    The business comprised {parts}.\n")
    assert _parts(nlp, text) == []


def test_the_period_before_the_breakdown_dates_parts_of_an_undated_total(nlp) -> None:
    text = ("Egypt bought 50,000 tonnes of vegetable oils at its tender on Monday, traders said.\n"
            "    The business was for May shipment and comprised 30,000 tonnes of sunflower oil and "
            "20,000 tonnes of palm olein.\n")
    assert [(o, p) for _, _, o, _, _, _, p, _ in _parts(nlp, text)] == [("sunflower oil", "May"), ("palm olein", "May")]


@pytest.mark.parametrize("opening", [
    "The business comprised",  # no period named: none is guessed
    "The business, half for May and half for June, comprised",  # two periods: which one is unknown
])  # fmt: skip
def test_no_period_or_two_periods_before_the_breakdown_date_nothing(nlp, opening: str) -> None:
    text = ("Egypt bought 50,000 tonnes of vegetable oils at its tender on Monday, traders said.\n"
            f"    {opening} 30,000 tonnes of sunflower oil and 20,000 tonnes of palm olein.\n")
    assert [p for *_, p, _ in _parts(nlp, text)] == [None, None]


def test_a_total_broken_down_after_including_where_the_parts_add_up(nlp) -> None:
    # the opener of a figure's parts opens a breakdown too; the sum makes it the whole one
    text = ("Canadian grain exports to Japan in January totalled 820,000 tonnes of wheat and barley, "
            "the board said.\n    The Japanese total, including 515,000 tonnes of wheat and 305,000 tonnes "
            "of barley, was a record.\n")
    assert [(o, q, p) for _, _, o, q, _, p, _, _ in _parts(nlp, text)] == [
        ("wheat", Decimal("515000"), "Japan"), ("barley", Decimal("305000"), "Japan")]
