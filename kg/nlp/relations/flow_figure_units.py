"""The number of a flow's figure and the unit or currency it is in: what is a number (no
year), the unit written after it, a plain number that takes the unit of the figure it is
compared with or the unit the story counts in, a bare number in the scale of the figures
before it, the currency of the last amount named. ``flow_figures`` and the modules that read
figures outside a flow clause use these to measure what they read."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Token

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import PRODUCTS, Context, sentences_back
from kg.nlp.relations.flow_cargo_goods import goods_before_cargo_unit
from kg.nlp.relations.flow_clause import Figure, flow_words
from kg.nlp.relations.flow_counts import Count
from kg.nlp.relations.flow_unit_weights import after_unit_weight
from kg.nlp.relations.quantities import parse_quantity
from kg.nlp.relations.trade import money_in


# Words right after a plain number that compare it with the next figure, which gives the
# unit of both when it has one: "fell to 6,211 from 6,293 tonnes".
COMPARED_NEXT = frozenset({"from", "against", "versus"})


def word_after_digits(doc, j: int) -> bool:
    """ "from 225,000 one year earlier": a number word after a number in digits opens
    something else (a length of time), never the same number."""
    return doc[j].is_alpha and any(c.isdigit() for c in doc[j - 1].text)


def plain_count(doc, figure: Figure, plain: Count | None) -> bool:
    """A number with no unit word is the flow's figure in the story's unit; a count of goods
    only when whole, and no year ("in 1986")."""
    if plain is None:
        return False
    if plain.unit is None and (figure.value != figure.value.to_integral_value() or figure.value < 10):
        return False
    if figure.start > 0 and doc[figure.start - 1].lower_.strip(".") in lexicon("dates")["months"]:
        return False  # "ending March 31": a day
    after = figure.end
    while after < len(doc) and doc[after].is_space:
        after += 1
    if after < len(doc) and doc[after].pos_ in ("NOUN", "PROPN") and doc[after].is_lower:
        return False  # "an estimated five  months", "12 refineries": a number of something else
    return not (1900 <= figure.value <= 2100 and figure.end - figure.start == 1 and "," not in doc[figure.start].text)


def counts_goods(ctx: Context, figure: Figure) -> bool:
    """ "two passenger aircraft", "300 ventilators": a whole number right before goods that
    end their noun phrase counts them ("12 sugar refineries" counts no sugar)."""
    doc = ctx.doc
    if figure.value != figure.value.to_integral_value() or figure.end >= len(doc):
        return False
    goods = ctx.key(doc[figure.end], PRODUCTS)
    if goods is None:
        return False
    after = figure.end
    while after < len(doc) and ctx.key(doc[after], PRODUCTS) == goods:
        after += 1
    return after == len(doc) or doc[after].pos_ not in ("NOUN", "PROPN")


def level_of_unitless(doc, unitless: Figure | None, figure: Figure) -> list[Figure] | None:
    """The reported figure and the one compared with, when a plain number waits for the unit
    of the figure right after it: "from 32,796 to 50,855 tonnes" (the second is the level),
    "289,232 compares with 165,859 tonnes" (the first is)."""
    if unitless is None or not (figure.unit or figure.currency) or not comparable(unitless.value, figure.value):
        return None
    between = [t.lower_ for t in doc[unitless.end : figure.start]]
    measured = dict(unit=figure.unit, currency=figure.currency)
    first = Figure(value=unitless.value, start=unitless.start, end=unitless.end, **measured)
    second = Figure(value=figure.value, start=figure.start, end=figure.end, **measured)
    if between == ["to"]:
        return [second, replace(first, comparison=True)]
    if between[:2] in (["compares", "with"], ["compared", "with"]) and len(between) == 2 \
            or len(between) == 1 and between[0] in COMPARED_NEXT:
        # "fell to 6,211 from 6,293 tonnes": the level first, its unit written once, after
        return [first, replace(second, comparison=True)]
    return None


def measured_after(doc, j: int, end: int) -> bool:
    """True when a number starting at ``j`` has a unit word: "6,293 tonnes", "6.3 mln tonnes"."""
    scales = lexicon("numbers")["scales"]
    if j >= end or not (doc[j].like_num and is_number(doc[j])):
        return False
    while j < end and (doc[j].like_num and is_number(doc[j]) or doc[j].lower_ in scales):
        j += 1
    return unit_at(doc, j, end)[0] is not None


def comparable(value: Decimal, other: Decimal) -> bool:
    """A figure written without its unit compares with one of about its size (a twentieth
    to twenty times): "530,500 tonnes, against 468,500", not "2 mln tonnes over four years"."""
    if not value or not other:
        return True  # "compared with zero"
    ratio = abs(value / other)
    return Decimal("0.05") <= ratio <= Decimal(20)


def listed_comparison(doc, figure: Figure, previous: Figure) -> bool:
    """ "1,263 tonnes in January, down from 7,411 in December and 27,088 in January 1986": a
    plain number that continues a list of figures compared with is of that list's size, however
    far the level has moved since (the year-ago figure may be twenty times the month's)."""
    if not previous.comparison or not comparable(figure.value, previous.value):
        return False
    between = doc[previous.end : figure.start]
    return any(t.lower_ in ("and", ",") for t in between[-1:]) and not any(t.pos_ in ("VERB", "AUX") for t in between)


def scaled(doc, figure: Figure) -> bool:
    return any(t.lower_ in lexicon("numbers")["scales"] for t in doc[figure.start : figure.end])


def rescaled(doc, figure: Figure, before: list[Figure]) -> Figure:
    """ "from 889.2 mln (revised from 889.5) in January and 903.2 a year ago": a bare number
    after scaled figures is in the scale of the last of them, which newswire writes once."""
    scales = lexicon("numbers")["scales"]
    if scaled(doc, figure):
        return figure
    word = next((t.lower_ for f in reversed(before) for t in doc[f.start : f.end] if t.lower_ in scales), None)
    q = parse_quantity(f"{doc[figure.start : figure.end].text} {word}") if word else None
    if q is None:
        return figure
    return Figure(value=q.value, start=figure.start, end=figure.end, unit=figure.unit,
                  currency=figure.currency, comparison=figure.comparison, estimate=figure.estimate)


def recent_currency(ctx: Context, before: int, local: str | None) -> str | None:
    """The currency of the last amount of money in this or the previous two sentences."""
    doc = ctx.doc
    floor = sentences_back(doc, doc[before].sent.start, 2)
    found = money_in(doc[floor:before], matcher=ctx.rules.money, local=local, published=ctx.article.published)
    return found[-1].currency if found else None


def is_number(token: Token) -> bool:
    text = token.text.replace(",", "")
    if text.isdigit() and len(text) == 4 and text[:2] in ("19", "20") and "," not in token.text:
        return False  # a year
    return any(c.isdigit() for c in text) or token.lower_ in lexicon("numbers")["units"]


def unit_at(doc, j: int, end: int) -> tuple[str | None, int]:
    """The unit written after a number ("tonnes", "short tons", "bags"), and where it ends."""
    words = []
    k = j
    while k < end and doc[k].is_space:
        k += 1  # "2,600,000  tonnes": newswire's double space is a token of its own
    if k + 1 < end and k > 0 and doc[k].text == "-" and not doc[k - 1].whitespace_ and not doc[k].whitespace_ \
            and doc[k + 1].lower_ in flow_words("quantity_units"):
        k += 1  # "a 27,000-tonne cargo": the unit joined to its figure by a hyphen
    if (weighed := after_unit_weight(doc, k, end)) != k and weighed < end \
            and doc[weighed].lower_ in flow_words("quantity_units"):
        k = weighed  # "3.3 mln 60-kilo bags": the bags' weight is no figure of its own
    while k < end and doc[k].lower_ in flow_words("unit_modifiers") and len(words) < 2:
        words.append(doc[k].lower_)
        k += 1
    if k < end and doc[k].lower_ in ("barrels", "barrel") and k + 2 < end \
            and doc[k + 1].lower_ in ("per", "a") and doc[k + 2].lower_ == "day":
        return "bpd", k + 3  # "50,000 barrels per day": the rate newswire writes as bpd
    if k < end and doc[k].lower_ in flow_words("quantity_units"):
        return " ".join([*words, doc[k].lower_]), k + 1
    if k + 1 < end and f"{doc[k].lower_} {doc[k + 1].lower_}" in flow_words("quantity_units"):
        return " ".join([*words, doc[k].lower_, doc[k + 1].lower_]), k + 2
    if not words and (cargo := goods_before_cargo_unit(doc, k, end)) is not None:
        return doc[cargo].lower_, cargo + 1  # "two white sugar cargoes": counted in cargoes
    return None, j
