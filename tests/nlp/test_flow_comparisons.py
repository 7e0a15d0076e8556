"""Sentences holding two or more figures of one flow: the level and what it is compared
with (an earlier period's figure, an earlier forecast), read each for its own period."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.period, f.forecast) for f in facts]


def test_last_month_level_beside_this_month_is_its_own_period(parser) -> None:
    text = "Philippine demand for imported copra this month has risen to 23,000 tonnes from 15,000 last month, traders said."
    table = {"Philippine": ("ph", T.COUNTRY), "copra": ("copra", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("23000"), "this month"), (Decimal("15000"), "last month"),
    ]


def test_last_month_figure_beside_a_crop_year_forecast_is_superseded(parser) -> None:
    # last month's forecast of the same crop year is replaced by this one: not a flow of its own
    text = "Canadian wheat exports in 1986/87 are forecast at 19.5 mln tonnes, against 20.1 mln last month."
    table = {"Canadian": ("ca", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert [(q, p, f) for _, _, _, q, p, f in _read(parser, text, table)] == [
        (Decimal("19500000"), "1986/87", True),
    ]


def test_level_an_increase_reaches_is_the_figure(parser) -> None:
    text = "Thai maize exports are expected to increase to 2.5 mln tonnes in 1987 from 2.1 mln tonnes in 1986."
    table = {"Thai": ("th", T.COUNTRY), "maize": ("maize", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("2500000"), "1987"), (Decimal("2100000"), "1986"),
    ]


def test_level_an_increase_starts_from_is_a_figure_too(parser) -> None:
    text = "Peruvian zinc exports to Korea will increase from 40,000 tonnes in 1988 to 65,000 tonnes in 1992, the pact said."
    table = {"Peruvian": ("pe", T.COUNTRY), "zinc": ("zinc", T.PRODUCT), "Korea": ("kr", T.COUNTRY)}
    assert sorted((q, p) for _, _, _, q, p, _ in _read(parser, text, table)) == [
        (Decimal("40000"), "1988"), (Decimal("65000"), "1992"),
    ]


def test_a_reduction_from_a_quota_is_no_flow_figure(parser) -> None:
    # "from" after a change noun marks a level only where the change is the flow's own
    text = "Norway's salmon export quota will see a reduction from 12,000 tonnes, officials said."
    table = {"Norway": ("no", T.COUNTRY), "salmon": ("salmon", T.PRODUCT)}
    assert all(q is None for _, _, _, q, _, _ in _read(parser, text, table))


def test_an_increase_of_is_the_change_not_the_level(parser) -> None:
    text = "Japan's rice imports showed an increase of 50,000 tonnes in 1986, officials said."
    table = {"Japan": ("jp", T.COUNTRY), "rice": ("rice", T.PRODUCT)}
    assert all(q is None for _, _, _, q, _, _ in _read(parser, text, table))


def test_figure_a_period_owns_is_that_periods(parser) -> None:
    text = ("Brazilian soybean exports rose to 2.3 mln tonnes in 1986, well above 1985's 1.9 mln tonnes, "
            "the lowest since 1981's 1.4 mln.")
    table = {"Brazilian": ("br", T.COUNTRY), "soybean": ("soy", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("2300000"), "1986"), (Decimal("1900000"), "1985"), (Decimal("1400000"), "1981"),
    ]


def test_figure_inside_a_long_comparison_object(parser) -> None:
    text = ("The department raised its estimate of Chinese 1986/87 wheat imports to 8.5 mln tonnes "
            "from last month's projection of 8.0 mln tonnes.")
    table = {"Chinese": ("cn", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert [(q, p, f) for _, _, _, q, p, f in _read(parser, text, table)] == [
        (Decimal("8500000"), "1986/87", True), (Decimal("8000000"), "1986/87", True),
    ]


def test_earlier_estimate_noun_gives_a_forecast_of_the_same_period(parser) -> None:
    text = "Argentine sorghum exports in 1986/87 are forecast at 1.2 mln tonnes, compared with an earlier estimate of 1.5 mln tonnes."
    table = {"Argentine": ("ar", T.COUNTRY), "sorghum": ("sorghum", T.PRODUCT)}
    assert [(q, p, f) for _, _, _, q, p, f in _read(parser, text, table)] == [
        (Decimal("1200000"), "1986/87", True), (Decimal("1500000"), "1986/87", True),
    ]


def test_figure_by_which_a_level_differs_is_no_flow(parser) -> None:
    text = ("Egyptian wheat imports were put at 7.2 mln tonnes, up 300,000 from last month's estimate "
            "and 400,000 tonnes below the 1985/86 figure.")
    table = {"Egyptian": ("eg", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert [q for _, _, _, q, _, _ in _read(parser, text, table)] == [Decimal("7200000")]


def test_list_item_qualified_by_words_of_its_own(parser) -> None:
    text = ("Colombia exported 9.5 mln bags of coffee in 1986, and a provisional 10.2 mln bags in 1985, "
            "the federation said.")
    table = {"Colombia": ("co", T.COUNTRY), "coffee": ("coffee", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("9500000"), "1986"), (Decimal("10200000"), "1985"),
    ]


def test_next_level_after_then(parser) -> None:
    text = ("New Zealand lamb exports are predicted to fall to 310,000 tonnes in 1987 from 335,000 in 1986, "
            "and then recover to 320,000 in 1988.")
    table = {"New Zealand": ("nz", T.COUNTRY), "lamb": ("lamb", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("310000"), "1987"), (Decimal("335000"), "1986"), (Decimal("320000"), "1988"),
    ]


def test_volume_and_its_value_share_the_period_after_them(parser) -> None:
    text = "Sri Lanka exported 98,000 tonnes of tea worth 210 mln dlrs in 1986, the board said."
    table = {"Sri Lanka": ("lk", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.object, f.quantity, f.amount, f.currency, f.period) for f in facts] == [
        ("exports", "tea", Decimal("98000"), None, None, "1986"),
        ("exportValue", "tea", None, Decimal("210000000"), "USD", "1986"),
    ]


def test_value_of_the_first_of_two_goods(parser) -> None:
    text = "Zambia exported 35,000 tonnes of copper valued at 48 mln dlrs and 12,000 tonnes of cobalt in March."
    table = {"Zambia": ("zm", T.COUNTRY), "copper": ("copper", T.PRODUCT), "cobalt": ("cobalt", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.object, f.quantity or f.amount, f.period) for f in facts] == [
        ("exports", "copper", Decimal("35000"), "March"),
        ("exportValue", "copper", Decimal("48000000"), "March"),
        ("exports", "cobalt", Decimal("12000"), "March"),
    ]


def test_a_figure_a_period_owns_keeps_it_beside_the_next_comparison(parser) -> None:
    text = ("Peru's silver exports totaled 243,000 ounces in December, vs November's 374,000 ounces and "
            "350,000 ounces in December a year earlier.")
    table = {"Peru": ("peru", T.COUNTRY), "silver": ("silver", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("243000"), "December"), (Decimal("374000"), "November"), (Decimal("350000"), "December"),
    ]


def test_two_figures_over_the_respective_periods_take_the_periods_named_before(parser) -> None:
    text = ("Peru's imports of zinc in 1986 totaled 14,500 tonnes, vs 12,300 tonnes in 1985, while zinc exports "
            "stood at 4,100 tonnes and 3,900 tonnes over the respective periods, the bureau said.")
    table = {"Peru": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT)}
    assert [(p, q, period) for p, _, _, q, period, _ in _read(parser, text, table)] == [
        ("imports", Decimal("14500"), "1986"), ("imports", Decimal("12300"), "1985"),
        ("exports", Decimal("4100"), "1986"), ("exports", Decimal("3900"), "1985"),
    ]


def test_a_second_figure_without_respective_periods_is_no_comparison(parser) -> None:
    text = "Peru's zinc exports stood at 4,100 tonnes in 1986 and 3,900 tonnes of lead went to Chile."
    table = {"Peru": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT), "Chile": ("cl", T.COUNTRY)}
    assert [q for _, _, _, q, _, _ in _read(parser, text, table)] == [Decimal("4100")]


def test_a_comparison_after_a_source_set_in_the_middle_is_still_the_flows(parser) -> None:
    text = ("Peruvian zinc exports in the first 11 months of 1986 were 41,300 tonnes, according to central bank "
            "figures, against 52,000 tonnes in the whole of calendar 1985.")
    table = {"Peruvian": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT)}
    assert [(q, period) for _, _, _, q, period, _ in _read(parser, text, table)] == [
        (Decimal("41300"), "the first 11 months of 1986"), (Decimal("52000"), "calendar 1985")]


def test_a_source_at_the_end_still_ends_the_clause(parser) -> None:
    text = "Peruvian zinc exports in 1986 were 41,300 tonnes, according to a report from the ministry of 12 pages."
    table = {"Peruvian": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT)}
    assert [(q, period) for _, _, _, q, period, _ in _read(parser, text, table)] == [(Decimal("41300"), "1986")]


def test_a_second_partners_level_after_to_and_its_comparison_are_its_own(parser) -> None:
    text = ("Of the imports in 1986, those from Cuba were up to 3.81 mln tonnes from 3.65 mln and from "
            "Brazil to 292,808 tonnes from 22,800.")
    table = {"Cuba": ("cu", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "Soviet": ("su", T.COUNTRY)}
    facts = facts_of(parser, "Soviet sugar imports rose in 1986. " + text,
                     {**table, "sugar": ("sugar", T.PRODUCT)}, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.partner) for f in facts if f.partner is not None] == [
        (Decimal("3810000"), "cu"), (Decimal("3650000"), "cu"), (Decimal("292808"), "br"), (Decimal("22800"), "br")]


def test_a_figure_after_from_a_partner_without_to_stays_a_comparison(parser) -> None:
    text = "Soviet sugar imports from Cuba rose to 3.81 mln tonnes in 1986 from 3.65 mln in 1985."
    table = {"Cuba": ("cu", T.COUNTRY), "Soviet": ("su", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    assert [(q, period) for _, _, _, q, period, _ in _read(parser, text, table)] == [
        (Decimal("3810000"), "1986"), (Decimal("3650000"), "1985")]


def test_partners_listed_after_a_flow_to_a_partner_drop_the_preposition(parser) -> None:
    text = ("Exports of Peruvian zinc to France rose to 20,479 tonnes in 1986 from 12,143 in 1985, Austria 6,048 "
            "(4,104), and Italy 4,014 tonnes (1,340).")
    table = {"Peruvian": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT), "France": ("fr", T.COUNTRY),
             "Austria": ("at", T.COUNTRY), "Italy": ("it", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.partner, f.period) for f in facts] == [
        (Decimal("20479"), "fr", "1986"), (Decimal("12143"), "fr", "1985"), (Decimal("6048"), "at", "1986"),
        (Decimal("4104"), "at", "1985"), (Decimal("4014"), "it", "1986"), (Decimal("1340"), "it", "1985")]


def test_without_a_partner_of_its_own_a_bare_place_after_the_figure_is_no_share(parser) -> None:
    text = "Peruvian zinc exports rose to 20,479 tonnes in 1986, Austria 6,048."
    table = {"Peruvian": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT), "Austria": ("at", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert not any(f.partner == "at" for f in facts)


@pytest.mark.parametrize("text", [
    "U.S. aluminum imports for consumption declined to 114,000 tonnes in 1986 from 150,000 tonnes in 1985.",
    "U.S. aluminum imports for domestic consumption declined to 114,000 tonnes in 1986 from 150,000 tonnes in 1985.",
])
def test_what_imports_are_for_is_not_what_the_figure_measures(parser, text: str) -> None:
    table = {"U.S.": ("us", T.COUNTRY), "aluminum": ("al", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("114000"), "1986"), (Decimal("150000"), "1985"),
    ]


def test_consumption_with_a_figure_of_its_own_is_still_no_flow(parser) -> None:
    text = "U.S. aluminum imports rose to 150,000 tonnes in 1986, while consumption fell to 114,000 tonnes."
    table = {"U.S.": ("us", T.COUNTRY), "aluminum": ("al", T.PRODUCT)}
    assert [q for _, _, _, q, _, _ in _read(parser, text, table)] == [Decimal("150000")]


def test_a_day_that_bounds_the_period_is_no_figure_and_keeps_the_comparison(parser) -> None:
    # "ending June 30" dates the fiscal year; its day once ended the reading before "against"
    text = ("Chile's fishmeal exports are provisionally put at 410,000 tonnes in fiscal 1986/87, ending "
            "June 30, against 372,000 tonnes in 1985/86, traders said.")
    table = {"Chile": ("cl", T.COUNTRY), "fishmeal": ("fishmeal", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("410000"), "1986/87"), (Decimal("372000"), "1985/86"),
    ]


def test_a_number_beside_a_month_with_a_unit_after_it_is_still_a_figure(parser) -> None:
    # the day test gives way to the unit: "in May 25 tonnes" counts goods
    text = "Norway exported 4,100 tonnes of salmon in April and in May 25 tonnes of trout, officials said."
    table = {"Norway": ("no", T.COUNTRY), "salmon": ("salmon", T.PRODUCT), "trout": ("trout", T.PRODUCT)}
    assert Decimal("4100") in [q for _, _, _, q, _, _ in _read(parser, text, table)]


def test_year_ago_week_is_the_third_figures_own_period(parser) -> None:
    text = ("Argentine soybean oil exports in the week were 31,500 tonnes vs 28,200 tonnes a week ago "
            "and compared with 19,750 tonnes in the year-ago week.")
    table = {"Argentine": ("ar", T.COUNTRY), "soybean oil": ("soyoil", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("31500"), "the week"), (Decimal("28200"), "a week ago"), (Decimal("19750"), "the year-ago week"),
    ]


def test_plain_number_continuing_a_list_of_comparisons_is_read(parser) -> None:
    # the year-ago figure is more than twenty times the month's: it is measured against the
    # figure it is listed with, not against the month's level
    text = "Kenya exported 1,150 tonnes of tea in March, down from 6,420 in February and 25,900 in March 1986."
    table = {"Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    assert [(q, p) for _, _, _, q, p, _ in _read(parser, text, table)] == [
        (Decimal("1150"), "March"), (Decimal("6420"), "February"), (Decimal("25900"), "March 1986"),
    ]


def test_far_plain_number_after_a_verb_is_not_a_listed_comparison(parser) -> None:
    text = "Kenya exported 1,150 tonnes of tea in March, down from 1,420 in February, and expects 90,000 over four years."
    table = {"Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT)}
    assert Decimal("90000") not in [q for _, _, _, q, _, _ in _read(parser, text, table)]
