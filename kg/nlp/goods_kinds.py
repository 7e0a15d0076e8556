"""Kinds of goods a breakdown names by one word: "Argentine vegetable oil shipments totalled
1.8 mln tonnes ... Breakdown was as follows: cotton 9,000 (27,900), sunflower 954,303" lists
cotton oil and sunflower oil, not cotton and sunflowers.

In a list that breaks down a flow of goods the story named just before ("vegetable oils"),
an item whose words name a kind of those goods (``goods_kinds.tsv``: "cotton" of "oil") is a
Product mention of that kind, "<item> <head>"; the name travels with the span as its
``kb_id`` so that resolution names the product by it (kg.nlp.resolve). An item of the same
list that names goods on its own ("wheat flour", "fiber cotton" among oilseed subproducts)
is a Product mention as written.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.doc_index import text_of

_BREAKDOWN = "breakdown"
# "The breakdown was, in tonnes, cotton nil (nil), sunflower 27,715": the unit, set off by
# commas, ends the lead as a colon does
_UNIT_LEAD = r",\s+in\s+(?:metric\s+|short\s+|long\s+)?(?:tonnes|tons|bags|bales|barrels|bushels|ounces|kilos|pounds)\s*,"
# "Shipments in tonnes, with figures for 1985 in brackets, included: beef 120,184", and
# "Breakdown was as follows:" or "The breakdown was:", which break down the flow stated just
# before (the look-ahead of the first letters, s e i t b, lets the scan skip every other
# position at once: a third of the cost of the search on a whole news text)
BREAKDOWN_LEAD = re.compile(rf"(?=[seitb])\b(?:(?P<flow>shipments|exports|imports)\b[^.;:]{{0,200}}?"
                            rf"\b(?:included|include|were|comprised)\s*:|(?:the\s+)?(?:{_BREAKDOWN})\s*,?\s+(?:was|is)\b"
                            rf"(?:\s*,?(?:\s+as\s+follows\b)?[^.;:\d]{{0,40}}\s*:|{_UNIT_LEAD}))", re.I)
# an item: its words, then its figure ("nil" too), and a comparison in brackets
_ITEM = re.compile(r"(?:^|[,;:]|\band\b)\s*(?P<name>[A-Za-z][a-z]*(?:/[a-z]+)?(?:\s+[a-z]+){0,3}?)\s+"
                   r"(?:nil|\d[\d,]*(?:\.\d+)?)(?=\s*[,;(.]|\s+and\b|\s*$)")
# how far back (characters) the goods a breakdown lists the kinds of may be named
_REACH = 1200


def kind_items(doc: Doc, products: list[Span]) -> list[Span]:
    """The Product mentions of the kinds of goods every breakdown lists, each with the name
    of its kind as ``kb_id``; ``products`` are the goods mentions found so far."""
    text = text_of(doc)
    kinds = lexicon.goods_kinds()
    out: list[Span] = []
    for lead in BREAKDOWN_LEAD.finditer(text):
        head = _listed_head(products, lead.start(), kinds)
        if head is None:
            continue
        end = _list_end(text, lead.end())
        for item in _ITEM.finditer(text, lead.end() - 1, end):  # from the colon, which opens the first item
            name = lexicon.norm(item.group("name"))
            span = doc.char_span(item.start("name"), item.end("name"))
            if span is None:
                continue
            if name in kinds[head]:
                out.append(Span(doc, span.start, span.end, label=EntityType.PRODUCT, kb_id=f"{name} {head}"))
            elif _names_goods(span):
                out.append(Span(doc, span.start, span.end, label=EntityType.PRODUCT))
    return out


def _names_goods(span: Span) -> bool:
    """An item that names goods by itself: a product the lexicon knows ("wheat flour") or
    words ending in a goods noun ("fiber cotton", "bran/pollards wheat")."""
    if lexicon.norm(span.text) in lexicon.product_terms():
        return True
    last = span[-1]
    heads = lexicon.product_heads() | lexicon.commodity_heads()
    return last.lemma_.lower() in heads or last.lower_ in heads


def _listed_head(products: list[Span], at: int, kinds: dict[str, frozenset[str]]) -> str | None:
    """The head word of the goods named last before ``at`` (within reach) whose kinds are
    known: "oil" of "vegetable oils"."""
    before = [s for s in products if s.end_char <= at and at - s.end_char <= _REACH
              and _head_word(s) in kinds]  # fmt: skip
    return _head_word(max(before, key=lambda s: s.end_char)) if before else None


def _head_word(span: Span) -> str:
    last = span[-1]
    return last.lemma_.lower() if last.lemma_.lower() in lexicon.goods_kinds() else last.lower_


def _list_end(text: str, start: int) -> int:
    """The items run to the end of their sentence or paragraph."""
    brk = re.compile(r"\.(?:\s|$)|\n\s*\n").search(text, start)
    return brk.start() if brk else len(text)
