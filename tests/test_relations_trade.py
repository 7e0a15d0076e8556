from __future__ import annotations

import pytest
from relations_tables import T, facts_of, only, parser  # noqa: F401 (fixture)

from kg.model import Predicate
from kg.nlp.relations import trade

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
