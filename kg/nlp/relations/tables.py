"""Tables set in columns (``kg.nlp.tables``): kept out of the sentence rules, and their rows
read as trade facts where the lead or the table's own title make the meaning certain.

Two kinds are read. A breakdown by partner ("cumulative imports from individual countries
were as follows, in short tons --" over rows " COLOMBIA    103") gives one fact per row
naming a partner entity, in the single figure column (or the one its title names as exports
or imports, or the first where the lead says comparisons follow), or in every column where
each column's title is a period ("1986   1985"); under section titles ("Refrigerated beef:")
a row's goods are its section's, and none where the title is no product. A balance table titled
with its trader, goods and unit ("Argentine corn (mln tonnes)") over crop-year columns gives
one fact per column of its row labelled "Exports" or "Imports". A table whose rows are goods
under a lead that names only exports or only imports is read by ``table_goods``. Anything
else is left alone.
"""

from __future__ import annotations

import re

from kg.model import EntityType, Fact, Predicate
from kg.nlp.doc_index import text_of
from kg.nlp.goods_tables import lead_start
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.leads import Lead, data, read_lead, unit_of
from kg.nlp.relations.periods import Period
from kg.nlp.relations.table_cells import cell_figure, column_period, flow_column, row_fact
from kg.nlp.relations.table_goods import goods_rows
from kg.nlp.tables import Block, Row, in_blocks, table_blocks

_PARTNERS = frozenset({EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANIZATION})
_LEAD_CHARS = 400


def blocks(ctx: Context) -> list[Block]:
    """The tables of the Doc's text, found once per Doc."""
    found = getattr(ctx, "_tables", None)
    if found is None:
        found = table_blocks(text_of(ctx.doc))
        ctx._tables = found  # type: ignore[attr-defined]
    return found


