"""Tables whose rows are goods, under a lead that counts one direction of trade.

"The grain board issued the following figures covering shipments of export grains in the
week to April 1, in tonnes" over rows " Bread wheat   235,800   205,700": the lead says the
rows are shipments abroad, so each row's label is the goods shipped. The entity rules keep
out of tables (``kg.nlp.tables.table_names``) and read no product in a bare row label; here
the labels of such a table that name a kind of goods (``products.tsv``, by their last words)
become Product mentions, for ``kg.nlp.relations.table_goods`` to read their figures. A table
whose lead counts stocks, output or prices as well, or both exports and imports, is left
alone: its rows may be anything.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp.datafiles import rule_data
from kg.nlp.doc_index import text_of
from kg.nlp.lexicon import commodity_heads, norm, product_heads, product_terms
from kg.nlp.tables import Block, table_blocks

_LEAD_CHARS = 400
# words a goods label may put before the kind it names ("Bread wheat", "Yellow maize")
_MAX_QUALIFIERS = 2


@lru_cache(maxsize=1)
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    tables = rule_data("tables")

    def pattern(key: str) -> re.Pattern[str]:
        words = "|".join(re.escape(w) for w in sorted(tables[key], key=len, reverse=True))
        return re.compile(rf"\b(?:{words})\b", re.I)

    return pattern("export_flows"), pattern("import_flows"), pattern("other_measures")


def flow_direction(lead: str) -> bool | None:
    """True for a lead that counts exports only, False for imports only, None otherwise
    (both, neither, or a lead that counts stocks, output or prices beside them)."""
    exports, imports, others = _words()
    if others.search(lead):
        return None
    to, came = bool(exports.search(lead)), bool(imports.search(lead))
    return to if to != came else None


def lead_start(text: str, at: int) -> int:
    """Where the paragraph right above a table opens: an indented line, a blank line or the
    text's start, at most ``_LEAD_CHARS`` back (a wire paragraph is reflowed in short lines)."""
    floor = max(0, at - _LEAD_CHARS)
    end = at
    while end > floor and text[end - 1].isspace():
        end -= 1
    start = text.rfind("\n", floor, end)
    while start > floor:
        line_start = start + 1
        if text[line_start : line_start + 1].isspace() or not text[line_start:end].strip():
            return line_start
        previous = text.rfind("\n", floor, start)
        if previous < 0 or not text[previous + 1 : start].strip():
            return line_start if previous >= 0 else (0 if floor == 0 else line_start)
        start = previous
    return 0 if floor == 0 else max(floor, start + 1)


def goods_direction(text: str, block: Block) -> bool | None:
    """The direction a goods table's lead counts (see ``flow_direction``), None if unsure."""
    return flow_direction(text[lead_start(text, block.start) : block.rows[0].start])


def goods_labels(doc: Doc) -> list[Span]:
    """Product mentions of the row labels of tables whose lead counts one trade flow."""
    text = text_of(doc)
    if "   " not in text:
        return []
    out: list[Span] = []
    for block in table_blocks(text):
        if block.sections or goods_direction(text, block) is None:
            continue
        for row in block.rows:
            if not _names_goods(row.label):
                continue
            span = doc.char_span(row.label_start, row.label_end, alignment_mode="contract")
            if span is not None and len(span):
                out.append(Span(doc, span.start, span.end, label=EntityType.PRODUCT))
    return out


def _names_goods(label: str) -> bool:
    """ "Bread wheat", "Maize", "Sorghum": goods, by the label's last words (a kind of
    ``products.tsv`` or a commodity's head noun), with at most two words before them; no
    figure, bracket or punctuation of a longer label."""
    words = norm(label).split()
    if not words or len(words) > _MAX_QUALIFIERS + 1 or not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words):
        return False
    last = words[-1]
    heads = commodity_heads() | product_heads()
    if last in heads or (last.endswith("s") and last[:-1] in heads):
        return True
    terms = product_terms()
    return any(" ".join(words[i:]) in terms for i in range(len(words)))


__all__ = ["flow_direction", "goods_direction", "goods_labels", "lead_start"]
