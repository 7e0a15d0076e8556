"""The weight a unit of count is filled to, written between a figure and its unit: "3.3 mln
60-kilo bags", "440,000 60-kg bags", "seven mln (60-kilo) bags". It says what one bag
holds; the figure counts the bags, and the weight's own number is no figure of the flow."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_WEIGHTS = frozenset({"kilo", "kilos", "kg", "kgs", "kilogram", "kilograms", "lb", "lbs", "pound"})


def after_unit_weight(doc: Doc, k: int, end: int) -> int:
    """Where the unit starts after a weight qualifier at ``k`` ("60-kilo", "(60-kg)", "60
    kilo"); ``k`` itself where none stands there."""
    i = k + 1 if k < end and doc[k].text == "(" else k
    if not (i < end and doc[i].like_num):
        return k
    i += 1
    if i < end and doc[i].text == "-":
        i += 1
    if not (i < end and doc[i].lower_ in _WEIGHTS):
        return k
    i += 1
    if doc[k].text == "(":
        if not (i < end and doc[i].text == ")"):
            return k
        i += 1
    return i


def weighs_a_unit(token: Token) -> bool:
    """ "bags of 60 kilos", "(60 kg)", "60-kilo": a number that gives the weight of the unit
    counted before it, no figure of its own."""
    doc = token.doc
    return token.like_num and after_unit_weight(doc, token.i, len(doc)) != token.i \
        and token.i > 0 and (doc[token.i - 1].lower_ in ("of", "(") or doc[token.i + 1].text == "-")
