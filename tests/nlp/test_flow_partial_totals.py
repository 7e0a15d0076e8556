"""A trade noun that names only part of the trade ("non-oil exports", "imports, excluding
fuel, ...") gives no value without goods: such a value would read as all the trade."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"
VALUES = (Predicate.EXPORT_VALUE, Predicate.IMPORT_VALUE)


def _values(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED)
    return [(f.predicate.value, f.subject, f.amount) for f in facts if f.predicate in VALUES]


def test_non_prefixed_exports_give_no_value(parser) -> None:
    text = "Ecuador's non-oil exports rose to 640 mln dlrs last year, the central bank said."
    assert _values(parser, text, {"Ecuador": ("ec", T.COUNTRY)}) == []


def test_non_prefixed_imports_worth_give_no_value(parser) -> None:
    text = "Nigeria's non-petroleum imports were worth about 900 mln dlrs in the first half, officials said."
    assert _values(parser, text, {"Nigeria": ("ng", T.COUNTRY)}) == []


def test_imports_excluding_some_goods_give_no_value(parser) -> None:
    text = ("Chile's imports in the first quarter, excluding fuel and machinery, totalled 410 mln dlrs "
            "against 380 mln a year earlier.")
    assert _values(parser, text, {"Chile": ("cl", T.COUNTRY)}) == []


def test_whole_trade_value_is_kept(parser) -> None:
    text = "Ecuador's exports rose to 640 mln dlrs last year, the central bank said."
    assert _values(parser, text, {"Ecuador": ("ec", T.COUNTRY)}) == [("exportValue", "ec", Decimal("640000000"))]


def test_non_prefixed_partner_leaves_the_value(parser) -> None:
    # "non-EC" names the partners, after the trade noun: the value is still of all goods
    text = "Greece's exports to non-EC countries rose to 90 billion drachmas in 1986."
    assert [a for _, _, a in _values(parser, text, {"Greece": ("gr", T.COUNTRY)})] == [Decimal("90000000000")]


def test_exclusion_after_the_figure_leaves_the_value(parser) -> None:
    text = "Chile's imports totalled 410 mln dlrs in the first quarter and, excluding fuel, were little changed."
    assert [a for _, _, a in _values(parser, text, {"Chile": ("cl", T.COUNTRY)})] == [Decimal("410000000")]
