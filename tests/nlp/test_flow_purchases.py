from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-12"
TABLE = {"Soviet Union": ("su", T.COUNTRY), "India": ("in", T.COUNTRY), "Japan": ("jp", T.COUNTRY),
         "China": ("cn", T.COUNTRY), "sugar": ("sugar", T.PRODUCT), "corn": ("corn", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.quantity, f.unit, f.partner, f.period) for f in facts]


def test_a_purchase_in_cargoes_counts_cargoes(parser) -> None:
    assert _read(parser, "India bought three cargoes of sugar at its tender this week.") == [
        ("imports", "in", Decimal("3"), "cargoes", None, "this week")]


def test_the_shipment_a_purchase_is_for_dates_it_and_is_no_export(parser) -> None:
    text = ("Japanese purchases of Chinese corn totalled 140,000 tonnes for November to April shipment, "
            "down from some 200,000 tonnes the previous year.")
    assert [(f[0], f[1], f[2], f[4]) for f in _read(parser, text)] == [
        ("imports", "jp", Decimal("140000"), "cn"), ("imports", "jp", Decimal("200000"), "cn")]


def test_its_total_purchases_are_the_buyers_named_before(parser) -> None:
    text = "Japan bought 50,000 tonnes of corn from China in April, which brings its purchases this year to 400,000 tonnes."
    assert _read(parser, text) == [("imports", "jp", Decimal("50000"), "tonnes", "cn", "April"),
                                   ("imports", "jp", Decimal("400000"), "tonnes", None, "this year")]


def test_goods_bought_by_a_country_are_its_imports(parser) -> None:
    assert _read(parser, "About 40,000 tonnes of sugar were bought by India for May shipment.") == [
        ("imports", "in", Decimal("40000"), "tonnes", None, "May")]


def test_a_companys_purchases_are_no_imports(parser) -> None:
    assert _read(parser, "The company said its purchases of sugar rose to 30,000 tonnes last year.") == []


def test_the_delivery_a_sale_is_for_dates_it_past_its_price(parser) -> None:
    text = "France sold 60,000 tonnes of corn at 90 dlrs a tonne FOB for April delivery, traders said."
    table = {"France": ("fr", T.COUNTRY), "corn": ("corn", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.subject, f.quantity, f.period) for f in facts] == [
        ("exports", "fr", Decimal("60000"), "April")]


def test_a_count_of_goods_without_a_unit_is_the_flows_figure(parser) -> None:
    table = {"India": ("in", T.COUNTRY), "tankers": ("tankers", T.PRODUCT)}
    facts = facts_of(parser, "India imported three tankers in January.", table, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.period) for f in facts] == [
        ("imports", "in", "tankers", Decimal("3"), None, "January")]


def test_a_flow_that_caused_a_change_is_the_storys_countrys(parser) -> None:
    text = "India's trade deficit widened in January. The deficit was swollen by the import of three tankers."
    table = {"India": ("in", T.COUNTRY), "tankers": ("tankers", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.subject, f.object, f.quantity) for f in facts] == [("in", "tankers", Decimal("3"))]


def test_a_number_before_goods_that_only_modify_another_noun_counts_nothing(parser) -> None:
    table = {"India": ("in", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    facts = facts_of(parser, "India imported goods for 12 sugar refineries in January.", table,
                     published=PUBLISHED, module=flows)
    assert all(f.quantity is None for f in facts)


def test_a_fraction_before_goods_is_no_count(parser) -> None:
    table = {"India": ("in", T.COUNTRY), "tankers": ("tankers", T.PRODUCT)}
    facts = facts_of(parser, "India imported 2.5 tankers in January.", table, published=PUBLISHED, module=flows)
    assert all(f.quantity is None for f in facts)


def test_a_commitment_to_buy_is_the_committed_countrys_purchase(parser) -> None:
    assert [f[:3] for f in _read(parser, "Japan is committed to buying 700,000 tonnes of corn in 1986/87.")] == [
        ("imports", "jp", Decimal("700000"))]
    assert _read(parser, "Japan is opposed to buying 700,000 tonnes of corn in 1986/87.") == []


def test_a_purchase_by_a_country_of_anothers_goods_is_its_import(parser) -> None:
    text = "The purchase of 400,000 tonnes of Chinese corn by Japan lifted prices, traders said."
    assert [(f[0], f[1], f[2], f[4]) for f in _read(parser, text)] == [("imports", "jp", Decimal("400000"), "cn")]
    assert _read(parser, "The purchase of 400,000 tonnes of corn by the mill lifted prices, traders said.") == []


def test_a_countrys_commitments_counted_in_tonnes_are_its_purchases(parser) -> None:
    text = "Japan bought 50,000 tonnes of corn in April. India's cumulative commitments amount to 300,000 tonnes."
    assert [f[:3] for f in _read(parser, text)] == [("imports", "jp", Decimal("50000")),
                                                     ("imports", "in", Decimal("300000"))]
    assert _read(parser, "The bank said India's loan commitments amount to 300 mln dlrs.") == []


@pytest.mark.parametrize("text", [
    "China's corn import commitments are expected to rise to 970,000 tonnes in 1987.",
    "China's corn purchases are put at 970,000 tonnes in 1987.",
])
def test_purchases_a_passive_verb_counts_in_tonnes_are_the_countrys(parser, text: str) -> None:
    assert [f[:4] for f in _read(parser, text)] == [("imports", "cn", Decimal("970000"), "tonnes")]


def test_the_country_lent_money_to_buy_goods_is_their_buyer(parser) -> None:
    # the lender's money pays for the goods; the borrower buys them
    text = "Japan is to lend India 40 mln dlrs to buy 150,000 tonnes of sugar, according to an agreement signed here."
    assert [(f[0], f[1], f[2]) for f in _read(parser, text)] == [("imports", "in", Decimal("150000"))]


def test_a_buyers_own_purpose_clause_keeps_its_subject(parser) -> None:
    text = "China plans to buy 150,000 tonnes of corn to rebuild its stocks."
    assert [(f[0], f[1], f[2]) for f in _read(parser, text)] == [("imports", "cn", Decimal("150000"))]
