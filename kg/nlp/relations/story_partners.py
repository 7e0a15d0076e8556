"""A flow's partner stated elsewhere in the story.

Newswire names the other side of a trade once and then goes on with figures that leave it
out: "China has added 90,000 tonnes of U.S. wheat to its purchases ... China has outstanding
wheat commitments of 30,000 tonnes"; "Japanese crushers have bought 214,000 tonnes of
Brazilian soybeans ... The Japanese purchases comprise 30,000 tonnes for May"; or it closes
with a statement for the whole story: "All the imports come from the U.S.".

Two story-level rules give such a figure the partner, after the sentence rules ran:

- a flow that points back ("the purchases", "the imports", "these sales", "outstanding
  commitments", "... tonnes more") takes the one partner the earlier mentions of the same
  goods named, for the same trader and direction or the mirrored one (the exporter the
  importer bought from). Two different partners before it, a total ("total imports") or a
  yearly figure after a single purchase's (another scale of period) leave it alone.
- a statement of origin for the story ("all the imports come from X", "its imports come
  entirely from X") gives X to that importer's imports that name no partner. "Most of the
  imports come from X" gives none: the total's other suppliers go unnamed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date


from kg.model import Fact, Predicate
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import TRADE_PLACES

IMPORTS = frozenset({Predicate.IMPORTS, Predicate.IMPORT_VALUE})
EXPORTS = frozenset({Predicate.EXPORTS, Predicate.EXPORT_VALUE})

# "the purchases", "The Japanese purchases", "these sales", "outstanding wheat commitments":
# a flow noun a determiner or "outstanding" ties to a deal the story already told
_POINTER = re.compile(
    r"\b(?:the|these|those|this|such|its|their|outstanding)\s+(?:[\w.'-]+\s+){0,2}?"
    r"(?:purchases?|imports|sales|shipments?|cargoes|commitments|deliveries)\b", re.I)
_MORE = re.compile(r"\b(?:tonnes|bushels|bales|bags|barrels|cargoes)\s+more\b", re.I)  # "... 190,000 tonnes more"
_TOTAL = re.compile(r"\b(?:total|totals|totalled|totaled|overall|all)\b", re.I)
# "All the imports come from the U.S.", "its imports come entirely from Malaysia"
_ORIGIN = re.compile(
    r"\b(?P<all>all|almost all|nearly all|virtually all|most|the bulk)?\b(?:\s+of)?(?:\s+(?:the|its|their))?\s*"
    r"(?:[\w.-]+\s+)?imports\s+(?:\w+\s+)?(?:come|came|comes|originate|originated|are|were)\s+"
    r"(?P<adv>mostly|mainly|largely|entirely|exclusively|all|chiefly|principally)?\s*from\b", re.I)
_YEARLY_DAYS = 300


@dataclass(frozen=True)
class _Named:
    """A partner the story named for some goods: where, for whom and which way."""

    at: int  # token index
    goods: str | None
    partner: str
    trader: str | None  # None: goods named after their origin, whoever bought them ("U.S. wheat")
    exports: bool
    yearly: bool | None  # the scale of the named flow's period, None where it has no figure


def with_story_partners(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """``facts`` with the partners the story states elsewhere filled in (see the module doc)."""
    if not any(f.predicate in IMPORTS | EXPORTS and f.partner is None for f in facts):
        return facts
    named = _named_partners(ctx, facts)
    origin = _story_origin(ctx, facts)
    out = []
    for fact in facts:
        if fact.predicate in IMPORTS | EXPORTS and fact.partner is None and (fact.quantity or fact.amount) is not None:
            partner = _pointed_partner(ctx, fact, named) or (origin if fact.predicate in IMPORTS else None)
            if partner is not None and partner != fact.subject:
                fact = replace(fact, partner=partner, confidence=min(fact.confidence, 0.8))
        out.append(fact)
    return out


def _yearly(fact: Fact) -> bool | None:
    if not (fact.period_start and fact.period_end):
        return None
    try:
        days = (date.fromisoformat(fact.period_end[:10]) - date.fromisoformat(fact.period_start[:10])).days
    except ValueError:
        return None
    return days >= _YEARLY_DAYS


def _named_partners(ctx: Context, facts: list[Fact]) -> list[_Named]:
    """Every partner the story names: of the flows read, and of goods named after their
    origin ("90,000 tonnes of U.S. wheat", "Brazilian soybeans")."""
    named = []
    scale: dict[int, bool] = {}  # a sentence's figures' scale of period: a yearly figure's or not
    for f in facts:
        if f.predicate in IMPORTS | EXPORTS and (t := ctx.fact_token(f)) is not None:
            if (yearly := _yearly(f)) is not None:
                scale.setdefault(t.sent.start, yearly)
            if f.partner is not None:
                named.append(_Named(t.i, f.object, f.partner, f.subject, f.predicate in EXPORTS, yearly))
    for goods, mention in ctx.entity_mentions(PRODUCTS):
        sent = mention.sent
        for t in ctx.doc[max(sent.start, mention.start - 2) : mention.start]:
            if (country := ctx.country_of_demonym(t)) is not None:
                named.append(_Named(mention.start, goods, country, None, False, scale.get(sent.start)))
                break
    return named


def _pointed_partner(ctx: Context, fact: Fact, named: list[_Named]) -> str | None:
    token = ctx.fact_token(fact)
    if token is None:
        return None
    sent = token.sent
    text = sent.text
    pointer = _POINTER.search(text)
    more = _MORE.search(text)
    if pointer is None and more is None:
        return None
    if _TOTAL.search(text) and more is None:
        return None  # "total imports", "a total of": a sum, not the deal told before
    more_at = next((t.i for t in sent if more is not None and t.idx >= sent[0].idx + more.start()), sent.end)
    exports = fact.predicate in EXPORTS
    yearly = _yearly(fact)
    partners = set()
    for n in named:
        # named before: in an earlier sentence, or before "... tonnes more" in its own
        if n.at >= sent.start and (more is None or n.at >= more_at):
            continue
        if n.goods is None or n.goods != fact.object:
            continue
        if n.trader is None:
            if exports or n.partner == fact.subject:
                continue  # goods named for their origin are someone's imports
            partner = n.partner
        elif n.trader == fact.subject and n.exports == exports:
            partner = n.partner
        elif n.partner == fact.subject and n.exports != exports:
            partner = n.trader  # the mirrored flow: the exporter the importer bought from
        else:
            continue
        if yearly and n.yearly is False:
            continue  # a year's statistic is not the single purchase told before
        partners.add(partner)
    return partners.pop() if len(partners) == 1 else None


def _origin_statements(ctx: Context) -> list[str]:
    """The origins the story states for all of its imports."""
    found = []
    for sent in ctx.doc.sents:
        if (m := _ORIGIN.search(sent.text)) is None:
            continue
        whole = (m.group("all") or "").lower() not in ("", "most", "the bulk") or \
            (m.group("adv") or "").lower() in ("entirely", "exclusively", "all")
        if not whole:
            continue  # "imports came from X" of one shipment; "most of the imports come from X"
            # leaves the total's other suppliers unnamed: it is the partner of no figure
        start = sent[0].idx + m.end()
        after = [t for t in sent if t.idx >= start][:3]
        partner = next((k for t in after if (k := ctx.key(t, TRADE_PLACES))), None)
        if partner is not None:
            found.append(partner)
    return found


def _story_origin(ctx: Context, facts: list[Fact]) -> str | None:
    """The one origin the story states for the imports of its one importer."""
    origins = set(_origin_statements(ctx))
    if len(origins) != 1:
        return None  # none, or two origins stated: whose figure is whose is not said
    if len({f.subject for f in facts if f.predicate in IMPORTS}) != 1:
        return None  # "the imports" of which importer
    return origins.pop()
