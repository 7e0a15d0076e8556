"""The learned reading of the trade figures no rule used: its candidates, their features, and
the facts a (hand-set) model adds after the rules."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.relations import extract_facts
from kg.nlp.relations import learned_figures as learned
from kg.nlp.relations.base import Context
from kg.nlp.relations.figure_model import FigureModel
from kg.nlp.relations.flow_periods import sentence_periods
from kg.nlp.resolve import resolve_mentions
from kg.nlp.rules import RelationRules

pytestmark = pytest.mark.model

# The rules read the flow of the first sentence, without a figure; the second breaks it down
# in words no rule reads ("Britain took ...").
BROKEN_DOWN = "Ghana's cocoa exports rose sharply in 1986, the board said. Britain took 20,000 tonnes of the crop."


def _read(nlp, text: str, model: FigureModel | None = None):
    article = Article(id="t", text=text, published="1987-03-10")
    doc = nlp(text)
    rules = RelationRules(nlp.vocab, figure_model=model)
    table = resolve_mentions(doc, article, references=rules.references)
    ctx = Context(doc, article, table, rules=rules)
    return ctx, extract_facts(doc, article, table, rules=rules)


def test_a_figure_no_rule_read_is_read_for_each_trader_with_its_features(nlp) -> None:
    ctx, facts = _read(nlp, BROKEN_DOWN)
    assert all(f.quantity is None for f in facts if f.predicate in learned.TRADE)
    found = {c.fact.subject: c for c in learned.candidates(ctx, facts)}
    assert set(found) == {"place:ghana", "place:united-kingdom"}
    ghana = found["place:ghana"]
    assert (ghana.fact.predicate.value, ghana.fact.object, ghana.fact.quantity, ghana.fact.unit) == \
        ("exports", "product:cocoa", Decimal("20000"), "tonnes")
    # the sentence after a trade sentence: its direction and goods carried; the story's last trader
    assert {"carried=1", "goods=last", "why=last", "kind=unit", "unit=tonnes", "b1=took"} <= set(ghana.features)
    assert {"why=named", "tdep=nsubj"} <= set(found["place:united-kingdom"].features)
    assert ghana.figure == found["place:united-kingdom"].figure  # one figure, two readings


def test_a_figure_a_rule_fact_states_is_no_candidate(nlp) -> None:
    ctx, facts = _read(nlp, "Kenyan tea exports rose to 180,000 tonnes in 1986, the board said.")
    assert any(f.quantity == Decimal("180000") for f in facts)
    assert learned.candidates(ctx, facts) == []


def test_dates_percentages_and_small_numbers_without_a_unit_are_no_figures(nlp) -> None:
    ctx, _ = _read(nlp, "Kenya's exports to the four buyers fell 12 pct to 4,500 tonnes by March 12.")
    (sent,) = ctx.doc.sents
    figures = learned._figures(ctx, sent, sentence_periods(ctx, sent))
    assert [(f.value, f.unit) for f in figures] == [(Decimal("4500"), "tonnes")]


def test_a_hand_set_model_adds_the_likeliest_reading_of_a_figure_once(nlp) -> None:
    model = FigureModel(weights={"why=last": 4.0, "why=named": -2.0}, bias=-1.0, threshold=0.5)
    _, facts = _read(nlp, BROKEN_DOWN, model)
    added = [f for f in facts if f.extractor == learned.EXTRACTOR]
    assert [(f.subject, f.predicate.value, f.object, f.quantity) for f in added] == \
        [("place:ghana", "exports", "product:cocoa", Decimal("20000"))]
    assert added[0].confidence == round(1 / (1 + math.exp(-3.0)), 3)
    # the rules' own facts stay as they were, and none is stated twice
    _, rules_alone = _read(nlp, BROKEN_DOWN)
    assert [f for f in facts if f.extractor != learned.EXTRACTOR] == rules_alone


def test_without_a_model_or_over_its_threshold_nothing_is_added(nlp) -> None:
    _, facts = _read(nlp, BROKEN_DOWN)
    assert not any(f.extractor == learned.EXTRACTOR for f in facts)
    strict = FigureModel(weights={"why=last": 4.0}, bias=-1.0, threshold=0.99)
    _, facts = _read(nlp, BROKEN_DOWN, strict)
    assert not any(f.extractor == learned.EXTRACTOR for f in facts)

