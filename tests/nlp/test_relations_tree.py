from __future__ import annotations

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from kg.nlp.relations.tree import ParseIndex, TreePatterns

# "Zhang Qi, director of the Department of Trade of the Ministry, said it. Li Wei of Beijing agreed."
WORDS = ["Zhang", "Qi", ",", "director", "of", "the", "Department", "of", "Trade", "of", "the",
         "Ministry", ",", "said", "it", ".", "Li", "Wei", "of", "Beijing", "agreed", "."]  # fmt: skip
HEADS = [1, 13, 1, 1, 3, 6, 4, 6, 7, 6, 11, 9, 1, 13, 13, 13, 17, 20, 17, 18, 20, 20]
DEPS = ["compound", "nsubj", "punct", "appos", "prep", "det", "pobj", "prep", "pobj", "prep", "det",
        "pobj", "punct", "ROOT", "dobj", "punct", "compound", "nsubj", "prep", "pobj", "ROOT", "punct"]  # fmt: skip
POS = ["PROPN", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "PROPN", "ADP", "PROPN", "ADP", "DET",
       "PROPN", "PUNCT", "VERB", "PRON", "PUNCT", "PROPN", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]  # fmt: skip
LEMMAS = [w.lower() if p != "VERB" else {"said": "say", "agreed": "agree"}[w] for w, p in zip(WORDS, POS)]

PATTERNS = {
    "prep": [[
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"POS": {"IN": ["PROPN", "NOUN"]}}},
        {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "p", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
        {"LEFT_ID": "p", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]],
    "appos": [[
        {"RIGHT_ID": "a", "RIGHT_ATTRS": {"POS": "PROPN"}},
        {"LEFT_ID": "a", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {"DEP": "appos"}},
    ]],
    "speech": [[
        {"RIGHT_ID": "v", "RIGHT_ATTRS": {"LEMMA": {"IN": ["say", "tell"]}, "POS": "VERB"}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "s", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        {"LEFT_ID": "v", "REL_OP": ">", "RIGHT_ID": "o", "RIGHT_ATTRS": {}},
    ]],
}  # fmt: skip


@pytest.fixture(scope="module")
def doc() -> Doc:
    # a language's vocab: a bare Vocab() gives its lexemes no lower-case form
    return Doc(spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, pos=POS, lemmas=LEMMAS)


def _patterns() -> TreePatterns:
    patterns = TreePatterns()
    for name, rules in PATTERNS.items():
        patterns.add(name, rules)
    return patterns


def test_matches_are_those_of_the_dependency_matcher_in_its_order(doc: Doc) -> None:
    matcher = DependencyMatcher(doc.vocab)
    for name, rules in PATTERNS.items():
        matcher.add(name, rules)
    expected = [(doc.vocab.strings[key], tuple(ids)) for key, ids in matcher(doc)]
    assert _patterns()(ParseIndex(doc)) == expected


def test_matches_walk_down_the_parse(doc: Doc) -> None:
    found = _patterns()(ParseIndex(doc))
    assert ("prep", (6, 7, 8)) in found  # Department of Trade
    assert ("prep", (6, 9, 11)) in found  # Department ... of the Ministry
    assert ("prep", (17, 18, 19)) in found  # Li Wei of Beijing
    assert ("appos", (1, 3)) in found
    # every child of the verb as the third node, itself excluded: a token is no child of itself
    assert [ids for name, ids in found if name == "speech"] == [(13, 1, 1), (13, 1, 14), (13, 1, 15)]


def test_rules_come_in_the_order_they_were_added(doc: Doc) -> None:
    names = [name for name, _ in _patterns()(ParseIndex(doc))]
    assert names == sorted(names, key=list(PATTERNS).index)


def test_index_of_an_empty_doc_matches_nothing() -> None:
    assert _patterns()(ParseIndex(Doc(Vocab(), words=[]))) == []


@pytest.mark.parametrize("node", [
    {"LEFT_ID": "x", "REL_OP": ">>", "RIGHT_ID": "y", "RIGHT_ATTRS": {}},
    {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"SHAPE": "Xxxx"}},
    {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"LOWER": {"NOT_IN": ["of"]}}},
    {"LEFT_ID": "z", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {}},
])  # fmt: skip
def test_unsupported_patterns_are_refused(node: dict) -> None:
    with pytest.raises(ValueError):
        TreePatterns().add("bad", [[{"RIGHT_ID": "x", "RIGHT_ATTRS": {}}, node]])


