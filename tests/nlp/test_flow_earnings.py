from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-12"
TABLE = {"Kenya": ("ke", T.COUNTRY), "Colombia": ("co", T.COUNTRY), "tea": ("tea", T.PRODUCT),
         "coffee": ("coffee", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.amount, f.period, f.forecast) for f in facts]


def test_money_earned_from_exports_is_the_earners_export_value(parser) -> None:
    assert _read(parser, "Kenya earned 300 mln dlrs from tea exports last year.") == [
        ("exportValue", "ke", "tea", Decimal("300000000"), "last year", False)]


def test_money_a_country_hopes_to_earn_from_exports_is_a_forecast(parser) -> None:
    assert _read(parser, "Colombia can hope to earn about 1,200 mln dlrs this calendar year from coffee exports.") == [
        ("exportValue", "co", "coffee", Decimal("1200000000"), "this calendar year", True)]


def test_earnings_of_no_trader_are_no_flow(parser) -> None:
    assert _read(parser, "Farmers earned 20 mln dlrs from coffee exports.") == []
