"""A flow named without a figure is dated by the one period its own clause names: not by the
period of another verb's act ("That accord, signed last year, calls on ... to raise its
imports")."""

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
