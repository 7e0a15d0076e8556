"""Per-partner breakdowns written as running lists: "Main destinations were: Iran 120,000
tonnes, Iraq 80,000 and Egypt (50,000)"; "The main buyers were Italy with 1.89 mln, West
Germany 480,450 tonnes (717,689) ..."; and breakdowns by goods of a flow the story stated
just before ("Shipments in tonnes ... included: beef 120,184 (137,686), horse meat ...").

A list opens with a lead that names partners ("destinations", "buyers", "suppliers") and a
list verb or colon; its items are a partner's name and a figure, with a comparison figure in
brackets when the lead says for which period ("with figures for 1985 in brackets"). Each item
naming a partner entity gives one trade fact of the trader the lead or the story's last trade
fact names, in the goods and unit they state; nothing is read where one of them is unknown.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from spacy.tokens import Span

from kg.nlp.doc_index import text_of
from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.goods_kinds import BREAKDOWN_LEAD
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.leads import Lead, data, direction, prior_unit, read_lead, scaled
from kg.nlp.relations.periods import Period, find_periods
from kg.nlp.relations.quantities import parse_quantity

CONFIDENCE = 0.72
PARTNERS = frozenset({EntityType.COUNTRY, EntityType.PLACE, EntityType.ORGANIZATION})
_AGAINST = r"(?:against|versus|vs\.?|compared\s+with|up\s+from|down\s+from)"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    partner_words = sorted({*data()["export_partners"], *data()["import_partners"]}, key=len, reverse=True)
    verbs = "|".join(sorted(data()["list_verbs"], key=len, reverse=True))
    nouns = "|".join(re.escape(w) for w in partner_words)
    # the lead: a partner word, then (within the sentence) a list verb or "as follows", then
    # what the figures are counted in, up to a colon, a dash or the first item
    # (the look-ahead of the partner words' first letters lets the scan skip every other
    # position at once: half the cost of the search on a whole news text)
    firsts = re.escape("".join(sorted({w[0] for w in partner_words})))
    lead = re.compile(rf"(?=[{firsts}])\b(?:{nouns})\b[^.;:]{{0,200}}?\b(?:{verbs})\b(?:\s+as\s+follows)?", re.I)
    units = "|".join(re.escape(u) for u in sorted(lexicon("trade")["flows"]["quantity_units"], key=len, reverse=True))
    name = r"[A-Z][\w.'&/-]*(?:\s+(?:[A-Z][\w.'&/-]*|of|and|the))*?"
    item = re.compile(
        rf"(?:^|,|;|\band\b|:)\s*(?:the\s+)?(?P<name>{name})\s*(?:,\s*)?(?i:with\s+|at\s+|takes?\s+|taking\s+)?"
        rf"\(?(?P<number>\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s+(?:mln|million|billion|thousand))?)(?:\s*(?P<unit>{units}))?(?:\s*\))?"
        rf"(?:\s+of\s+(?P<goods>[a-z][a-z -]*?)(?=\s*[,;(]|\s+and\b|\s*$|\.))?"
        # "Italy with 1.89 mln against 1.63 mln": a comparison figure written out
        rf"(?:(?:\s*,)?\s+{_AGAINST}\s+(?P<against>\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s+(?:mln|million|billion|thousand))?)"
        rf"(?:\s*(?:{units}))?)?"
        rf"(?:\s*\((?P<compared>[^()]*)\))?", re.M)  # fmt: skip
    return lead, item


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The trade facts of every list whose lead makes its meaning certain."""
    out: list[Fact] = _goods_lists(ctx, facts)
    text = text_of(ctx.doc)
    lead_pattern, _ = _patterns()
    for match in lead_pattern.finditer(text):
        if direction(match.group(0)) is None:
            continue
        opening = _sentence_start(text, match.start())
        end = _lead_end(text, match.end())
        lead = read_lead(ctx, opening, end, facts)
        if lead is None:
            continue
        out.extend(_items(ctx, lead, opening, end, facts))
    return out


def _lead_end(text: str, at: int) -> int:
    """The lead goes on after its verb to a colon or dash that opens the items ("were, in
    tonnes:", "were as follows, in tonnes, with figures for 1985 in brackets -"), if one
    comes before the first figure; else the items start right after the verb."""
    rest = text[at : at + 200]
    opener = re.search(r":|\s-+\s", rest)
    if opener is None or "." in rest[: opener.start()].replace("..", "") and \
            re.search(r"\.\s", rest[: opener.start()]):
        return at
    if re.search(r"\d", re.sub(r"(?:19|20)\d\d(?:/\d\d)?", "", rest[: opener.start()])):
        return at  # a figure comes first: the items start right after the verb
    return at + opener.end()


def _sentence_start(text: str, at: int) -> int:
    """Where the lead's sentence begins: after the last full stop or paragraph break."""
    cut = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    return cut + 1 if cut >= 0 else 0


