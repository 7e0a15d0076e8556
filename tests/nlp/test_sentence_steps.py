"""Stepping back through a Doc's sentences (kg.nlp.sentence_steps)."""

from __future__ import annotations

import spacy

from kg.nlp.sentence_steps import sentences_back


def test_sentences_back_stops_at_the_first_sentence() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    doc = nlp("One ran. Two ran. Three ran.")
    third = [s.start for s in doc.sents][2]
    assert sentences_back(doc, third, 0) == third
    assert sentences_back(doc, third, 1) == 3
    assert sentences_back(doc, third, 2) == 0
    assert sentences_back(doc, third, 5) == 0


def test_the_rules_and_the_references_step_back_with_one_function() -> None:
    from kg.nlp import speaker_salience
    from kg.nlp.relations import base

    assert base.sentences_back is speaker_salience.sentences_back is sentences_back
