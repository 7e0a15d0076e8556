"""A deal's shipment window away from its figure dates the figure: after the comma that
closes the deal's clause, or past words that share the goods out; not a window of another
deal, nor a purpose that is no window."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-03"
TABLE = {"Kenya": ("ke", T.COUNTRY), "Ecuador": ("ec", T.COUNTRY), "Jordan": ("jo", T.COUNTRY),
         "Bolivia": ("bo", T.COUNTRY), "rice": ("rice", T.PRODUCT), "barley": ("barley", T.PRODUCT),
         "soybean oil": ("soyoil", T.PRODUCT), "white sugar": ("white_sugar", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    table = {k: v for k, v in TABLE.items() if k in text}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.subject, f.quantity, f.period, f.period_start, f.period_end) for f in facts if f.quantity]


@pytest.mark.parametrize("text", [
    "Kenya bought 18,000 tonnes of rice at 205 dlrs per tonne, c and f, for end-June shipment, trade sources said.",
    "Kenya purchased 18,000 tonnes of rice at its import tender on Tuesday, all for June arrival, traders said.",
    "Kenya will tender Monday for 18,000 tonnes of rice, 25 pct brokens, for late June shipment, exporters said.",
])
def test_a_window_after_the_deals_comma_dates_its_figure(parser, text: str) -> None:
    assert _read(parser, text) == [("ke", Decimal("18000"), "June", "1987-06-01", "1987-06-30")]


@pytest.mark.parametrize("text", [
    "Jordan is tendering to buy 9,000 tonnes of white sugar for delivery in three equal lots in July and August, traders said.",
    "Jordan is tendering to buy 9,000 tonnes of white sugar, for arrival in three equal lots in July and August, traders said.",
])
def test_a_window_past_words_sharing_the_goods_out_dates_the_figure(parser, text: str) -> None:
    assert _read(parser, text) == [("jo", Decimal("9000"), "July and August", "1987-07-01", "1987-08-31")]


def test_the_window_of_the_next_deal_is_not_the_first_deals(parser) -> None:
    text = "Ecuador bought 12,000 tonnes of barley, and Bolivia bought 7,000 tonnes of rice for June shipment, traders said."
    assert _read(parser, text) == [("ec", Decimal("12000"), None, None, None),
                                   ("bo", Decimal("7000"), "June", "1987-06-01", "1987-06-30")]


def test_a_purpose_after_the_comma_is_no_window(parser) -> None:
    text = "Kenya bought 18,000 tonnes of rice in February, for its strategic reserve, trade sources said."
    assert _read(parser, text) == [("ke", Decimal("18000"), "February", "1987-02-01", "1987-02-28")]


def test_a_window_of_listed_months_is_one_window(parser) -> None:
    text = ("Jordan is tendering to buy 9,000 tonnes of white sugar, for delivery in three equal lots in "
            "July, August and September, traders said.")
    assert _read(parser, text) == [("jo", Decimal("9000"), "July, August and September", "1987-07-01", "1987-09-30")]