def outside(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The facts whose evidence reaches into no table: a sentence rule reads a table's run
    of names and numbers as a sentence, and what it finds there is no statement."""
    found = blocks(ctx)
    if not found:
        return facts
    kept = [f for f in facts if not in_blocks(found, f.start - ctx.offset, f.end - ctx.offset)]
    only_in_tables = _named_only_in(ctx, found)
    # a lead's flow with a trader the text names only as a table's row ("ARGENTINA   nil")
    # is a row read as the lead's subject: the lead names its own trader, or the story does
    return [f for f in kept if not (f.predicate in _TRADE and f.subject in only_in_tables)]


_TRADE = frozenset({Predicate.EXPORTS, Predicate.IMPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORT_VALUE})


def _named_only_in(ctx: Context, found: list[Block]) -> set[str]:
    """The entities every mention of which stands inside a table."""
    inside: set[str] = set()
    outside_: set[str] = set()
    for key, mention in ctx.entity_mentions(frozenset(EntityType)):
        (inside if in_blocks(found, mention.start_char, mention.end_char) else outside_).add(key)
    return inside - outside_


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    out: list[Fact] = []
    text = text_of(ctx.doc)
    previous: tuple[Block, int] | None = None
    for block in blocks(ctx):
        start = _lead_start(text, block.start)
        if previous is not None and _continues(text, *previous, block):
            start = previous[1]  # the lead of the table this one goes on
        previous = (block, start)
        found = _balance_rows(ctx, block, start, facts)
        lead = read_lead(ctx, start, block.start, facts)
        if lead is None and (opening := lead_start(text, block.start)) < start:
            # the whole paragraph above: a reflowed lead names its trader in its first line
            lead = read_lead(ctx, opening, block.start, facts)
            start = opening if lead is not None else start
        if lead is not None:
            found.extend(_partner_rows(ctx, block, lead, start))
        if not found:  # rows of goods, under a lead that says whose flow they are
            found = goods_rows(ctx, block, start, facts)
        out.extend(found)
    return out


def _continues(text: str, before: Block, start: int, block: Block) -> bool:
    """The block goes on the table right above it under its column titles set again (a
    long wire table repeats them every few rows): nothing but those titles between them."""
    between = [line.strip() for line in text[before.end : block.start].split("\n") if line.strip()]
    if not before.header or not block.header or any(len(line) > 40 or line.endswith(".") for line in between):
        return False  # prose between: a table of its own
    def titles(b: Block) -> list[str]:
        return [c.text.lower() for c in b.header[-1]]
    return titles(before) == titles(block)


def _lead_start(text: str, at: int) -> int:
    """The lead of a table: its paragraph (or title lines) right above it."""
    floor = max(0, at - _LEAD_CHARS)
    end = at
    while end > floor and text[end - 1].isspace():
        end -= 1
    start = end
    while start > floor:
        opening = text.rfind("\n", floor, start)
        line = text[opening + 1 : start] if opening >= 0 else text[floor:start]
        start = opening + 1 if opening >= 0 else floor
        if not line.strip() or line[:1].isspace() or len(line.strip()) > 60 or opening < 0:
            break  # an indented line opens its paragraph; a long one is a whole reflowed one
        start -= 1
    return max(floor, start)


def _partner_rows(ctx: Context, block: Block, lead: Lead, start: int) -> list[Fact]:
    """One fact per row naming a partner: in the one column the lead makes certain, or in
    every column where each column's title is a period ("1986   1985")."""
    periods = [column_period(c.text, ctx.article.published) for c in block.columns()]
    if periods and all(periods):
        columns = list(enumerate(periods))
    elif (column := flow_column(block, lead)) is not None:
        columns = [(column, lead.period)]
    else:
        return []
    if lead.unit is None:
        return []
    header = ctx.doc.char_span(start, block.end, alignment_mode="expand")
    predicate = Predicate.EXPORTS if lead.exports else Predicate.IMPORTS
    out = []
    for row in block.rows:
        goods = _section_goods(ctx, block, row) if block.sections else lead.goods
        if goods is None or row.label.lower().strip(" .:-") in data()["skip_labels"]:
            continue
        label = ctx.doc.char_span(row.label_start, row.label_end, alignment_mode="expand")
        keys = {k for t in label or () if (k := ctx.key(t, _PARTNERS))}
        if len(keys) != 1 or (partner := keys.pop()) == lead.trader:
            continue
        if len(columns) > 1 and len(row.figures) != len(columns):
            continue  # a short row under columns of periods: which period a figure is of is not certain
        for column, period in columns:
            value = cell_figure(row.figures[column], lead.scale) if column < len(row.figures) else None
            if value is not None:
                out.append(row_fact(ctx, lead.trader, predicate, row, header, goods=goods, value=value,
                                    unit=lead.unit, period=period, partner=partner,
                                    forecast=period is not None and _not_over(period, ctx.article.published)))  # fmt: skip
    return out


def _section_goods(ctx: Context, block: Block, row: Row) -> str | None:
    """The goods of the section the row stands under: a product whose mention is the whole
    section title ("Refrigerated beef:"); None under a title that is no product."""
    title = block.section_of(row)
    if title is None:
        return None
    return next((k for k, m in ctx.entity_mentions(PRODUCTS)
                 if (m.start_char, m.end_char) == (title.start, title.end)), None)  # fmt: skip


def _balance_rows(ctx: Context, block: Block, start: int, facts: list[Fact]) -> list[Fact]:
    """ "Exports   6.60   7.20" under crop-year columns, in a table whose lead or header
    names one country, one product and the unit."""
    rows = [(r, r.label.lower().strip(" .:-")) for r in block.rows]
    flows = [(r, label in data()["export_rows"]) for r, label in rows
             if label in data()["export_rows"] or label in data()["import_rows"]]  # fmt: skip
    if not flows:
        return []
    periods = [column_period(c.text, ctx.article.published) for c in block.columns()]
    if not periods or any(p is None for p in periods):
        return []
    title = text_of(ctx.doc)[start : block.rows[0].start]
    lead = read_lead(ctx, start, block.rows[0].start, facts, exports=True)
    unit, scale = unit_of(title)
    if lead is None or lead.goods is None or unit is None or not _named_in(ctx, lead.trader, start, block.start):
        return []
    header = ctx.doc.char_span(start, block.end, alignment_mode="expand")
    out = []
    for row, exports in flows:
        predicate = Predicate.EXPORTS if exports else Predicate.IMPORTS
        for cell, period in zip(row.figures, periods):
            value = cell_figure(cell, scale)
            if value is not None:
                out.append(row_fact(ctx, lead.trader, predicate, row, header, goods=lead.goods, value=value,
                                    unit=unit, period=period, partner=None,
                                    forecast=_not_over(period, ctx.article.published)))  # fmt: skip
    return out


def _named_in(ctx: Context, key: str, start: int, end: int) -> bool:
    """The table's own lead names its trader: a balance table is read on its title alone."""
    for k, mention in ctx.entity_mentions(frozenset({ctx.type(key)})):
        if k == key and start <= mention.start_char and mention.end_char <= end:
            return True
    return any(t.pos_ in ("ADJ", "PROPN") and ctx.country_of_demonym(t) == key
               for t in ctx.doc.char_span(start, end, alignment_mode="expand") or ())  # fmt: skip


def _not_over(period: Period, published: str | None) -> bool:
    """An estimate for a season not over when the story was written (USDA's current year)."""
    if not published:
        return False
    years = re.findall(r"((?:19|20)\d\d)(?:\s?/\s?(\d\d))?", period.text)
    if not years:
        return bool(period.end and period.end >= published[:10])
    first, second = years[-1]
    end = int(first[:2] + second) if second else int(first)
    return end >= int(published[:4])


__all__ = ["blocks", "extract", "outside"]
