"""Goods written between a count and its cargo unit: "two white sugar cargoes"
(kg.nlp.relations.flow_cargo_goods, through flow_figure_units and flow_figures)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows
from kg.nlp.relations.flow_cargo_goods import goods_before_cargo_unit

pytestmark = pytest.mark.model
PUBLISHED = "1987-05-14"
TABLE = {"Norway": ("no", T.COUNTRY), "Chile": ("cl", T.COUNTRY), "white sugar": ("sugar", T.PRODUCT),
         "raws": ("sugar", T.PRODUCT), "wheat": ("wheat", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.unit) for f in facts if f.quantity]


def test_goods_before_the_cargo_unit_are_the_counted_goods(parser) -> None:
    assert _read(parser, "Norway bought two white sugar cargoes for July shipment, dealers said.") == [
        ("imports", "no", "sugar", Decimal("2"), "cargoes")]


def test_a_one_word_goods_name_before_cargoes(parser) -> None:
    assert ("imports", "cl", "sugar", Decimal("3"), "cargoes") in _read(
        parser, "Chile bought three raws cargoes last week, dealers said.")


def test_goods_after_the_unit_read_as_before(parser) -> None:
    assert _read(parser, "Norway bought two cargoes of white sugar for July shipment, dealers said.") == [
        ("imports", "no", "sugar", Decimal("2"), "cargoes")]


@pytest.mark.parametrize(("text", "number"), [
    ("Norway bought two white sugar cargoes.", "two"),
    ("Chile bought three raws cargoes.", "three"),
])
def test_lowercase_goods_words_lead_to_the_unit(parser, text: str, number: str) -> None:
    doc = parser(text)
    k = next(t.i for t in doc if t.lower_ == number) + 1
    assert doc[goods_before_cargo_unit(doc, k, len(doc))].lower_ == "cargoes"


@pytest.mark.parametrize(("text", "number"), [
    ("Norway bought two U.S. cargoes.", "two"),  # an origin, not goods
    ("Norway bought two more cargoes.", "two"),  # how many more, not what
    ("Norway bought two cargoes.", "two"),  # the unit right after the count: no goods words
    ("Norway bought two tonnes of white sugar cargoes.", "two"),  # another unit first
])
def test_no_goods_words_before_the_unit(parser, text: str, number: str) -> None:
    doc = parser(text)
    k = next(t.i for t in doc if t.lower_ == number) + 1
    assert goods_before_cargo_unit(doc, k, len(doc)) is None


def test_a_unit_joined_to_its_figure_by_a_hyphen(parser) -> None:
    assert _read(parser, "Norway bought a 24,000-tonne cargo of wheat last week, dealers said.") == [
        ("imports", "no", "wheat", Decimal("24000"), "tonne")]


def test_a_hyphen_between_two_figures_is_still_a_range(parser) -> None:
    got = _read(parser, "Norway bought 20,000-30,000 tonnes of wheat last week, dealers said.")
    assert [g[3] for g in got] == [Decimal("20000")]


def test_goods_words_of_a_kind_the_story_names_are_that_product(parser) -> None:
    table = {"Chile": ("cl", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    facts = facts_of(parser, "Sugar demand is firm. Chile bought three raws cargoes last week, dealers said.", table,
                     published=PUBLISHED, module=flows)
    assert [(f.subject, f.object, f.quantity, f.unit) for f in facts if f.quantity] == [
        ("cl", "sugar", Decimal("3"), "cargoes")]
