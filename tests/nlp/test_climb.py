from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from kg.nlp.climb import clause_verb, climb, first_conjunct, first_up, is_root, upward


def _parse(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


@pytest.fixture
def listed() -> Doc:
    """Spain , Italy and Greece bought copper ."""
    return _parse(["Spain", ",", "Italy", "and", "Greece", "bought", "copper", "."],
                  [5, 0, 0, 2, 2, 5, 5, 5],
                  ["nsubj", "punct", "conj", "cc", "conj", "ROOT", "dobj", "punct"],
                  ["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "NOUN", "PUNCT"])


@pytest.fixture
def hoped() -> Doc:
    """Kenya hopes to export tea ."""
    return _parse(["Kenya", "hopes", "to", "export", "tea", "."],
                  [1, 1, 3, 1, 3, 1],
                  ["nsubj", "ROOT", "aux", "xcomp", "dobj", "punct"],
                  ["PROPN", "VERB", "PART", "VERB", "NOUN", "PUNCT"])


def _texts(tokens) -> list[str]:
    return [t.text for t in tokens]


def test_the_root_is_its_own_head(hoped: Doc) -> None:
    assert is_root(hoped[1])
    assert not is_root(hoped[3])


def test_a_list_member_climbs_to_the_first_member(listed: Doc) -> None:
    assert first_conjunct(listed[4]).text == "Spain"  # Greece -> Italy -> Spain
    assert first_conjunct(listed[2]).text == "Spain"
    assert first_conjunct(listed[0]).text == "Spain"  # the first member is its own
    assert first_conjunct(listed[6]).text == "copper"  # in no list


def test_a_word_climbs_to_the_verb_of_its_clause(listed: Doc, hoped: Doc) -> None:
    assert clause_verb(listed[6]).text == "bought"
    assert clause_verb(hoped[4]).text == "export"  # the nearest verb, not the root
    assert clause_verb(hoped[1]).text == "hopes"  # a verb is its own


def test_without_a_verb_the_climb_ends_at_the_root() -> None:
    doc = _parse(["Exports", "of", "tea", "."], [0, 0, 1, 0], ["ROOT", "prep", "pobj", "punct"],
                 ["NOUN", "ADP", "NOUN", "PUNCT"])
    assert clause_verb(doc[2]).text == "Exports"


def test_upward_steps_only_through_the_links_it_is_given(hoped: Doc) -> None:
    xcomp = lambda t: t.dep_ == "xcomp"  # noqa: E731
    assert _texts(upward(hoped[3], xcomp)) == ["export", "hopes"]
    assert _texts(upward(hoped[4], xcomp)) == ["tea"]  # an object does not pass its verb's link
    assert _texts(upward(hoped[4], lambda t: True)) == ["tea", "export", "hopes"]  # the root ends it


def test_upward_yields_at_most_limit_tokens(hoped: Doc) -> None:
    assert _texts(upward(hoped[4], lambda t: True, limit=2)) == ["tea", "export"]
    assert _texts(upward(hoped[4], lambda t: True, limit=1)) == ["tea"]


def test_climb_takes_at_most_its_steps(hoped: Doc) -> None:
    anything = lambda t: True  # noqa: E731
    assert climb(hoped[4], anything).text == "hopes"
    assert climb(hoped[4], anything, steps=1).text == "export"
    assert climb(hoped[4], anything, steps=0).text == "tea"


def test_first_up_finds_the_first_wanted_token_within_its_limit(hoped: Doc) -> None:
    def has_subject(t) -> bool:
        return any(c.dep_ == "nsubj" for c in t.children)

    assert first_up(hoped[4], has_subject, limit=3).text == "hopes"  # tea, export, hopes
    assert first_up(hoped[4], has_subject, limit=2) is None  # the limit comes first
    assert first_up(hoped[0], lambda t: t.dep_ == "dobj", limit=5) is None  # the root comes first


@pytest.mark.model
def test_climbs_on_a_parse_of_the_model(parser) -> None:
    doc = parser("Peru sold copper to Chile, Brazil and Mexico last year.")
    mexico = next(t for t in doc if t.text == "Mexico")
    assert first_conjunct(mexico).text == "Chile"
    assert clause_verb(mexico).text == "sold"
