"""Purchases and sales of money or paper, not of goods: "German investors' purchases of
foreign securities", "the central bank's purchases of one billion U.S. dollars on the local
interbank market". A trade word whose own phrase names a financial instrument or the money
market is a capital flow; read as imports or exports it would give the buyer a value of goods
it never traded."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.nlp.lexicon import read_lines


@lru_cache(maxsize=1)
def _instruments() -> frozenset[str]:
    return frozenset(read_lines("financial_instruments.txt"))


def financial_flow(anchor: Token) -> bool:
    """The phrase the trade word heads, after it, names securities, bonds, shares or the
    interbank market ("purchases of foreign bonds", "sales of dollars on the interbank
    market"); the words before it ("bond-financed imports of grain") do not count."""
    words = _instruments()
    return any(t.lower_ in words for t in _own_phrase(anchor))


# what a bought object's phrase holds, not another clause hung on it ("wheat, financed with bonds")
_OBJECTS = frozenset({"dobj", "prep", "pobj", "amod", "compound", "nmod", "det", "nummod", "quantmod", "punct"})


def _own_phrase(anchor: Token) -> list[Token]:
    """The words after the trade word in its object and its prepositions ("of ... securities",
    "on the interbank market"), without the clauses that hang on them."""
    out: list[Token] = []
    todo = [c for c in anchor.children if c.i > anchor.i and c.dep_ in ("dobj", "prep")]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(c for c in t.children if c.dep_ in _OBJECTS)
    return out


__all__ = ["financial_flow"]
