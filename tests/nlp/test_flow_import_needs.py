"""The imports a country will need ("the wheat import market will expand to 3.4 mln
tonnes", "import needs of 40,000 bpd"): planned imports; no figure, or an export market, none."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.forecast) for f in facts]


def test_import_market_that_will_expand_is_a_planned_import(parser) -> None:
    text = "Officials expect Peru's wheat import market will expand to 1.1 mln tonnes next year."
    table = {"Peru": ("pe", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert _read(parser, text, table) == [("imports", "pe", "wheat", Decimal("1100000"), True)]


def test_import_needs_with_a_figure(parser) -> None:
    text = "Ecuador's crude oil import needs will be about 40,000 bpd until the pipeline is repaired, officials said."
    table = {"Ecuador": ("ec", T.COUNTRY), "crude oil": ("crude", T.PRODUCT)}
    assert _read(parser, text, table) == [("imports", "ec", "crude", Decimal("40000"), True)]


def test_import_demand_without_a_figure_is_no_flow(parser) -> None:
    text = "Japan's import demand for soybeans weakened sharply in February, the ministry said."
    table = {"Japan": ("jp", T.COUNTRY), "soybeans": ("soy", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_export_market_is_no_import(parser) -> None:
    text = "Indonesia's export market for plywood grew to 2.1 billion dlrs, officials said."
    table = {"Indonesia": ("id", T.COUNTRY), "plywood": ("plywood", T.PRODUCT)}
    assert all(p != "imports" for p, *_ in _read(parser, text, table))
