"""Whether a forecast word reaches a flow: a flow told in a clause of its own, in the past or
perfect tense ("whether corn exports to Canada have injured growers", "has been sold to
China") or in a relative clause ("Egypt, which already imports Soviet coal"), is what
happened or happens; a forecast word outside that clause ("is expected to announce",
"exporters estimated that ...", "wanted a deal") is about another event, not this flow."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.climb import VERB_POS, first_up
from kg.nlp.relations.flow_clause import flow_words

_PAST_TAGS = frozenset({"VBD"})
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})
_SUBORDINATE = frozenset({"ccomp", "relcl", "advcl", "acl", "conj"})


def told_clause(anchor: Token) -> Token | None:
    """The verb of the clause ``anchor`` (a trade verb or noun) is told in, when that clause
    has a tense of its own that says the flow happened: a past or perfect verb ("exported",
    "have injured", "has been sold"), or a present one heading a relative clause ("which
    already imports"). None for an infinitive, a modal or a future ("is forecast to export",
    "will buy", "could total"): those a forecast word above them does reach."""
    verb = first_up(anchor, lambda t: t.pos_ in VERB_POS, limit=6)
    if verb is None:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in flow_words("forecast_modals") or a.lower_ == "to" for a in auxiliaries):
        return None  # "would reach", "to have bought" (the infinitive a cue governs)
    perfect = verb.tag_ == "VBN" and any(a.lemma_.lower() == "have" for a in auxiliaries)
    passive_past = verb.tag_ == "VBN" and any(a.tag_ == "VBD" for a in auxiliaries)
    if verb.tag_ in _PAST_TAGS or perfect or passive_past:
        return verb
    if verb.tag_ in _PRESENT_TAGS and verb.dep_ == "relcl":
        return verb
    return None


def outside_told_clause(anchor: Token, cue: Token) -> bool:
    """``cue`` (a forecast word) stands outside the tensed clause the flow is told in, in a
    clause that governs it or sits beside it: "The government is expected to announce its
    ruling whether U.S. corn exports to Canada have injured growers"."""
    verb = told_clause(anchor)
    if verb is None or verb.i == cue.i:
        return False
    if verb.dep_ not in _SUBORDINATE and verb.dep_ != "ROOT":
        return False
    return not (verb.left_edge.i <= cue.i <= verb.right_edge.i)


__all__ = ["outside_told_clause", "told_clause"]
