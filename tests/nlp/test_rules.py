from __future__ import annotations

import pytest
import spacy

from kg.nlp.rules import RelationRules, default_confidence


def test_every_matcher_is_built_for_the_vocab_it_is_given() -> None:
    nlp = spacy.blank("en")
    rules = RelationRules(nlp.vocab)
    for name in RelationRules.matcher_names:
        matcher = getattr(rules, name)
        assert matcher.vocab is nlp.vocab and len(matcher) > 0
    doc = nlp("On Monday he paid $5 billion in the town of Ely in the north.")
    assert [doc[s:e].text for _, s, e in rules.dates(doc)] == ["Monday"]
    assert [doc[s:e].text for _, s, e in rules.money(doc)] == ["$5 billion"]


def test_matchers_built_before_a_memory_zone_work_after_it() -> None:
    nlp = spacy.blank("en")
    rules = RelationRules(nlp.vocab)
    with nlp.memory_zone():
        nlp("Zorblat paid $7 million on Friday.")
    doc = nlp("They paid $3 million on Tuesday.")
    found = [nlp.vocab.strings[m] for m, _, _ in [*rules.money(doc), *rules.dates(doc)]]
    assert found == ["MONEY", "DATE"]


def test_the_confidence_table_covers_every_rule_and_takes_overrides() -> None:
    vocab = spacy.blank("en").vocab
    table = default_confidence()
    assert {"post-apposition", "sub-prep", "located-adjacent", "speech-verb", "export-verb"} <= set(table)
    assert all(0 < c <= 1 for c in table.values())
    rules = RelationRules(vocab, confidence={"speech-verb": 0.5})
    assert rules.confidence == {**table, "speech-verb": 0.5}
    with pytest.raises(ValueError, match="speech-verbs"):
        RelationRules(vocab, confidence={"speech-verbs": 0.5})


def test_a_rules_confidence_reaches_its_facts(nlp) -> None:
    from kg.model import Article, Predicate
    from kg.nlp.extract import extract

    text = "Zhang Qi, deputy director of the Ministry of Commerce, said exports rose."
    doc = nlp(text)
    plain = extract(doc, Article("a", text))
    posts = [f for f in plain.facts if f.predicate is Predicate.HOLDS_POST]
    assert posts
    rule = posts[0].extractor
    lowered = extract(doc, Article("a", text), rules=RelationRules(nlp.vocab, confidence={rule: 0.123}))
    assert [f.confidence for f in lowered.facts if f.extractor == rule] == [0.123] * sum(
        f.extractor == rule for f in plain.facts)
