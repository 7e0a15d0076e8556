from __future__ import annotations

from spacy.matcher import Matcher

from kg.nlp.matcher_sets import quick_set_tests

PATTERNS = {
    "agency": [{"IS_TITLE": True, "POS": {"IN": ["PROPN", "ADJ", "NOUN"]}, "LOWER": {"NOT_IN": ["the", "new"]}, "OP": "*"},
               {"LOWER": {"IN": ["ministry", "department", "board"]}, "IS_TITLE": True},
               {"LOWER": {"IN": ["of", "for"]}}, {"IS_TITLE": True, "OP": "+"}],
    "named": [{"ENT_TYPE": {"IN": ["GPE", "ORG"]}}, {"ENT_TYPE": {"NOT_IN": ["GPE", "ORG"]}, "POS": {"NOT_IN": ["PUNCT"]}}],
    "verb": [{"LEMMA": {"IN": ["export", "sell"]}, "TAG": {"IN": ["VBD", "VBZ"]}}, {"DEP": {"IN": ["dobj", "det"]}}],
    "kept": [{"NORM": {"NOT_IN": ["said"]}, "TEXT": {"REGEX": r"^\d+$"}}, {"ORTH": {"IN": ["tonnes", "mln"]}}],
}
TEXT = ("The New Zealand Ministry of Primary Industries said Fonterra exported 1,200 tonnes to China. "
        "Chile sells the copper, the Board for Trade said, and 12 mln tonnes went to the Netherlands.")


def _matcher(vocab, quick: bool) -> Matcher:
    matcher = Matcher(vocab)
    for name, pattern in PATTERNS.items():
        matcher.add(name, [pattern])
    return quick_set_tests(matcher) if quick else matcher


def test_quick_set_tests_find_the_same_matches(nlp) -> None:
    doc = nlp(TEXT)
    plain, quick = _matcher(nlp.vocab, False), _matcher(nlp.vocab, True)
    found = quick(doc)
    assert found == plain(doc)
    assert {nlp.vocab.strings[m] for m, _, _ in found} >= {"agency", "verb", "kept"}
    # every token also answers each test alone as spaCy's own object does
    tests = zip(plain._extra_predicates, quick._extra_predicates)
    assert all(a(t) == b(t) for a, b in tests for t in doc)


def test_tests_spacy_answers_otherwise_are_left_as_they_are(nlp) -> None:
    quick = _matcher(nlp.vocab, True)
    kinds = [type(t).__name__ for t in quick._extra_predicates]
    assert kinds.count("function") >= 5
    # NORM's test and the regular expression stay spaCy's
    assert "_SetPredicate" in kinds and "_RegexPredicate" in kinds


def test_a_matcher_without_the_private_list_is_left_as_it_is() -> None:
    class Other:  # a Matcher whose spaCy release keeps its set tests elsewhere
        pass

    other = Other()
    assert quick_set_tests(other) is other  # type: ignore[arg-type]
