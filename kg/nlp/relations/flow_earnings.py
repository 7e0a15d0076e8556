"""Money earned from exports: "Colombia can hope to earn about 1,500 mln dlrs this year from
coffee exports", "Brazil earned 2.1 billion dlrs from coffee exports in 1986". The amount
stands before the trade word, as the earning verb's object: the export value of the verb's
subject."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.climb import upward
from kg.nlp.relations.flow_clause import flow_words


def earning_verb(noun: Token) -> Token | None:
    """The verb that earns money from the exports ``noun`` names ("earn ... from coffee
    exports"); else None."""
    if noun.lower_ not in flow_words("export_nouns") or noun.dep_ != "pobj" or noun.head.lower_ != "from":
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" and verb.dep_ in ("dobj", "npadvmod"):
        # "from" on the amount ("earned 2.1 billion dlrs from coffee exports") or on the time
        # ("earn 1,500 mln dlrs this calendar year from coffee exports")
        verb = verb.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("earning_verbs"):
        return None
    return verb if any(c.dep_ == "dobj" for c in verb.children) else None


def earner(noun: Token) -> Token | None:
    """Who earns: the earning verb's subject, or the subject of the verb it completes ("Colombia
    can hope to earn")."""
    verb = earning_verb(noun)
    if verb is None:
        return None
    for current in upward(verb, lambda t: t.dep_ in ("xcomp", "conj"), limit=3):
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return None
