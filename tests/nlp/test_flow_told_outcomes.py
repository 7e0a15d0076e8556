"""A forecast word reaches a flow only inside the flow's own clause: a flow told in a past,
perfect or relative clause of its own is what happened, whatever the clause above it expects."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.object, f.quantity, f.forecast) for f in facts]


def test_expected_announcement_about_past_exports_is_no_forecast(parser) -> None:
    text = ("The Canadian government is expected to announce next week its ruling whether Brazilian sugar "
            "exports to Canada have hurt local growers, officials said.")
    table = {"Canadian": ("ca", T.COUNTRY), "Brazilian": ("br", T.COUNTRY), "Canada": ("ca", T.COUNTRY),
             "sugar": ("sugar", T.PRODUCT)}
    assert [(p, o, f) for p, o, _, f in _read(parser, text, table)] == [("exports", "sugar", False)]


def test_relative_clause_imports_beside_a_wish_are_no_forecast(parser) -> None:
    text = ("Malawi, which already imports Zambian copper and coal, also wanted a credit line to allow "
            "purchases of spare parts, officials said.")
    table = {"Malawi": ("mw", T.COUNTRY), "Zambian": ("zm", T.COUNTRY), "copper": ("copper", T.PRODUCT),
             "coal": ("coal", T.PRODUCT)}
    read = _read(parser, text, table)
    assert read and all(not f for _, _, _, f in read)


def test_estimate_that_goods_have_been_sold_is_no_forecast(parser) -> None:
    text = ("German exporters estimated that around 300,000 tonnes of German barley has been sold to "
            "Saudi Arabia for delivery in the 1986/87 year.")
    table = {"German": ("de", T.COUNTRY), "barley": ("barley", T.PRODUCT), "Saudi Arabia": ("sa", T.COUNTRY)}
    assert [(q, f) for _, _, q, f in _read(parser, text, table)] == [(Decimal("300000"), False)]


def test_expected_exports_stay_a_forecast(parser) -> None:
    text = "Chile is expected to export 40,000 tonnes of copper to Japan this year, officials said."
    table = {"Chile": ("cl", T.COUNTRY), "copper": ("copper", T.PRODUCT), "Japan": ("jp", T.COUNTRY)}
    assert [(q, f) for _, _, q, f in _read(parser, text, table)] == [(Decimal("40000"), True)]


def test_expects_exports_to_rise_stays_a_forecast(parser) -> None:
    text = "Peru expects its fishmeal exports to rise to 900,000 tonnes in 1987, the ministry said."
    table = {"Peru": ("pe", T.COUNTRY), "fishmeal": ("fishmeal", T.PRODUCT)}
    assert [(q, f) for _, _, q, f in _read(parser, text, table)] == [(Decimal("900000"), True)]
