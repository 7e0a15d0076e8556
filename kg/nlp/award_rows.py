"""Rows of an award list: the lines of a tender report that each give one seller's share.

    The purchase consisted of the following cargoes -
     - Acme Grain sold 10,000 tonnes of number two wheat for May 5/30 shipment at 117 dlrs.
     - Zenith Trading 8,000 tonnes of wheat for June 1/25 at 120 dlrs.

A row is a line that opens with a dash, then a name of one to four capitalised words (the
seller), an optional "sold", and a figure counted in a unit of goods. Rows are read only
where a sale, purchase or tender word comes just before the first of them and at least two
rows follow one another: a lone dashed line, or rows of goods ("- Wheat 10,000 tonnes") or of
places ("- Egypt 10,000 tonnes"), name no seller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.nlp.datafiles import rule_data
from kg.nlp.doc_index import positions_of, text_of
from kg.nlp.gazetteer import country_of, country_of_demonym

_MAX_NAME_WORDS = 4
_MIN_ROWS = 2
# how far before the first row its lead may name the sale
_LEAD_CHARS = 300
_LEAD = re.compile(r"\b(?:bought|purchased?|purchases|sold|sales?|tenders?|awarded|awards?)\b", re.I)
# the model's labels of names that are no seller: places, dates and figures
_NOT_SELLER = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "NORP"})


@dataclass(frozen=True)
class AwardRow:
    """One seller's row: the seller's name, the figure, its unit and the row's whole text."""

    seller: Span
    figure: Token
    unit: Token
    row: Span


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    # one-word units only: a row's figure is followed by the unit's single token
    return frozenset(u for u in rule_data("trade")["flows"]["quantity_units"] if " " not in u)


def award_rows(doc: Doc) -> list[AwardRow]:
    """Every row of the award lists of ``doc``, in text order."""
    dashes = (doc[i] for i in positions_of(doc, ("-", "--")))
    candidates = [row for dash in dashes if _opens_row(dash) and (row := _row(doc, dash)) is not None]
    out: list[AwardRow] = []
    run: list[AwardRow] = []
    for row in candidates:
        if run and doc[run[-1].row.end : row.row.start].text.strip():
            out.extend(_kept(doc, run))
            run = []
        run.append(row)
    out.extend(_kept(doc, run))
    return out


def _kept(doc: Doc, run: list[AwardRow]) -> list[AwardRow]:
    """A run of rows is an award list when it is long enough and a sale opens it."""
    if len(run) < _MIN_ROWS:
        return []
    start = run[0].row.start_char
    return run if _LEAD.search(text_of(doc)[max(0, start - _LEAD_CHARS) : start]) else []


def _opens_row(token: Token) -> bool:
    """A dash at the start of a line."""
    if token.text not in ("-", "--") or token.i + 1 >= len(token.doc):
        return False
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return "\n" in before.whitespace_ or before.is_space and "\n" in before.text


def _row(doc: Doc, dash: Token) -> AwardRow | None:
    i = dash.i + 1
    start = i
    while i < len(doc) and i - start < _MAX_NAME_WORDS and _name_word(doc[i]):
        i += 1
    if i == start:
        return None
    seller = doc[start:i]
    if i < len(doc) and doc[i].lower_ == "sold":
        i += 1
    if i + 1 >= len(doc) or not doc[i].like_num or doc[i + 1].lower_ not in _units():
        return None
    if not _seller_name(seller):
        return None
    end = i + 2
    while end < len(doc) and not _opens_row(doc[end]) and not _paragraph_break(doc[end - 1]):
        end += 1
    return AwardRow(seller=seller, figure=doc[i], unit=doc[i + 1], row=doc[dash.i : end])


def _name_word(token: Token) -> bool:
    text = token.text
    return text[:1].isupper() and text.replace(".", "").replace("&", "").isalpha() and not token.is_space


def _seller_name(span: Span) -> bool:
    """A name that may be a seller's: no country or demonym, no place, no date, no goods."""
    if country_of(span.text) is not None or any(country_of_demonym(t.text) for t in span):
        return False
    if any(t.ent_type_ in _NOT_SELLER for t in span):
        return False
    return not all(t.lower_ in _goods_words() for t in span)  # "Continental Grain" is a firm


@lru_cache(maxsize=1)
def _goods_words() -> frozenset[str]:
    """Words that name goods: a row opening with one lists goods, not sellers."""
    from kg.nlp import lexicon

    words = {w for term in lexicon.product_terms() for w in term.split()}
    return frozenset(words | lexicon.product_heads() | lexicon.commodity_heads() | _units())


def _paragraph_break(token: Token) -> bool:
    """The row ends where its paragraph does: at a blank line or an indented new line."""
    return bool(re.search(r"\n\s*\n|\n {2,}", token.text_with_ws if token.is_space else token.whitespace_))
