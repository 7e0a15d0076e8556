"""Export sales reports and the buyers they name (flow_reports, flow_buyers), end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.model

REPORT = ("Barley sales gained 120,000 tonnes in the week ended March 3, the U.S. Agriculture "
          "Department said in its weekly export sales report.\n"
          "    Oats sales of 42,300 tonnes for the current season and 18,000 for the 1987/88 season "
          "were below the prior week, it said.\n"
          "    Morocco, Japan and Peru were the major oats buyers for the current season.\n"
          "    Net sales of sorghum totalling 75,000 tonnes were above the four week average. Major "
          "increases were for Mexico and Israel, it said.\n")


def _trade(extracted, text: str, title: str | None = None) -> list[tuple]:
    x = extracted(text, title=title)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), (names.get(f.object) or "").lower(), f.quantity,
             names.get(f.partner), f.period) for f in x.facts
            if f.predicate.value in ("exports", "imports")]  # fmt: skip


def test_the_sales_of_an_export_sales_report_are_the_reporting_countrys_exports(extracted) -> None:
    found = [f for f in _trade(extracted, REPORT) if f[3] is not None]
    assert found == [
        ("exports", "United States", "barley", Decimal("120000"), None, "the week ended March 3"),
        ("exports", "United States", "oats", Decimal("42300"), None, "the current season"),
        ("exports", "United States", "oats", Decimal("18000"), None, "1987/88 season"),
        # a sentence that names no period is the report's week
        ("exports", "United States", "sorghum", Decimal("75000"), None, "the week ended March 3"),
    ]


def test_ranked_buyers_import_from_the_exporter_and_increases_go_to_each_partner(extracted) -> None:
    found = [f for f in _trade(extracted, REPORT) if f[3] is None]
    assert found == [
        ("imports", "Morocco", "oats", None, "United States", "the current season"),
        ("imports", "Japan", "oats", None, "United States", "the current season"),
        ("imports", "Peru", "oats", None, "United States", "the current season"),
        ("exports", "United States", "sorghum", None, "Mexico", "the week ended March 3"),
        ("exports", "United States", "sorghum", None, "Israel", "the week ended March 3"),
    ]


@pytest.mark.parametrize("text", [
    # no export sales said anywhere: a company's sales are no exports
    "Barley sales gained 120,000 tonnes in the week ended March 3, the company said.",
    # buyers with a share, not a figure: no import
    "Barley exports rose to 900,000 tonnes in January. Morocco was the main buyer with 30 pct.",
])  # fmt: skip
def test_no_sales_or_buyers_without_their_cues(extracted, text: str) -> None:
    assert [f for f in _trade(extracted, text) if f[0] == "imports" or f[2] == "barley" and f[3] == Decimal("120000")] == []


# A report whose text never says "export sales": only its headline does.
HEADLINED = ("Rye sales of 50,000 tonnes in the week ended March 5 were the largest this year, the "
             "U.S. Agriculture Department said.\n"
             "    Oats sales of 30,000 tonnes for the current season were down from the prior week.\n"
             "    Sorghum sales of 12,000 tonnes were above the four-week average.\n"
             "    Peru, Chile and Ecuador were the main buyers, it said.\n"
             "    Sales activity in sunflowerseed oil resulted in decreases of 2,000 tonnes, as "
             "reductions for unknown destinations offset increases for Egypt, the department said.\n")


def test_a_headline_that_says_export_sales_makes_the_story_a_report(extracted) -> None:
    found = _trade(extracted, HEADLINED, title="USDA REVIEWS WEEKLY EXPORT SALES")
    assert [f for f in found if f[3] is not None] == [
        ("exports", "United States", "rye", Decimal("50000"), None, "the week ended March 5"),
        ("exports", "United States", "oats", Decimal("30000"), None, "the current season"),
        # no period of its own: the report's week, not the season of the oats before;
        # "Sorghum" opening the sentence is goods, not a place
        ("exports", "United States", "sorghum", Decimal("12000"), None, "the week ended March 5"),
        # "decreases of 2,000 tonnes": a change, no sales figure
    ]


def test_buyers_and_increases_take_the_goods_of_their_own_paragraph(extracted) -> None:
    found = _trade(extracted, HEADLINED, title="USDA REVIEWS WEEKLY EXPORT SALES")
    assert [f for f in found if f[3] is None] == [
        ("imports", "Peru", "sorghum", None, "United States", "the week ended March 5"),
        ("imports", "Chile", "sorghum", None, "United States", "the week ended March 5"),
        ("imports", "Ecuador", "sorghum", None, "United States", "the week ended March 5"),
        # the sentence names its goods: the increases are sunflowerseed oil's, not sorghum's
        ("exports", "United States", "sunflowerseed oil", None, "Egypt", "the week ended March 5"),
    ]


def test_without_export_sales_in_text_or_headline_sales_are_no_exports(extracted) -> None:
    found = _trade(extracted, HEADLINED, title="USDA REVIEWS THE WEEK")
    assert [f for f in found if f[2] in ("rye", "oats")] == []


def test_the_buyers_of_a_named_exporter_are_its_exports_to_each(extracted) -> None:
    text = ("Chile's state copper firm Codelco expects to export 1.2 mln tonnes of copper this year, "
            "a company spokesman said.\n"
            "    Japan and Germany are Chile's main copper buyers, the spokesman added.\n")
    found = [f[:5] for f in _trade(extracted, text) if f[3] is None]
    assert found == [("exports", "Chile", "copper", None, "Japan"), ("exports", "Chile", "copper", None, "Germany")]


def test_buyers_owned_by_no_country_still_import_from_the_last_exporter(extracted) -> None:
    text = ("Chile exported 900,000 tonnes of copper in 1986, the mining ministry said.\n"
            "    Japan and Germany were the main copper buyers, it said.\n")
    found = [f[:5] for f in _trade(extracted, text) if f[3] is None]
    assert found == [("imports", "Japan", "copper", None, "Chile"), ("imports", "Germany", "copper", None, "Chile")]
    # the owner itself among the buyers is no partner of its own
    own = "Chile exported 900,000 tonnes of copper in 1986.\n    Chile and Japan are Chile's main copper buyers.\n"
    assert all(f[4] != "Chile" for f in _trade(extracted, own))


# Sales of a list of goods between the counted sales and the increases that follow them.
LISTED = ("Rye sales of 50,000 tonnes in the week ended March 5 were the largest this year, the "
          "U.S. Agriculture Department said in its weekly export sales report.\n"
          "    Corn and barley sales of 30,000 tonnes were down from the prior week.\n"
          "    Major increases for Peru and Chile were partially offset by declines.\n"
          "    Sorghum sales of 12,000 tonnes were the result of increases for Ecuador.\n")


def test_increases_after_sales_of_a_list_of_goods_are_not_the_goods_counted_before(extracted) -> None:
    found = _trade(extracted, LISTED)
    assert not any(f[4] in ("Peru", "Chile") for f in found)


def test_a_figure_that_results_from_increases_for_a_partner_is_not_all_that_partners(extracted) -> None:
    found = _trade(extracted, LISTED)
    assert ("exports", "United States", "sorghum", Decimal("12000"), None, "the week ended March 5") in found
    assert ("exports", "United States", "sorghum", None, "Ecuador", "the week ended March 5") in found


@pytest.mark.parametrize(("text", "country", "goods"), [
    ("Gasoline stocks fell 1.2 mln barrels, the American Petroleum Institute said.\n"
     "    Crude oil imports in the week rose to 3.66 mln bpd from a revised 2.67 mln, API added.",
     "United States", "crude oil"),
    ("Stocks in store were steady, the Canadian Grain Commission said.\n"
     "    Wheat exports in the week totalled 447,200 tonnes, compared with 277,700 the week before.",
     "Canada", "wheat"),
])
def test_a_country_only_the_reporting_bodys_name_carries_is_the_storys(extracted, text, country, goods) -> None:
    found = _trade(extracted, text)
    assert {(s, o) for _, s, o, *_ in found} == {(country, goods)}
    assert len(found) == 2


def test_a_body_the_goods_go_to_carries_no_story_country(extracted) -> None:
    text = "Private exporters reported sales of 120,000 tonnes of sorghum to the Soviet Trade Ministry."
    assert [f for f in _trade(extracted, text) if f[1] == "Soviet Union"] == []


def test_two_bodies_carrying_two_countries_name_no_story_country(extracted) -> None:
    text = ("The U.S. Agriculture Department and the Japanese Food Agency met on Monday.\n"
            "    Wheat imports in the week totalled 447,200 tonnes, officials said.")
    assert _trade(extracted, text) == []


def test_petroleum_product_imports_are_refined_products(extracted) -> None:
    text = "U.S. petroleum product imports averaged 1.9 mln bpd in the four weeks, up from 1.7 mln a year ago."
    assert [(s, q) for _, s, _, q, *_ in _trade(extracted, text)] == [
        ("United States", Decimal("1900000")), ("United States", Decimal("1700000"))]
