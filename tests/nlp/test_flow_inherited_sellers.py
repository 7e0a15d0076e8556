"""A sale verb in an infinitive takes its seller from the verb it completes ("the board
expects to sell ..."), so a body's planned sale to a named buyer is an export."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-01"
TABLE = {"Canadian Wheat Board": ("cwb", T.AGENCY), "barley": ("barley", T.PRODUCT),
         "Chinese National Cereals Corporation": ("cncc", T.ORGANIZATION),
         "Imperial Foods": ("imp", T.ORGANIZATION), "Tate and Lyle": ("tl", T.ORGANIZATION)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.quantity, f.partner, f.forecast) for f in facts]


@pytest.mark.parametrize("verb", ["plans to sell", "is expected to sell"])
def test_a_bodys_planned_sale_to_a_named_buyer_is_its_export(parser, verb: str) -> None:
    text = f"The Canadian Wheat Board {verb} 650,000 tonnes of barley to the Chinese National Cereals Corporation this year."
    assert _read(parser, text) == [("exports", "cwb", Decimal("650000"), "cncc", True)]


def test_a_companys_planned_sale_of_a_unit_is_no_export(parser) -> None:
    assert _read(parser, "Imperial Foods agreed to sell its sugar unit to Tate and Lyle for 90 mln dlrs.") == []
