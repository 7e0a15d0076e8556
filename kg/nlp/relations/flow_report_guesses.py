"""The rows of a weekly report's preview: "Corn guesses ranged from 20 mln to 25 mln bushels,
compared with 21.9 mln bushels a week ago and 28.2 mln a year ago." A story that opens on
what a report will show of a flow ("The weekly export inspection report is expected to show
lower soybean exports") goes on with one sentence per goods, none of which says the trade
word again: its range is the flow's forecast and its comparisons the flow as reported for
the week before and the same week a year before.

A row is read only under that frame: an earlier sentence of the story names the row's goods
with the flow's noun ("corn and wheat exports"), and the row's subject is the goods' guesses
or estimates alone ("Corn acreage guesses" is another measure). Its trader is the story's
country, else the country of the body whose report it is ("the USDA's report": the United
States, named nowhere else); "Traders projected soybean
exports at 15 mln to 16 mln bushels, down from ..." is the same row with the trade word.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal
from functools import lru_cache

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.periods import find_periods
from kg.nlp.relations.trader_keys import acronym_seat, story_country

CONFIDENCE = 0.7  # a row read through its story's frame, not its own words
_SCALES = {"mln": Decimal(10) ** 6, "million": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "bln": Decimal(10) ** 9}
_NUMBER = r"\d[\d,]*(?:\.\d+)?(?:\s+(?:mln|million|billion|bln))?"
_GUESS_NOUNS = r"guesses|estimates|projections|forecasts|expectations"
_FORECAST_VERBS = r"projected|estimated|forecast|put|expected|saw|see"
_WEEK_AGO = ("a week ago", "a week earlier", "last week", "the previous week", "the week before", "week ago")
_YEAR_AGO = ("a year ago", "a year earlier", "year ago", "the same week last year")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    units = "|".join(re.escape(u) for u in sorted(lexicon("trade")["flows"]["quantity_units"], key=len, reverse=True))
    figure = rf"(?P<lo>{_NUMBER})(?:\s+(?P<lo_unit>{units}))?\s+(?:to|and)\s+(?P<hi>{_NUMBER})(?:\s+(?P<unit>{units}))?"
    # "Corn guesses ranged from ...", "Soybean export guesses ranged from ...", "Wheat estimates ranged from ..."
    row = re.compile(rf"^\s*(?P<goods>[A-Z][a-z]+(?:\s+(?!export|import)[a-z]+)?)\s+(?:(?P<way>export|import)\s+)?(?:{_GUESS_NOUNS})\s+"
                     rf"(?:ranged|range|ranging|were|are)\s+(?:from|between)\s+{figure}", re.I)  # fmt: skip
    # "Traders projected soybean exports at 15 mln to 16 mln bushels"
    projected = re.compile(rf"\b(?:{_FORECAST_VERBS})\s+(?P<goods>[a-z]+(?:\s+(?!export|import)[a-z]+)?)\s+(?P<way>export|import)s\s+"
                           rf"(?:at|of)\s+(?:between\s+)?{figure}", re.I)  # fmt: skip
    periods = "|".join(re.escape(p) for p in sorted((*_WEEK_AGO, *_YEAR_AGO), key=len, reverse=True))
    # ", compared with the 27.6 mln inspected last week and 20.5 mln a year ago"
    comparison = re.compile(rf"(?:compared\s+with|down\s+from|up\s+from|against|versus|but\s+below|below|above|and)\s+"
                            rf"(?:the\s+)?(?P<number>{_NUMBER})(?:\s+(?P<unit>{units}))?(?:\s+(?:inspected|reported|shipped))?"
                            rf"\s+(?P<period>{periods})\b", re.I)  # fmt: skip
    return row, projected, comparison


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The flows of each report row under a story frame that names the row's goods' flow."""
    if not _names_flow(ctx.doc.text):
        return []
    row, projected, comparison = _patterns()
    taken = {(f.object, f.quantity) for f in facts if f.predicate in (Predicate.EXPORTS, Predicate.IMPORTS)}
    out: list[Fact] = []
    unit = None  # a row may leave out the unit the rows before gave ("from 14.0 mln to 16.0 mln")
    weekly = re.search(r"\bweek", ctx.doc.text, re.I) is not None
    for sent in ctx.doc.sents:
        text = sent.text
        match = row.match(text) or projected.search(text)
        if match is None:
            continue
        before = ctx.doc.text[: sent.start_char]
        way = (match.group("way") or _frame_way(before, match.group("goods")) or "").lower()
        goods = _goods(ctx, sent, match)
        trader = story_country(ctx) or acronym_seat(ctx)  # "the USDA's report": the body's country
        if not way or goods is None or trader is None:
            continue
        unit = (match.group("unit") or match.group("lo_unit") or unit or "").lower() or None
        if unit is None:
            continue
        predicate = Predicate.EXPORTS if way == "export" else Predicate.IMPORTS
        tokens = _tokens(ctx, sent, match.start("lo"), match.end())
        rows = [(_value(match.group("lo")), unit, None, True, tokens)]
        for item in comparison.finditer(text, match.end()):
            words = item.group("period").lower()
            period = _week(words, ctx.article.published) if weekly else _named(words, ctx.article.published)
            rows.append((_value(item.group("number")), (item.group("unit") or unit).lower(), period, False,
                         _tokens(ctx, sent, item.start("number"), item.end())))  # fmt: skip
        for value, row_unit, period, forecast, evidence in rows:
            if value is None or (goods, value) in taken or not evidence:
                continue
            taken.add((goods, value))
            text_period, start, end = period or (None, None, None)
            out.append(ctx.fact(trader, predicate, evidence, rule="flow-report-guess", confidence=CONFIDENCE,
                                object=goods, quantity=value, unit=row_unit, period=text_period,
                                period_start=start, period_end=end, forecast=forecast))  # fmt: skip
    return out


