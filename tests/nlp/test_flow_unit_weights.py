from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Kenya": ("ke", T.COUNTRY), "coffee": ("coffee", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-04-09", module=flows)
    return [(f.subject, f.quantity, f.unit) for f in facts if f.quantity is not None]


@pytest.mark.parametrize("text", [
    "Kenya exported 1.2 mln 60-kilo bags of coffee in 1986.",
    "Kenya exported 1.2 mln (60-kg) bags of coffee in 1986.",
    "Kenya exported 1.2 mln 60 kilo bags of coffee in 1986.",
])
def test_the_weight_a_bag_holds_is_no_figure_of_its_own(parser, text: str) -> None:
    assert _read(parser, text) == [("ke", Decimal("1200000"), "bags")]


def test_a_number_after_the_figure_with_no_weight_word_stays_apart(parser) -> None:
    # "up 60 pct" is a change, not a bag's weight
    assert _read(parser, "Kenya exported 120,000 bags of coffee in March, up 60 pct.") == [
        ("ke", Decimal("120000"), "bags")]
