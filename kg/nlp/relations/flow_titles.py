"""Figureless flows a trader's title names: "Saudi Arabia, the world's biggest oil exporter",
"the sole tin exporter Thailand Smelting and Refining Co", "Japan, a major importer of
coal". The title says the trader trades those goods: one flow, without a figure, partner
or period.

Only a title set beside the name counts (an apposition, or the title right before it):
"Brazil is a major exporter of coffee" describes what a country sells anywhere, and a
title with no goods ("Brazil, a traditional exporter") names none. The flow adds nothing
where the story gives its figure (``flow-goods`` readings give way to counted ones).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Fact, Predicate
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.trader_keys import trader_key

CONFIDENCE = 0.7
RULE = "flow-goods"  # a figureless reading: it gives way where the article counts the flow


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    titles = flow_words("title_exporter_nouns") | flow_words("title_importer_nouns")
    for i in ctx.parse.with_words(0, len(ctx.doc), titles):
        noun = ctx.doc[i]
        if noun.pos_ != "NOUN" or _hedged(noun):
            continue
        goods = _titled_goods(ctx, noun)
        trader = _titled(ctx, noun) if goods is not None else None
        if trader is None:
            continue
        exports = noun.lower_ in flow_words("title_exporter_nouns")
        predicate = Predicate.EXPORTS if exports else Predicate.IMPORTS
        out.append(ctx.fact(trader, predicate, [noun], rule=RULE, confidence=CONFIDENCE, object=goods,
                            forecast=False))
    return out


def _titled_goods(ctx: Context, noun: Token) -> str | None:
    """The goods the title names: before the noun ("oil exporter") or after "of" ("exporter
    of coal"); none when it names two ("oil and gas exporter" lists what no one fact holds)."""
    found = {k for t in ctx.doc[noun.left_edge.i : noun.i] if (k := ctx.key(t, PRODUCTS))}
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        found |= {k for t in prep.subtree if (k := ctx.key(t, PRODUCTS))}
    return found.pop() if len(found) == 1 else None


def _titled(ctx: Context, noun: Token) -> str | None:
    """The trader the title is set beside: the name it is in apposition to, either way
    round ("Saudi Arabia, the biggest oil exporter"; "the biggest oil exporter, Saudi
    Arabia"), or the name right after it ("tin exporter Thailand Smelting Co")."""
    if noun.dep_ == "appos" and (key := trader_key(ctx, noun.head)) is not None:
        return key
    for child in (c for c in noun.children if c.dep_ == "appos"):
        if (key := trader_key(ctx, child)) is not None:
            return key
    after = noun.i + 1
    if after < len(ctx.doc) and (key := trader_key(ctx, ctx.doc[after])) is not None \
            and ctx.mention(ctx.doc[after]).start == after:
        return key
    return None


def _hedged(noun: Token) -> bool:
    """ "a potential oil exporter", "no longer a wheat exporter": a title the trader does
    not hold."""
    return any(c.lower_ in flow_words("title_hedges") or c.dep_ == "neg" for c in noun.children) \
        or any(c.dep_ == "neg" for c in noun.head.children)


__all__ = ["extract"]
