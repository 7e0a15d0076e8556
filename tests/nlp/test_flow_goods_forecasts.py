"""The forecast flag and period of a flow named without a figure: a forecast where its clause
says it is to come, as a counted flow is; dated by the period a flow noun's clause names,
end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _forecasts(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), names.get(f.object), f.forecast)
            for f in x.facts if f.predicate.value in ("exports", "imports")]  # fmt: skip


def test_a_flow_the_trader_would_have_to_make(extracted) -> None:
    text = "Peru has enough fuel for a month and would have to import diesel to rebuild its stocks."
    assert _forecasts(extracted, text) == [("Peru", "diesel", True)]


def test_a_flow_the_trader_expects(extracted) -> None:
    text = "Chile expects copper exports to Japan to rise this year."
    assert _forecasts(extracted, text) == [("Chile", "copper", True)]


def test_a_flow_stated_as_done_is_no_forecast(extracted) -> None:
    assert _forecasts(extracted, "Chile sold copper to Japan last year.") == [("Chile", "copper", False)]


def test_no_target_is_no_plan(extracted) -> None:
    text = "Kenya has no set target for its tea exports after the talks broke down, the minister said."
    assert _forecasts(extracted, text) == [("Kenya", "tea", False)]


def test_the_period_the_clause_names_dates_the_flow(extracted) -> None:
    x = extracted("Chile expects copper exports to Japan to rise this year.")
    assert [f.period for f in x.facts if f.predicate.value == "exports"] == ["this year"]


def test_exports_another_verbs_modal_is_about_are_no_forecast(extracted) -> None:
    text = "The ban will hurt Kenyan tea exports to Pakistan, traders said."
    assert [forecast for *_, forecast in _forecasts(extracted, text)] == [False]


def test_the_day_of_a_purchase_is_no_period_of_the_flow(extracted) -> None:
    x = extracted("Peru bought U.S. wheat and rice at its tender earlier this week, an official said.")
    assert {f.period for f in x.facts if f.predicate.value == "imports"} == {None}
