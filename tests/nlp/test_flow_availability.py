from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-12"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.period, f.forecast) for f in facts]


def test_goods_a_country_has_available_for_export_are_its_forecast_exports(parser) -> None:
    text = "Cuba will have 2.5 mln tonnes of sugar available for export this year."
    table = {"Cuba": ("cu", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "cu", "sugar", Decimal("2500000"), "this year", True)]


def test_goods_available_with_no_holder_named_are_the_story_countrys(parser) -> None:
    text = "Thailand's rice crop was good. About 300,000 tonnes of rice will be available for export next season."
    table = {"Thailand": ("th", T.COUNTRY), "rice": ("rice", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "th", "rice", Decimal("300000"), "next season", True)]


def test_exports_for_a_purpose_are_no_availability(parser) -> None:
    text = "Brazil built a new port for exports of iron ore."
    table = {"Brazil": ("br", T.COUNTRY), "iron ore": ("ore", T.PRODUCT)}
    assert all(f[3] is None for f in _read(parser, text, table))


def test_a_countrys_export_availability_is_a_forecast_of_its_exports(parser) -> None:
    text = "Cuba produced 7 mln tonnes of sugar last year. Its export availability will fall to 2.4 mln tonnes this year."
    table = {"Cuba": ("cu", T.COUNTRY), "sugar": ("sugar", T.PRODUCT), "Its": ("cu", T.COUNTRY)}
    assert _read(parser, text, table) == [("exports", "cu", "sugar", Decimal("2400000"), "this year", True)]
