"""A title or an occupation qualified by its body ("the Harbour Bank president also said",
"The Chase economist said"): the person named before with that title in that body, not
any holder of the title. Used by kg.nlp.relations.speakers."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.datafiles import rule_data, rule_words
from kg.nlp.relations.base import ORGS, Context


def held_in(ctx: Context, title: Token) -> set[str] | None:
    """The bodies named before the title word ("Harbour Bank" in "the Harbour Bank
    president"): an empty set for a bare title; None where other words qualify it ("the
    bank's president", "the former president", "the president of X": read elsewhere)."""
    bodies: set[str] = set()
    qualified = [c for c in title.children if c.dep_ == "compound"]
    if qualified and title.lower_ in rule_words("speech", "body_voices"):
        return None  # "the AWB spokesman said": a voice of the body speaks for the body
    for child in title.children:
        if child.dep_ in ("prep", "poss", "amod"):
            return None
        if child.dep_ == "compound":
            # "Chase" may be an entity of its own beside "Chase Econometrics": either is meant
            keys = {k for k in (ctx.key(child, ORGS), _first_word_of(ctx, child)) if k is not None}
            if child.i > title.i or not keys:
                return None
            bodies |= keys
    return bodies


def _first_word_of(ctx: Context, word: Token) -> str | None:
    """ "Chase" in "The Chase economist" after "Chase Econometrics": the one body of the
    article whose name opens with that proper name."""
    if word.pos_ != "PROPN":
        return None
    keys = {key for key, entity in ctx.table.entities.items() if entity.type in ORGS
            and any(name.split()[:1] == [word.text] and len(name.split()) > 1 for name in entity.all_names)}
    return keys.pop() if len(keys) == 1 else None


def holds_there(ctx: Context, titled: list[Token], bodies: set[str]) -> bool:
    """A person's title words (and their phrases) name one of ``bodies``, if any are wanted."""
    if not bodies:
        return True
    return any(ctx.key(t, ORGS) in bodies for word in titled for t in word.subtree)


def is_occupation(noun: Token) -> bool:
    """ "economist", "analyst": a common noun that names what a person does."""
    lower = noun.lower_
    if lower in rule_words("posts", "not_occupations"):
        return False
    return any(lower.endswith(s) and len(lower) > len(s) + 2 for s in rule_data("posts")["occupation_suffixes"])
