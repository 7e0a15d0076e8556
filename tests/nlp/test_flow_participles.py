from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-20"
TABLE = {"China": ("cn", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Thailand": ("th", T.COUNTRY),
         "Japan": ("jp", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "rice": ("rice", T.PRODUCT),
         "cars": ("cars", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.quantity, f.partner, f.period, f.forecast) for f in facts]


def test_a_figure_sold_to_the_buyer_just_named_is_the_sellers_export(parser) -> None:
    text = "China bought 500,000 tonnes of U.S. wheat. Officials confirmed 200,000 tonnes of wheat sold to China."
    assert _read(parser, text)[1:] == [("exports", "us", Decimal("200000"), "cn", None, False)]


def test_a_figure_still_to_be_shipped_is_the_storys_planned_export(parser) -> None:
    text = ("Thailand's rice exports rose to 300,000 tonnes in March. "
            "Traders said that leaves 200,000 tonnes to be shipped in April.")
    assert _read(parser, text)[1:] == [("exports", "th", Decimal("200000"), None, "April", True)]


def test_goods_sold_at_home_are_no_flow(parser) -> None:
    assert _read(parser, "The company said 300 cars sold in Japan were recalled.") == []
