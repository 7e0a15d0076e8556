"""A flow noun that is the object of a verb which moves it to a figure, or puts it at one,
while the verb's subject is no trader: "A severe drought cut exports last year to under 10
mln bags", "Traders projected soybean exports at 15 mln bushels", "An official put maximum
imports at about 10 mln tonnes". The subject is a cause or a forecaster, not who ships the
goods: the flow is the story's, as an ownerless flow noun is ("Exports fell to 10 mln bags").

Where the subject could trade (a country, a body, a company, "the company", a pronoun), the
object is its own ("Cargill took two shipments"), and this reading stays out; a country
that steers its own flow to a figure trades it ("Brazil reduced coffee exports to 12 mln
bags").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.relations.base import Context
from kg.nlp.relations.trader_keys import trader_or_nation

_FIGURE_PREPOSITIONS = frozenset({"to", "at"})
# Verbs by which a trader steers its own flow to a level ("cut exports to", "raised imports to").
_STEERING_VERBS = frozenset({"cut", "reduce", "limit", "curb", "restrict", "lower", "raise", "increase", "boost",
                             "lift", "expand", "double", "halve"})


def moved_to_figure(ctx: Context, noun: Token) -> bool:
    """``noun`` is the object of a verb that takes it to or puts it at a figure, and the
    verb's subjects are common nouns that name no trader."""
    if noun.dep_ != "dobj":
        return False
    verb = noun.head
    if not any(c.dep_ == "prep" and c.lower_ in _FIGURE_PREPOSITIONS and any(t.like_num for t in c.subtree)
               for c in verb.children):  # fmt: skip
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(_no_trader(ctx, s) for s in subjects)


def _no_trader(ctx: Context, subject: Token) -> bool:
    """A subject that names no one who could trade: "drought", "traders", "an official"."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() in lexicon.company_nouns():
        return False  # a pronoun, a name, "the company": its own flows
    words = [*subject.subtree, *(t for c in subject.conjuncts for t in c.subtree)]
    return not any(trader_or_nation(ctx, t) for t in words)


def steering_trader(ctx: Context, noun: Token) -> str | None:
    """The country that steers its own flow ``noun`` to a figure: "Brazil reduced coffee
    exports to 12 mln bags", "Thailand plans to raise rice exports to 4.5 mln tonnes" (the
    subject of the verb the steering verb completes). Not a body, which may only estimate
    it ("the agency raised wheat exports to 2 mln tonnes"), nor a firm."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in _STEERING_VERBS or not any(
            c.dep_ == "prep" and c.lower_ == "to" and any(t.like_num for t in c.subtree) for c in verb.children):
        return None
    holder = verb.head if verb.dep_ == "xcomp" else verb
    subjects = [c for c in holder.children if c.dep_ == "nsubj"]
    key = trader_or_nation(ctx, subjects[0]) if len(subjects) == 1 else None
    return key if key is not None and ctx.type(key) is EntityType.COUNTRY else None
