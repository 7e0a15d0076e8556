"""A city named as where a dealer sits is no partner of the trade.

"India bought two cargoes of white sugar from London traders", "a contract to Delta Grain
Inc of Houston to supply a 40,000 tonne cargo", "dealers in Hamburg sold ...": the city
modifies the dealer (a compound of "traders", "house", "firm"; the object of "of"/"in"/
"based in" after a company or dealer noun). It tells where the seller's office is, not the
country the goods leave or reach, so the flow's partner taken from it is dropped rather than
kept as a city. A city the goods travel to or from ("shipped to Rotterdam") is left alone,
and so are countries and regions, which often name the dealers' country on purpose.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.gazetteer import is_city
from kg.nlp.lexicon import read_lines
from kg.nlp.relations.base import ORGS, Context

_TRADE = frozenset({Predicate.EXPORTS, Predicate.IMPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORT_VALUE})
_SEATS = frozenset({"of", "in"})  # "Cigra Inc of Chicago", "dealers in Hamburg"


@lru_cache(maxsize=1)
def _dealer_nouns() -> frozenset[str]:
    return frozenset(w.split()[-1] for w in read_lines("trading_house_nouns.txt"))


def without_trading_bases(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """``facts`` with no partner where that partner is a city named only as a dealer's seat."""
    out = []
    for fact in facts:
        if fact.predicate in _TRADE and fact.partner is not None and _city(ctx, fact.partner):
            spans = _mentions_in(ctx, fact)
            if spans and all(_dealer_seat(ctx, span) for span in spans):
                fact = replace(fact, partner=None)
        out.append(fact)
    return out


def _city(ctx: Context, key: str) -> bool:
    entity = ctx.table.entities.get(key)
    return entity is not None and entity.type is EntityType.PLACE and is_city(entity.label)


def _mentions_in(ctx: Context, fact: Fact) -> list[Span]:
    """The partner's mentions inside the sentence the fact was read from."""
    at = ctx.fact_token(fact)
    if at is None:
        return []
    sent = at.sent
    return [ctx.doc[a:b] for a, b in ctx.table.spans.get(fact.partner, ()) if sent.start <= a < sent.end]


def _dealer_seat(ctx: Context, span: Span) -> bool:
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod") and _dealer(ctx, root.head):
        return True  # "London traders", "a Paris trade house"
    if root.dep_ == "pobj" and root.head.lower_ in _SEATS:
        owner = root.head.head
        if owner.lower_ == "based":  # "a firm based in Rotterdam"
            owner = owner.head
        return _dealer(ctx, owner)  # "Cigra Inc of Chicago", "dealers in Hamburg"
    return False


def _dealer(ctx: Context, token: Token) -> bool:
    return token.lower_ in _dealer_nouns() or ctx.key(token, ORGS) is not None
