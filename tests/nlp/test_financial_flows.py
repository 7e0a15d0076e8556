"""Purchases of money or paper ("purchases of foreign bonds", "purchases of dollars on the
interbank market") are capital flows, not imports of goods."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"
TRADE = (Predicate.EXPORTS, Predicate.IMPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORT_VALUE)


def _trade(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED)
    return [(f.predicate.value, f.subject, f.object, f.quantity or f.amount) for f in facts if f.predicate in TRADE]


def test_purchases_of_foreign_bonds_are_no_imports(parser) -> None:
    text = "Swedish investors' purchases of foreign bonds were steady at around 2.4 billion crowns in March."
    assert _trade(parser, text, {"Swedish": ("se", T.COUNTRY)}) == []


def test_purchases_of_dollars_on_the_interbank_market_are_no_imports(parser) -> None:
    text = ("Reserves rose mainly on Norway's purchases of more than 600 mln U.S. Dollars on the local "
            "interbank market in March, the governor said.")
    assert _trade(parser, text, {"Norway": ("no", T.COUNTRY)}) == []


def test_purchases_of_goods_stay_imports(parser) -> None:
    text = "Swedish purchases of Canadian wheat rose to 400,000 tonnes in March."
    table = {"Swedish": ("se", T.COUNTRY), "Canadian": ("ca", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert ("imports", "se", "wheat", Decimal("400000")) in _trade(parser, text, table)


def test_bonds_in_a_clause_on_the_goods_leave_the_purchase(parser) -> None:
    text = "Peru bought 150,000 tonnes of rice, financed with bonds, traders said."
    table = {"Peru": ("pe", T.COUNTRY), "rice": ("rice", T.PRODUCT)}
    assert _trade(parser, text, table) == [("imports", "pe", "rice", Decimal("150000"))]
