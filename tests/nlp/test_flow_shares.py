from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-05-12"
TABLE = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "Spain": ("es", T.COUNTRY),
         "Italy": ("it", T.COUNTRY), "Greece": ("gr", T.COUNTRY), "Soviet Union": ("su", T.COUNTRY),
         "Poland": ("pl", T.COUNTRY), "copper": ("cu", T.PRODUCT), "zinc": ("zn", T.PRODUCT)}


def _shares(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.partner, f.period)
            for f in facts if f.partner is not None]


def test_recipients_of_an_export_each_take_their_figure(parser) -> None:
    text = ("Chile exported 40,000 tonnes of copper in April. Spain was the largest recipient with "
            "12,000 tonnes, followed by Italy with 9,000 and Greece 5,000 tonnes.")
    assert _shares(parser, text) == [
        ("exports", "cl", "cu", Decimal("12000"), "tonnes", "es", "April"),
        ("exports", "cl", "cu", Decimal("9000"), "tonnes", "it", "April"),
        ("exports", "cl", "cu", Decimal("5000"), "tonnes", "gr", "April"),
    ]


def test_taking_and_credited_with_share_out_an_export(parser) -> None:
    text = ("Chile exported 40,000 tonnes of copper in April. The Soviet Union was the main "
            "destination, taking 12,000 tonnes while Poland was credited with 6,000 tonnes.")
    assert [(s[5], s[3]) for s in _shares(parser, text)] == [("su", Decimal("12000")), ("pl", Decimal("6000"))]


def test_suppliers_of_an_import_are_its_partners(parser) -> None:
    text = "Peru imported 40,000 tonnes of zinc in April. Chile was the main supplier with 30,000 tonnes."
    assert _shares(parser, text) == [("imports", "pe", "zn", Decimal("30000"), "tonnes", "cl", "April")]


@pytest.mark.parametrize("second", [
    "Spain said it had 12,000 tonnes in stocks.",  # another verb owns the figure
    "Spain, a big buyer, has 12,000 tonnes in stock.",
    "Spain was the main buyer with 30 pct.",  # a share of the market, not a figure
    "Spain was the main supplier with 12,000 tonnes.",  # a supplier of an export says nothing of it
])  # fmt: skip
def test_no_share_without_a_role_that_owns_the_figure(parser, second: str) -> None:
    assert _shares(parser, "Chile exported 40,000 tonnes of copper in April. " + second) == []


def test_an_ordinal_in_the_role_words_is_no_figure(parser) -> None:
    text = ("Chile exported 40,000 tonnes of copper in April. Spain was prominent among third country "
            "buyers, taking 12,000 tonnes.")
    assert [(s[5], s[3]) for s in _shares(parser, text)] == [("es", Decimal("12000"))]


@pytest.mark.parametrize("second", [
    "Spain, Italy and Greece all took more Chilean copper.",
    "The main buyers were Spain, Italy and Greece.",
])  # fmt: skip
def test_buyers_named_without_figures_import_from_the_exporter(parser, second: str) -> None:
    text = "Chile exported 40,000 tonnes of copper in April. " + second
    table = {**TABLE, "Chilean": ("cl", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.subject, f.object, f.quantity, f.partner, f.period)
            for f in facts if f.predicate.value == "imports"] == [
        ("imports", key, "cu", None, "cl", "April") for key in ("es", "it", "gr")
    ]


@pytest.mark.parametrize("second", [
    "The main buyers in Spain were steel mills.",  # a place inside the buyers, not one of them
    "Spain and Italy said they expected prices to rise.",
])  # fmt: skip
def test_no_buyers_without_a_recipient_word_heading_the_list(parser, second: str) -> None:
    text = "Chile exported 40,000 tonnes of copper in April. " + second
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    assert [f for f in facts if f.predicate.value == "imports"] == []


def test_a_list_the_role_opens_counts_in_the_flows_unit(parser) -> None:
    text = ("Chile exported 40,000 tonnes of copper in April. Main destinations were Spain 12,000 "
            "(10,000), Italy 9,000 (8,000) and Greece 5,000.")
    assert [(s[5], s[3], s[4]) for s in _shares(parser, text)] == [
        ("es", Decimal("12000"), "tonnes"), ("it", Decimal("9000"), "tonnes"), ("gr", Decimal("5000"), "tonnes")]


def test_a_role_word_with_a_letter_dropped_still_opens_the_list(parser) -> None:
    text = "Chile exported 40,000 tonnes of copper in April. Main desinations were Spain 12,000 and Italy 9,000."
    assert [(s[5], s[3]) for s in _shares(parser, text)] == [("es", Decimal("12000")), ("it", Decimal("9000"))]


