"""What the lead of a newswire list or table says its figures are.

A breakdown is read only when its lead makes the meaning certain: "Main destinations for
refrigerated beef were as follows, in tonnes, with comparative figures for 1985 in
brackets:" says the direction (destinations: exports), the goods, the unit and the period of
the bracketed figures; the trader, and what the lead leaves out, come from the trade fact the
story stated just before ("Argentine meat exports totalled ..."). Used by
``kg.nlp.relations.lists`` and ``kg.nlp.relations.tables``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache
from itertools import islice

from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.doc_index import text_of
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.discourse import lead_period
from kg.nlp.relations.periods import Period, find_periods

EXPORTS = (Predicate.EXPORTS, Predicate.EXPORT_VALUE)
IMPORTS = (Predicate.IMPORTS, Predicate.IMPORT_VALUE)
_TRADERS = frozenset({EntityType.COUNTRY})
# how far back (characters) the stated trade fact a lead leans on may stand
_REACH = 1200
# "destinations for refrigerated beef (bone in equivalent) were": the goods a lead names,
# up to a bracket, a comma, a colon or the verb, unit or period that follows them
_OWN_GOODS = re.compile(
    r"\b(?:destinations?|buyers|markets|suppliers|origins?)\s+(?:for|of)\s+(?P<goods>[a-z][\w/ -]*?)"
    r"(?=\s*[(),:;]|\s+(?:were|was|are|is|in|with|as|during|from|to|last|this|by|included?|totall?ed)\b|\s*$)",
    re.I)
_GOODS_PREFIX = frozenset({"the", "its", "their", "of", "exports", "imports", "shipments", "sales", "purchases"})


@dataclass(frozen=True)
class Lead:
    """The meaning of a breakdown's figures, as far as its lead and the story make it certain."""

    exports: bool
    trader: str
    goods: str | None
    unit: str | None
    scale: Decimal
    period: Period | None
    comparison: Period | None  # the period of the figures in brackets
    compared: bool  # the lead says comparison figures follow the reported ones


def data() -> dict:
    return lexicon("tables")


@lru_cache(maxsize=1)
def _phrases() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    def words(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(data()[key], key=len, reverse=True))

    units = "|".join(re.escape(u) for u in sorted(lexicon("trade")["flows"]["quantity_units"], key=len, reverse=True))
    scales = "|".join(re.escape(s) for s in sorted(data()["unit_scales"], key=len, reverse=True))
    unit = re.compile(rf"(?:\bin\s+|\()(?:(?P<scale>{scales})\s+)?(?:metric\s+|short\s+|long\s+)?"
                      rf"(?P<unit>{units})\b", re.I)
    return (re.compile(rf"\b(?:{words('export_partners')})\b", re.I),
            re.compile(rf"\b(?:{words('import_partners')})\b", re.I), unit,
            re.compile(r"(?:with\s+)?(?:the\s+)?(?:[\w'-]+\s+){0,3}(?:figures|comparisons?)\s+for\s+"
                       r"(?P<period>[^,:;]+?)\s*,?\s+in\s+(?:brackets|parentheses)", re.I))  # fmt: skip


def scaled(value: Decimal, scale: Decimal) -> Decimal:
    """ "6.30" in mln tonnes as 6300000, written plainly."""
    product = (value * scale).normalize()
    return product.quantize(Decimal(1)) if product == product.to_integral_value() else product


def direction(text: str) -> bool | None:
    """True when ``text`` names where exports go ("destinations", "buyers"), False where
    imports come from ("suppliers", "origins"), None when it says neither or both."""
    exports, imports, _, _ = _phrases()
    to, came = bool(exports.search(text)), bool(imports.search(text))
    return to if to != came else None


def unit_of(text: str) -> tuple[str | None, Decimal]:
    """The unit a lead states ("in tonnes", "(thousands of tonnes)"), with its scale."""
    found = _phrases()[2].search(text)
    if found is None:
        return None, Decimal(1)
    scale = found.group("scale")
    factor = Decimal(str(data()["unit_scales"][scale.lower()])) if scale else Decimal(1)
    unit = found.group("unit").lower()
    return ("short tons" if "short" in found.group(0).lower() else unit), factor


