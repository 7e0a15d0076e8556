"""A flow verb that says what an agreement is for: "India signed an agreement to sell 500 cars
to Hungary", "Brazil has signed a contract to supply sugar to Iraq". Whoever signs (wins,
reaches) the agreement trades: the climb from the flow verb to its trader passes through the
agreement noun (``agreement_nouns``) to the verb whose object it is."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from kg.nlp.datafiles import rule_data as lexicon


def through_agreement(token: Token) -> bool:
    """Whether a climb from a flow verb to its trader goes on above ``token``: the flow verb
    as the purpose of an agreement noun ("an agreement to sell"), or that noun as the object
    of the verb whose subject signs it."""
    if token.pos_ == "VERB" and token.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return _agreement(token.head)
    return _agreement(token) and token.dep_ == "dobj" and token.head.pos_ == "VERB"


def _agreement(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in _nouns()


@cache
def _nouns() -> frozenset[str]:
    # read here, not through flow_clause, which the trade module below it cannot import
    return frozenset(lexicon("trade")["flows"]["agreement_nouns"])