def _list_end(text: str, start: int) -> int:
    """The items run to the end of their paragraph (or of the next one, when the lead ends
    its own)."""
    rest = text[start:]
    first = re.search(r"\S", rest)
    if first is None:
        return start
    brk = re.search(r"\n\s*\n|\n\s{2,}(?=\S)|\.\s*\n|\.\s+(?=[A-Z][a-z]+\s+[a-z])", rest[first.start():])
    return start + first.start() + (brk.start() + (1 if brk.group(0).startswith(".") else 0) if brk else len(rest))


def _items(ctx: Context, lead: Lead, opening: int, start: int, facts: list[Fact]) -> list[Fact]:
    text = text_of(ctx.doc)
    end = _list_end(text, start)
    body = text[start:end]
    _, item_pattern = _patterns()
    items = [m for m in item_pattern.finditer(body)]
    units = [m.group("unit").lower() for m in items if m.group("unit")]
    unit, scale = lead.unit, lead.scale
    if unit is None:
        unit = units[0] if units and len(set(units)) == 1 else prior_unit(ctx, opening, facts, lead)
    if unit is None:
        return []
    whole = ctx.doc.char_span(opening, end, alignment_mode="expand")
    buyers = lead.exports and _names_buyers(text[opening:start])
    comparison = lead.comparison or _stated_comparison(ctx, body, items)
    out: list[Fact] = []
    for m in items:
        partner = _partner(ctx, start + m.start("name"), start + m.end("name"))
        if partner is None or partner == lead.trader:
            continue
        goods = lead.goods
        if m.group("goods"):
            goods = _goods_at(ctx, start + m.start("goods"), start + m.end("goods")) or None
            if goods is None:
                continue  # "158,109 tonnes of barley" where barley is no product the text named
        if goods is None:
            continue
        q = parse_quantity(m.group("number"))
        if q is None or _share_or_money(body, m.end("number")):
            continue  # "Australia (44 pct)", "Japan 12 mln dlrs": no quantity of the goods
        item_unit = (m.group("unit") or unit).lower()
        evidence = ctx.doc.char_span(start + m.start("name"), start + m.end(), alignment_mode="expand")
        if evidence is None or whole is None:
            continue
        predicate = Predicate.EXPORTS if lead.exports else Predicate.IMPORTS
        common = dict(object=goods, unit=item_unit, partner=partner, sentence=whole, confidence=CONFIDENCE)
        if buyers:
            # "the main buyers were Italy with 1.89 mln": each buyer imports from the exporter
            predicate, common = Predicate.IMPORTS, {**common, "partner": lead.trader, "subject": partner}
        value = scaled(q.value, scale if not m.group("unit") else Decimal(1))
        out.append(_fact(ctx, lead, predicate, evidence, value, lead.period, **common))
        if m.group("against") and (c := parse_quantity(m.group("against"))) is not None:
            # written in the item: a figure of its own, for the period the list states for it
            out.append(_fact(ctx, lead, predicate, evidence, scaled(c.value, scale), comparison, **common))
        compared = m.group("compared")
        if compared and comparison is not None and (c := parse_quantity(compared)) is not None \
                and not any(w in compared.lower() for w in data()["missing_figures"]):
            out.append(_fact(ctx, lead, predicate, evidence, scaled(c.value, scale), comparison, **common))
    return out


def _names_buyers(lead: str) -> bool:
    """The lead's partner word names the buyers as traders ("the main buyers were")."""
    return bool(re.search(rf"\b(?:{'|'.join(data()['buyer_partners'])})\b", lead, re.I))


def _stated_comparison(ctx: Context, body: str, items: list[re.Match[str]]) -> Period | None:
    """The period a list names for its comparison figures inside an item ("Italy with 1.89
    mln against 1.63 mln in the same 1985/86 period, West Germany 480,450 (717,689)"): the
    one period written right after the first comparison figure."""
    first = next((m for m in items if m.group("against")), None)
    if first is None:
        return None
    after = re.match(r"\s*(?P<period>in\s+[^,;()]+|a\s+year\s+(?:ago|earlier))", body[first.end("against"):])
    if after is None:
        return None
    found = find_periods(after.group("period"), ctx.article.published)
    return found[0] if found else None


def _fact(ctx: Context, lead: Lead, predicate: Predicate, evidence: Span, value: Decimal, period: Period | None,
          *, rule: str = "list-partner", **common: Any) -> Fact:
    sentence = common.pop("sentence")
    confidence = common.pop("confidence")
    subject = common.pop("subject", lead.trader)
    return ctx.fact(subject, predicate, [evidence], rule=rule, confidence=confidence,
                    sentence=sentence, quantity=value, period=period.text if period else None,
                    period_start=period.start if period else None, period_end=period.end if period else None,
                    forecast=False, **common)  # fmt: skip


# an item's name may open with a capital at the head of the list ("Cotton 5,000 (nil)")
_GOODS_ITEM = re.compile(r"(?:^|,|;|\band\b|:)\s*(?P<name>[A-Za-z][a-z/ \n-]*?)\s+(?P<number>\d[\d,]*(?:\.\d+)?)"
                         r"(?=\s*[,;(.]|\s+and\b|\s*$)(?:\s*\((?P<compared>[^()]*)\))?", re.M)


