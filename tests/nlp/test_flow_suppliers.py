"""Suppliers an importer's story ranks with figures ("Peru is Chile's main zinc supplier, with
12,000 tonnes"): each supplier's export to the importer, end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _supplied(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), names.get(f.object), f.quantity, f.unit, names.get(f.partner))
            for f in x.facts if f.extractor == "flow-suppliers"]


def test_ranked_suppliers_export_to_the_importer_named_first(nlp) -> None:
    text = ("Chile bought more Peruvian zinc last year, traders said. Peru is Chile's second biggest zinc "
            "supplier, with an average 12,000 tonnes a month. Bolivia is the main supplier with 20,000 "
            "tonnes. Argentina comes third, with 5,000 tonnes.")
    assert _supplied(nlp, text) == [
        ("Peru", "zinc", Decimal("12000"), "tonnes", "Chile"),
        ("Bolivia", "zinc", Decimal("20000"), "tonnes", "Chile"),
        ("Argentina", "zinc", Decimal("5000"), "tonnes", "Chile"),
    ]


def test_a_rate_in_barrels_a_day(nlp) -> None:
    text = "Venezuela imported crude oil in March. Mexico is Venezuela's main oil supplier, with 80,000 bpd."
    assert _supplied(nlp, text) == [("Mexico", "crude oil", Decimal("80000"), "bpd", "Venezuela")]


@pytest.mark.parametrize(("text", "suppliers"), [
    ("Bolivia is the main supplier with 20,000 tonnes.", []),  # no importer named, none before
    ("Peru is Chile's main zinc supplier, with 30 pct of the market.", []),  # a share, not a figure
    # "comes third" only right after a supplier sentence with a figure
    ("Chile bought zinc. Peru is Chile's main zinc supplier. Argentina comes third, with 5,000 tonnes.", []),
    ("Peru is Chile's main zinc supplier, with 12,000 tonnes. Mr Lopez comes third, with 500 tonnes.", ["Peru"]),
])  # fmt: skip
def test_no_supplier_export_without_importer_figure_or_country(nlp, text: str, suppliers: list[str]) -> None:
    assert [s for s, *_ in _supplied(nlp, text)] == suppliers


def _shares(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, names.get(f.partner))
            for f in x.facts if f.extractor == "flow-supplier-share"]


def test_suppliers_named_by_their_share_are_the_importers_sources(nlp) -> None:
    text = ("Kenya's rice imports are forecast to reach 90,000 tonnes in 1987, the embassy said. Thailand "
            "is the main supplier with a 60 pct share, while Pakistan provides the rest, it said.")
    assert _shares(nlp, text) == [("imports", "Kenya", "rice", None, "Thailand"),
                                  ("imports", "Kenya", "rice", None, "Pakistan")]


def test_a_supplier_with_no_share_and_no_figure_is_no_source(nlp) -> None:
    text = ("Kenya's rice imports are forecast to reach 90,000 tonnes in 1987, the embassy said. Thailand "
            "is the main supplier, it said.")
    assert _shares(nlp, text) == []


def _ranked(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, names.get(f.partner), f.period)
            for f in x.facts
            if f.predicate.value == "imports" and f.quantity is None and f.partner is not None]  # fmt: skip


@pytest.mark.parametrize(("text", "flows"), [
    ("Egypt bought wheat this month. The major suppliers of wheat to Egypt were the U.S. and France.",
     [("imports", "Egypt", "wheat", None, "United States", None), ("imports", "Egypt", "wheat", None, "France", None)]),
    ("Chile imported 100,000 tonnes of zinc last year. Peru is Chile's main zinc supplier.",
     [("imports", "Chile", "zinc", None, "Peru", None)]),
    ("Iraq was the main supplier of crude oil to Brazil last year, the ministry said.",
     [("imports", "Brazil", "crude oil", None, "Iraq", "last year")]),
])  # fmt: skip
def test_ranked_suppliers_without_figures_are_the_importers_sources(nlp, text: str, flows: list) -> None:
    assert _ranked(nlp, text) == flows


@pytest.mark.parametrize("text", [
    "Chile imported 100,000 tonnes of zinc last year. Peru is not Chile's main zinc supplier.",
    "Chile imported 100,000 tonnes of zinc last year. Peru is the main supplier.",  # no importer named
    "Chile imported zinc last year. Peru is a zinc supplier to Chile.",  # not ranked
])  # fmt: skip
def test_no_ranked_supplier_read(nlp, text: str) -> None:
    assert _ranked(nlp, text) == []
