from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.amount if f.amount is not None else f.quantity, f.unit or f.currency, f.period) for f in facts]


def test_a_list_of_figures_each_with_its_year(parser) -> None:
    text = ("Chilean copper exports will be held to 410,000 tonnes in 1988, 425,000 in 1989 and "
            "450,000 in 1990, the ministry said.")
    table = {"Chilean": ("cl", T.COUNTRY), "copper": ("copper", T.PRODUCT)}
    assert _read(parser, text, table) == [
        (Decimal("410000"), "tonnes", "1988"),
        (Decimal("425000"), "tonnes", "1989"),
        (Decimal("450000"), "tonnes", "1990"),
    ]


def test_a_list_of_figures_each_with_its_month(parser) -> None:
    text = "Peru exported 21,300 tonnes of zinc in January and 18,900 in February, the bank said."
    table = {"Peru": ("pe", T.COUNTRY), "zinc": ("zinc", T.PRODUCT)}
    assert _read(parser, text, table) == [
        (Decimal("21300"), "tonnes", "January"),
        (Decimal("18900"), "tonnes", "February"),
    ]


def test_three_values_compared_each_keep_their_period(parser) -> None:
    text = ("Korean imports rose to 3.12 billion dlrs in March from 2.87 billion in February and "
            "2.40 billion in March 1986.")
    table = {"Korean": ("kr", T.COUNTRY)}
    assert _read(parser, text, table) == [
        (Decimal("3120000000"), "USD", "March"),
        (Decimal("2870000000"), "USD", "February"),
        (Decimal("2400000000"), "USD", "March 1986"),
    ]


def test_a_figure_without_its_own_period_is_no_list_item(parser) -> None:
    text = "Peru exported 21,300 tonnes of zinc in January, and 5,000 were held in port."
    table = {"Peru": ("pe", T.COUNTRY), "zinc": ("zinc", T.PRODUCT)}
    assert _read(parser, text, table) == [(Decimal("21300"), "tonnes", "January")]


def test_bare_dollars_after_us_dollars_are_us_dollars(parser) -> None:
    text = ("Exports rose to 4.10 billion U.S. Dlrs in March. Imports were 2.70 billion dlrs "
            "against 2.50 billion in February.")
    table = {"Taiwan": ("tw", T.PLACE)}
    facts = facts_of(parser, "Taiwan trade grew. " + text, table, published=PUBLISHED, module=flows)
    assert {f.currency for f in facts} == {"USD"}


def test_the_period_after_a_list_of_goods_is_the_whole_lists(parser) -> None:
    text = "Chile exported 35,000 tonnes of copper and 12,000 tonnes of zinc in April, the bank said."
    table = {"Chile": ("cl", T.COUNTRY), "copper": ("cu", T.PRODUCT), "zinc": ("zn", T.PRODUCT)}
    assert _read(parser, text, table) == [(Decimal("35000"), "tonnes", "April"), (Decimal("12000"), "tonnes", "April")]


def test_up_on_and_lower_than_compare_values(parser) -> None:
    text = ("Chilean exports of 380 mln dlrs in May were up on the 300 mln in May 1986 but lower "
            "than April's 410 mln, the bank said.")
    assert _read(parser, text, {"Chilean": ("cl", T.COUNTRY)}) == [
        (Decimal("380000000"), "USD", "May"),
        (Decimal("300000000"), "USD", "May 1986"),
        (Decimal("410000000"), "USD", "April"),
    ]


def test_over_the_next_months_is_a_span_not_a_comparison(parser) -> None:
    text = "Peru will lend Ecuador 50,000 barrels per day of crude oil over the next few months."
    table = {"Peru": ("pe", T.COUNTRY), "Ecuador": ("ec", T.COUNTRY), "crude oil": ("crude", T.PRODUCT)}
    assert _read(parser, text, table) == [(Decimal("50000"), "bpd", "the next few months")]


def test_a_single_days_forecast_compares_with_last_weeks_figure(parser) -> None:
    text = "Peru's zinc export awards at today's tender were forecast at 50,000 tonnes versus 70,000 last week."
    table = {"Peru": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT)}
    assert _read(parser, text, table) == [(Decimal("50000"), "tonnes", "today"), (Decimal("70000"), "tonnes", "last week")]


def _shares(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.quantity, f.partner, f.period) for f in facts]


def test_each_partners_share_keeps_its_comparisons_periods_of_the_first(parser) -> None:
    text = ("Chile imported 8,400 tonnes of zinc from Peru in June against 7,100 in May and 6,050 a year ago, "
            "3,900 from Bolivia against 3,300 and 2,750, and 1,200 from Mexico against 950 and 1,010.")
    table = {"Chile": ("cl", T.COUNTRY), "zinc": ("zinc", T.PRODUCT), "Peru": ("pe", T.COUNTRY),
             "Bolivia": ("bo", T.COUNTRY), "Mexico": ("mx", T.COUNTRY)}
    assert _shares(parser, text, table) == [
        (Decimal("8400"), "pe", "June"), (Decimal("7100"), "pe", "May"), (Decimal("6050"), "pe", "a year ago"),
        (Decimal("3900"), "bo", "June"), (Decimal("3300"), "bo", "May"), (Decimal("2750"), "bo", "a year ago"),
        (Decimal("1200"), "mx", "June"), (Decimal("950"), "mx", "May"), (Decimal("1010"), "mx", "a year ago"),
    ]


def test_a_share_to_another_partner_in_an_exports_list(parser) -> None:
    text = "Peru exported 21,300 tonnes of zinc to Japan in January, and 9,800 to China."
    table = {"Peru": ("pe", T.COUNTRY), "zinc": ("zinc", T.PRODUCT), "Japan": ("jp", T.COUNTRY),
             "China": ("cn", T.COUNTRY)}
    assert _shares(parser, text, table) == [(Decimal("21300"), "jp", "January"), (Decimal("9800"), "cn", "January")]


def test_a_figure_for_the_goods_origin_after_no_list_break_is_no_share(parser) -> None:
    text = "Chile imported 8,400 tonnes of zinc in June, up from 7,100 from a year ago."
    table = {"Chile": ("cl", T.COUNTRY), "zinc": ("zinc", T.PRODUCT)}
    assert [(q, p) for q, p, _ in _shares(parser, text, table)] == [(Decimal("8400"), None), (Decimal("7100"), None)]


def test_a_place_after_a_figure_that_is_no_partner_is_no_share(parser) -> None:
    text = "Chile imported 8,400 tonnes of zinc from Peru in June, and 2,000 from stocks."
    table = {"Chile": ("cl", T.COUNTRY), "zinc": ("zinc", T.PRODUCT), "Peru": ("pe", T.COUNTRY)}
    assert all(p == "pe" for _, p, _ in _shares(parser, text, table))


def test_partners_comparisons_keep_the_first_partners_periods_after_a_compared_opening(parser) -> None:
    text = ("Chilean zinc imports rose to 14,000 tonnes in June from 12,000 in May and 11,000 a year earlier. "
            "The June total included 8,400 tonnes from Peru against 7,100 in May and 6,050 a year ago, "
            "and 3,900 from Bolivia against 3,300 and 2,750.")
    table = {"Chilean": ("cl", T.COUNTRY), "zinc": ("zinc", T.PRODUCT), "Peru": ("pe", T.COUNTRY),
             "Bolivia": ("bo", T.COUNTRY)}
    assert [r for r in _shares(parser, text, table) if r[1] == "bo"] == [
        (Decimal("3900"), "bo", "June"), (Decimal("3300"), "bo", "May"), (Decimal("2750"), "bo", "a year ago")]