def _goods_lists(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """Breakdowns by goods of a flow the story stated just before: each item whose name is a
    product mention, in the unit and period the lead or that flow state; the bracketed
    figure only where the lead says which period it is of."""
    text = text_of(ctx.doc)
    out: list[Fact] = []
    for match in BREAKDOWN_LEAD.finditer(text):
        opening = _sentence_start(text, match.start())
        exports = match.group("flow").lower() != "imports" if match.group("flow") else _last_direction(ctx, opening, facts)
        if exports is None:
            continue
        lead = read_lead(ctx, opening, match.end(), facts, exports=exports)
        if lead is None or (unit := lead.unit or prior_unit(ctx, opening, facts, lead)) is None:
            continue
        if prior_unit(ctx, opening, facts, lead) is None:
            continue  # no flow of this trader stated before: whose goods these are is not certain
        end = _list_end(text, match.end())
        whole = ctx.doc.char_span(opening, end, alignment_mode="expand")
        predicate = Predicate.EXPORTS if exports else Predicate.IMPORTS
        for m in _GOODS_ITEM.finditer(text[match.end() : end]):
            at = match.end()
            goods = _product_named(ctx, at + m.start("name"), at + m.end("name"))
            q = parse_quantity(m.group("number"))
            evidence = ctx.doc.char_span(at + m.start("name"), at + m.end(), alignment_mode="expand")
            if goods is None or q is None or evidence is None or whole is None:
                continue
            common = dict(object=goods, unit=unit, partner=None, sentence=whole, confidence=CONFIDENCE, rule="list-goods")
            out.append(_fact(ctx, lead, predicate, evidence, scaled(q.value, lead.scale), lead.period, **common))
            compared = m.group("compared")
            if compared and lead.comparison is not None and (c := parse_quantity(compared)) is not None \
                    and not any(w in compared.lower() for w in data()["missing_figures"]):
                before = scaled(c.value, lead.scale)
                out.append(_fact(ctx, lead, predicate, evidence, before, lead.comparison, **common))
    return out


def _last_direction(ctx: Context, start: int, facts: list[Fact]) -> bool | None:
    """Whether the counted flow stated last before ``start`` is an export (None: no flow)."""
    before = [f for f in facts if f.predicate in (Predicate.EXPORTS, Predicate.IMPORTS) and f.quantity is not None
              and f.end - ctx.offset <= start]  # fmt: skip
    return max(before, key=lambda f: f.end).predicate is Predicate.EXPORTS if before else None


def _product_named(ctx: Context, start: int, end: int) -> str | None:
    """The product whose mention is exactly the item's name: "beef offal" is no "beef"."""
    return next((k for k, m in ctx.entity_mentions(PRODUCTS) if (m.start_char, m.end_char) == (start, end)), None)


def _share_or_money(body: str, at: int) -> bool:
    """A share ("44 pct") or an amount of money ("12 mln dlrs") follows the number."""
    word = re.match(r"\s*([%\w]+)", body[at:])
    if word is None:
        return False
    after = word.group(1).lower()
    return after in _stop_words()


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    flows = lexicon("trade")["flows"]
    money = lexicon("currencies")
    shares = (w.lower() for w in flows["share_words"] if w.lower() not in ("a", "an"))
    return frozenset({"%", "pct", "percent", "per", *shares,
                      *(w.lower() for w in money["names"]), *(c.lower() for c in money["codes"])})


def _partner(ctx: Context, start: int, end: int) -> str | None:
    """The one entity a list item's name is: its mention must cover the name."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    keys = {k for t in span if (k := ctx.key(t, PARTNERS))}
    joined = re.fullmatch(r"(?P<first>.+?)\s+and\s+(?P<second>.+)", span.text, re.S)
    if len(keys) == 2 and joined is not None:
        # "Spain and Canary Islands 176,287": one figure for two partners, read as the first's
        return _partner(ctx, span.start_char + joined.start("first"), span.start_char + joined.end("first")) \
            if _partner(ctx, span.start_char + joined.start("second"), span.end_char) else None
    paired = re.fullmatch(r"(?P<first>[^/]+?)\s*/\s*[A-Z][\w.' -]*", span.text)
    if paired is not None and keys:
        # "Aruba/Curacao 1,600": one figure for a pair of places set as one, read as the
        # first's (as "Spain and Canary Islands"); the second need be no known name
        return _partner(ctx, span.start_char, span.start_char + paired.end("first"))
    if len(keys) != 1:
        return None
    key = keys.pop()
    words = [t for t in span if t.lower_ != "the" and not t.is_space]
    if all(ctx.key(t, PARTNERS) == key for t in words):
        return key
    # a name broken over a line ("Soviet\nUnion") is no one mention, but still the entity's name
    return key if ctx.key_by_name(" ".join(t.text for t in words), PARTNERS) == key else None


def _goods_at(ctx: Context, start: int, end: int) -> str | None:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return next((k for t in span or () if (k := ctx.key(t, PRODUCTS))), None)


__all__ = ["extract"]
