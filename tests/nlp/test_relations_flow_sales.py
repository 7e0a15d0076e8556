from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-05-12"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.partner, f.forecast) for f in facts]


def test_sales_reported_by_a_countrys_exporters_are_its_exports(parser) -> None:
    text = "Private Canadian exporters reported sales of 150,000 tonnes of barley to Japan, the ministry said."
    table = {"Canadian": ("ca", T.COUNTRY), "barley": ("barley", T.PRODUCT), "Japan": ("jp", T.COUNTRY)}
    assert _read(parser, text, table) == [("exports", "ca", "barley", Decimal("150000"), "jp", False)]


def test_the_reporting_body_names_the_exporters_country(parser) -> None:
    text = ("The U.S. Agriculture Department said exporters reported sales of 120,000 tonnes of "
            "sorghum for delivery to Mexico.")
    table = {"U.S. Agriculture Department": ("usda", T.AGENCY), "U.S.": ("us", T.COUNTRY),
             "sorghum": ("sorghum", T.PRODUCT), "Mexico": ("mx", T.COUNTRY)}
    assert _read(parser, text, table) == [("exports", "us", "sorghum", Decimal("120000"), "mx", False)]


def test_the_reporting_body_named_as_the_source_after_the_sales_names_the_country(parser) -> None:
    text = ("Japan's sorghum imports rose. Private exporters reported sales of 120,000 tonnes of sorghum to "
            "Mexico, the U.S. Agriculture Department said.")
    table = {"U.S. Agriculture Department": ("usda", T.AGENCY), "U.S.": ("us", T.COUNTRY), "Japan": ("jp", T.COUNTRY),
             "sorghum": ("sorghum", T.PRODUCT), "Mexico": ("mx", T.COUNTRY)}
    assert _read(parser, text, table)[-1] == ("exports", "us", "sorghum", Decimal("120000"), "mx", False)


def test_a_body_the_sales_go_to_does_not_name_the_exporters_country(parser) -> None:
    text = "Private exporters reported sales of 120,000 tonnes of sorghum to the Soviet Trade Ministry."
    table = {"Soviet Trade Ministry": ("stm", T.AGENCY), "Soviet": ("su", T.COUNTRY),
             "sorghum": ("sorghum", T.PRODUCT)}
    assert [f for f in _read(parser, text, table) if f[1] == "su"] == []


def test_sales_no_exporters_report_are_no_exports(parser) -> None:
    text = "Analysts reported sales of 5,000 tonnes of barley at the market in Japan."
    table = {"barley": ("barley", T.PRODUCT), "Japan": ("jp", T.COUNTRY)}
    assert _read(parser, text, table) == []


def test_sales_to_a_buyer_a_government_body_reports_are_its_countrys_exports(parser) -> None:
    table = {"U.S. Agriculture Department": ("usda", T.AGENCY), "U.S.": ("us", T.COUNTRY),
             "sorghum": ("sorghum", T.PRODUCT), "Mexico": ("mx", T.COUNTRY)}
    text = "The U.S. Agriculture Department said outstanding sorghum sales to Mexico amount to 75,000 tonnes."
    assert _read(parser, text, table) == [("exports", "us", "sorghum", Decimal("75000"), "mx", False)]
    text = ("Mexico bought sorghum, the U.S. Agriculture Department said. The department said sorghum sales "
            "to Mexico for the current season stand at 75,000 tonnes.")
    assert _read(parser, text, table)[-1] == ("exports", "us", "sorghum", Decimal("75000"), "mx", False)


def test_the_body_that_reports_the_sales_names_their_seller_not_a_body_before(parser) -> None:
    table = {"Canadian Wheat Board": ("cwb", T.AGENCY), "Canadian": ("ca", T.COUNTRY), "Canada": ("ca", T.COUNTRY),
             "U.S. Agriculture Department": ("usda", T.AGENCY), "U.S.": ("us", T.COUNTRY),
             "sorghum": ("sorghum", T.PRODUCT), "Mexico": ("mx", T.COUNTRY)}
    text = ("The Canadian Wheat Board met buyers. The U.S. Agriculture Department said sorghum sales to Mexico "
            "stand at 75,000 tonnes.")
    assert [f for f in _read(parser, text, table) if f[0] == "exports"] == [
        ("exports", "us", "sorghum", Decimal("75000"), "mx", False)]


def test_sales_to_a_buyer_that_traders_or_the_buyer_report_have_no_seller(parser) -> None:
    table = {"sorghum": ("sorghum", T.PRODUCT), "Mexico": ("mx", T.COUNTRY), "Mexican": ("mx", T.COUNTRY)}
    assert _read(parser, "Traders said sorghum sales to Mexico amount to 75,000 tonnes.", table) == []
    assert _read(parser, "Mexican officials said sorghum sales to Mexico amount to 75,000 tonnes.", table) == []


