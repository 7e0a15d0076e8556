from __future__ import annotations

import spacy
from spacy.strings import get_string_id

from kg.nlp.cues import common_word
from kg.nlp.doc_index import lower_positions, lowers_of, orths_of, positions_of, text_of, word_counts


def test_the_text_is_the_docs_and_joined_once() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Trade talks resumed.\n\nOfficials met on Monday.")
    assert text_of(doc) == doc.text
    assert text_of(doc) is text_of(doc)
    other = nlp("Another text entirely.")
    assert text_of(other) == "Another text entirely."


def test_word_counts_keep_case() -> None:
    doc = spacy.blank("en")("Sales rose and sales fell. Sales")
    counts = word_counts(doc)
    assert counts["Sales"] == 2 and counts["sales"] == 1 and counts["rose"] == 1
    assert word_counts(doc) is counts


def test_positions_of_are_the_tokens_with_one_of_the_texts_case_kept() -> None:
    doc = spacy.blank("en")("AWB said - and AWB - awb agreed -- Paice")
    assert positions_of(doc, {"AWB"}) == [0, 4]
    assert positions_of(doc, ("-", "--")) == [2, 5, 8]
    assert positions_of(doc, {"Smith"}) == [] and positions_of(doc, ()) == []


def test_orths_are_the_words_hashes_in_order_read_once() -> None:
    doc = spacy.blank("en")("AWB said - and awb")
    assert orths_of(doc) == [t.orth for t in doc]
    assert orths_of(doc) is orths_of(doc)


def test_lower_positions_are_the_tokens_with_one_of_the_words_in_any_case() -> None:
    doc = spacy.blank("en")("States and STATES agreed, said the states")
    assert lowers_of(doc) == [t.lower for t in doc]
    assert lowers_of(doc) is lowers_of(doc)
    assert lower_positions(doc, frozenset({get_string_id("states")})) == [0, 2, 7]
    assert lower_positions(doc, frozenset()) == []


def test_a_common_word_is_one_the_text_also_writes_in_lower_case() -> None:
    nlp = spacy.blank("en")
    doc = nlp("Citizens may travel. Many citizens did.")
    assert common_word(doc[0])
    assert not common_word(nlp("Citizens may travel. Many did.")[0])
    # A lower-case token does not count itself: only another one makes it common.
    alone = nlp("citizens may travel.")
    assert not common_word(alone[0])
    twice = nlp("citizens may travel, citizens said.")
    assert common_word(twice[0])
