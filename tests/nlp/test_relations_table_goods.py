"""Tables whose rows are goods (``kg.nlp.goods_tables``, ``kg.nlp.relations.table_goods``):
read where the lead says whose flow, which direction and which unit; nothing otherwise."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.nlp.goods_tables import flow_direction, lead_start

TRADE = ("exports", "imports", "exportValue", "importValue")


def _rows(x) -> list[tuple]:
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, f.unit, f.period)
            for f in x.facts if f.predicate.value in TRADE and f.extractor == "table-row"]  # fmt: skip


def test_a_lead_counts_one_direction_and_nothing_else() -> None:
    assert flow_direction("figures covering shipments of major grains in the week, in tonnes") is True
    assert flow_direction("cumulative imports of oilseeds since October, in tonnes") is False
    # both directions, or stocks or output beside the flow: which column is which is unsure
    assert flow_direction("exports and imports of grains, in tonnes") is None
    assert flow_direction("production and exports of grains, in tonnes") is None
    assert flow_direction("ending stocks of grains, in tonnes") is None


def test_the_lead_is_the_whole_reflowed_paragraph_above() -> None:
    text = ("The Uruguayan grain board issued\nthe following figures covering shipments of major grains\n"
            "in the week to May 6, in tonnes.\n    Wheat      12,000    9,000\n")
    assert text[lead_start(text, text.index("    Wheat")):].startswith("The Uruguayan grain board")


@pytest.mark.model
def test_goods_rows_under_an_exports_lead(extracted) -> None:
    text = ("The Uruguayan Grain Board issued\n"
            "the following figures covering shipments of the main export grains\n"
            "in the week to May 6, in tonnes, with comparisons for the\n"
            "previous week and the same week in 1986.\n"
            "    Durum wheat      41,300     22,600     17,000\n"
            "    Sorghum          12,100        nil      4,400\n"
            "    Barley              nil      3,500        nil\n")
    rows = _rows(extracted(text))
    # the first column is the week's; the comparisons have no certain period and give nothing
    assert [(p, s, o, q, u) for p, s, o, q, u, _ in rows] == [
        ("exports", "Uruguay", "Durum wheat", Decimal("41300"), "tonnes"),
        ("exports", "Uruguay", "Sorghum", Decimal("12100"), "tonnes"),
    ]


@pytest.mark.model
def test_a_table_of_stocks_or_output_gives_no_trade_fact(extracted) -> None:
    text = ("The Uruguayan Grain Board issued\n"
            "the following figures for stocks of the main grains\n"
            "at the end of May, in tonnes, with comparisons for a year earlier.\n"
            "    Durum wheat      41,300     22,600\n"
            "    Sorghum          12,100      9,000\n")
    assert _rows(extracted(text)) == []
    text = text.replace("stocks of the main grains", "production and shipments of the main grains")
    assert _rows(extracted(text)) == []


@pytest.mark.model
def test_rows_that_are_not_all_goods_give_nothing(extracted) -> None:
    # a port among the rows: the table counts something the lead does not make certain
    text = ("The Uruguayan Grain Board issued\n"
            "the following figures covering shipments of the main export grains\n"
            "in the week to May 6, in tonnes.\n"
            "    Durum wheat      41,300\n"
            "    Montevideo       12,100\n")
    assert _rows(extracted(text)) == []


@pytest.mark.model
def test_malformed_goods_tables_do_not_crash(extracted) -> None:
    for text in ("Shipments of export grains, in tonnes:\n    Wheat   1,,200   (\n    Maize  --  n.a.\n",
                 "Exports, in tonnes -\n    Wheat\n    12,000   11,000\n    Sorghum   x   9\n",
                 "    Wheat      12,000\n    Maize      9,000\n"):
        extracted(text)


@pytest.mark.model
def test_a_table_continued_under_its_titles_set_again_keeps_its_lead(extracted) -> None:
    text = ("Uruguayan wool exports in 1986 totalled 90,000 tonnes, the wool secretariat said.\n"
            "    Destinations were as follows, in tonnes --\n"
            "              1986       1985\n"
            " ITALY        20,100     18,000\n"
            " FRANCE       14,000     12,500\n"
            "                  SHIPPED\n"
            "              1986       1985\n"
            " GERMANY      11,000      9,800\n"
            " SPAIN         6,500      7,000\n")
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    found = {(names.get(f.partner), f.quantity, f.period) for f in x.facts if f.extractor == "table-row"}
    assert ("GERMANY", Decimal("11000"), "1986") in found or ("Germany", Decimal("11000"), "1986") in found
    assert any(q == Decimal("6500") for _, q, _ in found)
