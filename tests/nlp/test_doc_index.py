from __future__ import annotations

import spacy
from spacy.strings import get_string_id

from kg.nlp.cues import common_word
from kg.nlp.doc_index import (
    lower_positions, lowers_of, orths_of, positions_of, sentence_answer, sentence_answers, tags_of, text_of, tokens_with,
    word_counts,
)


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


def test_tokens_with_are_the_spans_words_of_one_of_the_values() -> None:
    doc = spacy.blank("en")("Its quota rose. The Quota and quotas fell.")
    sent = doc[4:10]
    quota = frozenset({get_string_id("quota"), get_string_id("quotas")})
    assert [t.i for t in tokens_with(sent, lowers_of(doc), quota)] == [5, 7]
    assert [t.i for t in tokens_with(doc[:4], lowers_of(doc), quota)] == [1]
    assert tokens_with(doc[2:4], lowers_of(doc), quota) == []


def test_tags_are_the_docs_tags_in_order_read_once() -> None:
    doc = spacy.blank("en")("Wool was shipped")
    doc[2].tag_ = "VBN"
    assert tags_of(doc) == [t.tag for t in doc]
    assert tags_of(doc) is tags_of(doc)
    assert [t.i for t in tokens_with(doc[:], tags_of(doc), frozenset({get_string_id("VBN")}))] == [2]


def test_sentence_answers_are_kept_per_question_and_per_bounds() -> None:
    doc = spacy.blank("en")("Tin was sold. Nothing else.")
    first = sentence_answers(doc, "a question")
    first[(0, 4)] = True
    assert sentence_answers(doc, "a question") is first
    assert sentence_answers(doc, "another question") == {}
    assert sentence_answers(spacy.blank("en")("Tin was sold."), "a question") == {}


def test_sentence_answer_asks_each_sentence_once() -> None:
    doc = spacy.blank("en")("Zinc was sold. Nothing else.")
    asked = []

    def answer(sent):
        asked.append((sent.start, sent.end))
        return sent.text

    assert sentence_answer(doc[0:4], "zinc question", answer) == "Zinc was sold."
    assert sentence_answer(doc[0:4], "zinc question", answer) == "Zinc was sold."
    assert sentence_answer(doc[4:7], "zinc question", answer) == "Nothing else."
    assert asked == [(0, 4), (4, 7)]
