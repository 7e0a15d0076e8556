"""A counted flow broken down into its goods: "The Soviet total comprises 634,000 tonnes of
wheat and 472,000 tonnes of barley"; "... expect exports to the USSR to reach 2.5 mln tonnes,
comprising 1.5 mln wheat/1.0 mln barley".

After an opener of parts (``flow_parts``: "comprise", "consist of", "made up of"), the parts
are figures, each with the goods it counts. Unlike the parts figure reading takes inside one
flow clause, these may stand sentences after their whole, so they are read only after every
flow is, and only when every part names goods of the story and the parts add up to a flow
stated just before (in the sentence or the two before it, to within rounding): then the
breakdown is certain to be of that flow, and each part is a flow of its own goods with that
flow's trader, direction, partner, period, forecast and source. The noun that holds the total
may name the partner the flow left unnamed ("the Soviet total").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.doc_index import text_of
from kg.nlp.relations.base import PRODUCTS, Context, sentences_back
from kg.nlp.relations.flow_parts import OPENER, part_goods, part_partner
from kg.nlp.relations.periods import Period, find_periods
from kg.nlp.relations.quantities import parse_quantity

CONFIDENCE = 0.7
# how far the parts may add up off the total: the total is rounded ("1.10 mln" for 1,106,000)
_ROUNDING = Decimal("0.01")
_COUNTED = (Predicate.EXPORTS, Predicate.IMPORTS)


@lru_cache(maxsize=1)  # the units of the rules' data: built once
def _part_pattern() -> re.Pattern[str]:
    units = "|".join(re.escape(u) for u in sorted(lexicon("trade")["flows"]["quantity_units"], key=len, reverse=True))
    return re.compile(rf"(?P<number>\d(?:[\d,]*\d)?(?:\.\d+)?)(?:\s+(?P<scale>mln|million|bln|billion))?"
                      rf"(?:\s+(?P<unit>{units}))?\s+(?:of\s+)?(?P<goods>[A-Za-z][a-z-]*)", re.I)  # fmt: skip


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The flows of the goods every composed total lists, where the parts add up to it."""
    out: list[Fact] = []
    pattern, text = _part_pattern(), text_of(ctx.doc)
    for sent in ctx.doc.sents:
        # the sentence's text cut from the Doc's, which is read once: ``sent.text`` joins its
        # every word anew, and few sentences hold an opener
        opener = OPENER.search(text[sent.start_char : sent.end_char])
        if opener is None:
            continue
        parts = [m for m in pattern.finditer(sent.text, opener.end()) if not _price(sent.text, m) and not _change(m)]
        read = [p for m in parts if (p := _part(ctx, m, sent)) is not None]
        if len(read) < 2 or len(read) != len(parts):
            continue  # one part is no breakdown; a part of goods no one named leaves it uncertain
        total = _total(ctx, facts, sent, sent.start_char + opener.start(), read)
        if total is None:
            continue
        partner = total.partner or _named_partner(ctx, sent, sent.start_char + opener.start(), total.subject)
        period = (total.period, total.period_start, total.period_end)
        if total.period is None and (named := _named_period(ctx, sent, opener.start())) is not None:
            period = (named.text, named.start, named.end)
        stated = {(f.subject, f.predicate, f.object, f.quantity) for f in facts}
        exports = total.predicate == Predicate.EXPORTS
        for goods, value, unit, evidence in read:
            if (total.subject, total.predicate, goods, value) in stated:
                continue  # the clause's own reading already holds the part ("included 361,285 cars")
            # "84,037 tonnes Cuban whites and 51,992 tonnes whites from Thailand": a part's own partner
            own = _own_partner(ctx, evidence, sent, exports=exports)
            out.append(ctx.fact(total.subject, total.predicate, [evidence], rule="flow-parts", confidence=CONFIDENCE,
                                object=goods, sentence=sent, quantity=value, unit=unit or total.unit,
                                partner=own if own not in (None, total.subject) else partner,
                                period=period[0], period_start=period[1], period_end=period[2],
                                forecast=total.forecast, source=total.source))  # fmt: skip
    return out


