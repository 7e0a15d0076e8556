"""Goods a trade clause names by example ("exporting products like ships to Canada"): each
example is a product and a figureless flow, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, names.get(f.partner))
            for f in x.facts if f.predicate.value in ("exports", "imports")]  # fmt: skip


def _products(extracted, text: str) -> list[str]:
    return [e.label for e in extracted(text).entities if e.type.value == "Product"]


def test_goods_given_as_examples_of_products_a_country_exports(extracted) -> None:
    text = "Peru is now exporting products like fishing boats and textile machinery to Mexico."
    assert _flows(extracted, text) == [("exports", "Peru", "fishing boats", None, "Mexico"),
                                       ("exports", "Peru", "textile machinery", None, "Mexico")]


def test_goods_such_as(extracted) -> None:
    text = "Kenya sells goods such as tea and coffee to Japan."
    assert [(p, o, partner) for p, _, o, _, partner in _flows(extracted, text)] == [
        ("exports", "tea", "Japan"), ("exports", "coffee", "Japan")]


def test_examples_of_goods_a_maker_produces_are_no_products(extracted) -> None:
    # no trade word moves them: what a firm makes is not what a country trades
    assert _products(extracted, "The firm produces goods such as toys and shoes in Ohio.") == []


def test_examples_of_anything_but_goods_are_no_products(extracted) -> None:
    assert _products(extracted, "Peru exports to countries like Mexico and Chile, the ministry said.") == []


def test_a_counted_example_is_the_flows_figure_not_a_second_flow(extracted) -> None:
    text = "Peru exported products like copper, 20,000 tonnes of it, to Japan in May."
    assert all(q is not None for _, _, o, q, _ in _flows(extracted, text) if o == "copper")


def test_examples_of_a_category_of_goods_are_no_flows_of_their_own(extracted) -> None:
    # "capital goods" is the category traded; the examples only illustrate it
    text = "Brazil's curbs hurt its exports of capital goods, such as tractors and turbines, to Chile."
    assert [(p, o, partner) for p, _, o, _, partner in _flows(extracted, text)] == [
        ("exports", "capital goods", "Chile")]


def test_an_origin_or_a_count_does_not_make_goods_a_category(extracted) -> None:
    for text in ("Peru exports Chilean goods such as wine and copper to Japan.",
                 "Peru exports other goods such as wine and copper to Japan."):
        assert [o for _, _, o, _, _ in _flows(extracted, text)] == ["wine", "copper"]


def test_a_category_of_goods_is_read_only_where_goods_go(extracted) -> None:
    assert _products(extracted, "The firm makes consumer goods in Ohio.") == []
    # before a flow noun the words may name a plant's deliveries, not a category traded
    assert _products(extracted, "Mill products shipments from the plant rose in May.") == []


def test_traded_placed_or_excluded_goods_are_no_category(extracted) -> None:
    for text in ("Tax cuts would raise spending on imported goods.", "Exports of non-oil goods grew in May.",
                 "Rain curbed spending on overseas goods.",
                 "Thailand plans to raise its exports of export commodities next year."):
        assert _products(extracted, text) == []
    # "export commodities" names what is traded, not a kind of goods: the examples are the goods
    assert _products(extracted, "Indonesia sells export commodities such as rubber and coffee to Japan.") == [
        "rubber", "coffee"]
