"""Statements the parser hangs away from their verb of saying (for ``said``).

"X told a news conference that exports would rise": the parser reads "that" as a relative
pronoun and makes the statement a relative clause of the listener ("conference"). A clause
with a subject of its own besides "that", opened by "that" right after the listener's
phrase, is what was told.

"Exports will rise, X was quoted by the agency as saying.": the statement is a clause of
"quoted", not of "saying", which then has nothing of its own.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import FINITE_TAGS, SUBJECT_DEPS


def listener_clause(verb: Token) -> list[Token]:
    """The relative clause of a verb of telling's listener that is really the statement
    ("told a meeting of exporters that prices would fall"); else nothing."""
    if verb.lemma_.lower() not in rule_words("speech", "addressee_verbs") or any(
        c.dep_ == "prep" and c.lower_ in ("about", "of") for c in verb.children
    ):
        return []  # "told a meeting that he chaired about the plan": the topic is told
    for listener in verb.children:
        if listener.dep_ != "dobj" or listener.i < verb.i:
            continue
        for clause in listener.subtree:
            if clause.dep_ == "relcl" and _complement_clause(clause):
                return [clause]
    return []


def _complement_clause(clause: Token) -> bool:
    """A finite clause opened by "that" whose subject is another word. The parser may read
    "that" as the clause's object ("a meeting that he chaired"), but a verb of telling with
    nothing else told (no clause, no "about") needs the clause for what it told."""
    opener = clause.doc[clause.left_edge.i]
    if opener.lower_ != "that" or opener.head != clause:
        return False
    if clause.pos_ not in ("VERB", "AUX") or not (
        clause.tag_ in FINITE_TAGS
        or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS for c in clause.children)
    ):
        return False
    return any(c.dep_ in (*SUBJECT_DEPS, "expl") and c != opener for c in clause.children)


def quoted_clause(verb: Token) -> list[Token]:
    """ "Exports will rise, X was quoted as saying": the clause of "quoted" before it, when
    "saying" itself has none."""
    if verb.lemma_.lower() != "say" or verb.dep_ != "pcomp" or verb.head.lower_ != "as":
        return []
    quoted = verb.head.head
    if quoted.lemma_.lower() != "quote" or any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return []
    return [c for c in quoted.children if c.dep_ in ("ccomp", "parataxis") and c.i < quoted.i]


__all__ = ["listener_clause", "quoted_clause"]
