"""A trade verb in the gerund after a preposition of time or means has no subject of its own:
"Indonesia is unlikely to import copra in 1987 after importing 30,000 tonnes in 1986", "the
Soviets have begun their purchases by buying 2.25 mln tonnes of corn". Its doer is the
subject of the clause the preposition hangs on.

That clause's mood is not the gerund's: what Indonesia is unlikely to do is the 1987 import,
not the one "after" names, so no denial above the gerund is read.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.climb import upward
from kg.nlp.relations.base import Context
from kg.nlp.relations.trader_keys import trader_key

# "after importing", "by buying", "besides exporting"; not "interested in selling" or
# "deterred from buying", which say no flow took place
_PREPOSITIONS = frozenset({"after", "before", "by", "besides", "since", "while", "through"})
_CLAUSE_LINKS = frozenset({"xcomp", "acomp", "conj", "advcl", "ccomp"})


def gerund_doer(ctx: Context, verb: Token) -> str | None:
    """The trader of a subjectless gerund after one of the prepositions, or None."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in _PREPOSITIONS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "neg") for c in verb.children):
        return None  # "after Japan imported", "after not selling": not this construction
    clause = verb.head.head
    for current in upward(clause, lambda t: t.dep_ in _CLAUSE_LINKS, limit=3):
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if subjects:
            return trader_key(ctx, subjects[0])
    return None
