"""Goods a country takes from the world market: "the Soviet Union has extended its buying
programme by taking five raws cargoes from the free market", "the Soviet Union will need to
return to the market to take a further 250,000 tonnes". Market reports say "take" for buy
where they name the market the goods come from: the taker imports them. Without the market
named, "take" is no purchase ("the ship will take 7,107 tonnes", "took 40 pct of the crop").
Who takes is read with the other buyers, in ``flow_purchasers.market_taker``."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.flow_clause import flow_words


def market_taking(verb: Token) -> bool:
    """True for a verb of taking with a counted object whose clause names the market as where
    the goods come from ("taking five cargoes from the free market") or where the taker goes
    to take them ("return to the market to take 250,000 tonnes")."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("market_taking_verbs") \
            or any(c.dep_ == "neg" for c in verb.children):
        return False
    if not any(c.dep_ == "dobj" and any(n.like_num for n in c.subtree) for c in verb.children):
        return False
    if _market_after(verb, "from"):
        return True
    # "return to the market to take": the verb the taking is the purpose of goes to the market
    purpose = verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return purpose and _market_after(verb.head, "to")


def _market_after(verb: Token, preposition: str) -> bool:
    return any(p.dep_ == "prep" and p.lower_ == preposition and any(
        o.dep_ == "pobj" and o.lemma_.lower() in flow_words("market_nouns") for o in p.children)
        for p in verb.children)


__all__ = ["market_taking"]
