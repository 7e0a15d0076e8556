"""Weekly export inspection reports and traders' guesses for them: inspections count the
exports of the week, guesses forecast them, and a guessed range is reported by its first
figure (kg.nlp.relations.flow_triggers, flow_ranges through flow_figures)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-13"
TABLE = {"Ghana's": ("gh", T.COUNTRY), "Ghana": ("gh", T.COUNTRY), "cocoa": ("cocoa", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.forecast) for f in facts]


def test_export_inspections_are_the_weeks_exports(parser) -> None:
    got = _read(parser, "Ghana's cocoa export inspections totalled 12,400 tonnes in the week ended April 9, "
                        "compared with 15,600 the previous week.")
    assert got == [("exports", "gh", "cocoa", Decimal("12400"), "tonnes", False),
                   ("exports", "gh", "cocoa", Decimal("15600"), "tonnes", False)]


def test_inspections_without_a_figure_are_no_flow(parser) -> None:
    assert _read(parser, "Ghana's cocoa export inspections were tightened after a larger inspection figure.") == []


def test_export_guesses_are_a_forecast_reported_by_the_ranges_first_figure(parser) -> None:
    got = _read(parser, "Ghana's cocoa export guesses ranged from 270,000 to 320,000 tonnes, compared with "
                        "the 276,000 shipped last year.")
    assert got[0] == ("exports", "gh", "cocoa", Decimal("270000"), "tonnes", True)
    assert Decimal("320000") not in [g[3] for g in got]


def test_a_change_from_one_level_to_another_is_no_range(parser) -> None:
    got = _read(parser, "Ghana's cocoa exports rose from 270,000 to 320,000 tonnes last year.")
    assert got[0][3] == Decimal("320000")
