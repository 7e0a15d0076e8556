"""Tables whose rows are goods ("Bread wheat   235,800   205,700"), read as one trader's
flow of each where the lead makes every part of the meaning certain.

"The Argentine Grain Board issued the following figures covering shipments of major export
grains in the week to April 1, in tonnes, with comparisons for the previous week ..." over
rows of grains says the trader (the one country the lead names, or the story's last flow),
the direction (only export words, or only import words), the unit, and which column is the
reported figure (the only one, the one titled "Exports", or the first where the lead says
comparisons follow and the columns have no titles; every column where each title is a
period). A lead that also counts stocks, output or prices, or a row that names no product
(a partner, a port, a grade): nothing is read.
"""

from __future__ import annotations

from kg.model import Fact, Predicate
from kg.nlp.doc_index import text_of
from kg.nlp.goods_tables import goods_direction, lead_start
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.leads import Lead, data, read_lead
from kg.nlp.relations.periods import Period
from kg.nlp.relations.table_cells import cell_figure, column_period, flow_column, row_fact
from kg.nlp.tables import Block, Row


def goods_rows(ctx: Context, block: Block, start: int, facts: list[Fact]) -> list[Fact]:
    """One fact per goods row of a table whose lead makes its meaning certain."""
    if block.sections or len(block.rows) < 2:
        return []
    # the whole paragraph above, not only its last lines: the trader opens it
    start = min(start, lead_start(text_of(ctx.doc), block.start))
    exports = goods_direction(text_of(ctx.doc), block)
    if exports is None:
        return []
    goods = _row_goods(ctx, block)
    if goods is None:
        return []
    lead = read_lead(ctx, start, block.rows[0].start, facts, exports=exports)
    if lead is None or lead.unit is None:
        return []
    columns = _columns(ctx, block, lead)
    if not columns:
        return []
    header = ctx.doc.char_span(start, block.end, alignment_mode="expand")
    predicate = Predicate.EXPORTS if exports else Predicate.IMPORTS
    out = []
    for row, key in goods:
        if len(columns) > 1 and len(row.figures) != len(columns):
            continue  # a short row under columns of periods: which period a figure is of is not certain
        for column, period in columns:
            if column >= len(row.figures):
                continue
            value = cell_figure(row.figures[column], lead.scale)
            if value is not None:
                out.append(row_fact(ctx, lead.trader, predicate, row, header, goods=key, value=value, unit=lead.unit,
                                    period=period, partner=None, forecast=False))  # fmt: skip
    return out


def _row_goods(ctx: Context, block: Block) -> list[tuple[Row, str]] | None:
    """Each row's product (the mention that is its whole label), skipping totals; None when
    a row names a partner or nothing known, or fewer than two rows name goods."""
    mentions = {(m.start_char, m.end_char): k for k, m in ctx.entity_mentions(PRODUCTS)}
    out = []
    for row in block.rows:
        label = row.label.strip()
        if not label or label.lower().strip(" .:-") in data()["skip_labels"]:
            continue
        key = mentions.get((row.label_start, row.label_end))
        if key is None:
            return None  # a row the text names no goods by: the table may count anything
        out.append((row, key))
    return out if len(out) >= 2 else None


def _columns(ctx: Context, block: Block, lead: Lead) -> list[tuple[int, Period | None]]:
    """Which figure columns hold the flow, each with its period: every column where each
    title is a period, else the one ``flow_column`` finds as in a partner table."""
    width = max(len(r.figures) for r in block.rows)
    if width == 1:
        return [(0, lead.period)]
    periods = [column_period(c.text, ctx.article.published) for c in block.columns()]
    if periods and all(periods):
        return list(enumerate(periods))
    column = flow_column(block, lead)
    if column is None:
        return []
    if not block.columns() and (block.header or lead.period is None):
        return []  # the first of untitled columns, only under no header at all and with the lead's period
    return [(column, lead.period)]


__all__ = ["goods_rows"]
