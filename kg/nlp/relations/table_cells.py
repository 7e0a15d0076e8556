"""A table's cells read for a fact: a column title as a period ("1986/87", "Dec 85"), the
figure column the lead's flow is in, a figure cell at the lead's scale, a row as a
``table-row`` fact. Shared by the partner and balance tables (``kg.nlp.relations.tables``)
and the goods tables (``table_goods``)."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.tokens import Span

from kg.model import Fact, Predicate
from kg.nlp.relations.base import Context
from kg.nlp.relations.leads import Lead, data, scaled
from kg.nlp.relations.periods import Period, find_periods
from kg.nlp.relations.quantities import parse_quantity
from kg.nlp.tables import Block, Cell, Row

CONFIDENCE = 0.7


def column_period(title: str, published: str | None) -> Period | None:
    """A column title that is one period ("1986/87", "1985", "Jan-Dec 1986", "Dec 85"), and
    nothing else; its dates are the period's, its year included."""
    # "Dec 85": a column sets a month's year in two digits, which no sentence does
    short = re.fullmatch(r"\s*([A-Za-z]{3,9}(?:\s?[-/]\s?[A-Za-z]{3,9})?)\.?\s+'?(\d\d)\s*", title)
    full = f"{short[1]} {'19' if int(short[2]) >= 50 else '20'}{short[2]}" if short else title
    found = find_periods(full, published)
    if len(found) != 1 or len(re.sub(r"[\s*()-]", "", full)) > len(re.sub(r"\s", "", found[0].text)) + 2:
        return None
    if short:
        return Period(text=title.strip(), start=found[0].start, end=found[0].end, start_char=0, end_char=len(title.strip()))
    return found[0]


def flow_column(block: Block, lead: Lead) -> int | None:
    """Which figure column holds the flow the lead counts: the only one, the one its title
    names as exports (or imports), or the first where the lead says comparisons follow and
    the columns have no titles; None when it is unclear."""
    width = max(len(r.figures) for r in block.rows)
    if width == 1:
        return 0
    words = data()["export_rows"] if lead.exports else data()["import_rows"]
    titles = [c.text.lower() for c in block.columns()]
    named = [i for i, t in enumerate(titles) if any(w in t.split() for w in words)]
    if len(named) == 1:
        return named[0]
    return 0 if lead.compared and not titles else None


def cell_figure(cell: Cell, scale: Decimal) -> Decimal | None:
    text = cell.text.strip("(),").split("-")[0] if not cell.text.startswith("-") else cell.text
    if text.lower() in data()["missing_figures"] or not text:
        return None
    q = parse_quantity(text)
    return None if q is None else scaled(q.value, scale)


def row_fact(ctx: Context, trader: str, predicate: Predicate, row: Row, header: Span | None, *, goods: str,
             value: Decimal, unit: str, period: Period | None, partner: str | None, forecast: bool) -> Fact:  # fmt: skip
    # the row is the evidence; the table with its lead is the sentence that says what it counts
    return ctx.fact(trader, predicate, [_row_span(ctx, row)], rule="table-row", confidence=CONFIDENCE,
                    sentence=header, object=goods, quantity=value, unit=unit, partner=partner,
                    period=period.text if period else None, period_start=period.start if period else None,
                    period_end=period.end if period else None, forecast=forecast)


def _row_span(ctx: Context, row: Row) -> Span | None:
    return ctx.doc.char_span(row.start, row.end, alignment_mode="expand")


__all__ = ["cell_figure", "column_period", "flow_column", "row_fact"]
