from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"
_TABLE = {"Egypt": ("eg", T.COUNTRY), "China": ("cn", T.COUNTRY), "wheat": ("wheat", T.PRODUCT),
          "sugar": ("sugar", T.PRODUCT), "Sucrex": ("sucrex", T.ORGANIZATION)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, _TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity) for f in facts if f.quantity]


def test_goods_taken_from_the_market_are_bought(parser) -> None:
    text = "Egypt took 200,000 tonnes of wheat from the world market last month, traders said."
    assert _read(parser, text) == [("imports", "eg", "wheat", Decimal("200000"))]


def test_a_return_to_the_market_to_take_goods_is_a_purchase(parser) -> None:
    text = "Dealers believe China will need to return to the market to take a further 300,000 tonnes of sugar."
    assert _read(parser, text) == [("imports", "cn", "sugar", Decimal("300000"))]


def test_taking_without_the_market_is_no_purchase(parser) -> None:
    assert _read(parser, "Egypt took 200,000 tonnes of wheat into its stocks last month.") == []


def test_a_company_taking_goods_from_the_market_imports_nothing(parser) -> None:
    assert _read(parser, "Sucrex took 20,000 tonnes of sugar from the market last month.") == []
