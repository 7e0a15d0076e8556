"""The shares of a flow just stated, by partner, in a sentence with no trade word of its own.

Commodity reports give a flow and then who took it: "Peru exported 40,000 tonnes of zinc in
April. Spain was the largest recipient with 12,000 tonnes, followed by Italy with 9,000 and
Greece 5,000 tonnes." Each share is the same trader's flow of the same goods in the same
period, with the place as partner. The sentence must say how the places took part: a
recipient word for an export ("recipient", "buyer", "taking", "credited with"), a supplier
word for an import ("supplier", "source", "supplying"); a place then owns the figure right
after it, with only the words of such a role between ("was the largest EC recipient with").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.nlp.relations.base import COUNTRY, Context
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.flow_figures import is_number, unit_at
from kg.nlp.relations.quantities import parse_quantity

_GAP = 8  # how many role words may stand between a place and its figure


@dataclass(frozen=True)
class Share:
    """One partner's figure: the place's entity key, its quantity and unit, and its tokens."""

    partner: str
    value: object  # Decimal, as parse_quantity gives it
    unit: str
    start: int
    end: int


def partner_shares(ctx: Context, sent: Span, *, exports: bool) -> list[Share]:
    """The (partner, figure) pairs of a sentence that shares out a flow just stated."""
    doc = ctx.doc
    roles = flow_words("recipient_words" if exports else "supplier_words")
    if not any(t.lower_ in roles for t in sent):
        return []
    found: list[tuple[str, int, int, str | None, object]] = []  # partner, start, end, unit, value
    i = sent.start
    while i < sent.end:
        if ctx.key(doc[i], COUNTRY) is None:
            i += 1
            continue
        key, mention = ctx.key(doc[i], COUNTRY), ctx.mention(doc[i])
        i = mention.end
        j = _figure_after(ctx, mention, sent, roles, listed=bool(found))
        if j is None:
            continue
        k = j + 1
        while k < sent.end and doc[k].lower_ in lexicon("numbers")["scales"]:
            k += 1
        q = parse_quantity(doc[j:k].text)
        unit, end = unit_at(doc, k, sent.end)
        if q is None or end < sent.end and doc[end].lower_ in flow_words("share_words"):
            continue  # "Spain with 30 pct": a share, not a figure
        found.append((key, j, end, unit, q.value))
        i = end
    if not any(unit for *_, unit, _ in found):
        return []  # no figure of the sentence says what it counts
    out = []
    for n, (key, start, end, unit, value) in enumerate(found):
        # "with 55,200 and France 52,000 tonnes": a figure without its unit takes the next one's
        unit = unit or next((u for *_, u, _ in found[n + 1 :] if u), None) or next(u for *_, u, _ in found if u)
        out.append(Share(partner=key, value=value, unit=unit, start=start, end=end))
    return out


def _figure_after(ctx: Context, mention: Span, sent: Span, roles: frozenset[str], *, listed: bool) -> int | None:
    """Where the figure a place owns begins: right after it inside a list already begun
    ("and France 52,000"), or after words that give its role ("was the largest EC recipient
    with", ", taking"); None when another verb, place or figure comes first."""
    doc = ctx.doc
    j = mention.end
    while j < sent.end and j - mention.end <= _GAP and not (doc[j].like_num and is_number(doc[j])):
        t = doc[j]
        if ctx.key(t, COUNTRY) is not None or t.text in (".", ";", ":", "(") \
                or t.pos_ == "VERB" and t.lower_ not in roles | flow_words("share_links"):
            return None
        j += 1
    if j >= sent.end or not (doc[j].like_num and is_number(doc[j])):
        return None
    between = doc[mention.end : j]
    if not len(between):
        return j if listed else None
    return j if any(t.lower_ in roles or t.lower_ in ("with", "at") for t in between) else None


def named_buyers(ctx: Context, sent: Span) -> list[tuple[str, Token]]:
    """The places a sentence without figures names as the buyers of the flow just stated:
    "The main buyers were Spain, Italy and Greece", "Spain and Italy took more Chilean
    copper": the places on either side of a recipient word that heads the sentence."""
    doc = ctx.doc
    if any(t.like_num and is_number(t) for t in sent):
        return []
    roles = flow_words("recipient_words")
    root = sent.root
    heads = [root] + [c for c in root.children if c.dep_ in ("nsubj", "attr")]
    if not any(t.lower_ in roles for t in heads):
        return []
    sides = [c for c in root.children if c.dep_ in ("nsubj", "attr")]
    out: list[tuple[str, Token]] = []
    for side in sides:
        for t in side.subtree:
            key = ctx.key(t, COUNTRY)
            if key is not None and _listed_in(t, side) and key not in (k for k, _ in out):
                out.append((key, t))
    return out


def _listed_in(token: Token, side: Token) -> bool:
    """The token is the side itself or one of its list ("Spain, Italy and Greece"), not a
    word inside it ("the buyers in Spain", "Chilean copper")."""
    while token.i != side.i:
        if token.dep_ not in ("conj", "appos") and not (token.dep_ == "compound" and token.head.ent_type_):
            return False
        token = token.head
    return True


__all__ = ["Share", "named_buyers", "partner_shares"]
