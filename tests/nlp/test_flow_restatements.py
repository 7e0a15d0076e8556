"""A flow's level stated again by a second verb sharing the first one's subject
(flow_restatements), each figure for the period it names."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model

SUGAR = {"Chinese": ("cn", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
TEA = {"Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published="1987-04-09", module=flows)
    return [(f.quantity, f.period) for f in facts]


def test_a_second_verb_with_its_comparison_restates_the_flow(parser) -> None:
    text = ("Chinese sugar imports fell to 1.2 mln tonnes in 1986 from 1.9 mln in 1985 and fell to "
            "25,000 tonnes in January 1987 from 54,000 in January 1986.")
    assert _read(parser, text, SUGAR) == [
        (Decimal("1200000"), "1986"), (Decimal("1900000"), "1985"),
        (Decimal("25000"), "January 1987"), (Decimal("54000"), "January 1986"),
    ]


@pytest.mark.parametrize("text", [
    "Chinese sugar imports totalled 1.2 mln tonnes in 1986 and reached 25,000 tonnes in January.",
    "Chinese sugar imports were 1.2 mln tonnes in 1986 and rose to 25,000 tonnes in January.",
])
def test_a_level_verb_after_and_gives_the_next_periods_level(parser, text: str) -> None:
    assert _read(parser, text, SUGAR) == [(Decimal("1200000"), "1986"), (Decimal("25000"), "January")]


def test_a_second_verb_after_but_restates_the_flow_too(parser) -> None:
    text = "Kenya's tea exports rose to 140,000 tonnes in 1986 but fell to 9,000 tonnes in January."
    assert _read(parser, text, TEA) == [(Decimal("140000"), "1986"), (Decimal("9000"), "January")]


@pytest.mark.parametrize("text", [
    "Chinese sugar imports fell to 1.2 mln tonnes in 1986 and consumption rose to 8 mln tonnes.",
    "Chinese sugar imports fell to 1.2 mln tonnes in 1986 and fell again by 200,000 tonnes in January.",
    "Chinese sugar imports fell to 1.2 mln tonnes in 1986 and accounted for 15 pct of consumption.",
])
def test_a_clause_of_its_own_or_a_change_restates_nothing(parser, text: str) -> None:
    assert _read(parser, text, SUGAR) == [(Decimal("1200000"), "1986")]


def test_a_forecast_verb_a_level_verb_completes_restates_the_flow_for_its_period(parser) -> None:
    text = "Chinese sugar imports fell to 1.2 mln tonnes in 1986 and are expected to rise to 1.5 mln tonnes in 1987."
    assert _read(parser, text, SUGAR) == [(Decimal("1200000"), "1986"), (Decimal("1500000"), "1987")]
