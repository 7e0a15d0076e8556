from __future__ import annotations

import pytest
import spacy

from kg.model import Article, Predicate
from kg.nlp.rules import RelationRules
from kg.nlp.mentions import MentionTable
from kg.nlp.relations.base import Context


def _context(text: str) -> Context:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp(text)
    return Context(doc, Article("a", text), MentionTable(doc), rules=RelationRules(doc.vocab))


def test_fact_offsets_span_the_evidence() -> None:
    ctx = _context("Li spoke. Wu said yes.")
    fact = ctx.fact("wu", Predicate.SAID, [ctx.doc[3], ctx.doc[4]], rule="r", confidence=0.5)
    assert (fact.start, fact.end, fact.sentence) == (10, 17, "Wu said yes.")


def test_without_evidence_the_sentence_is_the_evidence() -> None:
    ctx = _context("Li spoke. Wu said yes.")
    sent = list(ctx.doc.sents)[1]
    fact = ctx.fact("wu", Predicate.SAID, [], rule="r", confidence=0.5, sentence=sent)
    assert (fact.start, fact.end) == (10, 22)
    with pytest.raises(ValueError, match="evidence"):
        ctx.fact("wu", Predicate.SAID, [], rule="r", confidence=0.5)