def _part(ctx: Context, m: re.Match[str], sent: Span) -> tuple[str, Decimal, str | None, Span] | None:
    """A part's goods, figure, unit (None: the total's) and evidence."""
    start = sent.start_char + m.start("goods")
    span = ctx.doc.char_span(start, sent.start_char + m.end("goods"), alignment_mode="expand")
    q = parse_quantity(" ".join(filter(None, (m.group("number"), m.group("scale")))))
    evidence = ctx.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
    if span is None or q is None or evidence is None:
        return None
    # goods the story names elsewhere, where this word is no mention of them ("1.5 mln wheat/1.0 mln barley")
    goods = part_goods(ctx, span[0].i, sent.end) or ctx.key_by_name(m.group("goods"), PRODUCTS)
    if goods is None:
        return None
    unit = m.group("unit").lower() if m.group("unit") else None
    return goods, Decimal(str(q.value)), unit, evidence


def _own_partner(ctx: Context, evidence: Span, sent: Span, *, exports: bool) -> str | None:
    """The partner one part names: the origin before its goods ("tonnes Cuban whites", for an
    import) or the place after them ("whites from Thailand", "wheat to Egypt")."""
    if not exports and (origin := next((k for t in evidence if (k := ctx.country_of_demonym(t))), None)):
        return origin
    return part_partner(ctx, ctx.mention(evidence[-1]).end, sent.end, exports=exports)


def _price(text: str, m: re.Match[str]) -> bool:
    """ "20,000 tonnes of soyoil at 314 dlrs", "at prices ranging from 344 to 348 dlrs": a
    figure after "at", "from" or "to" is what the part cost, not a part."""
    words = text[: m.start()].split()
    return bool(words) and words[-1].lower() in _PRICE_WORDS


_PRICE_WORDS = frozenset({"at", "from", "to"})


def _change(m: re.Match[str]) -> bool:
    """ "361,285 cars, down 6.3 pct, 165,770 trucks": a part's change, written after it, is
    no part of its own."""
    return m.group("unit") is None and m.group("goods").lower() in _CHANGE_WORDS


_CHANGE_WORDS = frozenset({"pct", "percent", "pc"})


def _total(ctx: Context, facts: list[Fact], sent: Span, before: int,
           parts: list[tuple[str, Decimal, str | None, Span]]) -> Fact | None:  # fmt: skip
    """The counted flow stated last before ``before`` (in this sentence or the two before it)
    that the parts add up to, in its unit."""
    floor = ctx.doc[sentences_back(ctx.doc, sent.start, 2)].idx
    found = [f for f in facts if f.predicate in _COUNTED and f.quantity is not None
             and floor <= f.start - ctx.offset and f.end - ctx.offset <= before]  # fmt: skip
    for total in sorted(found, key=lambda f: f.end, reverse=True):
        if any(unit is not None and unit != total.unit for _, _, unit, _ in parts):
            continue
        whole = Decimal(str(total.quantity))
        if whole > 0 and abs(sum(v for _, v, _, _ in parts) - whole) <= whole * _ROUNDING:
            return total
    return None


def _named_period(ctx: Context, sent: Span, opened_at: int) -> Period | None:
    """ "The business was for April shipment and comprised ...": the one period the words
    before the opener name dates a total that had none."""
    found = find_periods(sent.text[:opened_at], ctx.article.published)
    return found[0] if len(found) == 1 else None


def _named_partner(ctx: Context, sent: Span, opened_at: int, trader: str) -> str | None:
    """ "The Soviet total comprises ...": the one country the words before the opener name
    besides the trader."""
    tokens: list[Token] = [t for t in sent if t.idx < opened_at]
    keys = {k for t in tokens if (k := ctx.country_of_demonym(t) or ctx.key(t, frozenset({EntityType.COUNTRY})))}
    keys.discard(trader)
    return keys.pop() if len(keys) == 1 else None


__all__ = ["extract"]
