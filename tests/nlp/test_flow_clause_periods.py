"""A flow that names no period takes the period of the clause it hangs on, past a rate of
change ("rose 5.0 pct in 1986 ..., with exports climbing to ..."), and the period a
figure-less flow just before gave itself without a preposition ("an increase in exports
this year")."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-02"
TABLE = {"Kenyan": ("ke", T.COUNTRY), "Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.quantity, f.period) for f in facts if f.quantity]


@pytest.mark.parametrize("text", [
    "Kenyan tea output rose 5.0 pct in 1986 to 150,000 tonnes, with exports climbing to 120,000 tonnes.",
    "Kenyan tea output rose by 12 percent in 1986, with exports climbing to 120,000 tonnes.",
    "Kenyan tea output rose in 1986 to 150,000 tonnes, with exports climbing to 120,000 tonnes.",
])
def test_a_with_clause_takes_the_period_of_its_host_past_a_rate(parser, text: str) -> None:
    assert _read(parser, text)[0] == (Decimal("120000"), "1986")


@pytest.mark.parametrize("text", [
    "Kenyan tea output rose 5.0 pct from 1985, while exports climbed to 120,000 tonnes.",
    "Kenyan tea output rose 5.0 pct on 1985, with exports climbing to 120,000 tonnes.",
])
def test_the_period_a_rate_is_measured_from_dates_no_flow(parser, text: str) -> None:
    assert _read(parser, text) == [(Decimal("120000"), None)]


def test_a_figure_less_increase_this_year_dates_the_forecast_after_it(parser) -> None:
    text = ("Kenya said higher prices should lead to an increase in tea exports this year. Exports are "
            "forecast to rise to 120,000 tonnes against 110,000 tonnes in 1986.")
    assert _read(parser, text) == [(Decimal("120000"), "this year"), (Decimal("110000"), "1986")]


def test_a_yardstick_of_a_figure_less_flow_dates_nothing_after_it(parser) -> None:
    text = ("Kenya said tea exports were stronger than last year. Exports are forecast to rise to "
            "120,000 tonnes against 110,000 tonnes in 1986.")
    assert _read(parser, text) == [(Decimal("120000"), None), (Decimal("110000"), "1986")]
