"""Purchases and sales for the home market are no trade (kg.nlp.relations.flow_domestic):
"bought ... for domestic distribution", "sold ... for domestic milling"; a purchase for
domestic consumption or crushing may still be an import."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Food Supply Agency": ("fsa", T.AGENCY), "Grain Reserve Board": ("grb", T.AGENCY),
         "Peru": ("pe", T.COUNTRY), "Canada": ("ca", T.COUNTRY), "Japanese": ("jp", T.COUNTRY),
         "powdered milk": ("milk", T.PRODUCT), "barley": ("barley", T.PRODUCT), "rapeseed": ("rapeseed", T.PRODUCT)}


def _trade(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-04-02", module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity) for f in facts
            if f.predicate.value in ("exports", "imports")]


@pytest.mark.parametrize("text", [
    "Peru's Food Supply Agency bought 4.2 mln pounds of powdered milk at a cost of 3.6 mln dlrs for "
    "domestic distribution June 1-15, a spokesman said.",
    "Canada's Grain Reserve Board sold 7,250 tonnes of barley for domestic milling, the board said.",
])
def test_goods_bought_or_sold_for_the_home_market_are_no_trade(parser, text: str) -> None:
    assert _trade(parser, text) == []


def test_a_purchase_for_domestic_crushing_may_be_an_import(parser) -> None:
    text = "Japanese crushers bought 6,000 tonnes of rapeseed from Canada for domestic crushing."
    assert ("imports", "jp", "rapeseed", Decimal("6000")) in _trade(parser, text)
