"""The owner "its" stands for when the clause's own subject is "it", reported by a trader:
"Hanil Motor Corp, the joint venture between Hanil Group and Ford Motor Co, said it will raise
its imports of U.S. parts" is Hanil's, though Ford is the trader named last before "its"."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.base import Context
from kg.nlp.relations.trader_keys import trader_key

_PRONOUNS = {"its": "it", "their": "they"}
_REPORTED = ("ccomp", "xcomp")  # "said it will raise", "plans to raise": the clause the subject reports


def reporting_subject_owner(ctx: Context, noun: Token) -> str | None:
    """The trader that is the subject of the verb reporting the clause of a flow noun whose
    possessive and whose clause's subject are the same pronoun ("X said it will raise its
    imports"): the pronoun stands for that subject, whatever an apposition named in between."""
    own = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in _PRONOUNS), None)
    if own is None:
        return None
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    pronoun = _PRONOUNS[own.lower_]
    # "said it expects its tea exports to rise": up the reported clauses to the pronoun's verb
    while not _says(verb, pronoun) and verb.dep_ in _REPORTED and verb.head is not verb:
        verb = verb.head
    if not _says(verb, pronoun):
        return None
    if verb.dep_ not in _REPORTED:
        return None
    reporter = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return trader_key(ctx, reporter) if reporter is not None else None


def _says(verb: Token, pronoun: str) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == pronoun for c in verb.children)


__all__ = ["reporting_subject_owner"]
