"""Flows owned by a list of traders: "British and Greek imports of French wheat", "Brazilian,
Colombian and Mexican coffee exports" are each country's flow.

Only a flow without a figure is shared out this way: a figure of the list ("British and Greek
imports totalled 50,000 tonnes") is no one country's.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import Flow, flow_noun
from kg.nlp.relations.trader_keys import trader_or_nation

_JOINERS = frozenset({",", "and"})


def coordinated_owners(ctx: Context, flow: Flow, trader: str) -> list[str]:
    """The traders a list before the flow noun names, ``trader`` among them, in text order;
    empty when the noun has one owner (or none listed)."""
    anchor = flow.anchor
    if anchor.pos_ == "VERB":
        return []
    noun = flow_noun(anchor)
    doc = ctx.doc
    start = noun.left_edge.i
    while start > noun.sent.start and (doc[start - 1].lower_ in _JOINERS or _owner(ctx, doc[start - 1])):
        start -= 1  # "Kenyan, Ugandan and Tanzanian exports": the parse may leave the first out
    runs: list[list[str]] = [[]]
    joined = False  # a joiner since the last owner
    for token in doc[start : noun.i]:
        key = _owner(ctx, token)
        if key is not None:
            run = runs[-1]
            if run and run[-1] == key and not joined:
                continue  # "Saudi Arabia": one name of two words
            if run and not joined:
                runs.append([])  # two owners side by side with no "and": no list
            runs[-1].append(key)
            joined = False
        elif token.lower_ in _JOINERS and runs[-1]:
            joined = True
        elif runs[-1]:
            runs.append([])
            joined = False
    for run in runs:
        owners = list(dict.fromkeys(run))
        if len(owners) > 1 and trader in owners:
            return owners
    return []


def _owner(ctx: Context, token: Token) -> str | None:
    if token.pos_ not in ("PROPN", "ADJ", "NOUN"):
        return None
    return trader_or_nation(ctx, token)


__all__ = ["coordinated_owners"]