def read_lead(ctx: Context, start: int, end: int, facts: list[Fact], *,
              exports: bool | None = None, trader_in_lead: bool = True) -> Lead | None:  # fmt: skip
    """What the lead from ``start`` to ``end`` (Doc characters) makes certain, with the
    trade fact stated before it; None when direction or trader are not certain."""
    text = text_of(ctx.doc)[start:end]
    if exports is None:
        exports = direction(text)
    if exports is None:
        return None
    prior = _prior(ctx, start, facts, exports=exports)
    trader = _lead_trader(ctx, start, end) if trader_in_lead else None
    if trader is None and prior is not None:
        trader = prior.subject
    if trader is None:
        return None
    own_goods = _OWN_GOODS.search(text)
    if own_goods is not None:
        # "destinations for refrigerated beef": the goods are that phrase, or none known
        goods = _goods_named(ctx, start + own_goods.start("goods"), start + own_goods.end("goods"))
    else:
        goods = next((k for k, m in ctx.entity_mentions(PRODUCTS) if start <= m.start_char and m.end_char <= end), None)
        if goods is None:  # "beef shipments' destinations": goods the story named, here unmarked
            named = [k for k, e in ctx.table.entities.items() if e.type in PRODUCTS and _named(ctx, k, text)]
            goods = named[0] if len(named) == 1 else None
    if goods is None and own_goods is None and prior is not None and prior.subject == trader and any(
            f.subject == trader and f.object == prior.object and f.end - ctx.offset <= start
            and _named(ctx, prior.object, f.sentence) for f in facts):
        # only goods the story named with that trade, not ones a rule guessed, and not where
        # the lead names goods of its own ("destinations for chilled beef") it cannot resolve
        goods = prior.object
    compare = _phrases()[3].search(text)
    comparison = None
    if compare is not None:
        found = find_periods(compare.group("period"), ctx.article.published)
        comparison = found[0] if found else None
        if comparison is not None and re.search(r"\bperiod\b", compare.group("period"), re.I):
            comparison = _same_period_of(comparison, prior if prior is not None and prior.subject == trader else None)
        text = text[: compare.start()] + " " * (compare.end() - compare.start()) + text[compare.end() :]
    periods = find_periods(text, ctx.article.published)
    period = periods[0] if periods else None
    if period is None and prior is not None and prior.subject == trader and prior.period \
            and _same_length(comparison, prior) and not _is(comparison, prior):
        # the story's period, unless the lead's bracketed figures cover a period of another
        # length ("figures for 1985 in brackets" after a December figure: a year's list)
        period = Period(text=prior.period, start=prior.period_start, end=prior.period_end, start_char=0, end_char=0)
    if period is None and comparison is not None:
        period = _period_compared(ctx, start, comparison)
    unit, scale = unit_of(text)
    compared = compare is not None or any(w in text.lower() for w in data()["comparison_leads"])
    return Lead(exports=exports, trader=trader, goods=goods, unit=unit, scale=scale, period=period,
                comparison=comparison, compared=compared)


def _goods_named(ctx: Context, start: int, end: int) -> str | None:
    """The product whose mention is the goods phrase from ``start`` to ``end``, allowing only
    an article, the trader's demonym or a flow noun before it ("of Thai rice", "of exports of
    rice"): "refrigerated beef" is no list of "beef", nor "canned meat and cooked beef" of meat."""
    for key, mention in ctx.entity_mentions(PRODUCTS):
        if not (start <= mention.start_char and mention.end_char == end):
            continue
        before = ctx.doc.char_span(start, mention.start_char, alignment_mode="expand") or ()
        if all(t.lower_ in _GOODS_PREFIX or ctx.country_of_demonym(t) for t in before if t.i < mention.start):
            return key
    return None


def _same_period_of(year: Period, prior: Fact | None) -> Period | None:
    """ "figures for the 1986 period": the months of the story's figure ("Jan/Feb 1987") in
    that year, not the whole year; None when the story gave no figure within one year."""
    if prior is None or not (prior.period_start and prior.period_end and year.start) \
            or prior.period_start[:4] != prior.period_end[:4]:
        return None
    def moved(day: str) -> str:
        try:
            return date.fromisoformat(year.start[:4] + day[4:]).isoformat()
        except ValueError:  # February 29th in a year of 365 days
            return year.start[:4] + day[4:8] + "28"
    return Period(text=year.text, start=moved(prior.period_start), end=moved(prior.period_end),
                  start_char=year.start_char, end_char=year.end_char)


def _is(comparison: Period | None, prior: Fact) -> bool:
    """The story's figure is of the bracketed period: the list's own figures are not."""
    return comparison is not None and (comparison.start, comparison.end) == (prior.period_start, prior.period_end)