def test_sales_a_credit_covers_are_no_reported_sales_of_the_body(parser) -> None:
    # the credit's dollars would read as the sales' value
    table = {"U.S. Agriculture Department": ("usda", T.AGENCY), "U.S.": ("us", T.COUNTRY),
             "sorghum": ("sorghum", T.PRODUCT), "Mexico": ("mx", T.COUNTRY)}
    text = ("The U.S. Agriculture Department said it authorized 3.0 mln dlrs in credit guarantees to cover sales "
            "of sorghum to Mexico.")
    assert _read(parser, text, table) == []
    text = ("The U.S. Agriculture Department said the program for sales of sorghum to Mexico rose to "
            "466.0 mln dlrs.")
    assert _read(parser, text, table) == []


def test_export_licences_granted_are_forecast_exports_of_the_tenders_body(parser) -> None:
    text = "The Commission granted export licences for 40,000 tonnes of barley at this week's EC tender."
    table = {"EC": ("ec", T.ORGANIZATION), "barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "ec", "barley", Decimal("40000"), None, True)]


def test_licences_to_export_are_the_granting_bodys(parser) -> None:
    text = "The EC Commission awarded licences to export 80,000 tonnes of barley."
    table = {"EC Commission": ("ec", T.ORGANIZATION), "barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "ec", "barley", Decimal("80000"), None, True)]


def test_a_rebate_per_kilo_is_no_figure_of_the_licensed_goods(parser) -> None:
    text = ("A total 50,000 tonnes of white sugar received export rebates of 40 Ecus per 100 kilos "
            "at the EC tender.")
    table = {"EC": ("ec", T.ORGANIZATION), "white sugar": ("sugar", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "ec", "sugar", Decimal("50000"), None, True)]


def test_a_countrys_traders_share_of_the_licences_is_its_export(parser) -> None:
    text = ("A total 50,000 tonnes of white sugar received export rebates at the EC tender. "
            "Out of this, traders in France received 30,000 tonnes, in Belgium 12,000 tonnes.")
    table = {"EC": ("ec", T.ORGANIZATION), "white sugar": ("sugar", T.PRODUCT),
             "France": ("fr", T.COUNTRY), "Belgium": ("be", T.COUNTRY)}
    assert _read(parser, text, table) == [("exports", "ec", "sugar", Decimal("50000"), None, True),
                                          ("exports", "fr", "sugar", Decimal("30000"), None, True)]


def test_traders_receiving_goods_without_a_licence_export_nothing(parser) -> None:
    text = "Traders in France received 5,000 tonnes of sugar from the refinery last week."
    table = {"sugar": ("sugar", T.PRODUCT), "France": ("fr", T.COUNTRY)}
    assert _read(parser, text, table) == []


def test_goods_sold_at_a_tender_are_a_forecast(parser) -> None:
    text = "Egypt sold 100,000 tonnes of cotton at the tender on Tuesday."
    table = {"Egypt": ("eg", T.COUNTRY), "cotton": ("cotton", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "eg", "cotton", Decimal("100000"), None, True)]


def test_the_campaign_of_the_licensed_goods_counts_no_other_goods(parser) -> None:
    text = "A total 50,000 tonnes of current series white sugar received export rebates at the EC tender."
    table = {"EC": ("ec", T.ORGANIZATION), "white sugar": ("sugar", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "ec", "sugar", Decimal("50000"), None, True)]


def test_sales_an_export_bonus_covers_are_the_bonus_payers_countrys_exports(parser) -> None:
    text = ("The Commodity Credit Corporation accepted bids for export bonuses to cover sales of 90,000 "
            "tonnes of barley to Jordan, the U.S. Agriculture Department said.")
    table = {"Commodity Credit Corporation": ("ccc", T.AGENCY), "U.S. Agriculture Department": ("usda", T.AGENCY),
             "U.S.": ("us", T.COUNTRY), "barley": ("barley", T.PRODUCT), "Jordan": ("jo", T.COUNTRY)}
    assert _read(parser, text, table) == [("exports", "us", "barley", Decimal("90000"), "jo", False)]


def test_sales_with_no_bonus_or_reporting_exporters_have_no_seller(parser) -> None:
    text = "The board said sales of 90,000 tonnes of barley were slow."
    table = {"barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_a_buying_tender_is_a_planned_import_of_its_holder(parser) -> None:
    text = "Egypt has issued an import tender for 200,000 tonnes of wheat on Monday, traders said."
    table = {"Egypt": ("eg", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.subject, f.quantity, f.period, f.forecast) for f in facts] == [
        ("imports", "eg", Decimal("200000"), None, True)]


def test_the_tender_a_purchase_was_made_at_opens_no_flow_of_its_own(parser) -> None:
    text = "India bought 20,000 tonnes of sugar at a buying tender this week."
    table = {"India": ("in", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.quantity, f.period, f.forecast) for f in facts] == [
        ("imports", Decimal("20000"), "this week", False)]


def test_a_sales_reports_figures_are_for_the_week_it_reports(parser) -> None:
    text = ("Sorghum sales reached 120,000 tonnes in the week ended April 30, the U.S. Agriculture "
            "Department said in its Export Sales Report. Net sales of barley were 45,000 tonnes.")
    table = {"U.S. Agriculture Department": ("usda", T.AGENCY), "U.S.": ("us", T.COUNTRY),
             "Sorghum": ("sorghum", T.PRODUCT), "barley": ("barley", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.object, f.period) for f in facts if f.object == "barley"] == [("barley", "the week ended April 30")]


def test_a_country_that_tenders_for_goods_plans_to_import_them(parser) -> None:
    text = "Peru will tender Friday for 60,000 tonnes of barley for late June shipment, traders said."
    table = {"Peru": ("pe", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    # the tender's day is no period of the goods
    assert [(f.predicate.value, f.subject, f.object, f.quantity, f.forecast) for f in facts] == [
        ("imports", "pe", "barley", Decimal("60000"), True)]
    assert facts[0].period != "Friday"


def test_a_country_due_to_tender_plans_to_import(parser) -> None:
    text = "Kenya is expected to tender shortly for 40,000 tonnes of maize, trade sources said."
    table = {"Kenya": ("ke", T.COUNTRY), "maize": ("maize", T.PRODUCT)}
    assert _read(parser, text, table) == [("imports", "ke", "maize", Decimal("40000"), None, True)]


@pytest.mark.parametrize("text", [
    "Peru did not tender for 60,000 tonnes of barley, traders said.",  # no tender held
    "The Commission will tender for the export of 60,000 tonnes of barley, traders said.",  # to sell
    "Peruvian builders will tender for 300 mln dlrs of road works, officials said.",  # no goods
    "Peru will tender for a contract to supply 60,000 tonnes of barley, officials said.",  # no figure asked
])  # fmt: skip
def test_tenders_that_buy_no_goods_import_nothing(parser, text: str) -> None:
    table = {"Peru": ("pe", T.COUNTRY), "Peruvian": ("pe", T.COUNTRY), "barley": ("barley", T.PRODUCT),
             "Commission": ("ec", T.AGENCY)}
    assert [f for f in _read(parser, text, table) if f[0] == "imports"] == []


def test_a_country_floating_a_tender_plans_to_import(parser) -> None:
    text = "Sudan floated an international tender for the purchase of 30,000 tonnes of sugar, officials said."
    table = {"Sudan": ("sd", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    assert _read(parser, text, table) == [("imports", "sd", "sugar", Decimal("30000"), None, True)]


@pytest.mark.parametrize("text", [
    "Traders awaited Kenya's tender today for 40,000 tonnes of maize.",
    "Kenya imported rice last year. This follows the country's tender for 40,000 tonnes of maize.",
    # a demonym named last is the goods' origin, not "the country"
    "Kenya bought 20,000 tonnes of French maize. This follows the country's tender for 40,000 tonnes of maize.",
])  # fmt: skip
def test_a_countrys_tender_for_a_figure_is_its_planned_import(parser, text: str) -> None:
    table = {"Kenya": ("ke", T.COUNTRY), "maize": ("maize", T.PRODUCT), "rice": ("rice", T.PRODUCT),
             "French": ("fr", T.COUNTRY)}
    read = [(f[0], f[1], f[2], f[3], f[5]) for f in _read(parser, text, table)]
    assert ("imports", "ke", "maize", Decimal("40000"), True) in read


@pytest.mark.parametrize("text", [
    "Kenya has cancelled Kenya's tender for 40,000 tonnes of maize.",  # called off
    "Kenya passed on its tender for 40,000 tonnes of maize, traders said.",  # bought nothing
    "Kenya's tender for a port contract drew six bids.",  # no figure of goods
])  # fmt: skip
def test_a_tender_called_off_or_for_no_figure_imports_nothing(parser, text: str) -> None:
    table = {"Kenya": ("ke", T.COUNTRY), "maize": ("maize", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_sales_the_exporter_concluded_besides_its_exports_are_its_exports_too(parser) -> None:
    text = ("Burma exported 41,200 tonnes of rice in the week ended May 3, down from 50,100 tonnes the previous "
            "week, plus concluded advance sales for 12,500 tonnes against 9,800 tonnes the previous week.")
    table = {"Burma": ("mm", T.COUNTRY), "rice": ("rice", T.PRODUCT)}
    assert [q for _, _, _, q, _, _ in _read(parser, text, table)] == [
        Decimal("41200"), Decimal("50100"), Decimal("12500"), Decimal("9800")]


def test_sales_without_a_figure_joined_to_an_export_are_no_flow(parser) -> None:
    text = "Burma exported 41,200 tonnes of rice in the week ended May 3 and reported lower sales of teak."
    table = {"Burma": ("mm", T.COUNTRY), "rice": ("rice", T.PRODUCT), "teak": ("teak", T.PRODUCT)}
    assert [o for _, _, o, _, _, _ in _read(parser, text, table)] == ["rice"]
