from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"
_TABLE = {"Kuwait": ("kw", T.COUNTRY), "oil": ("oil", T.PRODUCT), "Petromax": ("pmx", T.ORGANIZATION)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, _TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity) for f in facts if f.quantity]


def test_a_shipment_made_by_a_country_is_its_export(parser) -> None:
    text = "The shipment of 1.5 mln barrels of oil will be made by Kuwait next week, the refiner said."
    assert _read(parser, text) == [("exports", "kw", "oil", Decimal("1500000"))]


def test_a_country_that_makes_a_shipment_exports(parser) -> None:
    text = "Kuwait will make the first shipment of 1.5 mln barrels of oil next week."
    assert _read(parser, text) == [("exports", "kw", "oil", Decimal("1500000"))]


def test_a_shipment_made_by_sea_or_by_a_company_names_no_exporter(parser) -> None:
    assert _read(parser, "The shipment of 1.5 mln barrels of oil will be made by sea next week.") == []
    assert _read(parser, "The shipment of 1.5 mln barrels of oil will be made by Petromax next week.") == []
