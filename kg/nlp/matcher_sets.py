"""Set tests of spaCy Matcher patterns (``{"LOWER": {"IN": [...]}}``) made cheap to ask.

spaCy's Matcher asks a pattern's ``IN``/``NOT_IN`` tests through a general Python object
(``_SetPredicate``) that reads the token's value, coerces it to a hash and checks what kind
of test it is, on every call; a pattern that opens with such a test (``{"POS": {"IN":
[...]}, "OP": "*"}``) asks it of every word of the Doc. kg_entities' Matcher spent most of its
time there. :func:`quick_set_tests` puts in their place a plain membership test of the same
value in the same hashes: the same answers, at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from spacy.attrs import DEP, ENT_TYPE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.matcher import Matcher

# The attributes whose value the Matcher reads (``get_token_attr_for_matcher``) is the Token's
# own hash of that name: the lexeme's for ORTH and LOWER, the token's for the others.
_TOKEN_VALUES = {LOWER: "lower", ORTH: "orth", POS: "pos", TAG: "tag", LEMMA: "lemma", ENT_TYPE: "ent_type", DEP: "dep"}


def quick_set_tests(matcher: Matcher) -> Matcher:
    """``matcher`` with each plain ``IN``/``NOT_IN`` test of a token attribute answered by a
    membership test; call it once every pattern is added. Other tests (regular expressions,
    fuzzy, extension attributes, sets of values, NORM and MORPH) are left as spaCy made them.
    """
    # A private list of spaCy 3.8's Matcher (pinned <3.9): where a release names it otherwise,
    # the Matcher keeps spaCy's own tests, slower but the same.
    tests: list[Any] | None = getattr(matcher, "_extra_predicates", None)
    if not isinstance(tests, list):
        return matcher
    for index, test in enumerate(tests):
        quick = _quick(test)
        if quick is not None:
            tests[index] = quick
    return matcher


def _quick(test: Any) -> Callable[[Any], bool] | None:
    if type(test).__name__ != "_SetPredicate" or test.predicate not in ("IN", "NOT_IN"):
        return None
    if test.is_extension or test.regex or test.fuzzy is not None or test.attr not in _TOKEN_VALUES:
        return None
    value, hashes = attrgetter(_TOKEN_VALUES[test.attr]), frozenset(test.value)
    if test.predicate == "IN":
        return lambda token: value(token) in hashes
    return lambda token: value(token) not in hashes


__all__ = ["quick_set_tests"]
