"""Bodies named after two countries: "the Brazil/Canada Chamber of Commerce", "the U.S.-Japan
Business Council".

A pair of countries written as one word ("U.S./USSR", "Brazil/Canada") only qualifies what
follows, and a name holding a slash is most often a photo credit; but when the words after
the pair end in a body's head word, the whole is the name of a bilateral body.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> names_bilateral_body(nlp("Brazil/Canada Chamber of Commerce")[:])
True
>>> names_bilateral_body(nlp("REUTERS/Leah Millis")[:])
False
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.nlp import lexicon
from kg.nlp.gazetteer import country_of

_JOINS = re.compile(r"\s*[-/]\s*")
# Head words of bilateral bodies that the organization lexicons leave out (the agency heads
# hold "commission", "council", "committee" and "board").
_BILATERAL_HEADS = frozenset({"chamber", "forum"})


def names_bilateral_body(span: Span) -> bool:
    """True when ``span`` is two countries joined by "/" or "-", then a body's name."""
    pair, rest = _pair_and_rest([t for t in span if not t.is_space])
    if pair is None or not rest or not all(t.is_title or t.is_lower and t.lower_ in {"of", "for", "and"} for t in rest):
        return False
    heads = _BILATERAL_HEADS | lexicon.organization_cues() | lexicon.agency_heads()
    return any(t.lower_ in heads for t in rest)


def _pair_and_rest(words: list[Token]) -> tuple[tuple[str, str] | None, list[Token]]:
    """The two countries the words open with and the words after them."""
    for cut in range(1, min(len(words), 6) + 1):
        text = "".join(t.text_with_ws for t in words[:cut]).strip()
        parts = _JOINS.split(text)
        if len(parts) == 2 and all(country_of(p) is not None for p in parts):
            return (parts[0], parts[1]), words[cut:]
    return None, []
