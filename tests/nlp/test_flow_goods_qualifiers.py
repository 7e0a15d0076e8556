"""Which goods a figure counts (``flow_goods``): nouns that only qualify the goods ("of
optional origin soybean oil") leave the figure theirs; a trade noun of goods no product names
("Imports of cocoa paste") takes none named before."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Egypt": ("eg", T.COUNTRY), "Kenya": ("ke", T.COUNTRY), "soybean oil": ("soyoil", T.PRODUCT),
         "wheat": ("wheat", T.PRODUCT), "tea": ("tea", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-03-12", module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity) for f in facts if f.quantity is not None]


def test_an_origin_noun_before_the_goods_leaves_the_figure_theirs(parser) -> None:
    text = "Egypt bought 30,000 tonnes of optional origin soybean oil at its tender on Monday, traders said."
    assert _read(parser, text) == [("imports", "eg", "soyoil", Decimal("30000"))]


def test_a_quality_noun_before_the_goods_leaves_the_figure_theirs(parser) -> None:
    text = "Kenya exported 12,500 tonnes of export quality tea in February."
    assert _read(parser, text) == [("exports", "ke", "tea", Decimal("12500"))]


def test_a_figure_of_other_goods_stays_theirs(parser) -> None:
    # "cement" is no product the table names: the figure counts other goods than the wheat
    text = "Egypt bought 40,000 tonnes of cement and wheat from several suppliers."
    assert _read(parser, text) == []


def test_a_trade_noun_of_goods_no_product_names_takes_no_goods_named_before(parser) -> None:
    # "cocoa paste" is no product the table names: neither its import nor the export that
    # shares its goods is the tea of the sentence before
    text = "Kenya's tea exports rose in 1986. Imports of cocoa paste fell to 2,000 tonnes in May and exports to 500 tonnes."
    assert _read(parser, text) == []


def test_a_trade_noun_of_the_goods_named_before_takes_them(parser) -> None:
    text = "Kenya's tea exports rose in 1986. Exports of goods reached 30,000 tonnes in February."
    assert _read(parser, text) == [("exports", "ke", "tea", Decimal("30000"))]


def test_a_trade_noun_of_goods_joined_to_a_product_takes_them(parser) -> None:
    # "tea/mate": the product's own word stands in the pair
    text = "Kenya's tea exports rose in 1986. Exports of tea/mate are forecast to fall to 20,000 tonnes in 1987."
    assert _read(parser, text) == [("exports", "ke", "tea", Decimal("20000"))]


def test_a_product_that_only_modifies_other_goods_is_not_what_the_figure_counts(parser) -> None:
    # "wheat bran" is no product the table names; "wheat" only says which bran
    assert _read(parser, "Egypt bought 30,000 tonnes of wheat bran at its tender on Monday.") == []
    assert _read(parser, "Egypt bought 30,000 tonnes of optional origin wheat at its tender on Monday.") == [
        ("imports", "eg", "wheat", Decimal("30000"))]
