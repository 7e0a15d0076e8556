"""An amount a clause asks about ("how much grain X would buy") is no flow
(kg.nlp.relations.asked_amounts)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-20"
TABLE = {"Kenya": ("ke", T.COUNTRY), "maize": ("maize", T.PRODUCT), "Brazilian maize": ("maize", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity) for f in facts]


def test_how_much_a_country_would_buy_is_asked_not_reported(parser) -> None:
    text = "The minister said he had no knowledge of how much Brazilian maize Kenya would buy this year."
    assert _read(parser, text) == []


def test_a_stated_purchase_beside_a_how_clause_is_still_read(parser) -> None:
    text = "Kenya will buy 20,000 tonnes of maize this year, the minister said, and how it pays is unclear."
    assert _read(parser, text) == [("imports", "ke", "maize", Decimal("20000"))]
