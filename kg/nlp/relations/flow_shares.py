"""The shares of a flow just stated, by partner, in a sentence with no trade word of its own.

Commodity reports give a flow and then who took it: "Peru exported 40,000 tonnes of zinc in
April. Spain was the largest recipient with 12,000 tonnes, followed by Italy with 9,000 and
Greece 5,000 tonnes." Each share is the same trader's flow of the same goods in the same
period, with the place as partner. The sentence must say how the places took part: a
recipient word for an export ("recipient", "buyer", "taking", "credited with"), a supplier
word for an import ("supplier", "source", "supplying"); a place then owns the figure right
after it, with only the words of such a role between ("was the largest EC recipient with").
A share may name its own goods right after its figure ("Egypt took 90,000 tonnes barley,
Libya 40,000 wheat"): those, not the flow's, are what it counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.nlp.climb import climb
from kg.nlp.goods_market_words import market_word
from kg.nlp.relations.base import COUNTRY, PRODUCTS, Context
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.flow_figure_units import is_number, unit_at
from kg.nlp.relations.quantities import parse_quantity
from kg.nlp.relations.world_regions import world_region

_GAP = 8  # how many role words may stand between a place and its figure


@dataclass(frozen=True)
class Share:
    """One partner's figure: the place's entity key, its quantity and unit, and its tokens."""

    partner: str
    value: object  # Decimal, as parse_quantity gives it
    unit: str
    start: int
    end: int
    compared: bool = False  # "Italy with two mln tonnes versus 1.9 mln": the figure compared with


def ranked_taker(anchor: Token) -> bool:
    """ "The Soviet Union was the largest single importer with 133,265 tonnes": a buyer noun
    ranking the place it is said of among the takers of a flow stated before, not a flow of
    its own (the sentence shares that flow out)."""
    return anchor.lower_ in flow_words("buyer_nouns") and anchor.dep_ == "attr" \
        and anchor.head.lemma_.lower() == "be" \
        and any(c.dep_ == "amod" and c.lower_ in flow_words("rank_words") for c in anchor.children) \
        and any(t.like_num and is_number(t) for t in anchor.doc[anchor.i : anchor.sent.end])  # "with 133,265 tonnes"


def partner_shares(ctx: Context, sent: Span, *, exports: bool, flow_unit: str | None = None) -> list[Share]:
    """The (partner, figure) pairs of a sentence that shares out a flow just stated; ``flow_unit``
    is that flow's, which a list that states none ("Netherlands 900,000 (600,000), Belgium
    800,000") counts in."""
    doc = ctx.doc
    roles = flow_words("recipient_words" if exports else "supplier_words")
    misspelt = {t.lower_ for t in sent if t.lower_ not in roles and _misspelt(t.lower_, roles)}
    if not any(t.lower_ in roles for t in sent) and not misspelt:
        return []
    roles |= misspelt
    found: list[tuple[str, int, int, str | None, object]] = []  # partner, start, end, unit, value
    i = sent.start
    while i < sent.end:
        key = ctx.key(doc[i], COUNTRY) or (world_region(ctx, doc[i]) if found else None)
        if key is None:
            i += 1
            continue
        mention = ctx.mention(doc[i])
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
        if (against := _compared_after(doc, end, sent.end)) is not None:
            found.append((key, *against, True))  # type: ignore[arg-type]
            i = against[1]
    if not any(f[3] for f in found):
        if flow_unit is None or not all(_bare(doc, f[2], sent.end) for f in found):
            return []  # no figure of the sentence says what it counts
        found = [(f[0], f[1], f[2], flow_unit, *f[4:]) for f in found]
    out = []
    for n, (key, start, end, unit, value, *compared) in enumerate(found):
        # "with 55,200 and France 52,000 tonnes": a figure without its unit takes the next one's
        unit = unit or next((f[3] for f in found[n + 1 :] if f[3]), None) or next(f[3] for f in found if f[3])
        out.append(Share(partner=key, value=value, unit=unit, start=start, end=end, compared=bool(compared)))
    return out


