"""Figures given in order to a list: "Malaysia and Indonesia exported 120,000 and 80,000
tonnes of palm oil respectively", "shipped 1.2 mln and 800,000 tonnes of wheat and maize
respectively", "bought 200,000 and 150,000 tonnes of wheat from France and Australia
respectively".

A run of numbers joined by "and" or commas, the last with the unit, then "respectively":
the n-th number is the n-th item's of the one list of as many items the clause names, its
traders, its goods or its partners. The numbers before the last share its scale where they
state none ("1.2 and 0.8 mln tonnes"); each share is a fact of the flow with its item in
place of the clause's (``share_facts``). Comparisons given "respectively" ("compared with 1.25
and 1.89 mln tonnes respectively") are flow_figures' own; a run of comparisons after the
last of a sentence's flows, as many as its flows, goes to them in order
(``paired_comparisons``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Span

from kg.model import EntityType, Fact, Predicate
from kg.nlp.doc_index import text_of
from kg.nlp.goods import SCALE_WORDS
from kg.nlp.relations.base import Context
from kg.nlp.relations.exporters import EXPORTERS
from kg.nlp.relations.flow_clause import Figure, Flow
from kg.nlp.relations.quantities import parse_quantity

_JOINERS = frozenset({",", "and"})
_LANDS = EXPORTERS | frozenset({EntityType.PLACE})  # traders and partners both


@dataclass(frozen=True)
class Share:
    """One number of the run and the item it is given to (the others are the clause's)."""

    value: Decimal
    trader: str | None = None
    goods: str | None = None
    partner: str | None = None


def respective_shares(ctx: Context, flow: Flow, figure: Figure, trader: str | None, goods: list[str]) -> list[Share]:
    """The shares of the run of numbers that ends with ``figure``, paired in order with the
    clause's traders, ``goods`` (the list the flow's goods open) or partners; empty when
    the clause says no "respectively" or names no list as long as the run."""
    doc = ctx.doc
    sent = flow.anchor.sent
    marker = next((t.i for t in doc[figure.end : sent.end] if t.lower_ == "respectively"), None)
    if marker is None or any(t.like_num for t in doc[figure.end : marker]):
        return []  # another figure before it: the comparisons are what it pairs
    values = _joined_values(doc, figure)
    if len(values) < 2:
        return []
    n = len(values)
    traders = _entity_list(ctx, doc[sent.start : flow.anchor.i], EXPORTERS, member=trader)
    partners = _entity_list(ctx, doc[figure.end : marker], _LANDS)
    if len(traders) == n:
        return [Share(value=v, trader=k) for v, k in zip(values, traders)]
    if len(goods) == n:
        return [Share(value=v, goods=k) for v, k in zip(values, goods)]
    if len(partners) == n:
        return [Share(value=v, partner=k) for v, k in zip(values, partners)]
    return []


def share_facts(ctx: Context, flow: Flow, shares: list[Share], figure: Figure, trader: str, goods: str | None,
                evidence: list, confidence: float, qualifiers: dict) -> list[Fact]:
    """The facts of a run of numbers given "respectively": each share's trader, goods or
    partner, the clause's for the rest."""
    out = []
    for share in shares:
        dated = dict(qualifiers, partner=share.partner or qualifiers["partner"])
        if figure.currency:
            predicate = Predicate.EXPORT_VALUE if flow.exports else Predicate.IMPORT_VALUE
            out.append(ctx.fact(share.trader or trader, predicate, evidence, rule="flow-respectively",
                                confidence=confidence, object=share.goods or goods, amount=share.value,
                                currency=figure.currency, **dated))
        elif (counted := share.goods or goods) is not None:
            predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
            out.append(ctx.fact(share.trader or trader, predicate, evidence, rule="flow-respectively",
                                confidence=confidence, object=counted, quantity=share.value, unit=figure.unit,
                                **dated))
    return out


# what stands between two comparisons of a run: a joiner, then the next number with its
# scale and unit ("1,326.5 billion and 971.7 billion", "2.1, 1.8 and 0.9 mln tonnes")
_NEXT_IN_RUN = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|and\s+)[\d.,]*\d(?:\s+(?:{'|'.join(sorted(SCALE_WORDS))}))?(?:\s+[a-z]+)?", re.I)


