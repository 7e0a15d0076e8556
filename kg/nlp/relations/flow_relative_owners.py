"""The owner a relative "whose" names: "led by Canada, whose wheat exports would suffer" is
Canada's trade, the noun the relative clause hangs on, not the country the story is about."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.base import Context
from kg.nlp.relations.trader_keys import trader_key


def relative_owner(ctx: Context, noun: Token) -> str | None:
    """The trader a flow noun's "whose" stands for: the antecedent of the relative clause the
    noun opens (its head's ``relcl`` attachment), when that names a country or a body."""
    if not any(c.dep_ == "poss" and c.tag_ == "WP$" for c in noun.children):
        return None
    clause = noun.head
    # the noun is the subject or object of the relative clause's verb ("whose exports would
    # suffer", "whose exports it curbed"); the verb hangs on the antecedent as a relcl
    while clause.dep_ in ("conj", "xcomp", "ccomp") and clause.head is not clause:
        clause = clause.head
    if clause.dep_ != "relcl":
        return None
    return trader_key(ctx, clause.head)


__all__ = ["relative_owner"]
