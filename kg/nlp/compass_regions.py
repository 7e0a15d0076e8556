"""Regions named by a compass word before a continent or sea: one place, not two.

The model reads "Shipments to South-east Asia" as two places ("South-east", "Asia") and
misses "Sudan took 19,327 tonnes and west coast Africa 4,130" altogether; a trade partner
then comes out as a bare compass word or as the whole continent. A compass word ("South",
"south-east", "Southeast", "South East"), optionally "coast" or "coast of", right before a
continent or sea that a compass divides (``divided_regions.txt``) makes one place, whatever
the case it is written in. A country's name ("South Africa") is the country's, and "20 miles
west of Africa" no region (only a coast takes "of").
"""

from __future__ import annotations

from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp.cues import COMPASS_WORDS
from kg.nlp.doc_index import lower_positions
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import read_lines

_POINTS = frozenset({"north", "south", "east", "west"})
_JOINED = COMPASS_WORDS - _POINTS  # "southeast", "south-east": two points as one word
_COAST = frozenset({"coast"})


@lru_cache(maxsize=1)
def _divided() -> frozenset[str]:
    return frozenset(read_lines("divided_regions.txt"))


@lru_cache(maxsize=1)
def _divided_hashes() -> frozenset[int]:
    return frozenset(get_string_id(name) for name in _divided())


def compass_regions(doc: Doc) -> list[Span]:
    """Every "compass word [coast [of]] continent" of ``doc`` as one Place span."""
    spans: list[Span] = []
    # the continents and seas found by their words' hashes: a Token for those only, not for every word
    for token in [doc[i] for i in lower_positions(doc, _divided_hashes())]:
        if not token.text[:1].isupper():
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].is_title and doc[token.i + 1].is_alpha:
            continue  # "the North Atlantic Treaty Organization": part of a longer name
        start = _compass_start(doc, token.i)
        if start is None:
            continue
        span = Span(doc, start, token.i + 1, label=EntityType.PLACE)
        if country_of(span.text) is None:  # "South Africa" is a country
            spans.append(span)
    return spans


def _compass_start(doc: Doc, end: int) -> int | None:
    """Where the compass words before the continent at ``end`` begin, if any stand there."""
    i = end - 1
    if i >= 1 and doc[i].lower_ == "of" and doc[i - 1].lower_ in _COAST:
        i -= 2  # "the west coast of Africa": only a coast takes "of"
    elif i >= 0 and doc[i].lower_ in _COAST:
        i -= 1  # "west coast Africa"
    if i < 0:
        return None
    if doc[i].lower_ in _JOINED:
        return i  # "Southeast", "south-east" as one word
    if doc[i].lower_ not in _POINTS:
        return None
    # "South-east", "South East": two points, hyphenated or not, the first north or south
    if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("north", "south") and doc[i].lower_ in ("east", "west"):
        return i - 2
    if i >= 1 and doc[i - 1].lower_ in ("north", "south") and doc[i].lower_ in ("east", "west"):
        return i - 1
    return i
