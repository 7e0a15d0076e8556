"""A flow's level stated again by a second verb that shares the first one's subject: "sugar
imports fell to 1.18 mln tonnes in 1986 ... and fell to 25,165 tonnes in January", "exports
totalled 4.2 mln tonnes in 1986 and reached 350,000 in January". The second verb has no
subject of its own, so its figure is the same flow's, for the period it names."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.flow_clause import Figure, flow_words

# Dependencies a figure hangs from its verb by: "fell to 25,165 tonnes", "totalled 4.2 mln
# tonnes", "was 310,000 bpd", "averaged 3.67 mln bpd".
_FIGURE_LINKS = frozenset({"pobj", "prep", "dobj", "attr", "npadvmod", "nummod", "quantmod", "compound", "advmod"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


@lru_cache(maxsize=1)
def _level_verbs() -> frozenset[str]:
    """Verbs that state or move a level ("fell to", "totalled", "averaged", "was")."""
    return flow_words("change_verbs") | frozenset(lexicon("trade")["value_verbs"]) | {"average"}


def restated_level(doc: Doc, first: Figure, figure: Figure) -> bool:
    """``figure`` states the flow of ``first`` again: it hangs from a level verb conjoined to
    the verb ``first`` hangs from, with no subject of its own ("... and fell to 25,165 tonnes
    in January"), or from one completing such a forecast verb ("... and are expected to rise
    to 1.5 mln tonnes in 1987"); not "and consumption rose to 2 mln tonnes" (a subject of its
    own) nor "and fell by 200,000 tonnes" (a change, no level)."""
    first_verb, verb = _verb_of(doc, first), _verb_of(doc, figure)
    if first_verb is None or verb is None or verb.i <= first_verb.i or verb.lemma_.lower() not in _level_verbs():
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in flow_words("forecast_words"):
        verb = verb.head
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return False
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        if verb == first_verb:
            return True
    return False


def _verb_of(doc: Doc, figure: Figure) -> Token | None:
    """The verb a figure hangs from, through a preposition or as its object."""
    span = doc[figure.start : figure.end]
    token = next((t for t in span if not span.start <= t.head.i < span.end), None)
    for _ in range(3):
        if token is None or token.dep_ not in _FIGURE_LINKS or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None
