"""Names of waters and shores ("U.S. Gulf", "Texas Gulf", "Welland Canal", "Mississippi River"):
commodity news loads, prices and ships goods there, and the model often reads the name as a
body. A name whose last word is a water word (``water_words.txt``) is a place, unless a word
of a body's name is in it ("Hudson Bay Mining", "Gulf Oil", "Lake Carriers Association") or
the name is a known organization."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span

from kg.nlp import lexicon
from kg.nlp.datafiles import load
from kg.nlp.gazetteer import country_of


@lru_cache(maxsize=1)
def water_words() -> frozenset[str]:
    return frozenset(load("water_words.txt"))


def water_name(span: Span) -> bool:
    """True when ``span`` ("Louisiana Gulf", "St Lawrence Seaway") names waters or a shore."""
    if not 2 <= len(span) <= 4 or span[-1].lower_ not in water_words() or not span[-1].is_title:
        return False
    rest = span[:-1]
    if any(not (t.is_title or t.is_upper) or not t.is_alpha and t.text[-1:] != "." for t in rest):
        return False  # "U.S. Gulf" and "St Lawrence Seaway", not "the 1987 Sea" nor "Sea-Land"
    if any(t.is_upper and t.is_alpha and len(t) > 1 and country_of(t.text) is None for t in rest):
        return False  # "FOB Gulf": a price's terms of delivery (an acronym), no name of the waters
    body_words = lexicon.agency_heads() | lexicon.organization_cues() | lexicon.industry_words()
    if any(t.lower_ in body_words for t in span[:-1]) or lexicon.known_organization(span.text):
        return False
    doc = span.doc
    # "the Gulf Oil ...": a company word after the name makes it the company's
    return not (span.end < len(doc) and doc[span.end].lower_ in lexicon.organization_cues())
