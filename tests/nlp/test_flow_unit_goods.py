from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Kenya": ("ke", T.COUNTRY), "Canada": ("ca", T.COUNTRY), "coffee": ("coffee", T.PRODUCT),
         "wheat": ("wheat", T.PRODUCT), "tea": ("tea", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-03-20", module=flows)
    return [(f.subject, f.object, f.quantity, f.unit) for f in facts]


def test_a_figure_in_bushels_counts_the_grain_named_last_not_the_storys_coffee(parser) -> None:
    text = ("Kenya exported 9,000 tonnes of coffee in March. Analysts watched the wheat harvest. "
            "Canada's exports rose to 12 mln bushels.")
    assert _read(parser, text)[-1] == ("ca", "wheat", Decimal("12000000"), "bushels")


def test_a_figure_in_bushels_with_no_grain_named_counts_no_goods(parser) -> None:
    text = "Kenya exported 9,000 tonnes of coffee in March. Canada's exports rose to 12 mln bushels."
    assert [f[0] for f in _read(parser, text)] == ["ke"]


def test_a_unit_of_no_kind_keeps_the_goods_carried(parser) -> None:
    text = "Kenya exported 9,000 tonnes of tea in March. Canada's exports rose to 12,000 tonnes."
    assert _read(parser, text)[-1] == ("ca", "tea", Decimal("12000"), "tonnes")
