"""A capital named for its country's government as a trader: "Moscow bought 6.8 mln tonnes
of corn and 153,000 tonnes of wheat", "Peking will import more wheat". Newswire writes the
capital for the state that buys or sells; read as a city, the flow had no trader.

Only the subject of the trade clause is read so (the capital as a partner or a place where
goods go stays a place), only for the capitals of ``capital_traders.tsv`` (market places and
the seats of other bodies left out), and only when the story names the country itself, which
also picks the state a capital stood for at the time ("Moscow" in 1987 is the Soviet Union's).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.datafiles import load
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import split_cell
from kg.nlp.relations.base import COUNTRY, Context

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@lru_cache(maxsize=1)
def _capitals() -> dict[str, tuple[str, ...]]:
    return {row["capital"].lower(): split_cell(row["countries"]) for row in load("capital_traders.tsv")}


def capital_country(ctx: Context, token: Token) -> str | None:
    """The country whose government the capital ``token`` names as the subject of a clause,
    when the story names that country; else None."""
    if token.dep_ not in _SUBJECTS:
        return None
    mention = ctx.mention(token)
    if ctx.key(mention.root, frozenset({EntityType.PLACE})) is None:
        return None  # a capital the model read as a person or a body is no place of a state
    states = _capitals().get(mention.text.lower())
    if not states:
        return None
    for name in reversed(states):  # the most recent first: the one the story names wins
        country = country_of(name)
        names = country.names if country is not None else (name,)
        if (key := next((k for n in names if (k := ctx.key_by_name(n, COUNTRY))), None)) is not None:
            return key
    return None
