from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Colombia": ("co", T.COUNTRY), "Cargill": ("cargill", T.ORGANIZATION), "coffee": ("coffee", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-03-12", module=flows)
    return [(f.predicate.value, f.subject, f.quantity) for f in facts if f.quantity is not None]


@pytest.mark.parametrize("second", [
    "Heavy rains cut exports last year to 9 mln bags.",
    "Analysts put coffee exports at about 9 mln bags this year.",
])
def test_a_cause_or_a_forecaster_moves_the_storys_flow(parser, second: str) -> None:
    text = f"Colombia's coffee output fell in 1986. {second}"
    assert _read(parser, text) == [("exports", "co", Decimal("9000000"))]


@pytest.mark.parametrize("second", [
    "Cargill raised coffee exports to 9 mln bags.",
    "The company raised coffee exports to 9 mln bags.",
    "Heavy rains cut exports by half.",
])
def test_a_trader_subject_or_no_figure_after_to_or_at_keeps_the_flow_its_own(parser, second: str) -> None:
    assert _read(parser, f"Colombia's coffee output fell in 1986. {second}") == []


@pytest.mark.parametrize("text", [
    "Colombia reduced coffee exports to 9 mln bags last year.",
    "Colombia cut coffee exports to 9 mln bags last year.",
    "Colombia plans to raise coffee exports to 9 mln bags this year.",
])
def test_a_country_that_steers_its_flow_to_a_figure_trades_it(parser, text: str) -> None:
    assert _read(parser, text) == [("exports", "co", Decimal("9000000"))]


def test_a_body_that_raises_a_flow_to_a_figure_only_estimates_it(parser) -> None:
    table = {**TABLE, "the Agriculture Ministry": ("min", T.AGENCY)}
    facts = facts_of(parser, "the Agriculture Ministry raised coffee exports to 9 mln bags.", table,
                     published="1987-03-12", module=flows)
    assert [f for f in facts if f.subject == "min"] == []
