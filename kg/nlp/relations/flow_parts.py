"""The parts of a flow's figure: "exported 120,000 tonnes last month, of which 40,000 tonnes
went to Pakistan and 25,000 tonnes to India"; "imported 6.5 mln tonnes of wheat, including
3.2 mln from the United States"; "averaged 1.508 mln bpd, of which 658,000 bpd were crude
oil and 850,000 bpd refined products"; "4.5 mln tonnes in 1986, including 2.1 mln in the
first half". Each part is the same flow, to (or from) the partner, of the goods or for the
period it names, else the whole's; a part that names none of them says nothing new."""

from __future__ import annotations

from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import HEDGES, TRADE_PLACES, Figure, flow_words

_OPENERS = ("including", "includes", "included", "comprising")
_REACH = 6  # how far after its figure a part names its partner or goods ("went to", "were shipped to")


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
    opened = words[-2:] == ["of", "which"] or bool(words) and words[-1] in _OPENERS
    if not opened and not (last.part and 1 <= len(words) <= 8 and words[-1] in ("and", ",")
                           and not any(t.like_num for t in joint)):
        return None  # neither "of which" nor the next part of a list of them
    if figure.value >= first.value:
        return None  # a part is smaller than the whole
    partner = _partner_after(ctx, figure.end, end, exports=exports)
    goods = _goods_after(ctx, figure.end, end)
    if partner is None and goods is None and not _dated_after(ctx, figure.end, end, dated):
        return None
    return Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit or first.unit,
                  currency=figure.currency, partner=partner, goods=goods, part=True)


def _partner_after(ctx: Context, i: int, end: int, *, exports: bool) -> str | None:
    """ "40,000 tonnes went to Pakistan", "25,000 tonnes to India", "3.2 mln came from the
    United States": the partner a part names after its figure, before the next one."""
    doc = ctx.doc
    preps = flow_words("partner_export") if exports else flow_words("partner_import")
    for k in range(i, min(i + _REACH, end)):
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


def _goods_after(ctx: Context, i: int, end: int) -> str | None:
    """ "658,000 bpd were crude oil", "3.2 mln tonnes of durum": the goods a part counts."""
    doc = ctx.doc
    for k in range(i, min(i + 4, end)):
        t = doc[k]
        if found := ctx.key(t, PRODUCTS):
            return found
        if t.like_num or t.lower_ in (",", ";", "and") or ctx.key(t, TRADE_PLACES):
            return None
    return None


__all__ = ["part_of"]
