from __future__ import annotations

import pytest
from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import money, trade

REFERENCE = (
    "From March 1 to Saturday, China inspected and exported up to 10.2 billion yuan "
    "($1.4 billion) worth of epidemic prevention and control supplies, including 3.86 billion "
    "face masks, 37.52 million units of protective clothing, 16,000 ventilators, and 8.41 "
    "million pairs of protective goggles."
)
GOODS = {"China": ("china", T.COUNTRY), "face masks": ("mask", T.PRODUCT),
         "protective clothing": ("suit", T.PRODUCT), "ventilators": ("vent", T.PRODUCT),
         "protective goggles": ("goggles", T.PRODUCT)}  # fmt: skip


def test_goods_listed_after_including_with_quantities_and_units(parser) -> None:
    facts = only(facts_of(parser, REFERENCE, GOODS, module=trade), Predicate.EXPORTS)
    got = sorted((f.object, f.subject, f.quantity, f.unit) for f in facts)
    assert got == [
        ("goggles", "china", pytest.approx(8.41e6), "pairs"),
        ("mask", "china", pytest.approx(3.86e9), None),
        ("suit", "china", pytest.approx(37.52e6), "units"),
        ("vent", "china", 16000, None),
    ]


def test_value_in_two_currencies(parser) -> None:
    facts = only(facts_of(parser, REFERENCE, GOODS, module=trade), Predicate.EXPORT_VALUE)
    assert sorted((f.currency, f.amount) for f in facts) == [
        ("CNY", pytest.approx(10.2e9)),
        ("USD", pytest.approx(1.4e9)),
    ]
    assert all(f.subject == "china" for f in facts)


def test_simple_export_sentence_and_date(parser) -> None:
    text = "Germany exported two million ventilators on Monday."
    table = {"Germany": ("de", T.COUNTRY), "ventilators": ("vent", T.PRODUCT)}
    facts = facts_of(parser, text, table, published="2020-04-08", module=trade)
    assert [(f.subject, f.object, f.quantity, f.date) for f in facts] == [
        ("de", "vent", 2e6, "2020-04-06")
    ]


def test_no_exporter_no_fact(parser) -> None:
    text = "Exporters of medical products including ventilators must provide documents."
    assert facts_of(parser, text, {"ventilators": ("vent", T.PRODUCT)}, module=trade) == []


def test_exports_noun_with_value(parser) -> None:
    text = "China's exports of masks totaled 10 billion yuan in March."
    table = {"China": ("china", T.COUNTRY), "masks": ("mask", T.PRODUCT)}
    facts = facts_of(parser, text, table, module=trade)
    assert [(f.predicate, f.amount, f.currency) for f in facts] == [
        (Predicate.EXPORT_VALUE, 1e10, "CNY")
    ]


def _pairs(facts) -> list[tuple]:
    return sorted((f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.amount,
                   f.currency) for f in facts)  # fmt: skip


def test_value_worth_after_goods_and_currency_written_after_number(parser) -> None:
    text = "Peru exported 12,000 tonnes of quinoa worth 95 million dollars last year."
    table = {"Peru": ("pe", T.COUNTRY), "quinoa": ("quinoa", T.PRODUCT)}
    facts = facts_of(parser, text, table, module=trade)
    assert _pairs(facts) == [
        ("exportValue", "pe", None, None, None, pytest.approx(95e6), "USD"),
        ("exports", "pe", "quinoa", 12000, "tonnes", None, None),
    ]


def test_earning_clause_of_export_verb(parser) -> None:
    text = "Ghana shipped 600,000 tonnes of cocoa beans, earning 2.4 billion U.S. dollars."
    table = {"Ghana": ("gh", T.COUNTRY), "cocoa beans": ("cocoa", T.PRODUCT)}
    values = only(facts_of(parser, text, table, module=trade), Predicate.EXPORT_VALUE)
    assert [(f.subject, f.amount, f.currency) for f in values] == [("gh", 2.4e9, "USD")]


