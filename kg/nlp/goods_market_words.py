"""Where a goods name starts when the words before the goods say how they trade, not what they
are (``kg.nlp.goods_spans``): a market or scheme ("free market barley", "buffer stock cocoa",
"export bonus wheat"), the market's scope ("world cocoa") and degree words ("how much wheat",
"too much oil", "very little cotton"). Read on Reuters TRAIN commodity stories, where the
tender and intervention reports write such phrases before every grade of grain."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.nlp import lexicon
from kg.nlp.datafiles import load
from kg.nlp.lexicon import norm


@lru_cache(maxsize=1)
def market_words() -> frozenset[str]:
    return frozenset(load("market_words.txt"))


def market_word(token: Token) -> bool:
    """ "market" in "tonnes of free market barley": a word of how the goods trade, before them."""
    return token.lower_ in market_words() and token.pos_ in ("NOUN", "PROPN", "SYM") \
        or token.lower_ in ("pct", "percent") or token.lower_ in _SCOPE


# "world coffee", "world market raw sugar": the market the goods are traded on, never their kind.
_SCOPE = frozenset({"world", "nearby"})
# Degree words a quantity opens with ("how much", "very little", "too many"): no goods' kind.
_DEGREE = frozenset({"how", "too", "very", "so", "only", "little", "few", "fewer"})


def after_market_words(doc: Doc, left: int, head: int) -> int:
    """The first word of the goods' name from ``left`` to ``head``: after the last market word
    ("free market feed wheat" -> "feed wheat"), and past scope and degree words at its start
    ("how much wheat" -> "much wheat", left to the caller's judging words). A name the
    lexicon knows whole ("market pulp") keeps its words."""
    if norm(doc[left : head + 1].text) in lexicon.product_terms():
        return left
    for i in range(head - 1, left - 1, -1):
        if market_word(doc[i]) and doc[i].lower_ not in _SCOPE:
            left = i + 1
            break
    # "nearby and non-member cocoa": a word joined to the scope word goes with it
    while left < head and (doc[left].lower_ in _SCOPE or doc[left].lower_ in _DEGREE
                           and doc[left].pos_ not in ("NOUN", "PROPN")
                           or left > 0 and doc[left].lower_ in ("and", "or", ",", "-")
                           and doc[left - 1].lower_ in _SCOPE):
        left += 1
    return left
