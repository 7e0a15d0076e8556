"""An amount a sentence asks about rather than states: "he had no knowledge of how much U.S.
grain Moscow would buy this year", "officials would not say how many tonnes Japan will
import". The clause names a trader and goods but reports no flow, and its object ("how much
U.S. grain") is no goods' name either."""

from __future__ import annotations

from spacy.tokens import Token

_OBJECTS = frozenset({"dobj", "nsubjpass", "attr"})


def asked_amount(verb: Token) -> bool:
    """The trade verb's object is a "how much" / "how many" phrase: an indirect question."""
    if verb.pos_ != "VERB":
        return False
    for child in verb.children:
        if child.dep_ in _OBJECTS and any(t.lower_ == "how" and t.i < child.i for t in child.subtree):
            return True
    return False
