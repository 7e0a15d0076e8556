from __future__ import annotations

import spacy

from kg.nlp.matchers import RuleMatchers


def test_every_matcher_is_built_for_the_vocab_it_is_given() -> None:
    nlp = spacy.blank("en")
    matchers = RuleMatchers(nlp.vocab)
    for name in RuleMatchers.names:
        matcher = getattr(matchers, name)
        assert matcher.vocab is nlp.vocab and len(matcher) > 0
    doc = nlp("On Monday he paid $5 billion in the town of Ely in the north.")
    assert [doc[s:e].text for _, s, e in matchers.dates(doc)] == ["Monday"]
    assert [doc[s:e].text for _, s, e in matchers.money(doc)] == ["$5 billion"]


def test_matchers_built_before_a_memory_zone_work_after_it() -> None:
    nlp = spacy.blank("en")
    matchers = RuleMatchers(nlp.vocab)
    with nlp.memory_zone():
        nlp("Zorblat paid $7 million on Friday.")
    doc = nlp("They paid $3 million on Tuesday.")
    found = [nlp.vocab.strings[m] for m, _, _ in [*matchers.money(doc), *matchers.dates(doc)]]
    assert found == ["MONEY", "DATE"]
