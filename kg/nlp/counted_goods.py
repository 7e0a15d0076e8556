"""Goods counted one by one (cars, television sets, aircraft), not weighed in bulk: a plain
number of them is a count, and a size class after their name ("trucks of up to six tonnes")
names a kind of them, not a quantity."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.nlp.datafiles import load
from kg.nlp import lexicon
from kg.nlp.goods import SCALE_WORDS, figure_before, written_sentence

# The words that open a size class after the goods: "of up to", "over", "under".
_BOUNDS = ("up to", "over", "under", "above", "below", "more than", "less than")
# The measures a size class is given in.
_SIZE_MEASURES = frozenset({"tonne", "tonnes", "ton", "tons", "kilo", "kilos", "kg", "litre", "litres", "liter",
                            "liters", "cc", "seat", "seats", "inch", "inches", "horsepower", "hp", "metre", "metres"})


@lru_cache(maxsize=1)
def counted_heads() -> frozenset[str]:
    """Head nouns (singular) of goods counted one by one (``counted_goods.txt``)."""
    return frozenset(load("counted_goods.txt"))


# A size class closing a name of goods ("trucks of up to six tonnes"): no part of its head.
_SIZE_CLASS = re.compile(r"\s+(?:of\s+)?(?:" + "|".join(_BOUNDS) + r")\s.*$")


def counted_one_by_one(name: str) -> bool:
    """ "car and van", "colour television", "trucks of up to six tonnes": a name whose head
    noun counts units."""
    words = _SIZE_CLASS.sub("", name.lower()).split()
    if not words:
        return False
    head, heads = words[-1], counted_heads()
    return head in heads or head.endswith("s") and head[:-1] in heads \
        or head.endswith("es") and head[:-2] in heads or head.endswith("ies") and head[:-3] + "y" in heads \
        or " ".join(words[-2:]) in heads  # "cars", "buses", "lorries"


def counted_after_figure(token: Token) -> bool:
    """ "February exports included 361,285 cars, 165,770 trucks and 3,011 buses": goods
    counted one by one after their own figure, in a sentence of trade."""
    if not counted_one_by_one(token.lemma_) or not figure_before(token):
        return False
    cues = lexicon.trade_cues()
    return any(t.lemma_.lower() in cues or t.lower_ in cues for t in written_sentence(token))


# Heads short enough to end words of other meanings ("ship" of "partnership", "car" of
# "Oscar") are no heads of closed compounds.
_SHORTEST_COMPOUND_HEAD = 5


@lru_cache(maxsize=1)
def _compound_heads() -> tuple[str, ...]:
    """The one-word counted heads (of five letters or more) a closed compound may end in."""
    return tuple(head for head in counted_heads() if len(head) >= _SHORTEST_COMPOUND_HEAD and " " not in head)


def closed_compound(token: Token) -> bool:
    """ "warplanes", "minicomputers": a word written as one that ends in the head noun of
    goods counted one by one (of five letters or more) is more of those goods."""
    return token.is_alpha and _ends_in_compound_head(token.lemma_.lower())


# Asked of every noun of every story, mostly the same few thousand words: each answered once.
@lru_cache(maxsize=16_384)
def _ends_in_compound_head(word: str) -> bool:
    return any(word.endswith(head) and len(word) - len(head) >= 3 for head in _compound_heads())


def size_class_end(doc: Doc, head: Token) -> int:
    """Where the goods' name ends: past a size class right after a head noun of goods
    counted one by one ("trucks of up to six tonnes", "ships over 10,000 tonnes"), else
    right after the head."""
    end = head.i + 1
    if not counted_one_by_one(head.text):
        return end
    i = end + (end < len(doc) and doc[end].lower_ == "of")
    bound = next((b for b in _BOUNDS if doc[i : i + len(b.split())].text.lower() == b), None)
    if bound is None:
        return end
    i += len(bound.split())
    numbers = i
    while i < len(doc) and (doc[i].like_num or doc[i].lower_ in SCALE_WORDS):
        i += 1
    if i == numbers or i >= len(doc) or doc[i].lower_ not in _SIZE_MEASURES or not head.is_ancestor(doc[i]):
        return end  # not where the parse hangs it on the goods: no part of their name
    return i + 1


def in_size_class(doc: Doc, i: int) -> bool:
    """The number at ``i`` gives the size class of the goods before it ("exports of trucks
    up to six tonnes fell to 15,400"): no figure of their flow."""
    for bound in _BOUNDS:
        n = len(bound.split())
        k = i - n
        if k < 1 or doc[k:i].text.lower() != bound:
            continue
        k -= doc[k - 1].lower_ == "of"
        return k >= 1 and doc[k - 1].pos_ == "NOUN" and counted_one_by_one(doc[k - 1].text)
    return False
