"""Goods a list's lead names jointly: "Main destinations for canned meat and cooked beef
(bone in equivalent) were: United States 88,300, E.C. 30,700".

Each item's one figure counts both goods together, so neither "canned meat" nor "cooked
beef" alone is what it counts: the coordinated phrase is one Product mention, and the list
reads its items as flows of it. Only where both conjuncts name goods (by their last word, a
commodity or product head or a kind of ``products.tsv``) and the phrase stands right after a
partner word of a list lead ("destinations for", "suppliers of").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp.doc_index import text_of
from kg.nlp.lexicon import commodity_heads, product_heads, product_terms

_CONJUNCT = r"(?-i:[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}?)"
_JOINT = re.compile(
    rf"\b(?:destinations?|buyers|markets|suppliers|origins?)\s+(?:for|of)\s+"
    rf"(?P<goods>(?P<first>{_CONJUNCT})\s+and\s+(?P<second>{_CONJUNCT}))"
    r"(?=\s*[(),:;]|\s+(?:were|was|are|is|in|with|as|during)\b)", re.I)


def joint_goods(doc: Doc) -> list[Span]:
    """The Product mentions of goods named jointly in list leads."""
    text = text_of(doc)
    out = []
    for match in _JOINT.finditer(text):
        if not (_names_goods(match.group("first")) and _names_goods(match.group("second"))):
            continue
        span = doc.char_span(match.start("goods"), match.end("goods"))
        if span is not None:
            out.append(Span(doc, span.start, span.end, label=EntityType.PRODUCT))
    return out


def _names_goods(words: str) -> bool:
    last = words.lower().split()[-1]
    heads = commodity_heads() | product_heads() | product_terms()
    return last in heads or (last.endswith("s") and last[:-1] in heads)


__all__ = ["joint_goods"]