def _period_compared(ctx: Context, start: int, comparison: Period) -> Period | None:
    """The period of a list's figures whose lead states only that of its bracketed ones
    ("with figures for 1985 in brackets"): the one period the story named before it of the
    same length that follows the bracketed one ("exports during Jan/Dec 1986 ... against
    ... 1985"); None when the story named no such period, or more than one."""
    if not (comparison.start and comparison.end):
        return None
    found = {}
    for period in find_periods(text_of(ctx.doc)[:start], ctx.article.published):
        if not (period.start and period.end):
            continue
        if date.fromisoformat(period.start) - date.fromisoformat(comparison.end) == timedelta(days=1) \
                and abs(_days(period) - _days(comparison)) <= 3 or _a_year_after(period, comparison):
            found.setdefault((period.start, period.end), period)
    if not found:
        return _opening_of_next_year(ctx, comparison)
    return next(iter(found.values())) if len(found) == 1 else None


def _a_year_after(period: Period, comparison: Period) -> bool:
    """ "with comparative figures for Jan/Feb 1986" in a story on Jan/Feb 1987: the same
    months a year on (a February's last day may differ by one)."""
    start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)  # type: ignore[arg-type]
    before, before_end = date.fromisoformat(comparison.start), date.fromisoformat(comparison.end)  # type: ignore[arg-type]
    return start.year == before.year + 1 and (start.month, start.day) == (before.month, before.day) \
        and end.year == before_end.year + 1 and end.month == before_end.month and abs(end.day - before_end.day) <= 1


def _opening_of_next_year(ctx: Context, comparison: Period) -> Period | None:
    """The period of a list compared with a whole year ("with comparative figures for 1986
    in brackets") in a story that opened on part of the year after ("Argentine meat exports
    during Jan/Feb 1987 totalled ..."): the opening's period, the list's figures being the
    story's against the same months of that year."""
    if not (comparison.start and comparison.end and comparison.start.endswith("-01-01")
            and comparison.end.endswith("-12-31") and comparison.start[:4] == comparison.end[:4]):
        return None
    opened = lead_period([*islice(ctx.doc.sents, 1)], ctx.article.published)
    year = str(int(comparison.start[:4]) + 1)
    # the year written out: "in December" alone leaves which year's list this is uncertain
    return opened if opened is not None and opened.start and opened.end and opened.start[:4] == year \
        and opened.end[:4] == year and year in opened.text else None


def _days(period: Period) -> int:
    return (date.fromisoformat(period.end or "") - date.fromisoformat(period.start or "")).days


def _named(ctx: Context, key: str | None, sentence: str) -> bool:
    if key is None or key not in ctx.table.entities:
        return False
    lowered = sentence.lower()
    return any(re.search(rf"\b{re.escape(n.lower())}\b", lowered) for n in ctx.table.entities[key].all_names)


def _same_length(comparison: Period | None, prior: Fact) -> bool:
    if comparison is None:
        return True
    if not (comparison.start and comparison.end and prior.period_start and prior.period_end):
        return False
    def days(a: str, b: str) -> int:
        return (date.fromisoformat(b) - date.fromisoformat(a)).days
    return abs(days(comparison.start, comparison.end) - days(prior.period_start, prior.period_end)) <= 3


def prior_unit(ctx: Context, start: int, facts: list[Fact], lead: Lead) -> str | None:
    """The unit of the trade fact the lead leans on, for a list that states none."""
    prior = _prior(ctx, start, facts, exports=lead.exports)
    return prior.unit if prior is not None and prior.subject == lead.trader else None


def _prior(ctx: Context, start: int, facts: list[Fact], *, exports: bool) -> Fact | None:
    """The last trade fact of the same direction stated before ``start``, not far back."""
    wanted = EXPORTS if exports else IMPORTS
    before = [f for f in facts if f.predicate in wanted and f.end - ctx.offset <= start
              and start - (f.end - ctx.offset) <= _REACH
              and not f.extractor.startswith(("list-", "table-"))]  # fmt: skip
    if not before:
        return None
    last = max(before, key=lambda f: f.start)
    # the reported figure of that sentence, not its comparison: the first fact there
    return min((f for f in before if f.sentence == last.sentence), key=lambda f: f.start)


def _lead_trader(ctx: Context, start: int, end: int) -> str | None:
    """A country the lead names as the trader ("China's major export destinations",
    "Argentine meat shipments"), not a reporting body."""
    found = []
    for key, mention in ctx.entity_mentions(_TRADERS):
        if start <= mention.start_char and mention.end_char <= end:
            found.append(key)
    for token in ctx.doc.char_span(start, end, alignment_mode="expand") or ():
        if token.pos_ in ("ADJ", "PROPN") and (k := ctx.country_of_demonym(token)):
            found.append(k)
    unique = list(dict.fromkeys(found))
    return unique[0] if len(unique) == 1 else None


__all__ = ["Lead", "direction", "prior_unit", "read_lead", "scaled", "unit_of"]
