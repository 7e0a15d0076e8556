"""The shipment window a deal names for its goods dates them, in its sentence or the next
one; a window whose year is not written is the coming one, as goods are bought to ship."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows
from kg.nlp.relations.flow_periods import coming_window
from kg.nlp.relations.periods import Period

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-03"
TABLE = {"Egypt": ("eg", T.COUNTRY), "Pakistan": ("pk", T.COUNTRY), "Jordan": ("jo", T.COUNTRY),
         "wheat": ("wheat", T.PRODUCT), "corn": ("corn", T.PRODUCT), "rapeseed oil": ("rapeseed_oil", T.PRODUCT),
         "palm olein": ("olein", T.PRODUCT), "barley": ("barley", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    table = {k: v for k, v in TABLE.items() if k in text}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.object, f.quantity, f.period, f.period_start, f.period_end) for f in facts if f.quantity]


def test_a_window_long_past_is_next_years() -> None:
    window = Period(text="May 20/Jun 20", start="1986-05-20", end="1986-06-20", start_char=0, end_char=13)
    assert (coming_window(window, PUBLISHED).start, coming_window(window, PUBLISHED).end) == ("1987-05-20", "1987-06-20")


def test_a_window_just_past_or_with_its_year_stays() -> None:
    march = Period(text="March", start="1987-03-01", end="1987-03-31", start_char=0, end_char=5)
    assert coming_window(march, PUBLISHED) == march  # "for March shipment" on April 3: a window just over
    dated = Period(text="May 1986", start="1986-05-01", end="1986-05-31", start_char=0, end_char=8)
    assert coming_window(dated, PUBLISHED) == dated


@pytest.mark.parametrize("text", [
    "Egypt bought 200,000 tonnes of wheat at its tender for May shipment, traders said.",
    "Egypt bought 200,000 tonnes of wheat for shipment in May, traders said.",
    "Egypt bought 200,000 tonnes of wheat overnight, for various ocean and rail shipments in May, exporters said.",
])
def test_a_purchase_for_a_months_shipment_is_for_the_coming_month(parser, text: str) -> None:
    assert _read(parser, text) == [("wheat", Decimal("200000"), "May", "1987-05-01", "1987-05-31")]


def test_goods_shipped_in_a_month_past_keep_that_month(parser) -> None:
    # no window of a deal: what was shipped last May
    assert _read(parser, "Egypt shipped 200,000 tonnes of wheat in May, traders said.") == [
        ("wheat", Decimal("200000"), "May", "1986-05-01", "1986-05-31")]


@pytest.mark.parametrize("after", [
    "The purchase was for May/June shipment at 120 dlrs a tonne.",
    "The business was for May/June shipments, traders said.",
    "The wheat is for May/June delivery.",
])
def test_the_sentence_after_a_purchase_names_its_window(parser, after: str) -> None:
    text = f"Egypt bought 200,000 tonnes of wheat at its tender on Tuesday, traders said. {after}"
    assert _read(parser, text) == [("wheat", Decimal("200000"), "May/June", "1987-05-01", "1987-06-30")]


def test_each_goods_takes_the_window_named_for_it(parser) -> None:
    text = ("Jordan bought 20,000 tonnes of rapeseed oil and 6,000 tonnes of palm olein at its tender "
            "yesterday, traders said. Pakistan rejected all offers at its own tender. The rapeseed oil "
            "purchase was for May 10/Jun 10 shipment at 320 dlrs a tonne and the palm olein for Apr 20/May 20 "
            "shipment at 350 dlrs.")
    assert _read(parser, text) == [
        ("rapeseed_oil", Decimal("20000"), "May 10/Jun 10", "1987-05-10", "1987-06-10"),
        ("olein", Decimal("6000"), "Apr 20/May 20", "1987-04-20", "1987-05-20")]


def test_a_sentence_with_figures_of_its_own_dates_no_deal_before(parser) -> None:
    text = ("Egypt bought 200,000 tonnes of wheat in March. "
            "The sale of 50,000 tonnes of corn was for May shipment.")
    assert ("wheat", Decimal("200000"), "March", "1987-03-01", "1987-03-31") in _read(parser, text)
    text = "Egypt bought 200,000 tonnes of wheat on Tuesday. Jordan's tender was held for May shipment."
    assert _read(parser, text) == [("wheat", Decimal("200000"), None, None, None)]


def test_a_window_of_another_traders_deal_dates_no_purchase_before(parser) -> None:
    text = "Egypt bought 200,000 tonnes of wheat on Tuesday. Jordan's purchase was for May shipment."
    assert _read(parser, text) == [("wheat", Decimal("200000"), None, None, None)]