def share_goods(ctx: Context, share: Share) -> tuple[str | None, ...]:
    """The goods a share names right after its figure and unit ("90,944 tonnes barley",
    "87,259 wheat", "263,051 tonnes of wheat and barley"): one entry per noun, None for a
    noun no product of the text goes by; empty when the share names none."""
    doc = ctx.doc
    stop = doc[share.start].sent.end
    counted = share.end < stop and doc[share.end].lower_ == "of"
    i = first = share.end + 1 if counted else share.end
    while i < stop and ctx.key(doc[i], PRODUCTS) is None and (
            doc[i].pos_ in ("ADJ", "DET") and not doc[i].like_num or ctx.country_of_demonym(doc[i])
            or market_word(doc[i])):
        i += 1  # "of Argentine wheat", "soft wheat": the goods, not their origin or kind
    if not counted and (i >= stop or ctx.key(doc[i], PRODUCTS) is None):
        i = first  # "12,000 tonnes last month": no goods after all
    found: list[str | None] = []
    while i < stop:
        token = doc[i]
        if token.lower_ in ("and", "or") and found:
            i += 1
            continue
        key = ctx.key(token, PRODUCTS) or (ctx.key_by_name(token.text, PRODUCTS) if token.pos_ == "NOUN" else None)
        if key is None and (token.pos_ != "NOUN" or not token.is_lower or ctx.key(token, COUNTRY) is not None):
            break  # ", Spain 25,124", "last month", "and the U.K. 8,797": the share's goods end
        if key is None or key not in found:
            found.append(key)
        i = ctx.mention(token).end if key is not None else i + 1
    return tuple(found)


def _bare(doc, end: int, stop: int) -> bool:
    """Nothing after a figure says what it counts ("900,000 (600,000),"): no money, no share."""
    return end >= stop or doc[end].text in (",", "(", ".", ";") or doc[end].lower_ == "and"


def _compared_after(doc, i: int, end: int) -> tuple[int, int, str | None, object] | None:
    """The figure a share is compared with, written right after it ("with two mln tonnes
    versus 1.9 mln"): (start, end, unit, value), or None."""
    if i >= end or doc[i].lower_ not in flow_words("share_comparisons"):
        return None
    j = i + 1
    if j >= end or not (doc[j].like_num and is_number(doc[j])):
        return None
    k = j + 1
    while k < end and doc[k].lower_ in lexicon("numbers")["scales"]:
        k += 1
    q = parse_quantity(doc[j:k].text)
    if q is None:
        return None
    unit, stop = unit_at(doc, k, end)
    return j, stop, unit, q.value


def _misspelt(word: str, roles: frozenset[str]) -> bool:
    """ "desinations": a long role word with one letter dropped, as wire copy misspells it."""
    return len(word) >= 7 and any(len(r) == len(word) + 1 and any(r[:k] + r[k + 1 :] == word for k in range(len(r)))
                                  for r in roles)  # fmt: skip


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
        # "Main destinations were Netherlands 900,000, Belgium 800,000": the list the role opens
        opens = mention.start > sent.start and doc[mention.start - 1].lower_ in ("were", "are", ":") \
            and any(t.lower_ in roles for t in doc[sent.start : mention.start - 1])
        return j if listed or opens else None
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
    # Up through list links only: the climb reaches the side, or stops inside a member.
    return climb(token, lambda t: t.i != side.i and _list_link(t)).i == side.i


def _list_link(token: Token) -> bool:
    """A link that keeps a word in a list: a further member ("and Greece"), an apposition,
    or part of a name ("Soviet" in "Soviet Union")."""
    return token.dep_ in ("conj", "appos") or (token.dep_ == "compound" and bool(token.head.ent_type_))


__all__ = ["Share", "named_buyers", "partner_shares", "share_goods"]
