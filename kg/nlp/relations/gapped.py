"""Flows a sentence states once and then repeats for other traders or partners with the verb
and the goods left out (gapping): "Traders in Spain received 18,000 tonnes, in Italy 15,000
and in Greece 3,250 tonnes"; "Japan bought 50,000 tonnes, South Korea 30,000 and Taiwan
20,000"; "Exports to Egypt were 2.1 mln dlrs, to Iraq 1.4 mln". Likewise a trade verb joined
to another verb whose object it shares: "Kenya grew 300,000 tonnes of tea in 1986 and
exported 250,000" is Kenya's export of 250,000 tonnes of tea in 1986.

Each gapped item repeats the first one's shape: the same preposition (or none) before a
place's name, then a figure. It takes the stated flow's trader or partner, the one whose
name stands after that preposition, and keeps the rest (goods, unit, period, forecast,
source). The items must follow the flow's figure right away, so that nothing else can be
what they share out.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.doc_index import text_of
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.leads import scaled
from kg.nlp.relations.periods import find_periods
from kg.nlp.relations.quantities import parse_quantity

_PLACES = frozenset({EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANIZATION})
_FLOWS = (Predicate.EXPORTS, Predicate.IMPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORT_VALUE)
_PREPOSITIONS = ("in", "to", "from", "for", "by")
CONFIDENCE = 0.72  # a reading of the stated flow, one step removed
_SCALES = r"mln|million|billion|bln|thousand"
_SCALE_WORDS = frozenset(_SCALES.split("|"))
_TRADERS = frozenset({EntityType.COUNTRY, EntityType.PLACE})
_YEAR = r"(?<!\d)(?:19|20)\d\d(?![\d,.])"
_CHANGE = r"\d[\d,]*(?:\.\d+)?\s*(?:pct|percent|per\s+cent|%)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    units = "|".join(re.escape(u) for u in sorted(lexicon("trade")["flows"]["quantity_units"], key=len, reverse=True))
    units = rf"(?:(?:short|long|metric)\s+)?(?:{units})"  # "short tons" is a unit of its own
    number = rf"\d[\d,]*(?:\.\d+)?(?:\s+(?:{_SCALES}))?"
    # the figure, its unit, and what else its clause says before the first item ("of Thai
    # rice last month", "in 1986"): words without a figure (a year is none) or a break of their own
    figure = re.compile(rf"(?P<number>{number})(?:\s+(?P<unit>{units}))?\b(?:(?:[^\d,;:()]|{_YEAR}){{0,60}}?(?=[,;]))?", re.I)
    name = r"[A-Z][\w.'&/-]*(?:\s+(?:[A-Z][\w.'&/-]*|of|and))*?"
    # an item may repeat the stated change before its figure ("rose 3.2 pct to 2.6 mln
    # gallons; Japan, 9.9 pct to 1.2 mln"), set off by a comma then
    item = re.compile(
        rf"\s*(?:[,;]\s*(?:and\s+)?|\s+and\s+)(?:(?P<prep>{'|'.join(_PREPOSITIONS)})\s+)?(?:the\s+)?"
        rf"(?P<name>{name})(?:,?\s+(?P<change>{_CHANGE})\s+to|\s+with|\s+at)?\s+(?P<number>{number})"
        rf"(?:\s+(?P<unit>{units}))?\b", re.I)  # fmt: skip
    return figure, item


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The flows of the gapped items that follow each stated flow's figure, and of trade verbs
    that share their object's goods and unit with the verb before them."""
    seen = {_identity(f) for f in facts}
    out: list[Fact] = [f for f in _shared_objects(ctx) if _identity(f) not in seen]
    seen |= {_identity(f) for f in out}
    for fact in facts:
        if fact.predicate not in _FLOWS or not fact.extractor.startswith("flow-"):
            continue
        for found in _gapped(ctx, fact):
            if _identity(found) not in seen:
                seen.add(_identity(found))
                out.append(found)
    return out


def _shared_objects(ctx: Context) -> list[Fact]:
    """ "Kenya grew 300,000 tonnes of tea in 1986 and exported 250,000": the trade verb's bare
    figure counts what the verb it is joined to counted, for that verb's subject and period."""
    out = []
    # only the words whose lemma is a trade verb: no Token made for every word of the Doc
    trade_verbs = flow_words("export_verbs") | flow_words("import_verbs")
    for verb in (ctx.doc[i] for i in ctx.parse.with_words(0, len(ctx.doc), frozenset(), trade_verbs)):
        exports = verb.lemma_.lower() in flow_words("export_verbs")
        if verb.dep_ != "conj":
            continue
        first = verb.head
        figure = next((c for c in verb.children if c.dep_ == "dobj"), None)
        stated = next((c for c in first.children if c.dep_ == "dobj"), None)
        trader = next((k for c in first.children if c.dep_ == "nsubj" if (k := ctx.key(c, _TRADERS))), None)
        if figure is None or stated is None or trader is None \
                or any(c.dep_ == "prep" for c in (*figure.children, *verb.children)):
            continue  # "exported 157 mln to Japan": more than the shared figure
        unit = stated.lower_ if stated.lower_ in _units() else None
        goods = next((k for p in stated.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if (k := ctx.key(o, PRODUCTS))), None)  # fmt: skip
        words = ctx.doc[figure.left_edge.i : figure.i + 1]
        if unit is None or goods is None or not all(t.like_num or t.lower_ in _SCALE_WORDS for t in words):
            continue
        value = _value(words.text)
        if value is None:
            continue
        between = ctx.doc[first.i : verb.i]
        periods = find_periods(between.text, ctx.article.published)
        period = periods[0] if periods else None
        forecast = any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might")
                       for c in first.children)  # fmt: skip
        out.append(ctx.fact(trader, Predicate.EXPORTS if exports else Predicate.IMPORTS, [verb, words],
                            rule="flow-gapped", confidence=CONFIDENCE, object=goods, quantity=scaled(value, Decimal(1)),
                            unit=unit, period=period.text if period else None,
                            period_start=period.start if period else None, period_end=period.end if period else None,
                            forecast=forecast))  # fmt: skip
    return out


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(u.lower() for u in lexicon("trade")["flows"]["quantity_units"])


