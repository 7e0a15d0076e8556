"""A flow noun that names only part of a country's trade: "non-oil exports", "non-petroleum
imports", "imports, excluding oil and wheat, totalled ...". A value given without goods stands
for all goods (the gold format), so such a figure read as the trader's whole trade is wrong;
the part has no goods of its own to carry it, so the value is left unread."""

from __future__ import annotations

from spacy.tokens import Doc, Token

# words that take some goods (or partners) out of the total the figure stands for
_EXCLUDING = frozenset({"excluding", "except", "excl", "exclusive", "ex-"})


def _non_modifier(doc: Doc, noun: Token) -> bool:
    """ "non-oil exports", "non-petroleum imports", "non - oil": a "non-" word right before the
    noun (or before its compounds) qualifies the trade itself, not a partner ("exports to
    non-EC destinations" has its "non-" after the noun)."""
    i = noun.i - 1
    for _ in range(6):  # "non-oil merchandise exports", "non - oil exports", "non-oil and gas exports"
        if i < noun.sent.start:
            return False
        word = doc[i].lower_
        if word.startswith("non-") or word == "non":
            return True
        if doc[i].dep_ not in ("amod", "compound", "punct", "nmod", "cc", "conj") and word not in ("-", "and"):
            return False
        i -= 1
    return False


def _excluding_after(doc: Doc, noun: Token, figure_start: int) -> bool:
    """ "Imports in the first two months, excluding oil and wheat, totalled 1.8 billion": the
    excluding words stand between the trade noun and its figure."""
    words = [t.lower_ for t in doc[noun.i + 1 : figure_start]]
    return any(w in _EXCLUDING for w in words) \
        or any(a == "other" and b == "than" for a, b in zip(words, words[1:]))


def partial_total(doc: Doc, noun: Token, figure_start: int) -> bool:
    """The trade noun names part of the trade, so its figure is not the whole trade's."""
    return _non_modifier(doc, noun) or (noun.i < figure_start and _excluding_after(doc, noun, figure_start))


__all__ = ["partial_total"]
