"""Regions of the world that span countries, read as trade partners as countries are.

Rules that ask for a destination or a listed partner "abroad" look for a Country; a region
the text names instead ("meat sales to the Middle East", "Sudan took 19,327 tonnes and west
coast Africa 4,130") is as much abroad. A Place counts when its name ends in a word of
``world_region_words.txt`` ("East", "Asia", "Gulf", with "states" or "countries" after it
allowed: "the Gulf states"); a city, port, state or province never does.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp import gazetteer
from kg.nlp.lexicon import read_lines
from kg.nlp.relations.base import Context

_PLACE = frozenset({EntityType.PLACE})
_GROUP_WORDS = frozenset({"states", "countries", "nations", "area", "region"})


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    return frozenset(read_lines("world_region_words.txt"))


def world_region(ctx: Context, token: Token) -> str | None:
    """The key of the world region ``token`` names, or None (a country, a city, no place)."""
    key = ctx.key(token, _PLACE)
    if key is None:
        return None
    mention = ctx.mention(token)
    words = [t.lower_ for t in mention if t.is_alpha]
    while len(words) > 1 and words[-1] in _GROUP_WORDS:
        words.pop()  # "the Gulf states": the region before the group word
    if not words or words[-1] not in _region_words():
        return None
    text = mention.text
    if gazetteer.is_city(text) or gazetteer.is_region(text) or gazetteer.country_of(text) is not None:
        return None  # "East London", "Western Cape": a city or a province of one country
    if any(ctx.country_of_demonym(t) or gazetteer.country_of(t.text) for t in mention):
        return None  # "the U.S. Gulf": one country's coast, its ports of loading
    return key


__all__ = ["world_region"]