def paired_comparisons(ctx: Context, reads: list[list[Fact]]) -> list[list[Fact]]:
    """ "Imports totalled 1,412.6 billion escudos and exports 1,076.1 billion, compared with
    1,326.5 billion and 971.7 billion in 1985": each flow of the sentence states one figure,
    and the last one's clause ends with a run of as many comparisons, which go to the flows
    in order. ``reads`` are the facts of each flow of one sentence; unchanged when they are
    not of that shape (a single flow's "against 3.0 billion and 2.4 billion" compares it
    with two periods)."""
    counted = [[f for f in read if f.quantity is not None or f.amount is not None] for read in reads]
    if len(counted) < 2 or len(counted[-1]) != len(counted) + 1 \
            or any(len(c) != 1 or len(r) != 1 for c, r in zip(counted[:-1], reads[:-1])):
        return reads
    *firsts, last = counted
    mains = [c[0] for c in firsts] + [last[0]]
    compared = last[1:]
    if len(reads[-1]) != len(last) or len({f.subject for f in mains}) != 1 \
            or len({(f.predicate, f.object, f.partner) for f in mains}) != len(mains) \
            or any((f.amount is None) != (mains[0].amount is None) for f in [*mains, *compared]) \
            or len({f.period for f in compared}) != 1 or compared[0].period == last[0].period:
        return reads
    text = text_of(ctx.doc)
    if not all(_NEXT_IN_RUN.fullmatch(text[a.end - ctx.offset : b.end - ctx.offset])
               for a, b in zip(compared, compared[1:])):
        return reads  # not one run of numbers
    paired = [replace(figure, predicate=main.predicate, subject=main.subject, object=main.object, partner=main.partner)
              for main, figure in zip(mains, compared)]
    # the flows are compared with one period, so they are of one period too
    dated = dict(period=last[0].period, period_start=last[0].period_start, period_end=last[0].period_end)
    return [[replace(read[0], **dated) if read[0].period is None else read[0], figure]
            for read, figure in zip(reads[:-1], paired)] + [[last[0], paired[-1]]]


def _joined_values(doc, figure: Figure) -> list[Decimal]:
    """ "120,000 and 80,000 tonnes", "1.2 mln, 900,000 and 800,000 tonnes": every number
    of the run, in text order, the figure's own last."""
    own = _number_end(doc, figure.start)
    scale = _scale(doc[figure.start : own], figure.value)
    values = [figure.value]
    i = figure.start
    while i >= 2 and doc[i - 1].lower_ in _JOINERS:
        j = i - 1
        while j >= 1 and doc[j - 1].lower_ in _JOINERS:
            j -= 1  # ", and"
        start = j
        while start >= 1 and (doc[start - 1].like_num or doc[start - 1].lower_ in SCALE_WORDS):
            start -= 1
        if start == j or not doc[start].like_num:
            break
        words = doc[start:j]
        found = parse_quantity(words.text)
        if found is None:
            break
        value = found.value if any(t.lower_ in SCALE_WORDS for t in words) else found.value * scale
        values.insert(0, value)
        i = start
    return values


def _number_end(doc, start: int) -> int:
    end = start
    while end < len(doc) and (doc[end].like_num or doc[end].lower_ in SCALE_WORDS):
        end += 1
    return end


def _scale(words: Span, value: Decimal) -> Decimal:
    """What the figure's scale word multiplies by ("0.8 mln": a million), one without any."""
    if not any(t.lower_ in SCALE_WORDS for t in words):
        return Decimal(1)
    base = parse_quantity(words[0].text)
    return value / base.value if base is not None and base.value else Decimal(1)


def _entity_list(ctx: Context, span: Span, types, *, member: str | None = None) -> list[str]:
    """The keys of a list of entities of ``types`` the span names ("Malaysia and
    Indonesia", "France, Spain and Italy"): the one holding ``member`` if given, else the
    last; empty when it names none of two items or more."""
    runs: list[list[tuple[str, Span]]] = []
    for key, mention in ctx.entity_mentions(types):
        if mention.start < span.start or mention.end > span.end:
            continue
        between = ctx.doc[runs[-1][-1][1].end : mention.start] if runs else None
        if between is not None and len(between) and all(t.lower_ in _JOINERS for t in between):
            runs[-1].append((key, mention))
        else:
            runs.append([(key, mention)])
    lists = [[k for k, _ in run] for run in runs if len(run) >= 2]
    if member is not None:
        lists = [keys for keys in lists if member in keys] or lists
    return lists[-1] if lists else []


__all__ = ["Share", "paired_comparisons", "respective_shares", "share_facts"]
