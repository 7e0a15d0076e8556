"""Walking up a dependency parse: from a token to its head, and on, while a test holds.

Relation readers climb the parse in three ways: along a list to its first member ("Spain,
Italy and Greece" -> Spain), to the verb of the clause a word is in, and up through the
links a clause inherits from ("hopes to export" -> hopes) to find a subject or a cue. Every
walk stops at the root of the sentence, which is its own head in spaCy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Token

# Parts of speech that head a clause.
VERB_POS = frozenset({"VERB", "AUX"})

TokenTest = Callable[[Token], bool]


def is_root(token: Token) -> bool:
    """True for the root of a sentence (its own head)."""
    return token.head.i == token.i


def upward(token: Token, through: TokenTest, *, limit: int | None = None) -> Iterator[Token]:
    """``token``, then its head, and so on: each step up taken only while ``through`` holds
    for the token reached and it is no root; at most ``limit`` tokens in all."""
    count = 1
    yield token
    while (limit is None or count < limit) and through(token) and not is_root(token):
        token = token.head
        count += 1
        yield token


def climb(token: Token, through: TokenTest, *, steps: int | None = None) -> Token:
    """The last token ``upward`` reaches: ``token`` raised to its head while ``through``
    holds (and it is no root), at most ``steps`` times."""
    taken = 0
    while (steps is None or taken < steps) and through(token) and not is_root(token):
        token = token.head
        taken += 1
    return token


def first_up(token: Token, wanted: TokenTest, *, limit: int) -> Token | None:
    """The first of ``token`` and the tokens above it (``limit`` in all) that is ``wanted``;
    None when the root or the limit comes first."""
    for _ in range(limit):
        if wanted(token):
            return token
        if is_root(token):
            return None
        token = token.head
    return None


def first_conjunct(token: Token) -> Token:
    """The first member of the list ``token`` is in ("Italy" in "Spain, Italy and Greece" ->
    "Spain"); ``token`` itself when it is in none."""
    return climb(token, lambda t: t.dep_ == "conj")


def clause_verb(token: Token) -> Token:
    """The verb (or auxiliary) nearest above ``token``, or ``token`` itself when it is one;
    the root when no verb heads it."""
    return climb(token, lambda t: t.pos_ not in VERB_POS)


__all__ = ["VERB_POS", "TokenTest", "is_root", "upward", "climb", "first_up", "first_conjunct", "clause_verb"]
