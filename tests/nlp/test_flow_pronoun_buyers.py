""""It" for the buyer the sentence before named: purchase announcements that go on with a
pronoun (kg.nlp.relations.flow_pronoun_buyers through flow_purchasers)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-10"
TABLE = {"Peru": ("pe", T.COUNTRY), "Chile": ("cl", T.COUNTRY), "U.S.": ("us", T.COUNTRY),
         "rice": ("rice", T.PRODUCT), "corn": ("corn", T.PRODUCT),
         "U.S. Agriculture Department": ("usda", T.AGENCY), "department": ("usda", T.AGENCY)}


def _values(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.amount, f.partner) for f in facts if f.amount is not None]


def test_it_buys_for_the_country_authorized_to_buy_before(parser) -> None:
    text = ("Peru has been authorized to purchase about 40,000 tonnes of U.S. rice under an existing agreement, "
            "the U.S. Agriculture Department said. It may buy the rice, valued at 9.5 mln dlrs, between April 1 "
            "and August 31, 1987.")
    assert _values(parser, text) == [("importValue", "pe", "rice", Decimal("9500000"), "us")]


def test_it_after_the_department_said_is_still_the_buyer(parser) -> None:
    text = ("Peru has been authorized to purchase about 40,000 tonnes of U.S. rice and 10,000 tonnes of U.S. "
            "corn, the U.S. Agriculture Department said. The department said it may buy the rice, valued at "
            "9.5 mln dlrs, the corn, valued at 1.5 mln, between April 1 and August 31, 1987.")
    assert _values(parser, text) == [("importValue", "pe", "rice", Decimal("9500000"), "us"),
                                     ("importValue", "pe", "corn", Decimal("1500000"), "us")]


def test_it_after_another_country_speaks_is_not_the_first_buyer(parser) -> None:
    facts = facts_of(parser, "Peru bought 40,000 tonnes of rice last week. Chile said it may buy 10,000 tonnes "
                             "of rice soon.", TABLE, published=PUBLISHED, module=flows)
    assert ("pe", Decimal("10000")) not in [(f.subject, f.quantity) for f in facts]


def test_it_with_no_buyer_before_buys_for_no_one(parser) -> None:
    facts = facts_of(parser, "Rice prices rose last week. It may buy 10,000 tonnes of rice soon.", TABLE,
                     published=PUBLISHED, module=flows)
    assert facts == []
