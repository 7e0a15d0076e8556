"""The statement of a verb of telling whose subject the parser took for a second object.

"Yulo told Reuters a survey during the season showed the estimate would be met": with the
listener already read as the dative ("Reuters"), the parser makes "a survey" the verb's
direct object and "showed ..." a clause (or a joined verb) of its own with no subject. The
object and that clause together are what was told. With no dative ("told the panel there
was no need") the object is the listener, and this reading does not apply.
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import FINITE_TAGS, SUBJECT_DEPS


def told_statement(verb: Token) -> list[Token]:
    """The direct object and the subjectless clause after it, where the verb also has a
    dative listener before them; else nothing."""
    if verb.lemma_.lower() not in rule_words("speech", "addressee_verbs"):
        return []
    children = list(verb.children)
    listener = next((c for c in children if c.dep_ == "dative" and c.i > verb.i), None)
    obj = next((c for c in children if c.dep_ == "dobj" and listener is not None and c.i > listener.i), None)
    if obj is None or obj.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    for clause in children:
        if clause.i <= obj.right_edge.i or clause.dep_ not in ("ccomp", "conj"):
            continue
        if clause.pos_ not in ("VERB", "AUX") or clause.tag_ not in FINITE_TAGS:
            return []
        if any(c.dep_ in (*SUBJECT_DEPS, "expl", "csubj") for c in clause.children):
            return []  # a clause with a subject of its own is no continuation of the object
        between = verb.doc[obj.right_edge.i + 1 : clause.left_edge.i]
        if any(not t.is_punct for t in between) or any(c.dep_ == "cc" and obj.i < c.i < clause.i for c in children):
            return []  # "told Reuters a story and left": two things done, not one said
        return [obj, clause]
    return []


__all__ = ["told_statement"]