def test_a_figure_written_against_a_share_is_its_comparison(parser) -> None:
    text = ("Chile exported 40,000 tonnes of copper in April against 35,000 in April 1986. Spain was "
            "the main destination with 12,000 tonnes versus 10,000, followed by Italy with 9,000.")
    assert [(s[5], s[3], s[6]) for s in _shares(parser, text)] == [
        ("es", Decimal("12000"), "April"), ("es", Decimal("10000"), "April 1986"), ("it", Decimal("9000"), "April")]


def test_an_unwritten_unit_is_not_taken_where_money_follows(parser) -> None:
    text = "Chile exported 40,000 tonnes of copper in April. Main destinations were Spain 12 mln dlrs and Italy 9 mln dlrs."
    assert _shares(parser, text) == []


GOODS = {**TABLE, "grain": ("gr-x", T.PRODUCT), "wheat": ("wh", T.PRODUCT), "barley": ("ba", T.PRODUCT)}


def _goods_shares(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, GOODS, published=PUBLISHED, module=flows)
    return [(f.partner, f.object, f.quantity) for f in facts if f.partner is not None]


def test_a_share_naming_its_own_goods_counts_those(parser) -> None:
    text = ("Chile exported 90,000 tonnes of grain in April. Spain took 40,000 tonnes barley, "
            "Italy 30,000 wheat and Greece 20,000 tonnes of barley.")
    assert _goods_shares(parser, text) == [
        ("es", "ba", Decimal("40000")), ("it", "wh", Decimal("30000")), ("gr", "ba", Decimal("20000"))]


def test_goods_after_a_share_s_bare_figure_are_its_goods(extracted) -> None:
    # no trade word in the list's sentence: the goods are known by the figure that counts them
    text = ("Portuguese cereal exports through Lisbon rose to 410,000 tonnes in May, port sources said. "
            "Libya took 92,000 tonnes of wheat, Tunisia 31,200 sorghum, Malta 18,400 wheat and Cuba 7,700 sorghum.")
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    shares = sorted((names[f.partner], names[f.object], int(f.quantity)) for f in x.facts if f.partner)
    assert shares == [("Cuba", "sorghum", 7_700), ("Libya", "wheat", 92_000), ("Malta", "wheat", 18_400),
                      ("Tunisia", "sorghum", 31_200)]


def test_a_share_of_two_goods_or_of_unknown_goods_is_left_out(parser) -> None:
    # one figure for two goods is neither's, and goods no product goes by are not the flow's
    text = ("Chile exported 90,000 tonnes of grain in April. Spain took 40,000 tonnes of wheat and barley, "
            "Italy 30,000 tonnes sorghum and Greece 20,000 tonnes.")
    assert _goods_shares(parser, text) == [("gr", "gr-x", Decimal("20000"))]


def test_words_after_a_share_that_are_no_goods_keep_the_flows(parser) -> None:
    text = ("Chile exported 40,000 tonnes of copper in April. Spain was the largest recipient with "
            "12,000 tonnes last month, followed by Italy with 9,000 tonnes.")
    assert [(p, o) for p, o, _ in _goods_shares(parser, text)] == [("es", "cu"), ("it", "cu")]


def test_the_largest_importer_after_an_export_takes_the_exporters_share(parser) -> None:
    text = ("Chile exported 40,000 tonnes of copper in April. Spain was the largest single importer with "
            "12,000 tonnes, followed by Italy with 9,000 tonnes.")
    assert _shares(parser, text) == [
        ("exports", "cl", "cu", Decimal("12000"), "tonnes", "es", "April"),
        ("exports", "cl", "cu", Decimal("9000"), "tonnes", "it", "April"),
    ]


def test_the_largest_importer_after_an_import_is_no_share_of_it(parser) -> None:
    text = ("Peru imported 40,000 tonnes of zinc in April. Spain was the largest importer with 12,000 tonnes.")
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    assert not any(f.subject == "pe" and f.partner == "es" for f in facts)


def test_a_region_listed_after_a_country_takes_its_own_figure(parser) -> None:
    table = {**TABLE, "West Africa": ("wa", T.PLACE)}
    text = "Peru exported 40,000 tonnes of zinc in April. Spain took 12,000 tonnes and West Africa 3,500."
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.partner, f.quantity) for f in facts if f.partner] == [("es", Decimal("12000")), ("wa", Decimal("3500"))]


def test_a_city_listed_after_a_country_is_no_partner(parser) -> None:
    table = {**TABLE, "Callao": ("callao", T.PLACE)}
    text = "Peru exported 40,000 tonnes of zinc in April. Spain took 12,000 tonnes and Callao 3,500."
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.partner, f.quantity) for f in facts if f.partner] == [("es", Decimal("12000"))]
