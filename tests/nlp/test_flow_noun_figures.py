"""A figure that modifies the trade noun itself ("a 200,000 tonne wheat purchase") is the
flow's (``flow_noun_figures``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Egypt": ("eg", T.COUNTRY), "France": ("fr", T.COUNTRY), "Chile": ("cl", T.COUNTRY),
         "wheat": ("wheat", T.PRODUCT), "copper": ("copper", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-03-12", module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity or f.amount, f.unit or f.currency, f.partner)
            for f in facts if f.quantity is not None or f.amount is not None]


def test_a_quantity_before_the_trade_noun_is_the_flows(parser) -> None:
    text = "Egypt made a 300,000 tonne wheat purchase from France in March, traders said."
    assert _read(parser, text) == [("imports", "eg", "wheat", Decimal("300000"), "tonnes", "fr")]


def test_an_amount_before_the_trade_noun_is_the_flows_value(parser) -> None:
    text = "Egypt made a 90 mln dlr purchase of wheat from France."
    assert _read(parser, text) == [("importValue", "eg", "wheat", Decimal("90000000"), "USD", "fr")]


def test_a_year_or_a_figure_outside_the_nouns_phrase_is_not_the_flows(parser) -> None:
    assert _read(parser, "Egypt's 1986 wheat purchase from France was its largest.") == []
    assert _read(parser, "Chile said 12 new mines opened, and its copper sales to Egypt rose.") == []
