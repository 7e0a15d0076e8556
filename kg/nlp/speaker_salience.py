"""Who "he said" is when a person was named in passing since the last speaker.

Newswire quotes one speaker over many paragraphs, with "he said" between his named
statements. A person named only inside what he said, or in a phrase of another sentence
("Production quotas had been submitted to President X. '...,' he said."), is no new speaker:
the pronoun goes on with the person who spoke last. Where the person named last is the
subject of a clause, he may well be the one who speaks now, and the nearest name stands.
Used by ``kg.nlp.references`` for pronouns that are the subjects of verbs of saying.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from kg.nlp.datafiles import rule_words
from kg.nlp.mentions import MentionTable
from kg.nlp.sentence_steps import sentences_back

_SUBJECTS = ("nsubj", "nsubjpass")
# How many sentences before the pronoun's the last speaker may have spoken.
_REACH = 3


def continued_speaker(doc: Doc, table: MentionTable, pronoun: Token, nearest: str,
                      fits: Callable[[str], bool]) -> str:
    """The person ``pronoun`` stands for: ``nearest`` (the person named last before it),
    unless ``pronoun`` says something and ``nearest`` was last named in passing, after
    another person who fits spoke in this sentence or the ``_REACH`` before it."""
    if not says(pronoun.head) or pronoun.dep_ not in _SUBJECTS:
        return nearest
    last = _last_mention(table, nearest, pronoun.i)
    if last is None or _named_as_subject(doc, last):
        return nearest
    floor = sentences_back(doc, pronoun.sent.start, _REACH)
    for token in reversed(doc[floor : pronoun.i]):
        if token.dep_ not in _SUBJECTS or not says(token.head) or token.head.i == pronoun.head.i:
            continue
        key = table.by_token.get(token.i)
        if key == nearest:
            return nearest
        if key is not None and fits(key) and token.i < last[0]:
            return key
        return nearest  # the one who spoke last is unnamed, or no person this pronoun can stand for
    return nearest


def _last_mention(table: MentionTable, key: str, before: int) -> tuple[int, int] | None:
    spans = [(s, e) for s, e in table.spans.get(key, ()) if e <= before]
    return spans[-1] if spans else None


def _named_as_subject(doc: Doc, span: tuple[int, int]) -> bool:
    """The mention is the subject of its clause (or joined to one), not a word in a phrase."""
    root = doc[span[0] : span[1]].root
    while root.dep_ in ("conj", "appos", "compound") and root.head is not root:
        root = root.head
    return root.dep_ in _SUBJECTS


def says(verb: Token) -> bool:
    """A verb of saying ("said", "told"): the speech table's verbs, tagged as a verb."""
    return verb.pos_ == "VERB" and verb.lemma_.lower() in rule_words("speech", "verbs")


__all__ = ["continued_speaker", "says"]
