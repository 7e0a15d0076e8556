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


OIL = {"Mexico": ("mx", T.COUNTRY), "crude": ("crude", T.PRODUCT)}


def _oil(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, OIL, published=PUBLISHED, module=flows)
    return [(f.quantity, f.period, f.forecast) for f in facts if f.quantity]


def test_a_figure_after_a_sentence_of_one_periods_statistics_is_of_that_period(parser) -> None:
    text = ("Mexico's average crude output in 1986 was 2.43 mln barrels per day, 202,000 bpd down on "
            "1985. Average crude exports were 1.29 mln bpd.")
    assert _oil(parser, text) == [(Decimal("1290000"), "1986", False)]


@pytest.mark.parametrize("text", [
    # no period before it, two periods, a sentence between, a forecast
    "Mexico's crude output rose to 2.43 mln barrels per day. Crude exports were 1.29 mln bpd.",
    "Mexico's crude output was 2.43 mln bpd in 1986 and 2.6 mln in 1985. Crude exports were 1.29 mln bpd.",
    "Mexico's crude output in 1986 was 2.43 mln bpd. The company is 50 years old. Crude exports were 1.29 mln bpd.",
])
def test_statistics_of_no_single_period_just_before_date_no_figure(parser, text: str) -> None:
    assert _oil(parser, text) == [(Decimal("1290000"), None, False)]


def test_a_forecast_takes_no_period_from_the_statistics_before(parser) -> None:
    text = "Mexico's crude output in 1986 was 2.43 mln bpd. Crude exports are expected to be 1.29 mln bpd."
    assert _oil(parser, text) == [(Decimal("1290000"), None, True)]


def test_a_period_after_the_statistic_before_dates_no_figure(parser) -> None:
    text = "Mexico's crude output rose to 2.43 mln bpd in 1986. Crude exports were 1.29 mln bpd."
    assert _oil(parser, text) == [(Decimal("1290000"), None, False)]
