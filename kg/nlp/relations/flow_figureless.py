"""Flows named without a figure: goods the trade word itself names as traded ("Lumber imports
from Canada fell 300 mln dlrs", "Thailand sells zinc to Japan") are still a flow, for each
owner, goods and partner listed, dated by the delivery or the one period the clause names; a
quota or target only when its text says whose it is. ``flows`` falls back on these where a
clause has no figure of the flow."""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.model import Fact, Predicate
from kg.nlp.climb import VERB_POS, first_up
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import CONFIDENCE, Flow, flow_noun, flow_words
from kg.nlp.relations.flow_owners import coordinated_owners
from kg.nlp.relations.flow_goods import listed_goods
from kg.nlp.relations.flow_partners import flow_partner, goods_origin, listed_partners
from kg.nlp.relations.flow_periods import forecast_cue, sentence_periods
from kg.nlp.relations.periods import Period, next_year
from kg.nlp.relations.trader_keys import trader_or_nation


def unquantified_facts(ctx: Context, flow: Flow, trader: str, goods: str | None, *, owned: bool = False) -> list[Fact]:
    """ "Lumber imports from Canada fell 300 mln dlrs", "Thailand sells zinc to Japan": goods
    named as traded without a figure of the flow are still a flow (the change is no figure).
    ``owned`` goods the clause names in general words ("exports its products", ``own_goods``)."""
    anchor = flow.anchor
    if anchor.lower_ in flow_words("product_value_heads"):
        return []  # "oil revenue lost": earnings without a figure say no flow
    noun = flow_noun(anchor)
    if flow.planned and not _owned(ctx, noun):
        return []  # "the restoration of coffee export quotas": everyone's quotas, no one's flow
    # only goods the trade word itself names: "oil imports", "exports of CPO", "exporting
    # textiles"; not "a decline in sales of cars" further on
    named = [t for t in ctx.doc[noun.left_edge.i : noun.i]] if anchor.pos_ != "VERB" else []
    # (a passive's subject too: "The barley will be exported to Switzerland")
    named += [t for c in anchor.children if c.dep_ in ("dobj", "nsubjpass") for t in c.subtree]
    named += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    if goods is None or not owned and not any(ctx.key(t, PRODUCTS) == goods for t in named):
        return []
    predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
    period = _delivery_period(ctx, flow) or _clause_period(ctx, flow)
    dated = dict(period=period.text, period_start=period.start, period_end=period.end) if period else {}
    # "exports of crude oil and natural gas rose": without a figure, each listed good is traded;
    # "exports rice to Japan, Iran and Iraq": and goes to each partner listed
    # "would have to import crude", "expects meat exports to rise": a flow to come, as a
    # counted one is; not exports another verb's modal is about ("will hurt tea exports")
    forecast = flow.planned or forecast_cue(ctx, flow) and (anchor.pos_ == "VERB" or noun.dep_ not in ("dobj", "pobj"))
    # "British and Greek imports of wheat": and is each owner's
    facts = []
    items = listed_goods(ctx, flow) or [goods]
    # "bought U.S. corn, wheat and rice", "imports Soviet coal, timber and newsprint": the
    # origin named before goods of a list without figures is theirs and the next ones', up to
    # a good named with an origin of its own ("Chilean rice, U.S. corn and wheat")
    origins, origin = [], None
    for item in items:
        origin = (goods_origin(ctx, flow, item) if not flow.exports and len(items) > 1 else None) or origin
        origins.append(origin)
    for owner in coordinated_owners(ctx, flow, trader) or [trader]:
        for item, origin in zip(items, origins):
            partner = flow_partner(ctx, flow, owner, item) or (origin if origin != owner else None)
            for p in listed_partners(ctx, flow, partner) if partner is not None else [None]:
                facts.append(ctx.fact(owner, predicate, [flow.anchor], rule="flow-goods", confidence=CONFIDENCE - 0.1,
                                      object=item, partner=p, forecast=forecast, **dated))  # fmt: skip
    return facts


def _clause_period(ctx: Context, flow: Flow) -> Period | None:
    """ "imports of French wheat during this period were below year-ago levels": the one
    period the clause of a flow noun names is the time the flow covers; a trade verb's
    ("bought corn at its tender earlier this week") is only when a deal was made."""
    if flow.anchor.pos_ == "VERB":
        return None
    own = [p for s, e, p in sentence_periods(ctx, flow.anchor.sent) if flow.anchor.sent.start <= s and e <= flow.end
           and not _dates_another_verb(ctx.doc[s:e], flow)]
    return own[0] if len(own) == 1 else None


def _dates_another_verb(period, flow: Flow) -> bool:
    """ "That pact, agreed last year, calls on Japan to raise its imports", "the court
    decided earlier this month that ... grain imports": the period of a verb that is not the
    flow noun's own (the first verb above it), outside the noun's phrase, dates that verb's
    act, not the flow."""
    noun = flow_noun(flow.anchor)
    if noun.left_edge.i <= period.start and period.end <= noun.right_edge.i + 1:
        return False  # "imports of French wheat during this period"
    root = period.root
    holder = root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root
    verb = holder.head
    if verb.pos_ not in VERB_POS:
        return False  # hung on a noun or the parse is unsure: no verb of its own
    own = first_up(noun, lambda t: t.pos_ in VERB_POS, limit=6)
    # "sales were expected to be low for the next year": a verb its clause's own verb
    # completes (or the verb it completes) is the same clause
    return own is None or not {t.i for t in _completions(verb)} & {t.i for t in _completions(own)}


def _completions(verb: Token) -> list[Token]:
    """``verb`` and the verbs above it that it completes ("expected" above "to be")."""
    out = [verb]
    while verb.dep_ == "xcomp" and len(out) < 4:
        verb = verb.head
        out.append(verb)
    return out


def _delivery_period(ctx: Context, flow: Flow) -> Period | None:
    """ "NIOC has sold its crude for March shipment to Japanese customers": the delivery
    the clause names dates a flow without a figure; a month without a year is the coming one."""
    doc = ctx.doc
    published = ctx.article.published
    for s, e, period in sentence_periods(ctx, flow.anchor.sent):
        if flow.anchor.i < s and e < flow.end and doc[s - 1].lower_ == "for" \
                and doc[e].lower_ in flow_words("delivery_nouns"):
            if period.end and published and period.end < published[:10] and not re.search(r"\d{4}", period.text):
                period = Period(text=period.text, start=next_year(period.start), end=next_year(period.end),
                                start_char=period.start_char, end_char=period.end_char)
            return period
    return None


def _owned(ctx: Context, noun: Token) -> bool:
    """A quota or target its text says whose it is: "Brazil's coffee export quota", "the
    Indonesian export target", "Malaysia set an export target"."""
    own = [*ctx.doc[noun.left_edge.i : noun.i]]
    if noun.dep_ == "dobj":
        own += [c for c in noun.head.children if c.dep_ == "nsubj"]
    return any(trader_or_nation(ctx, t) for t in own)
