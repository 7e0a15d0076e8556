"""Goods counted one by one, and the size classes that name kinds of them."""

from __future__ import annotations

import pytest

from kg.nlp.counted_goods import counted_one_by_one, in_size_class, size_class_end


@pytest.mark.parametrize(("name", "counted"), [
    ("car and van", True), ("colour television", True), ("trucks of up to six tonnes", True),
    ("video tape recorder", True), ("buses", True), ("lorries", True), ("wheat", False), ("palm oil", False), ("", False),
])  # fmt: skip
def test_counted_one_by_one(name: str, counted: bool) -> None:
    assert counted_one_by_one(name) is counted


def test_a_size_class_after_counted_goods_ends_their_name(parser) -> None:
    doc = parser("Sales of lorries of up to nine tonnes slipped to 4,100.")
    lorries = next(t for t in doc if t.text == "lorries")
    assert doc[lorries.i : size_class_end(doc, lorries)].text == "lorries of up to nine tonnes"
    nine = next(t for t in doc if t.text == "nine")
    assert in_size_class(doc, nine.i)


def test_no_size_class_after_bulk_goods_or_a_figure_of_the_flow(parser) -> None:
    doc = parser("Exports of wheat of up to six tonnes dropped. Sales of up to 190,000 tonnes of maize rose.")
    wheat = next(t for t in doc if t.text == "wheat")
    assert size_class_end(doc, wheat) == wheat.i + 1
    assert not any(in_size_class(doc, t.i) for t in doc if t.like_num)


@pytest.mark.parametrize(("text", "goods"), [
    ("Japanese tractor exports fell to 12,400 in 1986.", ["tractor"]),
    ("Korea exported 30,000 forklifts to Europe last year.", ["forklifts"]),
    ("Spanish farmers drove their tractors to the capital.", []),  # no trade slot: a tractor, not goods
    ("Canada's meat and livestock exports rose.", ["meat", "livestock"]),
])  # fmt: skip
def test_goods_counted_one_by_one_are_products_where_goods_go(nlp, text: str, goods: list[str]) -> None:
    assert [e.text for e in nlp(text).ents if e.label_ == "Product"] == goods


def test_words_closed_on_a_counted_head_are_those_goods(nlp) -> None:
    doc = nlp("Peru agreed to buy 24 warplanes and 300 minicomputers from France.")
    assert {"warplanes", "minicomputers"} <= {e.text for e in doc.ents if e.label_ == "Product"}


def test_closed_compounds_stand_only_where_goods_go(nlp) -> None:
    from kg.nlp.counted_goods import closed_compound

    doc = nlp("The partnership met in a township near the airplane hangar.")
    assert not closed_compound(doc[1])  # "partnership": "ship" is too short a head
    assert not [e for e in nlp("Our warplanes flew over the border on Monday.").ents if e.label_ == "Product"]
