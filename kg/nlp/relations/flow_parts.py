"""The parts of a flow's figure: what opens them and what a part names.

A figure after an opener word is a part of a whole: "exported 120,000 tonnes last month, of
which 40,000 tonnes went to Pakistan and 25,000 tonnes to India"; "imported 6.5 mln tonnes of
wheat, including 3.2 mln from the United States"; "The Soviet total comprises 634,000 tonnes of
wheat and 472,000 tonnes of barley". Two readers take parts, and both take them from here, so
that a part is opened by the same words and names its goods the same way wherever it is read:

- while a flow's figures are read (``flow_figures``), ``part_of`` takes a figure after an
  opener as a part of the clause's first figure, the same flow to (or from) the partner, of
  the goods or for the period it names ("averaged 1.508 mln bpd, of which 658,000 bpd were
  crude oil"; "4.5 mln tonnes in 1986, including 2.1 mln in the first half");
- after the flows are read (``flow_breakdowns``), the parts a total lists after an opener are
  flows of their goods where they add up to a flow stated just before.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import HEDGES, TRADE_PLACES, Figure, flow_words

# the words after which figures are parts of a whole: a share of it ("of which", "including")
# or what it is made of ("comprising", "made up of", "split into")
_OPENERS = tuple(tuple(phrase.split()) for phrase in (
    "of which", "including", "includes", "included", "comprise", "comprises", "comprised", "comprising",
    "consist of", "consists of", "consisted of", "consisting of", "made up of", "split into"))  # fmt: skip
# (the look-ahead of the openers' first letters lets the scan skip every other position at
# once: a third of the cost of the search)
OPENER = re.compile(rf"(?=[{''.join(sorted({words[0][0] for words in _OPENERS}))}])\b(?:"
                    + "|".join(r"\s+".join(map(re.escape, words)) for words in _OPENERS) + r")\b", re.I)
_PARTNER_REACH = 6  # how far after its figure a part names its partner ("went to", "were shipped to")
_GOODS_REACH = 4  # how far after its figure a part names its goods ("bpd were crude oil")


def opens_parts(words: list[str]) -> bool:
    """True where the (lowercase) words before a figure end with an opener."""
    return any(tuple(words[-len(opener):]) == opener for opener in _OPENERS)


def part_of(ctx: Context, out: list[Figure], figure: Figure, end: int, *, exports: bool,
            dated: frozenset[int] | set[int] = frozenset()) -> Figure | None:
    """``figure`` as a part of the first figure of ``out``, with its own partner, goods or
    period ("including 2.1 mln tonnes in the first half"); None where it is no part, or a
    part that names none of them."""
    doc = ctx.doc
    first, last = out[0], out[-1]
    if first.comparison or figure.currency != first.currency or figure.unit not in (None, first.unit):
        return None
    joint = [t for t in doc[last.end : figure.start] if t.lower_ not in HEDGES and t.lower_ not in ("only", "some")]
    words = [t.lower_ for t in joint]
    if not opens_parts(words) and not (last.part and 1 <= len(words) <= 8 and words[-1] in ("and", ",")
                                       and not any(t.like_num for t in joint)):
        return None  # neither an opener nor the next part of a list of them
    if figure.value >= first.value:
        return None  # a part is smaller than the whole
    partner = part_partner(ctx, figure.end, end, exports=exports)
    goods = part_goods(ctx, figure.end, end)
    if partner is None and goods is None and not _dated_after(ctx, figure.end, end, dated):
        return None
    return Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit or first.unit,
                  currency=figure.currency, partner=partner, goods=goods, part=True)


def part_goods(ctx: Context, i: int, end: int) -> str | None:
    """ "658,000 bpd were crude oil", "3.2 mln tonnes of durum", "20,000 tonnes of Malaysian
    palm olein": the goods a part counts, named in the few words from ``i`` (after its figure)
    on, past the country they come from; None where a number, a new part or a place comes first."""
    doc = ctx.doc
    for k in range(i, min(i + _GOODS_REACH, end)):
        t = doc[k]
        if found := ctx.key(t, PRODUCTS):
            return found
        if t.like_num or t.lower_ in (",", ";", "and") or (ctx.key(t, TRADE_PLACES) and not _origin(ctx, t)):
            return None
    return None


def _origin(ctx: Context, token: Token) -> bool:
    """ "Malaysian", "European": a word for where goods come from, before their name."""
    return token.ent_type_ == "NORP" or ctx.country_of_demonym(token) is not None


def part_partner(ctx: Context, i: int, end: int, *, exports: bool) -> str | None:
    """ "40,000 tonnes went to Pakistan", "25,000 tonnes to India", "3.2 mln came from the
    United States": the partner a part names after its figure, before the next one.

    Not ``flow_partners.partner_after``, which reads the partner of a figure in a list
    (", 24,391 from Australia"): there the preposition follows the figure straight away,
    while a part may name its partner a few words on, past a verb ("went to")."""
    doc = ctx.doc
    preps = flow_words("partner_export") if exports else flow_words("partner_import")
    for k in range(i, min(i + _PARTNER_REACH, end)):
        t = doc[k]
        if t.like_num or t.lower_ in (",", ";", "and"):
            return None
        if t.lower_ in preps:
            for j in range(k + 1, min(k + 4, end)):
                if found := ctx.key(doc[j], TRADE_PLACES):
                    return found
            return None
    return None


def _dated_after(ctx: Context, i: int, end: int, dated: frozenset[int] | set[int]) -> bool:
    """ "2.1 mln tonnes in the first half": a period of its own right after the part."""
    doc = ctx.doc
    k = i
    while k < min(i + 3, end) and doc[k].lower_ in ("in", "during", "for", "the"):
        k += 1
    return k > i and k < end and k in dated


__all__ = ["OPENER", "opens_parts", "part_goods", "part_of", "part_partner"]
