"""World regions as trade partners: a region abroad counts as a country does, a city or a
province does not (sentences of our own)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Canada": ("ca", T.COUNTRY), "pork": ("pork", T.PRODUCT), "Far East": ("fe", T.PLACE),
         "Gulf states": ("gulf", T.PLACE), "Ontario": ("on", T.PLACE), "Toronto": ("to", T.PLACE),
         "U.S. Gulf": ("usgulf", T.PLACE)}


def _flows(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-04-02", module=flows)
    return [(f.predicate.value, f.subject, f.quantity, f.partner) for f in facts]


@pytest.mark.parametrize("region, key", [("the Far East", "fe"), ("the Gulf states", "gulf")])
def test_sales_to_a_world_region_are_exports_to_it(parser, region: str, key: str) -> None:
    text = f"Canada's pork sales to {region} rose to 61,200 tonnes in 1986."
    assert _flows(parser, text) == [("exports", "ca", Decimal("61200"), key)]


@pytest.mark.parametrize("place", ["Ontario", "Toronto", "the U.S. Gulf"])
def test_sales_to_a_province_or_city_are_no_exports(parser, place: str) -> None:
    assert _flows(parser, f"Canada's pork sales to {place} rose to 61,200 tonnes in 1986.") == []
