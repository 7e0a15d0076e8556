"""Money in a trade sentence that is no trade value: a cost, a debt, a change ("a cost of",
"a liability of", "a decline of"), a rate or a price with no scale word ("neared 140 yen")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-08"
TABLE = {"Colombia": ("co", T.COUNTRY), "Zambia": ("zm", T.COUNTRY), "United States": ("us", T.COUNTRY),
         "Bank of Japan": ("boj", T.ORGANIZATION), "New Zealand": ("nz", T.COUNTRY), "Peru": ("pe", T.COUNTRY),
         "oil": ("oil", T.PRODUCT), "Kenya": ("ke", T.COUNTRY)}


def _values(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.amount) for f in facts if f.amount is not None]


def test_a_cost_of_money_is_no_value_of_the_flow(parser) -> None:
    assert _values(parser, "The pipeline that carries Colombia's oil exports was damaged and will take "
                           "three months to repair at a cost of some 80 mln dlrs.") == []


def test_a_liability_ends_the_flows_figures(parser) -> None:
    # the figure after the liability is the same other money, not the exports'
    assert _values(parser, "Zambia, hit by a slump in export earnings, had an annual debt liability of nearly "
                           "600 mln dlrs but set aside only some 150 mln dlrs to service debts.") == []


def test_a_decline_of_money_is_a_change(parser) -> None:
    assert _values(parser, "Exports of goods and services in the United States rose 12.1 billion dlrs after a "
                           "decline of 7.3 billion dlrs in the third quarter.") == []


def test_a_small_amount_with_no_scale_is_a_rate(parser) -> None:
    assert _values(parser, "The Bank of Japan also sold yen in Tokyo when it neared 140 yen on Tuesday.") == []


def test_the_verb_cost_keeps_the_flows_value(parser) -> None:
    # "cost" as a verb states what the imports are worth
    assert _values(parser, "Kenya's oil imports cost 320 mln dlrs in 1986.") == [
        ("importValue", "ke", Decimal("320000000"))]


def test_a_level_after_a_decline_is_still_read(parser) -> None:
    assert _values(parser, "Peru's exports fell to 2.51 billion dlrs last year from 2.98 billion in 1985.") == [
        ("exportValue", "pe", Decimal("2510000000")), ("exportValue", "pe", Decimal("2980000000"))]