def _identity(fact: Fact) -> tuple:
    return fact.subject, fact.predicate, fact.object, fact.partner, fact.quantity, fact.amount


def _gapped(ctx: Context, fact: Fact) -> list[Fact]:
    value = fact.quantity if fact.quantity is not None else fact.amount
    if value is None:
        return []
    text = text_of(ctx.doc)
    start, end = fact.start - ctx.offset, fact.end - ctx.offset
    sent = ctx.doc.char_span(start, end, alignment_mode="expand")
    if sent is None:
        return []
    sent_start, sent_end = sent.sent.start_char, sent.sent.end_char
    figure_pattern, item_pattern = _patterns()
    figure = next((m for m in figure_pattern.finditer(text, sent_start, sent_end)
                   if _value(m.group("number")) == Decimal(str(value)).normalize()), None)  # fmt: skip
    if figure is None:
        return []
    items = []
    at = figure.end()
    while (m := item_pattern.match(text, at, sent_end)) is not None:
        if _share_follows(text, m.end()):
            return []  # "..., Italy 12 pct": the items are shares, not amounts of the flow
        items.append(m)
        at = m.end()
    if not items or len({(m.group("prep") or "").lower() for m in items}) != 1:
        return []
    stated_change = re.search(rf"{_CHANGE}\s+to\s+$", text[sent_start : figure.start()], re.I) is not None
    if any(bool(m.group("change")) != stated_change for m in items):
        return []  # a change only where the stated flow has one too: the same shape repeated
    role = _role(ctx, fact, (items[0].group("prep") or "").lower(), sent_start, items[0].start())
    if role is None:
        return []
    scale = _scale(figure.group("number"))
    out = []
    for m in items:
        key = _entity(ctx, m.start("name"), m.end("name"))
        unit = (m.group("unit") or "").lower() or None
        if key is None or key in (fact.subject, fact.partner) or unit not in (None, fact.unit):
            continue
        if fact.quantity is None and m.group("unit"):
            continue
        number = _value(m.group("number"))
        if number is None:
            continue
        # "1.5 mln tonnes, Korea 1.2": the first figure's scale (not "962,360", written out)
        written_out = "," in m.group("number")
        number = scaled(number, scale if _scale(m.group("number")) == 1 and not written_out else Decimal(1))
        evidence = ctx.doc.char_span(m.start("name"), m.end(), alignment_mode="expand")
        if evidence is None:
            continue
        figures = {"quantity": number} if fact.quantity is not None else {"amount": number}
        out.append(replace(fact, **{role: key}, **figures, start=evidence.start_char + ctx.offset,
                           end=evidence.end_char + ctx.offset, extractor="flow-gapped",
                           confidence=min(fact.confidence, CONFIDENCE)))  # fmt: skip
    return out


def _value(number: str) -> Decimal | None:
    q = parse_quantity(number)
    return Decimal(str(q.value)).normalize() if q is not None and q.low == q.high else None


def _scale(number: str) -> Decimal:
    word = re.search(rf"\b(?:{_SCALES})\b", number, re.I)
    if word is None:
        return Decimal(1)
    return _value("1 " + word.group(0)) or Decimal(1)


def _role(ctx: Context, fact: Fact, prep: str, sent_start: int, items_start: int) -> str | None:
    """Which side of the flow the items replace: the one whose name, before the items, stands
    after the items' preposition (after none, the trader alone); None when it is not certain."""
    text = text_of(ctx.doc)
    roles = []
    for role, key in (("subject", fact.subject), ("partner", fact.partner)):
        if key is None:
            continue
        mentions = [m for k, m in ctx.entity_mentions(_PLACES) if k == key
                    and sent_start <= m.start_char and m.end_char <= items_start]  # fmt: skip
        if not mentions:
            continue
        before = re.search(r"(\w+)\s+(?:the\s+)?$", text[sent_start : mentions[-1].start_char])
        word = before.group(1).lower() if before else ""
        roles.append((role, word))
    if not prep and any(role == "partner" and word in _PREPOSITIONS for role, word in roles):
        return None  # "sold wheat to China, the Soviet Union 1.8 mln": buyer or seller?
    chosen = [role for role, word in roles
              if (prep and word == prep) or (not prep and role == "subject" and word not in _PREPOSITIONS)]
    return chosen[0] if len(chosen) == 1 else None


def _entity(ctx: Context, start: int, end: int) -> str | None:
    """The one place, country or body whose mention is exactly the item's name."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    words = [t for t in span if not t.is_space and t.lower_ != "the"]
    keys = {ctx.key(t, _PLACES) for t in words}
    return keys.pop() if len(keys) == 1 and None not in keys else None


def _share_follows(text: str, at: int) -> bool:
    return bool(re.match(r"\s*(?:pct|percent|per\s+cent|%|pc\b)", text[at:], re.I))


__all__ = ["extract"]
