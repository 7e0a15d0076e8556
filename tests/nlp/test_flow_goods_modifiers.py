from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Peru": ("pe", T.COUNTRY), "Kenya": ("ke", T.COUNTRY), "rapeseed oil": ("rapeseed-oil", T.PRODUCT),
         "maize": ("maize", T.PRODUCT), "steel": ("steel", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-03-12", module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity) for f in facts]


@pytest.mark.parametrize("text", [
    "Peru bought 30,000 tonnes of optional origin rapeseed oil at its tender on Monday.",
    "Kenya imported 12,000 tonnes of feed quality maize in January.",
])
def test_a_noun_that_qualifies_the_goods_is_no_other_goods(parser, text: str) -> None:
    assert [f[:2] + f[3:] for f in _read(parser, text)] == [
        ("imports", "pe" if "Peru" in text else "ke", Decimal("30000") if "Peru" in text else Decimal("12000"))]


def test_a_qualifier_of_goods_the_text_does_not_name_is_still_other_goods(parser) -> None:
    # "fertiliser grade urea": urea is counted, no product the text names (not the story's maize)
    text = "Kenya imported maize in 1986. Kenya imported 12,000 tonnes of fertiliser grade urea in January."
    assert [f for f in _read(parser, text) if f[3] is not None] == []
