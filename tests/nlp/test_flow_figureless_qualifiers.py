"""A flow named without a figure is dated by the one period its own clause names, not by the
period of another verb's act ("That accord, signed last year, calls on ... to raise its
imports"); the origin named before a list of goods is every listed good's."""

from __future__ import annotations

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"
TABLE = {"Korea": ("kr", T.COUNTRY), "Korean": ("kr", T.COUNTRY), "American": ("us", T.COUNTRY),
         "beef": ("beef", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    table = {k: v for k, v in TABLE.items() if k in text}
    return [(f.subject, f.object, f.period) for f in facts_of(parser, text, table, published=PUBLISHED, module=flows)]


def test_the_period_of_another_verbs_act_does_not_date_the_flow(parser) -> None:
    text = "That accord, signed last year after long talks, calls on Korea to raise its imports of American beef."
    assert _read(parser, text) == [("kr", "beef", None)]


def test_the_period_of_the_flows_own_clause_dates_it(parser) -> None:
    text = "Korean imports of American beef fell sharply last year, the ministry said."
    assert _read(parser, text) == [("kr", "beef", "last year")]


_LIST = {"Peru": ("pe", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Chilean": ("cl", T.COUNTRY),
         "corn": ("corn", T.PRODUCT), "wheat": ("wheat", T.PRODUCT), "rice": ("rice", T.PRODUCT)}


def _partners(parser, text: str) -> list[tuple]:
    table = {k: v for k, v in _LIST.items() if k in text}
    return [(f.object, f.partner) for f in facts_of(parser, text, table, published=PUBLISHED, module=flows)]


def test_the_origin_before_a_list_of_goods_is_every_goods_origin(parser) -> None:
    text = "Peru bought U.S. corn, wheat and rice at its tender earlier this week, exporters said."
    assert _partners(parser, text) == [("corn", "us"), ("wheat", "us"), ("rice", "us")]


def test_goods_counted_apart_keep_their_own_origin(parser) -> None:
    # figures of their own: the origin of the first goods says nothing of the second
    text = "Peru bought 20,000 tonnes of U.S. corn and 30,000 tonnes of wheat, exporters said."
    assert [p for _, p in _partners(parser, text)] == ["us", None]


def test_a_period_of_the_verb_the_flows_verb_completes_dates_it(parser) -> None:
    # "were expected to be low for the next year": "expected" and "be" are one clause
    text = "Industry sources said Korean beef imports were expected to be extremely low for the next year."
    assert _read(parser, text) == [("kr", "beef", "next year")]