def _names_flow(text: str) -> bool:
    return re.search(r"\b(?:export|import)s?\b", text, re.I) is not None


def _frame_way(before: str, goods: str) -> str | None:
    """The flow an earlier sentence names the goods' of: "lower wheat and soybean exports",
    "corn export inspections"; None when none does (the row counts something else)."""
    word = re.escape(goods.split()[0])
    found = re.search(rf"\b{word}\b(?:[\s,]+(?:and|or|[a-z]+)){{0,6}}?[\s,]+(?P<way>export|import)s?\b", before, re.I)
    return found.group("way") if found else None


def _goods(ctx: Context, sent, match: re.Match[str]) -> str | None:
    """The product the row's goods words name: their mention's, or (a capitalised word
    opening a sentence is often left untagged) the product of that name the story's frame
    already named."""
    span = ctx.doc.char_span(sent.start_char + match.start("goods"), sent.start_char + match.end("goods"),
                             alignment_mode="expand")  # fmt: skip
    if span is None:
        return None
    keys = {ctx.key(t, PRODUCTS) for t in span}
    if len(keys) == 1 and (key := keys.pop()) is not None:
        return key
    if keys:
        return None  # part of the words name goods, part something else
    words = " ".join(t.text for t in span)
    return ctx.key_by_name(words, PRODUCTS) or (ctx.key_by_name(words[:-1], PRODUCTS) if words.endswith("s") else None)


def _tokens(ctx: Context, sent, start: int, end: int) -> list:
    span = ctx.doc.char_span(sent.start_char + start, sent.start_char + end, alignment_mode="expand")
    return [span] if span is not None else []


def _value(text: str) -> Decimal | None:
    words = text.lower().split()
    try:
        value = Decimal(words[0].replace(",", ""))
    except ArithmeticError:
        return None
    if len(words) > 1:
        value *= _SCALES[words[1]]
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _named(words: str, published: str | None) -> tuple[str, str | None, str | None]:
    """A comparison's period as the period reader dates it ("a year ago": last year)."""
    found = find_periods(words, published)
    return (words, found[0].start, found[0].end) if found else (words, None, None)


def _week(words: str, published: str | None) -> tuple[str, str | None, str | None]:
    """The week before the report's (Monday to Sunday before the article's week), or that
    week a year earlier: a weekly row compares with weeks, not whole years."""
    if not published:
        return words, None, None
    day = date.fromisoformat(published)
    monday = day - timedelta(days=day.weekday()) - timedelta(days=7)
    if words in _YEAR_AGO:
        sunday = monday + timedelta(days=6)
        try:
            year_sunday = sunday.replace(year=sunday.year - 1)
        except ValueError:  # 29 February
            year_sunday = sunday.replace(year=sunday.year - 1, day=28)
        monday = year_sunday - timedelta(days=year_sunday.weekday())
    return words, monday.isoformat(), (monday + timedelta(days=6)).isoformat()
