"""Hand-built mention tables for relation tests: parses come from the statistical model,
entities from the test itself, so relation rules are tested apart from entity resolution.
The parses come from the ``parser`` fixture (conftest.py)."""

from __future__ import annotations

import re

from kg.model import Article, Entity, EntityType, Fact, Predicate
from kg.nlp.mentions import MentionTable

T = EntityType


def table_for(doc, mentions: dict[str, tuple[str, EntityType]]) -> MentionTable:
    """A table where every occurrence of each surface text (whole words) is a mention.

    ``mentions`` maps surface text -> (entity key, type); several texts may share a key,
    which is how pronouns and descriptions ("she", "the ministry") are resolved by hand.
    Longer texts are placed first, so "Ministry of Commerce" wins over "Commerce".
    """
    table = MentionTable(doc=doc)
    for text in sorted(mentions, key=len, reverse=True):
        key, etype = mentions[text]
        entity = table.entities.get(key)
        names = (*entity.names, text) if entity else (text,)
        table.entities[key] = Entity(key=key, type=etype, label=entity.label if entity else text,
                                     names=names)
        for m in re.finditer(rf"(?<!\w){re.escape(text)}(?!\w)", doc.text):
            span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or any(t.i in table.by_token for t in span):
                continue
            for token in span:
                table.by_token[token.i] = key
            table.spans.setdefault(key, []).append((span.start, span.end))
    for spans in table.spans.values():
        spans.sort()
    return table


def facts_of(parser, text: str, mentions: dict[str, tuple[str, EntityType]], *,
             published: str | None = None, module=None) -> list[Fact]:
    """Facts read from ``text`` by one relation module (all of them when ``module`` is None)."""
    from kg.nlp.rules import RelationRules
    from kg.nlp.relations import extract_facts
    from kg.nlp.relations.base import Context

    doc = parser(text)
    article = Article(id="t", text=text, published=published)
    table = table_for(doc, mentions)
    rules = RelationRules(doc.vocab)
    if module is None:
        return extract_facts(doc, article, table, rules=rules)
    return module.extract(Context(doc, article, table, rules=rules))


def only(facts: list[Fact], predicate: Predicate) -> list[Fact]:
    return [f for f in facts if f.predicate is predicate]
