from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate
from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict, **kwargs) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows, **kwargs)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.amount, f.currency,
             f.partner, f.period, f.forecast) for f in facts]  # fmt: skip


def test_noun_clause_with_comparison_figure_for_its_own_period(parser) -> None:
    text = ("Indonesian exports of CPO in calendar 1986 were 530,500 tonnes, against 468,500 in "
            "1985, according to central bank figures.")
    table = {"Indonesian": ("id", T.COUNTRY), "CPO": ("cpo", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", "id", "cpo", Decimal("530500"), "tonnes", None, None, None, "calendar 1986", False),
        ("exports", "id", "cpo", Decimal("468500"), "tonnes", None, None, None, "1985", False),
    ]


def test_forecast_at_for_a_crop_year(parser) -> None:
    text = "USDA forecast Argentine 1986/87 coarse grain exports at 6.60 mln tonnes."
    table = {"USDA": ("usda", T.AGENCY), "Argentine": ("ar", T.COUNTRY), "coarse grain": ("cg", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", "ar", "cg", Decimal("6600000"), "tonnes", None, None, None, "1986/87", True),
    ]


def test_verb_with_week_and_previous_week_dated(parser) -> None:
    text = ("Thailand exported 56,652 tonnes of rice in the week ended April 7, down from 75,160 "
            "tonnes the previous week.")
    table = {"Thailand": ("th", T.COUNTRY), "rice": ("rice", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period, f.period_start, f.period_end) for f in facts] == [
        (Decimal("56652"), "the week ended April 7", "1987-04-01", "1987-04-07"),
        (Decimal("75160"), "the previous week", "1987-03-25", "1987-03-31"),
    ]


def test_imports_with_origin_partner(parser) -> None:
    text = "Egypt imported 500,000 tonnes of wheat from the United States in the first quarter."
    table = {"Egypt": ("eg", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "United States": ("us", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("imports", "eg", "wheat", Decimal("500000"), "tonnes", None, None, "us", "the first quarter", False),
    ]


def test_sale_abroad_is_an_export_with_its_destination(parser) -> None:
    text = "France sold around 250,000 tonnes of soft wheat to China in 1985/86."
    table = {"France": ("fr", T.COUNTRY), "soft wheat": ("wheat", T.PRODUCT), "China": ("cn", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("exports", "fr", "wheat", Decimal("250000"), "tonnes", None, None, "cn", "1985/86", False),
    ]


def test_value_of_a_product_and_could_export_as_forecast(parser) -> None:
    text = "Brazil's coffee exports were worth 1.5 billion dlrs last year."
    table = {"Brazil": ("br", T.COUNTRY), "coffee": ("coffee", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exportValue", "br", "coffee", None, None, Decimal("1500000000"), "USD", None, "last year", False),
    ]
    text = "Japan could export 200,000 tonnes of rice to Indonesia next year."
    table = {"Japan": ("jp", T.COUNTRY), "rice": ("rice", T.PRODUCT), "Indonesia": ("idn", T.COUNTRY)}
    assert _read(parser, text, table)[0][7:] == ("idn", "next year", True)


def test_a_change_is_not_the_level(parser) -> None:
    text = "In the final quarter U.S. imports rose 2.78 billion dlrs or three pct to 95.7 billion dlrs."
    table = {"U.S.": ("us", T.COUNTRY)}
    facts = _read(parser, text, table)
    assert [(f[0], f[5]) for f in facts] == [("importValue", Decimal("95700000000"))]


def test_local_currency_and_a_comparison_without_one(parser) -> None:
    text = ("Thailand's trade deficit widened. Exports fell to around 18.9 billion baht from 20.4 "
            "billion in January, the bank said.")
    table = {"Thailand": ("th", T.COUNTRY)}
    facts = _read(parser, text, table)
    assert [(f[1], f[5], f[6], f[8]) for f in facts] == [
        ("th", Decimal("18900000000"), "THB", None),
        ("th", Decimal("20400000000"), "THB", "January"),
    ]


@pytest.mark.parametrize("text", [
    "Egypt currently sells its Suez blend for 17.25 dlrs a barrel.",
    "Brazil's trade surplus doubled to 261 mln dlrs from 129 mln.",
    "Canada and the U.S. opened talks on cross-border shipments of about 150 billion dlrs a year.",
    "France had not sold wheat to Colombia for several years.",
    "Swiss capital exports rose to 4.64 billion francs in January.",
])  # fmt: skip
def test_prices_balances_capital_and_negation_are_no_flows(parser, text: str) -> None:
    table = {"Egypt": ("eg", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "Canada": ("ca", T.COUNTRY),
             "U.S.": ("us", T.COUNTRY), "France": ("fr", T.COUNTRY), "Colombia": ("co", T.COUNTRY),
             "Swiss": ("ch", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}  # fmt: skip
    assert _read(parser, text, table) == []


@pytest.mark.parametrize(("text", "table"), [
    ("Maserati and Ferrari sell about 10,000 cars a year.",
     {"Maserati": ("m", T.ORGANIZATION), "Ferrari": ("f", T.ORGANIZATION), "cars": ("car", T.PRODUCT)}),
    ("The government is delivering £234m of cuts this year, the chancellor said.", {}),
    # a country that delivers cuts or savings still ships no goods
    ("Britain is delivering £234m of cuts this year, the chancellor said.", {"Britain": ("uk", T.COUNTRY)}),
    ("Norway will deliver savings of $5bn by 2007.", {"Norway": ("no", T.COUNTRY)}),
    ("Italy's sales rose to $2bn last year.", {"Italy": ("it", T.COUNTRY)}),
    ("Japan's spending of $5bn on roads was approved.", {"Japan": ("jp", T.COUNTRY)}),
])  # fmt: skip
def test_sales_and_cuts_at_home_are_no_exports(parser, text: str, table: dict) -> None:
    facts = facts_of(parser, text, table, published=PUBLISHED)
    assert [f for f in facts if f.predicate in (Predicate.EXPORTS, Predicate.EXPORT_VALUE)] == []


def test_the_same_value_in_another_currency_is_the_same_flow(parser) -> None:
    text = ("From March 1 to Saturday, China exported up to 10.2 billion yuan ($1.4 billion) worth "
            "of medical supplies.")
    table = {"China": ("cn", T.COUNTRY)}
    facts = facts_of(parser, text, table, published="2020-04-06", module=flows)
    assert [(f.amount, f.currency, f.period) for f in facts] == [
        (Decimal("10200000000"), "CNY", "From March 1 to Saturday"),
        (Decimal("1400000000"), "USD", "From March 1 to Saturday"),
    ]


def test_goods_named_without_a_figure_and_home_sales(parser) -> None:
    table = {"Thailand": ("th", T.COUNTRY), "zinc": ("zinc", T.PRODUCT), "Japan": ("jp", T.COUNTRY),
             "US": ("us", T.COUNTRY), "truck": ("truck", T.PRODUCT)}  # fmt: skip
    assert _read(parser, "Thailand sold zinc to Japan.", table) == [
        ("exports", "th", "zinc", None, None, None, None, "jp", None, False),
    ]
    assert _read(parser, "GM said US truck sales fell 9% in February.", table) == []


def test_goods_a_passive_flow_names_as_its_subject_are_traded_without_a_figure(parser) -> None:
    table = {"Hungarian": ("hu", T.COUNTRY), "Austria": ("at", T.COUNTRY), "maize": ("maize", T.PRODUCT)}
    text = "Hungarian maize will be exported to Austria next month, officials said."
    assert [(f[0], f[1], f[2], f[3], f[7]) for f in _read(parser, text, table)] == [
        ("exports", "hu", "maize", None, "at")]
    # the passive's subject is no goods: nothing is said to be traded
    text = "Hungarian officials will be sent to Austria next month to talk about maize."
    assert _read(parser, text, table) == []


def test_national_buyers_import_and_ranges_report_their_first_figure(parser) -> None:
    text = ("Japanese crushers have bought some 214,000 tonnes of Brazilian soybeans and may buy "
            "140,000 to 190,000 tonnes more for June to August shipment.")
    table = {"Japanese": ("jp", T.COUNTRY), "Brazilian": ("br", T.COUNTRY), "soybeans": ("soy", T.PRODUCT)}
    facts = _read(parser, text, table)
    assert [(f[0], f[1], f[2], f[3], f[7]) for f in facts][0] == ("imports", "jp", "soy", Decimal("214000"), "br")
    assert (facts[1][3], facts[1][8], facts[1][9]) == (Decimal("140000"), "June to August", True)
    assert _read(parser, "Investors bought 2 mln tonnes of shares.", {"shares": ("s", T.PRODUCT)}) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("U.S. exports increased by only 7.3 billion dlrs or three pct to 221.8 billion dlrs.",
     [("exportValue", Decimal("221800000000"))]),
    ("Brazil's imports increased and the trade surplus has averaged under 150 mln dlrs.", []),
])  # fmt: skip
def test_changes_after_hedges_and_balances_are_no_levels(parser, text: str, expected: list) -> None:
    table = {"U.S.": ("us", T.COUNTRY), "Brazil": ("br", T.COUNTRY)}
    assert [(f[0], f[5]) for f in _read(parser, text, table)] == expected


def test_an_earlier_forecast_and_a_dollar_country(parser) -> None:
    text = ("France raised its estimate of 1986/87 flour exports to 1.70 mln tonnes compared with "
            "1.65 mln forecast in March.")
    table = {"France": ("fr", T.COUNTRY), "flour": ("flour", T.PRODUCT)}
    assert [(f[3], f[8], f[9]) for f in _read(parser, text, table)] == [
        (Decimal("1700000"), "1986/87", True), (Decimal("1650000"), "1986/87", True)]
    text = "New Zealand's exports were 905 mln dlrs against 929 mln."
    facts = _read(parser, text, {"New Zealand": ("nz", T.COUNTRY)})
    assert [(f[5], f[6]) for f in facts] == [(Decimal("905000000"), "NZD"), (Decimal("929000000"), "NZD")]


@pytest.mark.parametrize(("text", "table", "expected"), [
    ("Australian wheat exports in 1986/87 are forecast at 14.50 mln tonnes, vs 15.00 mln tonnes last month.",
     {"Australian": ("au", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)},
     [(Decimal("14500000"), "1986/87", True)]),  # last month's superseded forecast is no flow
    ("Traders expect U.K. wheat exports to reach 6.0 mln and barley around 4.50 mln tonnes.",
     {"U.K.": ("uk", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}, []),
    ("A Norwegian firm agreed to buy 100,000 tonnes of alumina from India.",
     {"Norwegian": ("no", T.COUNTRY), "India": ("in", T.COUNTRY)}, []),
    ("Rising imports of Japanese-made cars may upset European officials.",
     {"Japanese": ("jp", T.COUNTRY), "cars": ("car", T.PRODUCT)}, []),
])  # fmt: skip
def test_earlier_estimates_other_goods_and_origins(parser, text: str, table: dict, expected: list) -> None:
    assert [(f[3], f[8], f[9]) for f in _read(parser, text, table)] == expected


def test_between_ranges_non_goods_and_far_partners(parser) -> None:
    table = {"Chinese": ("cn", T.COUNTRY), "raw sugar": ("sugar", T.PRODUCT)}
    facts = _read(parser, "The Chinese will buy between 200,000 and 400,000 tonnes of raw sugar.", table)
    assert [f[3] for f in facts] == [Decimal("200000")]
    table = {"Indonesia": ("id", T.COUNTRY), "oil": ("oil", T.PRODUCT), "gas": ("gas", T.PRODUCT)}
    # part of the trade: a value without goods would read as all exports (flow_partial_totals)
    facts = _read(parser, "Indonesia's non-oil and gas exports fell to 5.79 billion dlrs in 1986.", table)
    assert [(f[2], f[5]) for f in facts] == []
    table = {"U.S.": ("us", T.COUNTRY), "Canada": ("ca", T.COUNTRY), "passenger cars": ("car", T.PRODUCT)}
    text = ("U.S. non-petroleum imports were up 2.7 billion dlrs to 87.7 billion dlrs, with the largest "
            "increases in passenger cars from Canada.")
    assert [(f[5], f[7]) for f in _read(parser, text, table)] == []


def test_the_agent_after_by_imports_and_the_country_before_is_the_origin(parser) -> None:
    text = "U.S. corn imports by Japan rose to 1.2 mln tonnes in February."
    table = {"U.S.": ("us", T.COUNTRY), "corn": ("corn", T.PRODUCT), "Japan": ("jp", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("imports", "jp", "corn", Decimal("1200000"), "tonnes", None, None, "us", "February", False),
    ]


def test_by_after_the_goods_names_the_importer(parser) -> None:
    text = "Imports of U.S. corn by Taiwan totalled 300,000 tonnes in January."
    table = {"U.S.": ("us", T.COUNTRY), "corn": ("corn", T.PRODUCT), "Taiwan": ("tw", T.PLACE)}
    assert _read(parser, text, table) == [
        ("imports", "tw", "corn", Decimal("300000"), "tonnes", None, None, "us", "January", False),
    ]


def test_a_country_before_its_own_imports_is_the_importer(parser) -> None:
    text = "Soviet grain imports were 3.0 mln tonnes in March."
    table = {"Soviet": ("su", T.COUNTRY), "grain": ("grain", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("imports", "su", "grain", Decimal("3000000"), "tonnes", None, None, None, "March", False),
    ]


def test_a_figure_against_expectations_is_no_forecast(parser) -> None:
    text = "The fall was smaller than expected after Kuwaiti crude exports rallied to 1.1 mln bpd."
    table = {"Kuwaiti": ("kw", T.COUNTRY), "crude": ("crude", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.forecast) for f in facts] == [(Decimal("1100000"), False)]


def test_a_plan_named_after_the_figures_is_no_forecast(parser) -> None:
    text = "Chile's imports rose to 410 mln dlrs, in line with central bank plans."
    table = {"Chile": ("cl", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.amount, f.forecast) for f in facts] == [(Decimal("410000000"), False)]


def test_a_modal_over_the_trade_verb_makes_a_forecast(parser) -> None:
    text = "Kenya will continue to export about 150,000 tonnes of tea a year, the minister said."
    table = {"Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.forecast) for f in facts] == [(Decimal("150000"), True)]


def test_a_forecasts_comparison_for_a_season_not_over_is_an_estimate(parser) -> None:
    text = ("Egypt's wheat imports are forecast to rise to 7.5 mln tonnes in 1987/88 from 7.1 mln "
            "tonnes in 1986/87 and 6.8 mln tonnes in 1984/85.")
    table = {"Egypt": ("eg", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period, f.forecast) for f in facts] == [
        (Decimal("7500000"), "1987/88", True),
        (Decimal("7100000"), "1986/87", True),
        (Decimal("6800000"), "1984/85", False),
    ]


def test_a_second_destination_in_the_same_clause_is_its_own_fact(parser) -> None:
    text = "Turkey's sugar exports to Iran were 100,000 tonnes in 1986 and to Iraq 50,000."
    table = {"Turkey": ("tr", T.COUNTRY), "sugar": ("sugar", T.PRODUCT), "Iran": ("ir", T.COUNTRY),
             "Iraq": ("iq", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("exports", "tr", "sugar", Decimal("100000"), "tonnes", None, None, "ir", "1986", False),
        ("exports", "tr", "sugar", Decimal("50000"), "tonnes", None, None, "iq", "1986", False),
    ]


def test_a_second_origin_of_imports_and_an_origin_is_no_comparison(parser) -> None:
    text = ("Japan's imports of coal from Australia totalled 2.1 mln tonnes in March, and from "
            "Canada about 900,000 tonnes.")
    table = {"Japan": ("jp", T.COUNTRY), "coal": ("coal", T.PRODUCT), "Australia": ("au", T.COUNTRY),
             "Canada": ("ca", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("imports", "jp", "coal", Decimal("2100000"), "tonnes", None, None, "au", "March", False),
        ("imports", "jp", "coal", Decimal("900000"), "tonnes", None, None, "ca", "March", False),
    ]


def test_a_comparison_after_and_is_still_a_comparison(parser) -> None:
    text = "Brazil's coffee exports were 1.1 mln bags in March, against 900,000 in February."
    table = {"Brazil": ("br", T.COUNTRY), "coffee": ("coffee", T.PRODUCT)}
    assert [r[7:9] for r in _read(parser, text, table)] == [(None, "March"), (None, "February")]


def test_two_comparison_figures_joined_by_and_are_two_figures(parser) -> None:
    text = ("South Korea's exports were 2.86 billion dlrs in February against 2.83 billion in "
            "January and 2.23 billion in February last year.")
    table = {"South Korea": ("kr", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [f.amount for f in facts] == [Decimal("2860000000"), Decimal("2830000000"), Decimal("2230000000")]
    text = "South Korea's imports were 2.63 billion dlrs against 2.25 billion and 2.32 billion."
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [f.amount for f in facts] == [Decimal("2630000000"), Decimal("2250000000"), Decimal("2320000000")]


def test_an_estimate_for_a_named_season_keeps_its_season(parser) -> None:
    text = ("China's wheat imports from the United States are estimated at 1.5 mln tonnes in 1987/88 "
            "compared to only 150,000 tonnes estimated for the 1986/87 year.")
    table = {"China": ("cn", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "United States": ("us", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period) for f in facts] == [
        (Decimal("1500000"), "1987/88"),
        (Decimal("150000"), "1986/87 year"),
    ]


def test_a_target_noun_phrase_opening_with_its_figure_is_a_forecast(parser) -> None:
    text = "Malaysia set a 1.2 mln tonne palm oil export target for 1987."
    table = {"Malaysia": ("my", T.COUNTRY), "palm oil": ("po", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", "my", "po", Decimal("1200000"), "tonnes", None, None, None, "1987", True),
    ]


def test_our_target_is_the_speakers_bodys(parser) -> None:
    text = ("The Ghana Cocoa Board's cocoa shipments are well advanced, a board official said. \"We are "
            "within reach of our 300,000 tonne export target,\" he said.")
    table = {"Ghana Cocoa Board": ("gcb", T.AGENCY), "board": ("gcb", T.AGENCY), "Ghana": ("gh", T.COUNTRY),
             "cocoa": ("cocoa", T.PRODUCT)}
    facts = [f for f in facts_of(parser, text, table, published=PUBLISHED, module=flows) if f.quantity]
    assert [(f.subject, f.quantity, f.forecast) for f in facts] == [("gcb", Decimal("300000"), True)]


def test_a_trading_body_buying_at_an_import_tender_imports(parser) -> None:
    text = ("The State Trading Corporation bought 20,000 tonnes of Malaysian refined bleached palm "
            "olein at its import tender yesterday, traders said.")
    table = {"State Trading Corporation": ("stc", T.ORGANIZATION), "palm olein": ("po", T.PRODUCT),
             "Malaysian": ("my", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("imports", "stc", "po", Decimal("20000"), "tonnes", None, None, "my", None, False),
    ]


def test_a_companys_purchase_without_an_import_word_is_no_import(parser) -> None:
    text = "Cargill bought 20,000 tonnes of soybeans from farmers in Iowa."
    table = {"Cargill": ("cargill", T.ORGANIZATION), "soybeans": ("soy", T.PRODUCT), "Iowa": ("ia", T.PLACE)}
    assert _read(parser, text, table) == []


def test_tendering_to_buy_is_a_forecast(parser) -> None:
    text = "Malta is tendering to buy 3,000 tonnes of white sugar, traders said."
    table = {"Malta": ("mt", T.COUNTRY), "white sugar": ("sugar", T.PRODUCT)}
    assert [r[9] for r in _read(parser, text, table)] == [True]


def test_a_second_figure_of_other_goods_is_its_own_flow(parser) -> None:
    text = "Egypt bought 200,000 tonnes of soft wheat and 150,000 tonnes of U.S. corn last week, traders said."
    table = {"Egypt": ("eg", T.COUNTRY), "soft wheat": ("wheat", T.PRODUCT), "U.S.": ("us", T.COUNTRY),
             "corn": ("corn", T.PRODUCT)}
    assert [r[:4] + r[7:8] for r in _read(parser, text, table)] == [
        ("imports", "eg", "wheat", Decimal("200000"), None),
        ("imports", "eg", "corn", Decimal("150000"), "us"),
    ]


def test_a_tenders_alternative_goods_after_and_or_are_each_its_flow(parser) -> None:
    text = "Cyprus will tender overnight for 30,000 tonnes of barley and/or 20,000 tonnes of U.S. corn, exporters said."
    table = {"Cyprus": ("cy", T.COUNTRY), "barley": ("barley", T.PRODUCT), "U.S.": ("us", T.COUNTRY),
             "corn": ("corn", T.PRODUCT)}
    assert [r[:4] for r in _read(parser, text, table)] == [
        ("imports", "cy", "barley", Decimal("30000")),
        ("imports", "cy", "corn", Decimal("20000")),
    ]


def test_and_or_before_a_figure_of_no_goods_adds_no_flow(parser) -> None:
    text = "Cyprus will tender overnight for 30,000 tonnes of barley and/or 20,000 tonnes of ballast, exporters said."
    table = {"Cyprus": ("cy", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [r[:4] for r in _read(parser, text, table)] == [("imports", "cy", "barley", Decimal("30000"))]


def test_a_second_figure_of_unnamed_goods_is_no_flow(parser) -> None:
    text = "Jamaica exported 80,000 tonnes of alumina and 12,000 tonnes of gypsum in March."
    table = {"Jamaica": ("jm", T.COUNTRY), "alumina": ("alumina", T.PRODUCT)}
    assert [r[2:4] for r in _read(parser, text, table)] == [("alumina", Decimal("80000"))]


def test_goods_of_a_named_origin_after_of_are_the_flows_goods(parser) -> None:
    text = ("Algeria has already purchased 300,000 tonnes of U.S. durum wheat under an initiative "
            "announced November 10, 1986, it said.")
    table = {"Algeria": ("dz", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "durum wheat": ("durum", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("imports", "dz", "durum", Decimal("300000"), "tonnes", None, None, "us", None, False),
    ]


@pytest.mark.parametrize("text", [
    "The ministry rejected all bids to export barley at the weekly tender.",
    "The minister ruled out higher exports of up to 9.5 mln bags this season.",
    "Ruritania refused to import 50,000 tonnes of barley from Freedonia.",
])
def test_a_rejected_or_ruled_out_flow_is_no_flow(parser, text: str) -> None:
    table = {"ministry": ("min", T.AGENCY), "Ruritania": ("ru", T.COUNTRY), "Freedonia": ("fr", T.COUNTRY),
             "barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == []


@pytest.mark.parametrize("text", [
    "Ruritania announced a suspension of the barley imports at a press conference.",
    "A lack of barley imports in May should help the trade account, economists said.",
    "Ruritania suspended barley imports from Freedonia last week.",
])
def test_a_suspended_or_lacking_flow_is_no_flow(parser, text: str) -> None:
    table = {"Ruritania": ("ru", T.COUNTRY), "Freedonia": ("fr", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == []


@pytest.mark.parametrize("text", [
    "Officials said that if Ruritania has to buy the barley, it will resell it at once.",
    "If Ruritania imports 50,000 tonnes of barley, prices will fall, traders said.",
    "Unless Freedonia cuts its price, Ruritania will not import 50,000 tonnes of barley.",
    "Traders said possible Ruritanian purchases of 50,000 tonnes of barley would lift prices.",
])
def test_a_supposed_flow_is_no_flow(parser, text: str) -> None:
    table = {"Ruritania": ("ru", T.COUNTRY), "Ruritanian": ("ru", T.COUNTRY), "Freedonia": ("fr", T.COUNTRY),
             "barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_a_condition_on_another_clause_leaves_the_flow(parser) -> None:
    text = "Ruritania imported 50,000 tonnes of barley in May, and if prices fall it will buy more."
    table = {"Ruritania": ("ru", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [f[:5] for f in _read(parser, text, table)][:1] == [("imports", "ru", "barley", Decimal("50000"), "tonnes")]


@pytest.mark.parametrize("text, expected", [
    ("Ruritania's barley exports could be above or below 50,000 tonnes this year.", []),
    ("Ruritania's barley exports may be more or less than 50,000 tonnes this year.", []),
    ("Ruritania's barley exports could be about 50,000 tonnes this year.", [Decimal("50000")]),
])
def test_a_figure_missed_either_way_is_no_level(parser, text: str, expected: list) -> None:
    table = {"Ruritania": ("ru", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [f[3] for f in _read(parser, text, table) if f[3] is not None] == expected


def test_a_ban_on_other_goods_leaves_the_flow(parser) -> None:
    text = "Ruritania imported 50,000 tonnes of barley in May, ending a ban on flour imports."
    table = {"Ruritania": ("ru", T.COUNTRY), "barley": ("barley", T.PRODUCT), "flour": ("flour", T.PRODUCT)}
    assert [f[:5] for f in _read(parser, text, table)] == [("imports", "ru", "barley", Decimal("50000"), "tonnes")]


@pytest.mark.parametrize("text", [
    "Chile imposed a duty of 40 cents a bushel on Brazilian oats imports, the ministry said.",
    "The tribunal found that subsidized Brazilian oats imports were hurting Chilean farmers.",
    "The tribunal ruled today subsidized Brazilian oats imports were injurious to Chilean growers.",
    "Chile slapped a 2.05 pesos per kilo duty on Brazilian oats imports in November.",
    "The tribunal found that Brazilian oats imports injure Chilean farmers, an official said.",
    "The tribunal ruled Brazilian oats imports were injurious to Chilean growers.",
    "Chilean growers were injured by Brazilian oats imports, the tribunal ruled.",
])
def test_the_country_on_barred_or_subsidized_imports_is_their_origin(parser, text: str) -> None:
    table = {"Chile": ("cl", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert [f for f in _read(parser, text, table) if f[1] == "br"] == []


def test_an_owner_imports_the_goods_a_country_names(parser) -> None:
    text = "Chile bought 20,000 tonnes of oats in May. It will pay for its Brazilian oats imports with copper."
    table = {"Chile": ("cl", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert {(f[0], f[1]) for f in _read(parser, text, table)} == {("imports", "cl")}


def test_the_country_before_plain_imports_still_imports(parser) -> None:
    text = "Brazilian oats imports rose to 50,000 tonnes last year despite the duty."
    table = {"Brazil": ("br", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert [f[:5] for f in _read(parser, text, table)] == [("imports", "br", "oats", Decimal("50000"), "tonnes")]


def test_injuring_imports_from_a_named_origin_keep_their_importer(parser) -> None:
    text = "Chile ruled that imports of oats from Brazil are injuring Chilean farmers."
    table = {"Chile": ("cl", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert {(f[0], f[1], f[2]) for f in _read(parser, text, table)} == {("imports", "cl", "oats")}


def test_imports_that_rise_while_something_else_hurts_are_still_the_countrys(parser) -> None:
    # the injury is the rise's, not said of the imports
    text = "Brazilian oats imports rose to 50,000 tonnes last year, hurting prices."
    table = {"Brazil": ("br", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert [f[:5] for f in _read(parser, text, table)] == [("imports", "br", "oats", Decimal("50000"), "tonnes")]


def test_a_passive_flow_of_goods_named_after_a_country_is_that_countrys(parser) -> None:
    text = ("Chile will tender for oats. Some 90,000 tonnes of Brazilian oats have been sold to Chile "
            "this year, of which 40,000 tonnes have already been shipped, traders said.")
    table = {"Chile": ("cl", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    facts = _read(parser, text, table)
    assert {(f[0], f[1], f[3]) for f in facts} >= {("exports", "br", Decimal("40000"))}
    assert not [f for f in facts if f[1] == "cl"]


def test_a_passive_flow_of_unnamed_goods_is_the_story_countrys(parser) -> None:
    text = "Chile exported oats in May. Some 40,000 tonnes of oats have already been shipped, traders said."
    table = {"Chile": ("cl", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert {(f[0], f[1]) for f in _read(parser, text, table) if f[3] is not None} == {("exports", "cl")}



def test_a_passive_flow_of_goods_the_story_named_after_a_country_is_that_countrys(parser) -> None:
    text = ("Chile has been a big buyer of Brazilian oats this year, traders said. Another 40,000 tonnes "
            "of oats will be shipped in May.")
    table = {"Chile": ("cl", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert {(f[0], f[1]) for f in _read(parser, text, table) if f[3] == Decimal("40000")} == {("exports", "br")}
    # goods of no named origin stay the story country's
    text = "Chile exported oats in May. Peru bought wheat. Some 40,000 tonnes of oats were shipped in June."
    table = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "oats": ("oats", T.PRODUCT),
             "wheat": ("wheat", T.PRODUCT)}
    assert {(f[0], f[1]) for f in _read(parser, text, table) if f[3] is not None} == {("exports", "cl")}

def test_a_second_flow_noun_shares_the_owner_of_the_first_goods(parser) -> None:
    text = "The minister will ask Chile to remove its quotas on Brazilian beef and citrus exports."
    table = {"Chile": ("cl", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "citrus": ("citrus", T.PRODUCT),
             "beef": ("beef", T.PRODUCT)}
    assert {(f[0], f[1]) for f in _read(parser, text, table)} == {("exports", "br")}


def test_a_second_flow_noun_keeps_its_own_owner(parser) -> None:
    text = "Peruvian beef and Brazilian citrus exports rose in May, the bank said."
    table = {"Peru": ("pe", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "citrus": ("citrus", T.PRODUCT),
             "beef": ("beef", T.PRODUCT)}
    assert {(f[0], f[1], f[2]) for f in _read(parser, text, table)} == {("exports", "br", "citrus")}


def test_goods_of_another_flow_noun_before_a_trade_verb_are_not_its_goods(parser) -> None:
    text = "After complaints about its dairy exports, Chile will import 20,000 tonnes of oats a year."
    table = {"Chile": ("cl", T.COUNTRY), "dairy": ("dairy", T.PRODUCT), "oats": ("oats", T.PRODUCT)}
    assert [(f[0], f[1], f[2], f[3]) for f in _read(parser, text, table) if f[3] is not None] == [
        ("imports", "cl", "oats", Decimal("20000"))]


def test_goods_before_a_trade_verb_are_its_goods(parser) -> None:
    text = "Of its oats, Chile exported 20,000 tonnes in May."
    table = {"Chile": ("cl", T.COUNTRY), "oats": ("oats", T.PRODUCT)}
    assert {(f[0], f[1], f[2]) for f in _read(parser, text, table)} == {("exports", "cl", "oats")}


def test_a_rejection_elsewhere_leaves_the_flow(parser) -> None:
    text = "Ruritania exported 50,000 tonnes of barley, and buyers rejected the price."
    table = {"Ruritania": ("ru", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [f[:5] for f in _read(parser, text, table)] == [("exports", "ru", "barley", Decimal("50000"), "tonnes")]


@pytest.mark.parametrize("text", [
    "Ruritania's agricultural exports rose to 4.2 billion crowns in 1986.",
    "The value of exports of farm products from Ruritania fell to 4.2 billion crowns in 1986.",
    "Ruritania's domestic exports slid to 4.2 billion crowns in May.",
    "Ruritania's re-exports slid to 4.2 billion crowns in May.",
])
def test_a_part_of_trade_without_goods_is_not_the_total(parser, text: str) -> None:
    table = {"Ruritania": ("ru", T.COUNTRY), "Ruritania's": ("ru", T.COUNTRY)}
    assert _read(parser, text, table) == []


def test_total_exports_stay_the_total(parser) -> None:
    text = "Ruritania's exports rose to 4.2 billion crowns in 1986."
    table = {"Ruritania": ("ru", T.COUNTRY), "Ruritania's": ("ru", T.COUNTRY)}
    assert [f[:2] for f in _read(parser, text, table)] == [("exportValue", "ru")]


def test_shares_of_coordinated_groups_are_not_the_country_total(parser) -> None:
    text = ("Ruritania exported 42,500 tonnes of barley in May. The government and private traders "
            "shipped 12,000 and 30,500 tonnes respectively.")
    table = {"Ruritania": ("ru", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [f[3] for f in _read(parser, text, table)] == [Decimal("42500")]


def test_goods_named_with_others_are_not_carried_alone(parser) -> None:
    table = {"Ruritania": ("ru", T.COUNTRY), "Freedonia": ("fr", T.COUNTRY), "mutton": ("mutton", T.PRODUCT),
             "lamb": ("lamb", T.PRODUCT), "barley": ("barley", T.PRODUCT)}
    text = "Buyers in Freedonia want mutton and lamb. Ruritania exported 9,800 tonnes to Freedonia in 1985."
    assert [f[2] for f in _read(parser, text, table) if f[3] == Decimal("9800")] == []
    text = "Buyers in Freedonia want barley. Ruritania exported 9,800 tonnes to Freedonia in 1985."
    assert [f[2] for f in _read(parser, text, table) if f[3] == Decimal("9800")] == ["barley"]


def test_a_loan_of_goods_is_a_forecast_export_to_the_borrower(parser) -> None:
    text = "Chile will lend Peru 20,000 barrels per day of crude oil to cover its shortfall."
    table = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "crude oil": ("crude", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", "cl", "crude", Decimal("20000"), "bpd", None, None, "pe", None, True),
    ]


def test_a_loan_of_money_is_no_flow(parser) -> None:
    text = "Japan will lend Peru 500 mln dlrs to cover its shortfall."
    table = {"Japan": ("jp", T.COUNTRY), "Peru": ("pe", T.COUNTRY)}
    assert _read(parser, text, table) == []


def test_to_loan_goods_is_to_lend_them(parser) -> None:
    text = "Chile will loan 3 mln barrels of crude oil to Peru over the next two months."
    table = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "crude oil": ("crude", T.PRODUCT)}
    assert [(f[0], f[1], f[2], f[3], f[7]) for f in _read(parser, text, table)] == [
        ("exports", "cl", "crude", Decimal("3000000"), "pe")]
    text = "The bank will loan Peru 500 mln dlrs over the next two months."
    assert _read(parser, text, {"Peru": ("pe", T.COUNTRY)}) == []


def test_goods_sold_to_foreign_buyers_are_exports_of_their_origin(parser) -> None:
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("copper", T.PRODUCT)}
    text = "About 40,000 tonnes of Chilean copper have been sold to Western traders, dealers said."
    assert [(f[0], f[1], f[2], f[3]) for f in _read(parser, text, table)] == [
        ("exports", "cl", "copper", Decimal("40000"))]
    text = "About 40,000 tonnes of Chilean copper have been sold to local traders, dealers said."
    assert _read(parser, text, table) == []


def test_a_lender_and_borrower_named_by_description_or_pronoun(parser) -> None:
    # "the country" is the one named last; "it", the country whose clause asks for the loan
    text = "Peru is negotiating with Chile to have the neighbouring country lend it 20,000 barrels per day of crude oil."
    table = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "crude oil": ("crude", T.PRODUCT)}
    assert [(f[1], f[2], f[3], f[7], f[9]) for f in _read(parser, text, table)] == [
        ("cl", "crude", Decimal("20000"), "pe", True)]


def test_a_loan_counted_in_a_unit_of_goods_lends_the_storys_goods(parser) -> None:
    text = ("Peru has halted crude oil exports. Peru said Chile would temporarily lend the country "
            "20,000 barrels per day for export.")
    table = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "crude oil": ("crude", T.PRODUCT)}
    assert [(f[1], f[2], f[3], f[7], f[9]) for f in _read(parser, text, table) if f[1] == "cl"] == [
        ("cl", "crude", Decimal("20000"), "pe", True)]


def test_a_described_seller_at_home_and_a_loan_of_money_are_no_flows(parser) -> None:
    table = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "copper": ("cu", T.PRODUCT)}
    # only a loan of goods makes a described country a trader; a sale at home is no export
    assert _read(parser, "Peru met Chile. The country sold 20,000 tonnes of copper at home.", table) == []
    assert _read(parser, "Peru met Chile. The country will lend it 500 mln dlrs.", table) == []


def test_who_is_supplied_with_goods_is_the_partner(parser) -> None:
    text = "Chile will supply Peru with 20,000 tonnes of copper next year."
    table = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "copper": ("cu", T.PRODUCT)}
    assert [(f[1], f[3], f[7], f[9]) for f in _read(parser, text, table)] == [("cl", Decimal("20000"), "pe", True)]


def test_the_first_member_of_a_group_of_origins_is_the_partner(parser) -> None:
    text = "Kenya also imports steel from several countries, including Japan and Brazil."
    table = {"Kenya": ("ke", T.COUNTRY), "Japan": ("jp", T.COUNTRY), "Brazil": ("br", T.COUNTRY),
             "steel": ("steel", T.PRODUCT)}
    assert [(f[0], f[1], f[2], f[7]) for f in _read(parser, text, table)] == [("imports", "ke", "steel", "jp")]


def test_the_object_of_the_verb_above_imports(parser) -> None:
    text = "The drought forced Kenya to import 300,000 tonnes of maize in 1985/86."
    table = {"Kenya": ("ke", T.COUNTRY), "maize": ("maize", T.PRODUCT)}
    assert [(f[0], f[1], f[3], f[8]) for f in _read(parser, text, table)] == [
        ("imports", "ke", Decimal("300000"), "1985/86")]


def test_a_trade_participle_dates_the_comparison_figure(parser) -> None:
    text = ("Chile's copper exports will grow this year, the report said. Exports are expected to rise "
            "to 2.0 mln tonnes from 700,000 tonnes exported last year, the report said.")
    table = {"Chile": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT)}
    compared = [f for f in _read(parser, text, table) if f[3] == Decimal("700000")]
    assert [(f[1], f[8], f[9]) for f in compared] == [("cl", "last year", False)]


def test_an_origin_inside_the_goods_name_is_the_partner_of_imports(parser) -> None:
    text = "Egypt bought 50,000 tonnes of soft French wheat last week, traders in France said."
    table = {"Egypt": ("eg", T.COUNTRY), "soft French wheat": ("wheat", T.PRODUCT), "France": ("fr", T.COUNTRY)}
    assert [(f[1], f[2], f[7]) for f in _read(parser, text, table)] == [("eg", "wheat", "fr")]


def test_a_flow_noun_with_its_own_figure_clause_is_the_storys_countrys(parser) -> None:
    # "with": a preposition that otherwise leaves an ownerless flow noun to no one
    text = ("Peru's mining ministry issued the figures. Prospects were good, with copper exports "
            "seen at 31,000 tonnes in the second quarter.")
    table = {"Peru": ("pe", T.COUNTRY), "copper": ("copper", T.PRODUCT)}
    read = _read(parser, text, table)
    assert [(r[1], r[2], r[3], r[8]) for r in read] == [("pe", "copper", Decimal("31000"), "the second quarter")]


def test_talks_with_shipments_and_no_figure_clause_have_no_owner(parser) -> None:
    text = "Peru's ministry said so. Officials met with copper shippers about shipments of 31,000 tonnes."
    table = {"Peru": ("pe", T.COUNTRY), "copper": ("copper", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_a_dollar_countrys_dlrs_are_its_own_and_a_revision_shares_its_figures_period(parser) -> None:
    text = ("Australia's March exports rose to 3.1 billion dlrs from 2.9 billion (revised from 2.8 "
            "billion) in February, the Statistics Bureau said.")
    table = {"Australia": ("au", T.COUNTRY), "Statistics Bureau": ("abs", T.AGENCY)}
    assert [(f[5], f[6], f[8]) for f in _read(parser, text, table)] == [
        (Decimal("3100000000"), "AUD", "March"), (Decimal("2900000000"), "AUD", "February"),
        (Decimal("2800000000"), "AUD", "February")]


@pytest.mark.parametrize(("text", "table"), [
    ("Japan's exports rose to 18.2 billion dlrs in March.", {"Japan": ("jp", T.COUNTRY)}),
    ("Canada's imports were 9.1 billion U.S. Dlrs in March.", {"Canada": ("ca", T.COUNTRY)}),
])
def test_dlrs_are_us_dollars_where_the_country_has_none_or_the_text_says_so(parser, text: str, table: dict) -> None:
    assert [f[6] for f in _read(parser, text, table)] == ["USD"]


@pytest.mark.parametrize("text", [
    "Peru expects exports to rise this year. In 1985 exports totalled 3.4 billion dlrs and imports 2.2 billion.",
    "In 1985 Peru's exports totalled 3.4 billion dlrs and imports 2.2 billion.",
])
def test_a_gapped_flow_the_parse_reads_as_a_verb_is_the_first_flows_traders(parser, text: str) -> None:
    assert [(f[0], f[1], f[5], f[6]) for f in _read(parser, text, {"Peru": ("pe", T.COUNTRY)})] == [
        ("exportValue", "pe", Decimal("3400000000"), "USD"), ("importValue", "pe", Decimal("2200000000"), "USD")]


@pytest.mark.parametrize(("text", "currency"), [
    ("Canada's wheat exports were worth 2.1 billion dlrs in 1986, the U.S. Agriculture Department said.", "USD"),
    ("Canada's wheat exports were worth 2.1 billion dlrs in 1986, the Canadian Grain Commission said.", "CAD"),
    ("Canada's wheat exports were worth 2.1 billion dlrs in 1986, the Wheat Board said.", "CAD"),
])
def test_the_dollars_of_a_reporting_body_that_names_its_country(parser, text: str, currency: str) -> None:
    table = {"Canada": ("ca", T.COUNTRY), "Canadian": ("ca", T.COUNTRY), "U.S.": ("us", T.COUNTRY),
             "wheat": ("wheat", T.PRODUCT), "U.S. Agriculture Department": ("usda", T.AGENCY),
             "Canadian Grain Commission": ("cgc", T.AGENCY), "Wheat Board": ("wb", T.AGENCY)}
    assert [f[6] for f in _read(parser, text, table)] == [currency]


def test_a_countrys_total_exports_are_its_own_and_a_total_of_two_goods_is_no_ones(parser) -> None:
    text = ("Singapore posted a trade deficit in March, the department said. Total exports for the month "
            "fell 4.2 pct to 3.61 billion dlrs.")
    table = {"Singapore": ("sg", T.COUNTRY)}
    assert [(f[0], f[1], f[5], f[6]) for f in _read(parser, text, table)] == [
        ("exportValue", "sg", Decimal("3610000000"), "SGD")]
    text = "The U.K. market expects total oats and rye exports of around 1.5 mln tonnes."
    table = {"U.K.": ("uk", T.COUNTRY), "oats": ("oats", T.PRODUCT), "rye": ("rye", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_dollars_the_story_named_as_a_countrys_stay_that_countrys(parser) -> None:
    text = ("Trade via Macao fell to 2.45 billion H.K. Dlrs in 1986, the department said. China's "
            "exports through the territory rose to 1.12 billion dlrs last year.")
    table = {"China": ("cn", T.COUNTRY), "Macao": ("mo", T.PLACE)}
    assert [(f[1], f[5], f[6]) for f in _read(parser, text, table)] == [("cn", Decimal("1120000000"), "HKD")]


def test_bare_comparison_numbers_take_the_scale_written_once(parser) -> None:
    text = ("Norway's trade figures for March showed a surplus, the bureau said. Exports rose to 12.4 "
            "billion crowns, from 11.2 billion (revised from 11.5) in February and 10.9 in March 1986.")
    table = {"Norway": ("no", T.COUNTRY)}
    assert [(f[5], f[6], f[8]) for f in _read(parser, text, table)] == [
        (Decimal("12400000000"), "NOK", "March"), (Decimal("11200000000"), "NOK", "February"),
        (Decimal("11500000000"), "NOK", "February"), (Decimal("10900000000"), "NOK", "March 1986")]


def test_an_estimated_figure_of_a_past_month_is_reported_not_forecast(parser) -> None:
    text = "Chile's imports dropped to an estimated 410 mln dlrs in February."
    assert [(f[5], f[9]) for f in _read(parser, text, {"Chile": ("cl", T.COUNTRY)})] == [(Decimal("410000000"), False)]


@pytest.mark.parametrize("text, expected", [
    ("Jensen estimated Danish exports to Chile totalled about 90 mln dlrs in 1985 while imports from "
     "Chile reached some 60 mln dlrs.",
     [(Decimal("90000000"), "1985", False), (Decimal("60000000"), "1985", False)]),
    ("The official estimated that Danish exports to Chile amounted to 90 mln dlrs last year and that "
     "imports from Chile came to 60 mln dlrs.",
     [(Decimal("90000000"), "last year", False), (Decimal("60000000"), "last year", False)]),
    # a modal breaks the chain of past tenses: what will be, a forecast
    ("Jensen estimated Danish exports to Chile would reach 90 mln dlrs.", [(Decimal("90000000"), None, True)]),
])
def test_an_estimate_of_past_figures_told_in_the_past_is_no_forecast(parser, text: str, expected: list) -> None:
    table = {"Danish": ("dk", T.COUNTRY), "Chile": ("cl", T.COUNTRY)}
    assert [(f[5], f[8], f[9]) for f in _read(parser, text, table)] == expected


@pytest.mark.parametrize("text, expected", [
    ("Danish exports to Chile fell below 100 mln dlrs in January.", []),
    ("Chilean imports stayed above 300 mln dlrs in February.", []),
    ("Danish exports to Chile fell below 100 mln dlrs in January, to 92 mln dlrs.", [Decimal("92000000")]),
    # the figure a comparison is made with, not a mark crossed
    ("Chilean imports were 12 pct above the 300 mln dlrs of February.", [Decimal("300000000")]),
])
def test_a_mark_crossed_is_no_flows_figure(parser, text: str, expected: list) -> None:
    table = {"Danish": ("dk", T.COUNTRY), "Chilean": ("cl", T.COUNTRY), "Chile": ("cl", T.COUNTRY)}
    assert [f[5] for f in _read(parser, text, table)] == expected


def test_an_excess_of_exports_over_imports_is_a_balance(parser) -> None:
    text = "Figures for March show an excess of exports over imports of 96.2 mln dlrs in Peru."
    assert _read(parser, text, {"Peru": ("pe", T.COUNTRY)}) == []


def test_an_exchange_rate_in_us_dollars_names_no_storys_dollars(parser) -> None:
    text = ("The Australian dollar rose to 0.6858 U.S. Dlrs after the figures. Australia's imports "
            "fell to 2.77 billion dlrs in February.")
    table = {"Australia": ("au", T.COUNTRY)}
    assert [(f[5], f[6]) for f in _read(parser, text, table)] == [(Decimal("2770000000"), "AUD")]


@pytest.mark.parametrize(("text", "table", "currency"), [
    ("France's exports totalled 61.2 billion francs in March.", {"France": ("fr", T.COUNTRY)}, "FRF"),
    ("Belgium's imports were 280 billion francs in March.", {"Belgium": ("be", T.COUNTRY)}, "BEF"),
    ("Ireland's exports rose to 1.2 billion pounds in March.", {"Ireland": ("ie", T.COUNTRY)}, "IEP"),
    ("Switzerland's imports were 7.1 billion francs in March.", {"Switzerland": ("ch", T.COUNTRY)}, "CHF"),
])
def test_a_euro_countrys_own_currency_before_the_euro(parser, text: str, table: dict, currency: str) -> None:
    assert [f[6] for f in _read(parser, text, table)] == [currency]



def test_a_bare_currency_name_stated_once_in_a_sentence_is_one_currency(parser) -> None:
    text = ("French exports to Ghana were 800 mln francs in 1986, while Ghana's exports to France "
            "were 300 mln francs.")
    table = {"French": ("fr", T.COUNTRY), "Ghana": ("gh", T.COUNTRY), "France": ("fr", T.COUNTRY)}
    assert [(f[1], f[6]) for f in _read(parser, text, table)] == [("fr", "FRF"), ("gh", "FRF")]
    # the trader's own currency of that name stays its own; no value before, no other currency
    text = ("French exports to Switzerland were 9 billion francs, while Swiss exports to France were "
            "4 billion francs.")
    table = {"French": ("fr", T.COUNTRY), "Switzerland": ("ch", T.COUNTRY), "Swiss": ("ch", T.COUNTRY),
             "France": ("fr", T.COUNTRY)}
    assert [(f[1], f[6]) for f in _read(parser, text, table)] == [("fr", "FRF"), ("ch", "CHF")]
    text = "Ghana's exports to France were 300 mln francs."
    assert [f[6] for f in _read(parser, text, {"Ghana": ("gh", T.COUNTRY), "France": ("fr", T.COUNTRY)})] == ["CHF"]

def test_a_euro_countrys_currency_word_after_the_euro_is_not_its_former_one(parser) -> None:
    facts = facts_of(parser, "France's exports totalled 61.2 billion euros in March.", {"France": ("fr", T.COUNTRY)},
                     published="2020-04-09", module=flows)
    assert [f.currency for f in facts] == ["EUR"]


def test_a_groups_total_and_aid_for_losses_in_exports_are_no_countrys_flow(parser) -> None:
    text = ("Kuwait's budget was cut. Total oil revenues of the six Gulf states were likely to reach 39 "
            "billion dlrs this year.")
    table = {"Kuwait": ("kw", T.COUNTRY), "oil": ("oil", T.PRODUCT)}
    assert [f for f in _read(parser, text, table) if f[5] is not None] == []
    text = ("Mali received 40 mln ECUs in aid, including 27 mln ECUs for losses in cotton exports, "
            "26 mln for coffee and 15 mln for cocoa.")
    table = {"Mali": ("ml", T.COUNTRY), "cotton": ("cotton", T.PRODUCT)}
    assert [f for f in _read(parser, text, table) if f[5] is not None] == []


def test_the_countrys_flow_is_the_country_named_last(parser) -> None:
    text = ("Malaysian palm oil output will fall this year. Indonesian stocks are low, the newsletter "
            "said, and it expects the country's imports to reach 110,000 tonnes of palm oil in 1987.")
    table = {"Malaysian": ("my", T.COUNTRY), "Indonesian": ("id", T.COUNTRY), "palm oil": ("po", T.PRODUCT)}
    assert [(p, s, q) for p, s, _, q, *_ in _read(parser, text, table)] == [("imports", "id", Decimal("110000"))]


def test_the_partner_of_a_sentences_trade_is_its_flows_partner(parser) -> None:
    text = ("Kellavia's trade with the Baltic states fell 20 pct in 1986, with imports at 1.2 billion dlrs "
            "and exports at 900 mln dlrs.")
    table = {"Kellavia": ("kv", T.COUNTRY), "Baltic states": ("baltic", T.PLACE)}
    facts = [f for f in facts_of(parser, text, table) if f.amount]
    assert facts and {f.partner for f in facts} == {"baltic"}


def test_a_bare_flow_after_a_flow_with_a_partner_shares_it(parser) -> None:
    text = "Kellavia's exports to ASEAN countries rose to 2.1 billion dlrs in 1986, while imports were 1.8 billion."
    table = {"Kellavia": ("kv", T.COUNTRY), "ASEAN": ("asean", T.ORGANIZATION)}
    facts = {(f.predicate, f.amount, f.partner) for f in facts_of(parser, text, table) if f.amount}
    assert (Predicate.IMPORT_VALUE, 1.8e9, "asean") in facts and (Predicate.EXPORT_VALUE, 2.1e9, "asean") in facts


def test_a_flow_with_its_own_modifiers_keeps_its_own_partner(parser) -> None:
    text = "Kellavia's exports to ASEAN countries rose to 2.1 billion dlrs in 1986, while oil imports were 1.8 billion."
    table = {"Kellavia": ("kv", T.COUNTRY), "ASEAN": ("asean", T.ORGANIZATION), "oil": ("oil", T.PRODUCT)}
    facts = {(f.predicate, f.partner) for f in facts_of(parser, text, table) if f.amount}
    assert (Predicate.IMPORT_VALUE, None) in facts


def test_stated_import_requirements_are_planned_imports(parser) -> None:
    text = "Kellavia's import requirements of benzene have risen to 5,000 tonnes a month."
    table = {"Kellavia": ("kv", T.COUNTRY), "benzene": ("benzene", T.PRODUCT)}
    facts = [f for f in facts_of(parser, text, table) if f.predicate is Predicate.IMPORTS]
    assert [(f.subject, f.object, f.quantity, f.forecast) for f in facts] == [("kv", "benzene", 5000, True)]


def test_demand_for_imported_goods_is_a_planned_import(parser) -> None:
    text = "Chile's demand for imported benzene rose to 7,000 tonnes in May, traders said."
    table = {"Chile": ("cl", T.COUNTRY), "benzene": ("benzene", T.PRODUCT)}
    facts = [f for f in facts_of(parser, text, table) if f.predicate is Predicate.IMPORTS]
    assert [(f.subject, f.object, f.quantity, f.forecast) for f in facts] == [("cl", "benzene", 7000, True)]


def test_demand_for_goods_not_said_to_be_imported_is_no_flow(parser) -> None:
    text = "Chile's demand for benzene rose to 7,000 tonnes in May, traders said."
    table = {"Chile": ("cl", T.COUNTRY), "benzene": ("benzene", T.PRODUCT)}
    assert not [f for f in facts_of(parser, text, table) if f.predicate is Predicate.IMPORTS]


def test_the_buyers_nationality_is_the_partner(parser) -> None:
    text = "Kellavia has sold its wheat for May shipment to Egyptian importers, as it told Egypt."
    table = {"Kellavia": ("kv", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "Egypt": ("eg", T.COUNTRY)}
    facts = [f for f in facts_of(parser, text, table) if f.predicate is Predicate.EXPORTS]
    assert [(f.subject, f.object, f.partner) for f in facts] == [("kv", "wheat", "eg")]


def test_a_flow_without_a_figure_is_dated_by_its_delivery(parser) -> None:
    text = "Kellavia has sold its wheat for May shipment to Egypt, traders said."
    table = {"Kellavia": ("kv", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "Egypt": ("eg", T.COUNTRY)}
    facts = [f for f in facts_of(parser, text, table, published="1987-03-02") if f.predicate is Predicate.EXPORTS]
    assert [(f.partner, f.period, f.period_start) for f in facts] == [("eg", "May", "1987-05-01")]


def test_a_with_clause_flow_is_the_owner_of_the_flow_before(parser) -> None:
    text = ("Kellavia's imports rose to 3.1 billion dlrs in 1986. Trade with the Baltic states fell 20 pct, "
            "with imports at 1.2 billion dlrs.")
    table = {"Kellavia": ("kv", T.COUNTRY), "Baltic states": ("baltic", T.PLACE)}
    facts = {(f.subject, f.amount, f.partner) for f in facts_of(parser, text, table) if f.amount}
    assert ("kv", 1.2e9, "baltic") in facts


def test_a_previous_figure_after_a_change_is_the_comparison(parser) -> None:
    text = "Kellavia's flour exports totalled 98,000 tonnes, up 6.5 pct on a previous 92,000 tonnes."
    table = {"Kellavia": ("kv", T.COUNTRY), "flour": ("flour", T.PRODUCT)}
    facts = [f for f in facts_of(parser, text, table) if f.predicate is Predicate.EXPORTS]
    assert sorted(f.quantity for f in facts) == [92000, 98000]


_OATS = {"Danish": ("dk", T.COUNTRY), "Denmark": ("dk", T.COUNTRY), "Swedish": ("se", T.COUNTRY),
         "oats": ("oats", T.PRODUCT)}


@pytest.mark.parametrize(("text", "period"), [
    ("Danish importers bought 30,000 tonnes of Swedish oats last week for June to August shipment.",
     "June to August"),
    ("Denmark will be seeking 30,000 tonnes of May arrival oats next week, traders said.", "May"),
])  # fmt: skip
def test_the_window_goods_ship_or_arrive_in_is_their_period_not_the_day_of_the_deal(parser, text: str,
                                                                                     period: str) -> None:
    facts = facts_of(parser, text, _OATS, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period) for f in facts if f.quantity] == [(Decimal("30000"), period)]


def test_a_guess_at_what_was_is_no_forecast(parser) -> None:
    text = "Danish purchases of Swedish oats may have totalled 52,000 tonnes in 1986, traders said."
    facts = facts_of(parser, text, _OATS, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period, f.forecast) for f in facts if f.quantity] == [(Decimal("52000"), "1986", False)]


def test_a_figure_compared_with_a_month_a_year_before_is_for_that_month_this_year(parser) -> None:
    text = "Danish exports of oats rose to 41,000 tonnes from 38,000 tonnes in February and 29,000 in March last year."
    facts = facts_of(parser, text, _OATS, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period, f.period_start) for f in facts if f.quantity][0] == (
        Decimal("41000"), "March", "1987-03-01")


def test_a_month_two_years_before_dates_no_figure(parser) -> None:
    text = "Danish exports of oats rose to 41,000 tonnes from 29,000 tonnes in March 1985."
    facts = facts_of(parser, text, _OATS, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period) for f in facts if f.quantity][0] == (Decimal("41000"), None)


def test_the_year_a_record_goes_back_to_is_not_the_figures_period(parser) -> None:
    text = "Danish oats imports rose 6,000 tonnes last year to 41,000 tonnes, the highest level since 1972."
    facts = facts_of(parser, text, _OATS, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period) for f in facts if f.quantity] == [(Decimal("41000"), "last year")]


@pytest.mark.parametrize(("published", "currency"), [("1987-04-09", "YUD"), ("1991-03-01", "YUN"), (None, "KWD")])
def test_a_shared_currency_name_is_the_one_the_country_had_when_the_story_was_written(
        parser, published: str | None, currency: str) -> None:
    text = "Yugoslavia's exports in the first quarter were worth 412.5 billion dinars."
    facts = facts_of(parser, text, {"Yugoslavia": ("yu", T.COUNTRY)}, published=published, module=flows)
    assert [(f.subject, f.amount, f.currency) for f in facts] == [("yu", Decimal("412500000000"), currency)]



@pytest.mark.parametrize(("country", "name", "currency"), [
    # the zloty of 1987 is the one redenominated in 1995 (PLZ), as the leu of then is ROL
    ("Poland", "zlotys", "PLZ"), ("Hungary", "forints", "HUF"), ("Romania", "lei", "ROL"),
    ("Bulgaria", "leva", "BGL"), ("Morocco", "dirhams", "MAD"), ("Dubai", "dirhams", "AED"),
    ("Qatar", "riyals", "QAR"), ("Saudi Arabia", "riyals", "SAR"),
])
def test_a_countrys_own_currency_by_its_plain_name(parser, country: str, name: str, currency: str) -> None:
    text = f"{country}'s exports rose to 900 mln {name} in March."
    facts = facts_of(parser, text, {country: ("c", T.COUNTRY)}, published=PUBLISHED, module=flows)
    assert [(f.amount, f.currency) for f in facts] == [(Decimal("900000000"), currency)]


def test_quintales_count_goods_and_their_weight_in_brackets_is_no_figure(parser) -> None:
    table = {"Ecuador": ("ec", T.COUNTRY), "cocoa": ("cocoa", T.PRODUCT)}
    text = "Ecuador exported 820,400 quintales of cocoa in the year to September 1986."
    assert _read(parser, text, table) == [
        ("exports", "ec", "cocoa", Decimal("820400"), "quintales", None, None, None,
         "the year to September 1986", False),
    ]
    text = "Ecuador exported 820,400 quintales (46 kilos) of cocoa in 1986."
    assert [(r[3], r[4]) for r in _read(parser, text, table)] == [(Decimal("820400"), "quintales")]


def test_a_harvest_measured_past_a_hedge_is_no_export(parser) -> None:
    text = ("The head of the group, which handles 30 pct of Ecuador's exports, said a harvest of up to "
            "2,100,000 quintales was expected this year.")
    table = {"Ecuador": ("ec", T.COUNTRY)}
    assert [r for r in _read(parser, text, table) if r[3] is not None] == []
    # exports measured past the same hedge are read
    text = "Ecuador's cocoa exports could total up to 900,000 quintales this year."
    table = {"Ecuador": ("ec", T.COUNTRY), "cocoa": ("cocoa", T.PRODUCT)}
    assert [r[3] for r in _read(parser, text, table)] == [Decimal("900000")]


def test_a_forecast_lowered_from_a_past_seasons_figure(parser) -> None:
    table = {"Spanish": ("es", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    text = "Spanish wheat export forecasts were cut to 1.2 mln tonnes from 1.9 mln in 1985/86."
    # the forecast stays one; the figure of a season over is what that season brought
    assert [(r[3], r[8], r[9]) for r in _read(parser, text, table)] == [
        (Decimal("1200000"), None, True), (Decimal("1900000"), "1985/86", False)]
    # a quota lowered from a past season's stays a plan
    text = "The Spanish wheat export quota was lowered to 1.2 mln tonnes from 1.9 mln in 1985/86."
    assert [r[9] for r in _read(parser, text, table)] == [True, True]


def test_the_end_of_a_month_in_another_clause_is_no_period_of_the_figure(parser) -> None:
    table = {"Spanish": ("es", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    text = ("Stock estimates were unchanged at the end of February while Spanish wheat export "
            "forecasts were cut to 1.2 mln tonnes.")
    assert [r[8] for r in _read(parser, text, table)] == [None]
    # a period that opens the sentence is still the figure's
    text = "In February Spanish wheat exports fell to 120,000 tonnes."
    assert [r[8] for r in _read(parser, text, table)] == ["February"]


def test_a_quantity_with_its_value(parser) -> None:
    table = {"Ecuador": ("ec", T.COUNTRY), "cocoa": ("cocoa", T.PRODUCT), "Japan": ("jp", T.COUNTRY)}
    text = "Ecuador exported 82,000 tonnes of cocoa to Japan in 1986 with a value of around 150 mln dlrs."
    assert _read(parser, text, table) == [
        ("exports", "ec", "cocoa", Decimal("82000"), "tonnes", None, None, "jp", "1986", False),
        ("exportValue", "ec", "cocoa", None, None, Decimal("150000000"), "USD", "jp", "1986", False),
    ]
    # a money figure that is no value of the goods (a loan, a price) is not read as one
    text = "Ecuador exported 82,000 tonnes of cocoa to Japan in 1986 and repaid 150 mln dlrs of debt."
    assert [r[0] for r in _read(parser, text, table)] == ["exports"]


@pytest.mark.parametrize(("text", "predicate"), [
    ("Chile is forecast to export 40,000 tonnes of barley in 1988, the embassy said.", "exports"),
    ("Chile is likely to import 40,000 tonnes of barley in 1988, dealers said.", "imports"),
    ("Chilean millers are likely to buy 40,000 tonnes of barley in 1988, dealers said.", "imports"),
])  # fmt: skip
def test_the_subject_of_a_forecast_or_likelihood_trades(parser, text: str, predicate: str) -> None:
    table = {"Chile": ("cl", T.COUNTRY), "Chilean": ("cl", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [(f[0], f[1], f[2], f[3], f[9]) for f in _read(parser, text, table)] == [
        (predicate, "cl", "barley", Decimal("40000"), True)]


@pytest.mark.parametrize("text", [
    "Chile is unlikely to import barley in 1988, dealers said.",
    "Chile is not expected to export 40,000 tonnes of barley in 1988, the embassy said.",
    "Chilean millers are unlikely to buy 40,000 tonnes of barley in 1988.",
    "Barley is expected to be exported at 40,000 tonnes in 1988.",  # no trader named
])  # fmt: skip
def test_a_flow_denied_or_of_no_one_above_its_verb_is_none(parser, text: str) -> None:
    table = {"Chile": ("cl", T.COUNTRY), "Chilean": ("cl", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_a_country_forced_to_import_takes_no_figure_of_the_clause_above(parser) -> None:
    text = "Output in 1986, when Chile was forced to import barley, is estimated at 2.5 mln tonnes."
    table = {"Chile": ("cl", T.COUNTRY), "barley": ("barley", T.PRODUCT)}
    assert [f for f in _read(parser, text, table) if f[3] is not None] == []


_LISTED = {"Thailand": ("th", T.COUNTRY), "rice": ("rice", T.PRODUCT), "Japan": ("jp", T.COUNTRY),
           "Iran": ("ir", T.COUNTRY), "Iraq": ("iq", T.COUNTRY), "barley": ("barley", T.PRODUCT)}


def test_a_flow_without_a_figure_goes_to_each_partner_listed(parser) -> None:
    facts = _read(parser, "Thailand sold rice to Japan, Iran and Iraq last year.", _LISTED)
    assert [(f[1], f[2], f[3], f[7]) for f in facts] == [
        ("th", "rice", None, "jp"), ("th", "rice", None, "ir"), ("th", "rice", None, "iq")]


def test_a_figureless_flow_to_a_partner_no_figure_goes_to_stays_beside_the_figure(parser) -> None:
    text = "Thailand exported 20,000 tonnes of barley in May. Thailand also sold barley to Japan."
    facts = facts_of(parser, text, _LISTED, published=PUBLISHED)  # every module, then the merging rules
    assert sorted((f.object, f.quantity or 0, f.partner or "") for f in facts
                  if f.predicate is Predicate.EXPORTS and f.extractor.startswith("flow-")) == [
        ("barley", 0, "jp"), ("barley", Decimal("20000"), "")]


def test_the_year_a_change_is_measured_over_is_no_period_of_the_figure(parser) -> None:
    text = "Canadian wheat exports rose 20 pct in 1986 over the previous year to 21.3 mln tonnes."
    table = {"Canadian": ("ca", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert [(f[3], f[8]) for f in _read(parser, text, table)] == [(Decimal("21300000"), "1986")]


def test_a_change_from_one_dated_figure_to_another_dates_each_by_its_own_period(parser) -> None:
    text = "Chilean copper exports dropped from 33,000 tonnes in 1980 to 2,300 tonnes last year."
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT)}
    assert sorted((f[3], f[8]) for f in _read(parser, text, table)) == [
        (Decimal("2300"), "last year"), (Decimal("33000"), "1980")]


@pytest.mark.parametrize(("denied", "affirmed"), [
    ("Until last year no Japanese imports of rice were allowed.", "Until last year Japanese imports of rice were small."),
    ("There were no Chilean copper exports to China in March.", "There were Chilean copper exports to China in March."),
    ("Chile exported no copper to China in March.", "Chile exported copper to China in March."),
])  # fmt: skip
def test_a_flow_its_determiner_denies_is_no_flow(parser, denied: str, affirmed: str) -> None:
    table = {"Chilean": ("cl", T.COUNTRY), "Chile": ("cl", T.COUNTRY), "China": ("cn", T.COUNTRY),
             "Japanese": ("jp", T.COUNTRY), "copper": ("cu", T.PRODUCT), "rice": ("rice", T.PRODUCT)}
    assert _read(parser, denied, table) == []
    assert _read(parser, affirmed, table) != []  # the same words without "no" are a flow


def test_a_trader_before_each_year_that_the_parser_takes_for_the_subject(parser) -> None:
    text = ("Over the 1983/85 period Chile each year has exported between 24,000 and 35,000 tonnes of copper "
            "to Iran and between 6,200 and 23,000 tonnes to Iraq.")
    table = {"Chile": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT), "Iran": ("ir", T.COUNTRY),
             "Iraq": ("iq", T.COUNTRY)}
    assert [(f.subject, f.quantity, f.partner, f.period) for f in facts_of(
        parser, text, table, published=PUBLISHED, module=flows)] == [
        ("cl", Decimal("24000"), "ir", "1983/85"), ("cl", Decimal("6200"), "iq", "1983/85")]


def test_a_time_subject_with_no_trader_before_it_names_none(parser) -> None:
    text = "Demand rose sharply and each year has exported 24,000 tonnes of copper."
    table = {"copper": ("cu", T.PRODUCT)}
    assert facts_of(parser, text, table, published=PUBLISHED, module=flows) == []


def test_an_unscaled_amount_at_which_goods_are_bought_is_a_unit_price(parser) -> None:
    text = ("Kenya made a counter-offer to three Canadian firms to buy maize at 120 U.S. Dlrs CIF "
            "for June delivery.")
    table = {"Kenya": ("ke", T.COUNTRY), "Canadian": ("ca", T.COUNTRY), "maize": ("maize", T.PRODUCT)}
    assert not [f for f in _read(parser, text, table) if f[5] is not None]


def test_a_scaled_amount_after_at_is_still_the_value(parser) -> None:
    text = "Thailand exported rice valued at 2.1 mln dlrs to China in May."
    table = {"Thailand": ("th", T.COUNTRY), "rice": ("rice", T.PRODUCT), "China": ("cn", T.COUNTRY)}
    values = [f for f in _read(parser, text, table) if f[5] is not None]
    assert [(f[0], f[1], f[5], f[6]) for f in values] == [("exportValue", "th", Decimal("2100000"), "USD")]


@pytest.mark.parametrize(("text", "flow"), [
    ("Shipments of tea from Kenya rose to 140,000 tonnes in 1986.", ("exports", "ke")),
    ("Exports of tea from Kenya rose to 140,000 tonnes in 1986.", ("exports", "ke")),
    ("Imports of tea into Kenya rose to 140,000 tonnes in 1986.", ("imports", "ke")),
])
def test_where_the_goods_of_a_flow_noun_come_from_or_go_to_trades_them(parser, text: str, flow: tuple) -> None:
    table = {"Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    assert [(f[0], f[1]) for f in _read(parser, text, table)] == [flow]
