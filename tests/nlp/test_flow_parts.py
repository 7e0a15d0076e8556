"""The parts of a flow's figure ("of which", "including", "made up of"), each with its own partner or goods."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows
from kg.nlp.relations.flow_parts import opens_parts

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.object, f.quantity, f.partner, f.period) for f in facts]


def test_of_which_parts_by_destination(parser) -> None:
    text = ("Malaysia exported 120,000 tonnes of palm oil last month, of which 40,000 tonnes went to "
            "Pakistan and 25,000 tonnes to India, the board said.")
    table = {"Malaysia": ("my", T.COUNTRY), "palm oil": ("po", T.PRODUCT), "Pakistan": ("pk", T.COUNTRY),
             "India": ("in", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("exports", "po", Decimal("120000"), None, "last month"),
        ("exports", "po", Decimal("40000"), "pk", "last month"),
        ("exports", "po", Decimal("25000"), "in", "last month"),
    ]


def test_of_which_part_by_origin(parser) -> None:
    text = "Egypt imported 6.5 mln tonnes of wheat in 1986, of which 3.2 mln tonnes came from the United States."
    table = {"Egypt": ("eg", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "United States": ("us", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("imports", "wheat", Decimal("6500000"), None, "1986"),
        ("imports", "wheat", Decimal("3200000"), "us", "1986"),
    ]


def test_including_parts_take_the_partner_from_the_whole(parser) -> None:
    text = "Thailand exported 250,000 tonnes of rice in January, including 60,000 tonnes to Iran and 45,000 tonnes to Senegal."
    table = {"Thailand": ("th", T.COUNTRY), "rice": ("rice", T.PRODUCT), "Iran": ("ir", T.COUNTRY),
             "Senegal": ("sn", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("exports", "rice", Decimal("250000"), None, "January"),
        ("exports", "rice", Decimal("60000"), "ir", "January"),
        ("exports", "rice", Decimal("45000"), "sn", "January"),
    ]


def test_of_which_parts_by_goods(parser) -> None:
    text = ("Indonesia's oil exports averaged 1.2 mln barrels a day in 1986, of which 850,000 bpd were "
            "crude oil and 350,000 bpd refined products.")
    table = {"Indonesia": ("id", T.COUNTRY), "oil": ("oil", T.PRODUCT), "crude oil": ("crude", T.PRODUCT),
             "refined products": ("refined", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", "oil", Decimal("1200000"), None, "1986"),
        ("exports", "crude", Decimal("850000"), None, "1986"),
        ("exports", "refined", Decimal("350000"), None, "1986"),
    ]


def test_part_that_names_neither_partner_nor_goods_adds_nothing(parser) -> None:
    text = "Brazil exported 19.6 mln bags of coffee in 1985, of which 5.0 mln have already been paid for."
    table = {"Brazil": ("br", T.COUNTRY), "coffee": ("coffee", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "coffee", Decimal("19600000"), None, "1985")]


def test_of_which_after_spending_is_no_flow(parser) -> None:
    text = ("The ministry will spend 1.2 billion dlrs this year, of which 300 mln dlrs will go to "
            "Pakistan, officials said.")
    table = {"Pakistan": ("pk", T.COUNTRY)}
    assert _read(parser, text, table) == []


def test_bare_shipments_after_a_purchase_are_the_sellers(parser) -> None:
    text = ("China has bought 500,000 tonnes of U.S. wheat for delivery this year. Total shipments in the "
            "second year of the U.S.-China grains agreement amounted to 1.2 mln tonnes of wheat and 300,000 "
            "tonnes of corn.")
    table = {"China": ("cn", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "wheat": ("wheat", T.PRODUCT),
             "corn": ("corn", T.PRODUCT)}
    facts = facts_of(parser, text, table, published="1987-03-12", module=flows)
    assert [(f.predicate.value, f.subject, f.object, f.quantity, f.partner, f.period) for f in facts][1:] == [
        ("exports", "us", "wheat", Decimal("1200000"), "cn", "the second year of the U.S.-China grains agreement"),
        ("exports", "us", "corn", Decimal("300000"), "cn", "the second year of the U.S.-China grains agreement"),
    ]


def test_part_for_a_period_of_its_own(parser) -> None:
    text = "Thai rice exports in 1986 were 4.5 mln tonnes, including 2.1 mln tonnes in the first half."
    table = {"Thai": ("th", T.COUNTRY), "rice": ("rice", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", "rice", Decimal("4500000"), None, "1986"),
        ("exports", "rice", Decimal("2100000"), None, "the first half"),
    ]


def test_half_of_a_fiscal_year_beside_the_whole_year_before(parser) -> None:
    text = ("Sudanese cotton exports in the first half of fiscal 1986/87 were 420,000 bales, against "
            "1.2 mln bales for the whole of 1985/86.")
    table = {"Sudanese": ("sd", T.COUNTRY), "cotton": ("cotton", T.PRODUCT)}
    assert _read(parser, text, table) == [
        ("exports", "cotton", Decimal("420000"), None, "the first half of fiscal 1986/87"),
        ("exports", "cotton", Decimal("1200000"), None, "1985/86"),
    ]


@pytest.mark.parametrize(("before", "opens"), [
    (["tonnes", ",", "of", "which"], True), (["including"], True), ([",", "made", "up", "of"], True),
    (["consisting", "of"], True), (["split", "into"], True), (["which"], False), (["up", "of"], False),
    (["and"], False), ([], False),
])  # fmt: skip
def test_the_words_that_open_parts(before: list[str], opens: bool) -> None:
    assert opens_parts(before) is opens


def test_a_whole_made_up_of_parts_by_destination(parser) -> None:
    text = ("Malaysia exported 120,000 tonnes of palm oil last month, made up of 70,000 tonnes to "
            "Pakistan and 50,000 tonnes to India.")
    table = {"Malaysia": ("my", T.COUNTRY), "palm oil": ("po", T.PRODUCT), "Pakistan": ("pk", T.COUNTRY),
             "India": ("in", T.COUNTRY)}
    assert _read(parser, text, table) == [
        ("exports", "po", Decimal("120000"), None, "last month"),
        ("exports", "po", Decimal("70000"), "pk", "last month"),
        ("exports", "po", Decimal("50000"), "in", "last month"),
    ]


def test_part_goods_after_the_country_they_come_from(parser) -> None:
    # the country before the goods does not end the part: it counts the goods after it
    # (whether the country is also the partner is the flow's reading of origins, not the part's)
    text = ("Egypt imported 50,000 tonnes of vegetable oils in March, of which 30,000 tonnes were "
            "Malaysian palm olein.")
    table = {"Egypt": ("eg", T.COUNTRY), "vegetable oils": ("vo", T.PRODUCT), "Malaysian": ("my", T.COUNTRY),
             "palm olein": ("olein", T.PRODUCT)}
    assert [(p, o, q, d) for p, o, q, _, d in _read(parser, text, table)] == [
        ("imports", "vo", Decimal("50000"), "March"),
        ("imports", "olein", Decimal("30000"), "March"),
    ]
