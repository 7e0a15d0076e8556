"""A figure that modifies the trade noun itself: "a 200,000 tonne wheat purchase from France",
"a 40 mln dlr oil purchase", "the 1.5 mln tonne sale to the Soviet Union". The noun phrase
opens with the figure, in a unit (the singular "tonne" of a modifier) or a currency ("dlr"),
and the trade noun is its head: the flow is of that figure."""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Token

from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import Figure, Flow, flow_noun
from kg.nlp.relations.flow_figures import figure_before
from kg.nlp.relations.money import money_in


def noun_figure(ctx: Context, flow: Flow, dated: set[int]) -> list[Figure]:
    """The figure the flow noun's own phrase opens with, or none: a quantity in a unit or an
    amount of money, before the noun and not a date's number ("the 1986 purchase")."""
    anchor = flow.anchor
    if anchor.pos_ != "NOUN":
        return []
    noun = flow_noun(anchor)
    start = noun.left_edge.i
    if start >= noun.i or not any(t.like_num for t in ctx.doc[start : noun.i]):
        return []
    money = [m for m in money_in(ctx.doc[start : noun.i], matcher=ctx.rules.money, published=ctx.article.published)
             if not dated & set(range(m.span.start, m.span.end))]  # fmt: skip
    if money:
        m = money[0]
        return [Figure(value=Decimal(str(m.amount)), start=m.span.start, end=m.span.end, currency=m.currency)]
    return [f for f in figure_before(ctx, flow, dated, start=start) if _modifies(ctx.doc[f.end - 1], noun)]


def _modifies(unit: Token, noun: Token) -> bool:
    """The figure's unit hangs (through modifiers) on the trade noun: "a 200,000 tonne wheat
    purchase", not "200,000 tonnes, the purchase" or a figure of a clause of its own."""
    t = unit
    while t.i != noun.i and t.dep_ in ("compound", "amod", "nmod", "nummod", "npadvmod") and t.head.i > t.i:
        t = t.head
    return t.i == noun.i