def test_earned_from_exports_in_two_currencies(parser) -> None:
    text = "Sri Lanka earned 410 billion rupees ($1.3 billion) from garment exports in 2023."
    table = {"Sri Lanka": ("lk", T.COUNTRY)}
    values = facts_of(parser, text, table, module=trade)
    assert sorted((f.subject, f.currency, f.amount) for f in values) == [
        ("lk", "LKR", pytest.approx(410e9)), ("lk", "USD", pytest.approx(1.3e9))]


def test_earning_without_exports_is_no_export(parser) -> None:
    text = "Sri Lanka earned 410 billion rupees from tourism in 2023."
    assert facts_of(parser, text, {"Sri Lanka": ("lk", T.COUNTRY)}, module=trade) == []


def test_ownerless_shipments_take_the_exporter_of_the_same_goods(parser) -> None:
    text = ("Mexico exported 1.1 million tonnes of avocados in 2022. Growers welcomed the news. "
            "Avocado shipments were worth about 60 billion pesos.")
    table = {"Mexico": ("mx", T.COUNTRY), "avocados": ("avo", T.PRODUCT),
             "Avocado": ("avo", T.PRODUCT)}
    values = only(facts_of(parser, text, table, module=trade), Predicate.EXPORT_VALUE)
    assert [(f.subject, f.currency, f.amount) for f in values] == [("mx", "MXN", 60e9)]


def test_shared_currency_name_read_as_the_exporters_own(parser) -> None:
    text = ("Sweden exported 3 million cubic metres of timber. Sales abroad were worth "
            "8 billion crowns (about 700 million euros).")
    table = {"Sweden": ("se", T.COUNTRY), "timber": ("timber", T.PRODUCT)}
    facts = facts_of(parser, text, table, module=trade)
    assert _pairs(facts) == [
        ("exportValue", "se", None, None, None, pytest.approx(7e8), "EUR"),
        ("exportValue", "se", None, None, None, pytest.approx(8e9), "SEK"),
        ("exports", "se", "timber", 3e6, "cubic metres", None, None),
    ]


def test_the_country_is_the_country_named_before(parser) -> None:
    text = ("Uruguay exported 400,000 head of cattle in 2021. Prices rose. Farmers complained. "
            "Analysts were cautious. The country also exported 900 tonnes of wool.")
    table = {"Uruguay": ("uy", T.COUNTRY), "cattle": ("cattle", T.PRODUCT),
             "wool": ("wool", T.PRODUCT)}
    goods = only(facts_of(parser, text, table, module=trade), Predicate.EXPORTS)
    assert sorted((f.subject, f.object) for f in goods) == [("uy", "cattle"), ("uy", "wool")]