def test_subtree_is_the_tokens_subtree(doc: Doc) -> None:
    index = ParseIndex(doc)
    for token in doc:
        assert sorted(index.subtree(token.i)) == [t.i for t in token.subtree]
    assert sorted(index.subtree(6)) == list(range(5, 12))  # the Department of Trade of the Ministry


def test_with_words_finds_forms_and_lower_cased_lemmas_within_the_range(doc: Doc) -> None:
    index = ParseIndex(doc)
    # "of" by its form; "said" and "agreed" by their lemmas; the second sentence alone
    assert index.with_words(0, len(doc), frozenset({"of"}), frozenset({"say", "agree"})) == [4, 7, 9, 13, 18, 20]
    assert index.with_words(16, len(doc), frozenset({"of", "ministry"})) == [18]
    assert index.with_words(0, len(doc), frozenset({"ministry"})) == [11]
    assert index.with_words(0, len(doc), frozenset({"Ministry"})) == []  # forms are lower case


def test_with_words_asked_range_by_range_gives_each_ranges_words(doc: Doc) -> None:
    index = ParseIndex(doc)
    words, lemmas = frozenset({"of", "the"}), frozenset({"say"})
    lowers = [t.lower_ for t in doc]
    for start, end in [(0, len(doc)), (0, 5), (4, 5), (5, 16), (16, len(doc)), (7, 7)]:
        plain = [i for i in range(start, end) if lowers[i] in words or doc[i].lemma_.lower() in lemmas]
        assert index.with_words(start, end, words, lemmas) == plain
        assert index.with_words(start, end, words) == [i for i in range(start, end) if lowers[i] in words]


def test_with_words_lower_cases_the_lemma() -> None:
    words = ["Exports", "rose"]
    doc = Doc(spacy.blank("en").vocab, words=words, lemmas=["Export", "rise"], pos=["PROPN", "VERB"],
              heads=[1, 1], deps=["nsubj", "ROOT"])
    assert ParseIndex(doc).with_words(0, 2, frozenset(), frozenset({"export"})) == [0]


def test_lowered_lemmas_are_each_words_lemma_in_lower_case_read_once() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Exports", "of", "IBM", "rose"], lemmas=["Export", "of", "IBM", "rise"])
    index = ParseIndex(doc)
    lowered = index.lowered_lemmas()
    assert lowered == [get_string_id(w) for w in ("export", "of", "ibm", "rise")]
    assert index.lowered_lemmas() is lowered


@pytest.mark.parametrize(
    "attrs",
    [
        {},
        {"POS": "PROPN"},
        {"POS": {"IN": ["PROPN", "NOUN"]}, "DEP": {"IN": ["pobj", "nsubj"]}},
        # more values than a whole column is compared with, one by one
        {"LOWER": {"IN": ["of", "the", "said", "it", "li", "wei", "beijing", "zhang", "qi", "x", "y"]}},
        {"LEMMA": {"IN": ["say", "agree", "of", "the", "a", "b", "c", "d", "e", "f"]}, "POS": {"IN": ["VERB", "ADP"]}},
    ],
)
def test_candidates_are_the_tokens_passing_every_test_in_text_order(doc: Doc, attrs: dict) -> None:
    from kg.nlp.relations.tree import _tests

    def passes(token, attr: str, value) -> bool:
        have = {"POS": token.pos_, "DEP": token.dep_, "LOWER": token.lower_, "LEMMA": token.lemma_}[attr]
        return have in (value["IN"] if isinstance(value, dict) else [value])

    expected = [t.i for t in doc if all(passes(t, attr, value) for attr, value in attrs.items())]
    assert ParseIndex(doc).candidates(_tests(attrs)) == expected
