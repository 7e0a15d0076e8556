"""Market reports of buying by many countries, sales carried to the next sentence, and
totals broken down after a dash (kg.nlp.relations.flow_traders, flow_triggers, flow_goods)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-12"
TABLE = {"Morocco": ("ma", T.COUNTRY), "Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY),
         "Kenya": ("ke", T.COUNTRY), "Norway": ("no", T.COUNTRY), "Canada": ("ca", T.COUNTRY),
         "EC": ("ec", T.ORGANIZATION), "sugar": ("sugar", T.PRODUCT), "whites": ("sugar", T.PRODUCT),
         "barley": ("barley", T.PRODUCT), "oats": ("oats", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.forecast) for f in facts]


def test_a_country_reported_to_have_bought_imports(parser) -> None:
    assert _read(parser, "Morocco was said to have bought about 60,000 tonnes of whites, dealers said.") == [
        ("imports", "ma", "sugar", Decimal("60000"), "tonnes", False)]


def test_a_country_lined_up_to_buy_plans_an_import(parser) -> None:
    assert _read(parser, "Chile is lined up shortly to buy 30,000 tonnes of sugar.") == [
        ("imports", "cl", "sugar", Decimal("30000"), "tonnes", True)]


def test_purchases_a_country_had_are_its_imports(parser) -> None:
    got = _read(parser, "Peru had further whites purchases of two cargoes for April.")
    assert [g[:5] for g in got] == [("imports", "pe", "sugar", Decimal("2"), "cargoes")]


def test_a_country_called_a_buyer_imports_what_it_took(parser) -> None:
    got = _read(parser, "Kenya was also a buyer this week, taking three cargoes of whites, traders said.")
    assert [g[:5] for g in got] == [("imports", "ke", "sugar", Decimal("3"), "cargoes")]


def test_a_country_seeking_goods_plans_to_buy_them(parser) -> None:
    assert _read(parser, "Norway will be seeking 15,000 tonnes of white sugar next month.") == [
        ("imports", "no", "sugar", Decimal("15000"), "tonnes", True)]


def test_seeking_no_goods_is_no_flow(parser) -> None:
    assert _read(parser, "Norway will be seeking talks on sugar prices next month.") == []


def test_a_countrys_tender_is_to_buy_not_the_named_blocs(parser) -> None:
    assert _read(parser, "Canada has called an internal EC tender for 25,000 tonnes of barley.") == [
        ("imports", "ca", "barley", Decimal("25000"), "tonnes", True)]


def test_one_buyer_ends_where_the_next_begins(parser) -> None:
    got = _read(parser, "Chile bought 10,000 tonnes of sugar while Peru had purchases of two cargoes of whites.")
    assert [g[:5] for g in got] == [("imports", "cl", "sugar", Decimal("10000"), "tonnes"),
                                    ("imports", "pe", "sugar", Decimal("2"), "cargoes")]


def test_a_total_broken_down_after_a_dash_gives_each_goods_its_part(parser) -> None:
    text = ("Canada's sales of barley to Morocco now total 500,000 tonnes, officials said. Last year sales "
            "totaled 900,000 tonnes -- 300,000 tonnes of oats and 600,000 tonnes of barley.")
    got = {(g[1], g[2], g[3]) for g in _read(parser, text)}
    assert {("ca", "barley", Decimal("500000")), ("ca", "oats", Decimal("300000")),
            ("ca", "barley", Decimal("600000"))} <= got


def test_a_double_space_before_the_unit_keeps_the_unit(parser) -> None:
    got = _read(parser, "Chile bought 10,000  tonnes of sugar.")
    assert [g[:5] for g in got] == [("imports", "cl", "sugar", Decimal("10000"), "tonnes")]


def test_the_week_a_purchase_was_reported_is_not_its_period(parser) -> None:
    facts = facts_of(parser, "Morocco was reported this week to have bought 60,000 tonnes of whites.", TABLE,
                     published=PUBLISHED, module=flows)
    assert [(f.subject, f.quantity, f.period) for f in facts] == [("ma", Decimal("60000"), None)]


def test_a_wish_without_a_figure_makes_no_forecast(parser) -> None:
    got = _read(parser, "Peru had purchases of two cargoes of whites for April and could be seeking more.")
    assert [g[:6] for g in got] == [("imports", "pe", "sugar", Decimal("2"), "cargoes", False)]


def test_a_unit_written_once_after_a_gapped_list_counts_both_goods(parser) -> None:
    got = _read(parser, "Traders expect Canada's barley exports to reach 3.0 mln and oats around 1.50 mln tonnes.")
    assert got == [("exports", "ca", "barley", Decimal("3000000"), "tonnes", True),
                   ("exports", "ca", "oats", Decimal("1500000"), "tonnes", True)]


def test_a_countrys_total_purchases_counted_in_cargoes_are_its_imports(parser) -> None:
    text = "Peru bought three cargoes of sugar on Monday. This brought total Peruvian purchases to five cargoes."
    table = {**TABLE, "Peruvian": ("pe", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.subject, f.quantity, f.unit) for f in facts] == [("pe", Decimal("3"), "cargoes"),
                                                                ("pe", Decimal("5"), "cargoes")]


def test_a_tender_by_a_country_for_a_figure_is_its_planned_purchase(parser) -> None:
    assert _read(parser, "Results are still awaited on a tender by Peru for 30,000 tonnes of barley.") == [
        ("imports", "pe", "barley", Decimal("30000"), "tonnes", True)]
    assert _read(parser, "Results are still awaited on a tender by Peru to sell its barley.") == []
