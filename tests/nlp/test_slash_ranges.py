"""Ranges written with a slash in market reports (kg.nlp.relations.slash_ranges, through
quantities.parse_quantity)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.nlp.relations.quantities import parse_quantity
from kg.nlp.relations.slash_ranges import unslashed


@pytest.mark.parametrize(("text", "low", "high"), [
    ("120,000/180,000", "120000", "180000"),
    ("2.5/3.0 mln", "2500000", "3000000"),
])
def test_a_slashed_pair_of_written_figures_is_a_range(text: str, low: str, high: str) -> None:
    q = parse_quantity(text)
    assert (q.low, q.high) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize("text", ["1/2", "3/4 pct", "1986/87", "180,000/120,000", "May/June"])
def test_fractions_seasons_and_falling_pairs_are_no_range(text: str) -> None:
    assert unslashed(text) == text


@pytest.mark.model
def test_a_slash_range_in_a_purchase_reads_its_first_figure(parser) -> None:
    from relations_tables import T, facts_of

    from kg.nlp.relations import flows

    table = {"Chile": ("cl", T.COUNTRY), "white sugar": ("sugar", T.PRODUCT)}
    facts = facts_of(parser, "Chile bought 20,000/30,000 tonnes of white sugar last week, traders said.", table,
                     published="1987-04-02", module=flows)
    assert [(f.subject, f.object, f.quantity, f.unit) for f in facts] == [("cl", "sugar", Decimal("20000"), "tonnes")]
