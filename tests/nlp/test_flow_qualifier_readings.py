"""Qualifiers of a counted flow read from its clause. A trade verb in the to-infinitive of an
undertaking ("is pledging to export", "has promised to ship", "is due to load") or of a bare
"be" ("six vessels are to load") is an arrangement for the future: its figure is a forecast; a
trade done, an agreement made, or a negated undertaking is not. A quantity restated in another
unit after ", or" shares the period after it. A weekly report's "in the week", and the run "since" a
day of a perfect-tense total ("has exported 210,000 tonnes since October 1"), are the figure's
period; so is the period the flow's own verb holds before its noun ("while in 1986 its
exports were ...") where another clause's figure stands before it. A comparison figure hedged as
provisional or preliminary was counted, not foreseen: no forecast. The weight of a unit ("bags of
60 kilos") parts no figure from the period after it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-06"
TABLE = {"Ghana": ("gh", T.COUNTRY), "Morocco": ("ma", T.COUNTRY), "cocoa": ("cocoa", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.quantity, f.forecast) for f in facts if f.quantity]


@pytest.mark.parametrize("text", [
    "Ghana is to ship 12,000 tonnes of cocoa to Morocco.",
    "Ghana is pledging to export 310,000 tonnes of cocoa in 1987, an official said.",
    "Ghana has promised to sell 12,000 tonnes of cocoa to Morocco.",
    "Ghana is due to ship 12,000 tonnes of cocoa to Morocco next month.",
])
def test_an_undertaking_to_trade_is_a_forecast(parser, text: str) -> None:
    assert [fc for _, fc in _read(parser, text)] == [True]


@pytest.mark.parametrize("text", [
    "Ghana shipped 12,000 tonnes of cocoa to Morocco last month.",
    "Ghana agreed to ship 12,000 tonnes of cocoa to Morocco last month.",
    "Ghana was able to ship 12,000 tonnes of cocoa to Morocco last month.",
])
def test_a_trade_done_or_agreed_is_no_forecast(parser, text: str) -> None:
    assert _read(parser, text) == [(Decimal("12000"), False)]


def _dated(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.quantity, f.unit, f.period) for f in facts if f.quantity]


def test_a_quantity_restated_in_another_unit_shares_the_period_after_it(parser) -> None:
    text = "Ghana is pledging to export 310,000 tonnes of cocoa, or 5.2 mln bags, in 1987."
    assert [(q, p) for q, _, p in _dated(parser, text)] == [(Decimal("310000"), "1987"), (Decimal("5200000"), "1987")]


@pytest.mark.parametrize("text", [
    "Ghana exported 310,000 tonnes of cocoa in 1986, or 20 pct of world trade.",
    "Ghana exported 300,000 or 310,000 tonnes of cocoa in 1986.",
])
def test_a_share_or_an_alternative_is_no_restatement(parser, text: str) -> None:
    assert len(_dated(parser, text)) == 1


def test_a_weekly_report_figure_is_of_the_week(parser) -> None:
    text = "Ghanaian cocoa exports in the week fell to 9,000 tonnes, the board said."
    assert [(q, p) for q, _, p in _dated(parser, text)] == [(Decimal("9000"), "the week")]


@pytest.mark.parametrize(("text", "period"), [
    # a total or average of a perfect-tense verb runs from the day "since" names
    ("Ghana has exported 210,000 tonnes of cocoa since October 1, the board said.", "since October 1"),
    ("Ghana has sold 40,000 tonnes of cocoa to Morocco since January, the board said.", "since January"),
    # a record's or a change's yardstick is no period of the figure
    ("Ghana exported 210,000 tonnes of cocoa, the highest since 1972.", None),
    ("Ghanaian cocoa exports have risen to 210,000 tonnes since 1985.", None),
])
def test_a_run_since_a_day_is_the_figures_period(parser, text: str, period) -> None:
    assert [p for _, _, p in _dated(parser, text)] == [period]


def test_a_run_since_a_day_ends_on_the_storys_day(parser) -> None:
    facts = facts_of(parser, "Ghana has exported 210,000 tonnes of cocoa since October 1.", TABLE,
                     published=PUBLISHED, module=flows)
    assert [(f.period_start, f.period_end) for f in facts] == [("1986-10-01", "1987-04-06")]


@pytest.mark.parametrize(("text", "period"), [
    # a figure of another clause stands between the sentence's opening and the flow's own
    # clause, whose verb holds the period in front of the flow noun
    ("Ghana will grow 300,000 tonnes of cocoa in 1987, while in 1986 its crop and exports were 250,000 tonnes.", "1986"),
    ("Ghana grew 300,000 tonnes of cocoa in 1986, and in 1985 its exports were 240,000 tonnes.", "1985"),
    # the other clause's period is not the flow's
    ("Ghana grew 300,000 tonnes of cocoa in 1986 and its exports were 240,000 tonnes.", None),
])
def test_the_period_the_flows_own_verb_holds_before_its_noun(parser, text: str, period) -> None:
    assert [p for _, _, p in _dated(parser, text)][-1:] == [period]


def _forecasts(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.quantity, f.forecast) for f in facts if f.quantity]


@pytest.mark.parametrize(("word", "forecast"), [
    ("a provisionally estimated", False), ("a preliminary", False), ("a provisional", False),
    # an estimate of a season not yet over stays a forecast's comparison
    ("an estimated", True),
])
def test_a_provisional_comparison_is_a_counted_figure(parser, word: str, forecast: bool) -> None:
    text = f"Ghana's cocoa exports are likely to rise to 260,000 tonnes in 1987/88, against {word} 240,000 tonnes in 1986/87."
    assert _forecasts(parser, text) == [(Decimal("260000"), True), (Decimal("240000"), forecast)]


@pytest.mark.parametrize(("text", "period"), [
    # the weight of the bag is no figure standing between the flow's figure and its period
    ("Ghana has sold 1.5 mln bags of 62 kilos of cocoa for export in the first five months of this year.",
     "the first five months of this year"),
    ("Ghana exported 1.5 mln bags (62 kg) of cocoa in 1986.", "1986"),
    # a figure of its own still stands between them
    ("Ghana exported 1.5 mln bags of cocoa, 62 more than in 1985.", None),
])
def test_a_units_weight_does_not_part_a_figure_from_its_period(parser, text: str, period) -> None:
    assert [p for _, _, p in _dated(parser, text)] == [period]
