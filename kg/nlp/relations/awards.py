"""Sales of award lists: each row of a tender's award list ("- Acme Grain sold 10,000 tonnes
of wheat for May 5/30 shipment at 117 dlrs") is an export of its seller, a trade house, to
the buyer the story names as buying just before the list ("Jamaica bought U.S. corn and
wheat at its tender"), in the goods of that purchase the row names, with the row's shipment
window as period. A sale already made for later shipment is no forecast."""

from __future__ import annotations

import re

from kg.model import EntityType, Fact, Predicate
from kg.nlp.award_rows import AwardRow, award_rows
from kg.nlp.relations.base import ORGS, PRODUCTS, Context
from kg.nlp.relations.periods import Period, find_periods, next_year
from kg.nlp.relations.quantities import parse_quantity

CONFIDENCE = 0.75
_BUYERS = frozenset({EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANIZATION, EntityType.AGENCY})


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """One export fact per row of every award list whose seller and goods are known."""
    rows = award_rows(ctx.doc)
    out: list[Fact] = []
    goods: str | None = None
    for row in rows:
        seller = next((k for t in row.seller if (k := ctx.key(t, ORGS))), None)
        quantity = parse_quantity(row.figure.text)
        goods = _goods(ctx, row, rows[0]) or goods  # "5,300 tonnes same corn": the row before's goods
        if seller is None or quantity is None or goods is None:
            continue
        period = _window(ctx, row)
        out.append(ctx.fact(seller, Predicate.EXPORTS, [row.seller, row.unit], rule="award-row",
                            confidence=CONFIDENCE, object=goods, sentence=row.row,
                            quantity=quantity.value, unit=row.unit.lower_, partner=_buyer(ctx, row, facts),
                            period=period.text if period else None,
                            period_start=period.start if period else None,
                            period_end=period.end if period else None, forecast=False))  # fmt: skip
    return out


def _goods(ctx: Context, row: AwardRow, first: AwardRow) -> str | None:
    """The goods of the purchase the list details that the row names by word ("number two SRW
    wheat" is wheat, where "corn, wheat and rice" were bought), else the goods a mention in
    the row names."""
    words = set(re.findall(r"[a-z]+", row.row.text.lower()))
    bought = {}
    for key, mention in ctx.entity_mentions(PRODUCTS):
        if mention.start >= first.row.start:
            break
        bought.setdefault(key, mention.text.lower())
    named = [k for k, name in bought.items() if set(name.split()) <= words]
    if len(named) == 1:
        return named[0]
    return next((k for t in row.row[row.unit.i - row.row.start + 1 :] if (k := ctx.key(t, PRODUCTS))), None)


def _buyer(ctx: Context, row: AwardRow, facts: list[Fact]) -> str | None:
    """Who buys: the country or body the row sells to ("to Egypt"), else the importer of the
    last purchase the story stated before the list."""
    for t in row.row:
        if t.lower_ == "to" and t.i + 1 < row.row.end and (k := ctx.key(t.nbor(1), _BUYERS)):
            return k
    start = row.row.start_char + ctx.offset
    bought = [f for f in facts if f.predicate is Predicate.IMPORTS and f.end <= start]
    return bought[-1].subject if bought else None


def _window(ctx: Context, row: AwardRow) -> Period | None:
    """The shipment window the row names after its figure; a window is ahead of the sale, so
    one the calendar would put before the story falls in the next year."""
    after = ctx.doc[row.unit.i + 1 : row.row.end]
    found = find_periods(after.text, ctx.article.published)
    if not found:
        return None
    period = found[0]
    published = ctx.article.published
    if published and period.end and period.end < published[:10]:
        return Period(text=period.text, start=next_year(period.start), end=next_year(period.end),
                      start_char=period.start_char, end_char=period.end_char, shift=period.shift)
    return period
