from __future__ import annotations

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from kg.nlp import lexicon
from kg.nlp.references import _COMPANY_WORDS, _PRONOUNS, ReferenceFinder


def _doc(words: list[str], deps: list[str] | None = None) -> Doc:
    vocab = spacy.blank("en").vocab
    return Doc(vocab, words=words, deps=deps or ["dep"] * len(words), heads=list(range(len(words))))


def test_definite_descriptions_and_subject_pronouns_are_found_in_text_order() -> None:
    words = ["She", "said", "the", "ministry", "and", "this", "bank", "agreed", ";", "he", "left", "."]
    deps = ["nsubj", "ROOT", "det", "nsubj", "cc", "det", "conj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    assert ReferenceFinder()(_doc(words, deps)) == [("pronoun", 0, 1), ("definite", 2, 4), ("definite", 5, 7),
                                                     ("pronoun", 9, 10)]


def test_a_pronoun_refers_only_as_a_subject_and_a_head_word_only_after_a_determiner() -> None:
    words = ["They", "thanked", "him", "and", "her", "ministry", "at", "a", "bank", "."]
    assert ReferenceFinder()(_doc(words, ["nsubj", "ROOT", "dobj", "cc", "poss", "conj", "prep", "det", "pobj",
                                          "punct"])) == []
    assert ReferenceFinder()(_doc(["she", "left"], ["nsubjpass", "ROOT"])) == [("pronoun", 0, 1)]


def test_a_place_based_body_is_found_whole() -> None:
    words = ["But", "the", "Stavanger", "-", "based", "directorate", "said", "no", "."]
    assert ReferenceFinder()(_doc(words)) == [("definite-based", 1, 6)]
    assert ReferenceFinder()(_doc(["the", "oslo", "-", "based", "directorate"])) == []  # a place's name


def _reference_matcher(doc: Doc) -> Matcher:
    """The rules as spaCy token Matcher patterns: what the finder must give, match for match."""
    matcher = Matcher(doc.vocab)
    heads = sorted(lexicon.agency_heads() | lexicon.agency_units() | _COMPANY_WORDS)
    matcher.add("definite", [[{"LOWER": d}, {"LOWER": {"IN": heads}}] for d in ("the", "this", "that")])
    matcher.add("definite-based", [[{"LOWER": "the"}, {"IS_TITLE": True}, {"TEXT": "-"}, {"LOWER": "based"},
                                    {"LOWER": {"IN": heads}}]])
    matcher.add("pronoun", [[{"LOWER": p, "DEP": d}] for p in sorted(_PRONOUNS) for d in ("nsubj", "nsubjpass")])
    return matcher


@pytest.mark.parametrize(
    "words",
    [
        ["The", "Ministry", "said", "that", "ministry", "and", "the", "Lagos", "-", "based", "agency", "."],
        ["the", "the", "company", "he", "She", "this", "firm", "of", "the", "Banks"],
        ["That", "group", ",", "the", "Rome", "-", "based", "bank", ",", "the", "departments"],
    ],
)
def test_the_finder_gives_what_a_token_matcher_of_the_same_rules_gives(words: list[str]) -> None:
    deps = ["nsubj" if w.lower() in _PRONOUNS else "dep" for w in words]
    doc = _doc(words, deps)
    expected = [(doc.vocab.strings[k], s, e) for k, s, e in _reference_matcher(doc)(doc)]
    assert ReferenceFinder()(doc) == expected