def test_imports_and_domestic_sales_are_not_exports(parser) -> None:
    text = ("Japan imported 5 million tonnes of wheat worth 2 billion dollars. "
            "Domestic sales were worth 1 billion dollars.")
    table = {"Japan": ("jp", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert facts_of(parser, text, table, module=trade) == []


def test_export_revenue_noun(parser) -> None:
    text = "Nigeria's export revenue rose to 4.5 trillion naira in 2022."
    values = facts_of(parser, text, {"Nigeria": ("ng", T.COUNTRY)}, module=trade)
    assert [(f.subject, f.amount, f.currency) for f in values] == [("ng", 4.5e12, "NGN")]


def test_exports_noun_reaching_a_quantity(parser) -> None:
    text = "Brazil's exports of soybeans rose to 90 million tonnes in 2023."
    table = {"Brazil": ("br", T.COUNTRY), "soybeans": ("soy", T.PRODUCT)}
    facts = facts_of(parser, text, table, module=trade)
    assert _pairs(facts) == [("exports", "br", "soy", 90e6, "tonnes", None, None)]


def test_exports_earned_with_possessive_pronoun(parser) -> None:
    text = "Colombia grows coffee. Its coffee exports earned 1.2 billion dollars last year."
    table = {"Colombia": ("co", T.COUNTRY), "coffee": ("coffee", T.PRODUCT)}
    values = only(facts_of(parser, text, table, module=trade), Predicate.EXPORT_VALUE)
    assert [(f.subject, f.amount, f.currency) for f in values] == [("co", 1.2e9, "USD")]


def test_exporter_named_in_a_relative_clause_or_by_the_speaker(parser) -> None:
    text = ("Indonesia, which exported 40 million tonnes of coal in May, said demand was strong. "
            "Pemex said it shipped 900,000 barrels of crude oil.")
    table = {"Indonesia": ("id", T.COUNTRY), "coal": ("coal", T.PRODUCT),
             "Pemex": ("pemex", T.ORGANIZATION), "crude oil": ("crude", T.PRODUCT)}
    facts = facts_of(parser, text, table, module=trade)
    assert _pairs(facts) == [
        ("exports", "id", "coal", 40e6, "tonnes", None, None),
        ("exports", "pemex", "crude", 900000, "barrels", None, None),
    ]


def test_production_is_not_export(parser) -> None:
    text = "Brazil produced 150 million tonnes of soybeans worth 80 billion dollars."
    table = {"Brazil": ("br", T.COUNTRY), "soybeans": ("soy", T.PRODUCT)}
    assert facts_of(parser, text, table, module=trade) == []


def test_rejected_export_bids_are_no_export(parser) -> None:
    text = "The ministry's grain committee rejected all bids to export barley at the weekly tender."
    table = {"ministry's grain committee": ("gc", T.AGENCY), "barley": ("barley", T.PRODUCT)}
    assert [f for f in facts_of(parser, text, table) if f.predicate.value.startswith("export")] == []


def test_a_scale_hyphenated_to_its_number_is_money() -> None:
    import spacy

    from kg.nlp.relations.money import money_in, money_matcher

    nlp = spacy.blank("en")
    doc = nlp("while importing 944-mln dlrs worth of steel")
    found = money_in(doc[:], matcher=money_matcher(nlp.vocab))
    assert [(str(m.amount), m.currency) for m in found] == [("944000000", "USD")]


@pytest.mark.parametrize(("text", "amounts"), [
    ("the agency bought 12.5 mln pounds of powdered milk", []),
    ("they shipped 40,000 lbs of frozen shrimp", []),
    ("exports rose to 3.2 billion pounds in May", [("3200000000", "GBP")]),
    ("some 80 mln pounds of exports were lost", [("80000000", "GBP")]),
    ("a deal worth 15 mln pounds of sterling", [("15000000", "GBP")]),
])  # fmt: skip
def test_pounds_of_goods_weigh_them_and_pounds_alone_are_money(text: str, amounts: list) -> None:
    import spacy

    from kg.nlp.relations.money import money_in, money_matcher

    nlp = spacy.blank("en")
    found = money_in(nlp(text)[:], matcher=money_matcher(nlp.vocab))
    assert [(str(m.amount), m.currency) for m in found] == amounts


def test_dollars_named_before_are_a_countrys_only_where_the_span_holds_both_words() -> None:
    import spacy

    doc = spacy.blank("en")("Imports were 7.45 billion H.K. Dlrs in 1986 and exports 1.12 billion dlrs.")
    matcher, country = money.money_matcher(doc.vocab), [t.i for t in doc if t.text == "H.K."][0]
    assert money.named_before(doc[:], matcher=matcher, local="USD") == "HKD"
    assert money.named_before(doc[:country], matcher=matcher, local="USD") == "USD"  # before "H.K. Dlrs"
    assert money.named_before(doc[country + 1 :], matcher=matcher, local="USD") == "USD"  # "Dlrs" without "H.K."
