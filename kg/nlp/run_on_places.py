"""Places the statistical model ran into another name, taken apart again.

The model reads "the Agriculture Department's Counselor in Buenos Aires", "bound for Rotterdam
and Ghent" and "the All Blacks in Christchurch" each as one organization. A known place after
"in" or "at" is a place of its own (the title or name before it stays what it was, a title
being no entity), and two places joined by "and" after a preposition of place, one of them
known, are two places ("Marks and Spencer" names a firm, whatever town is called Spencer).
After a verb of telling, a country opening the reported clause is no part of the name of the
one told ("told Reuters Pakistan had suspended ...").

>>> import spacy
>>> from spacy.tokens import Span
>>> doc = spacy.blank("en")("Cargoes left for Rotterdam and Ghent .")
>>> [(s.text, s.label_) for s in places_apart(Span(doc, 3, 6, label="ORG"))]
[('Rotterdam', 'GPE'), ('Ghent', 'GPE')]
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.nlp import gazetteer, lexicon
from kg.nlp.cues import PLACE_PREPOSITIONS
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import is_title

# Model labels of names a place may be run into.
_NAMES = frozenset({"ORG", "GPE", "LOC", "FAC", "PERSON"})
# "Counselor in Buenos Aires", "the All Blacks in Christchurch": where the name before is.
_WHERE = frozenset({"in", "at"})
_AND = frozenset({"and", "&"})
_PLACE_PREPOSITIONS = PLACE_PREPOSITIONS | {"for"}
# Places of two or three words at most on either side of the link.
_WIDTH = 3


def places_apart(span: Span) -> list[Span]:
    """``span`` (a model entity) as its parts when it runs a place into another name, else
    ``[span]``; places come out as GPE, for kg's types to be given as to any place."""
    if span.label_ not in _NAMES or _known_place(span.text):
        return [span]  # "Trinidad and Tobago" is one country
    told = _addressee_and_place(span)
    if told or len(span) < 3:
        return told or [span]
    doc = span.doc
    for link in span[1:-1]:
        if not link.is_lower or link.lower_ not in _WHERE | _AND:
            continue
        left, right = doc[span.start : link.i], doc[link.i + 1 : span.end]
        if not _place_words(right) or not _place_words(left) and link.lower_ in _AND:
            continue
        if link.lower_ in _AND:
            if not (_known_place(left.text) or _known_place(right.text)) or _names_a_body(left) \
                    or not _after_place_preposition(span):
                continue
            return [_place(left), _place(right)]
        if not _known_place(right.text):
            continue
        if is_title(left.text):  # "Counselor in Buenos Aires": a title, no entity
            return [_place(right)]
        return [Span(doc, left.start, left.end, label=span.label_), _place(right)]
    return [span]


def _addressee_and_place(span: Span) -> list[Span]:
    """ "officials told Reuters Pakistan had suspended the licences": after a verb of telling,
    the one told and the place that opens the reported clause are two names."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lemma_.lower() != "tell" or len(span) < 2:
        return []
    for cut in range(span.start + 1, span.end):
        if doc[cut].is_title and country_of(doc[cut : span.end].text) is not None:
            return [Span(doc, span.start, cut, label=span.label_), _place(doc[cut : span.end])]
    return []


def _place_words(words: Span) -> bool:
    return 0 < len(words) <= _WIDTH and all(t.is_title and t.is_alpha for t in words)


def _known_place(text: str) -> bool:
    return country_of(text) is not None or gazetteer.is_city(text) or gazetteer.is_region(text)


def _after_place_preposition(span: Span) -> bool:
    """ "bound for Rotterdam and Ghent", "sold to Iraq and Syria"."""
    before = span.start - (span.start > 0 and span.doc[span.start - 1].lower_ == "the")
    return before > 0 and span.doc[before - 1].lower_ in _PLACE_PREPOSITIONS


def _names_a_body(words: Span) -> bool:
    """ "Trade and Industry": a body's words before "and", no place."""
    cues = lexicon.organization_cues() | lexicon.agency_heads()
    return any(t.lower_ in cues for t in words)


def _place(words: Span) -> Span:
    return Span(words.doc, words.start, words.end, label="GPE")
