"""A plan named again by a bare noun: "Japan decided to raise its beef import quota ...
In 1987/88, the quota will rise to 177,000 tonnes from 168,000 in 1986/87": "the quota" is
the quota the sentence before named, a planned flow of the same trader and goods."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.nlp.relations.discourse import Topic
from kg.nlp.relations.flow_clause import Flow, flow_noun, flow_words
from kg.nlp.relations.flow_triggers import clause_end

# The determiners that point back to a plan just named ("the quota", "this target").
_POINTING = frozenset({"the", "this", "that"})
# Verbs that state a plan's level ("the quota is 177,000 tonnes"), or set it; a change of it
# to a level ("will rise to 177,000 tonnes") is any of the change verbs of flows.
_LEVEL_VERBS = frozenset({"be", "stand", "total", "remain", "go", "reach", "set", "cut", "raise", "reduce", "lower",
                          "expand"})


def named_plan(flow: Flow, before: tuple[str | None, str | None], sentence: int) -> Topic | None:
    """The plan a planned flow names with a target noun ("its beef import quota"), as a topic
    a later "the quota" points back to; None for other flows or when no trader is known."""
    noun = flow_noun(flow.anchor)
    if not flow.planned or before[0] is None or noun.lower_ not in flow_words("target_heads"):
        return None
    return Topic(trader=before[0], goods=before[1], period=None, exports=flow.exports, sentence=sentence)


def plan_flow(sent: Span, plan: Topic | None, sentence: int) -> Flow | None:
    """The planned flow a bare "the quota" opens, right after the sentence that named it."""
    if plan is None or not plan.follows(sentence):
        return None
    token = _pointing_noun(sent)
    if token is None:
        return None
    return Flow(anchor=token, exports=plan.exports, end=clause_end(sent, token.i, sent.end), planned=True, carried=True)


def _pointing_noun(sent: Span) -> Token | None:
    """ "the quota will rise to 177,000 tonnes": a target noun with only a pointing
    determiner, subject of a verb of its level, with a figure after it."""
    for token in sent:
        if token.lower_ not in flow_words("target_heads") or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        children = list(token.children)
        if len(children) != 1 or children[0].dep_ != "det" or children[0].lower_ not in _POINTING:
            continue  # "the 1987 quota of Brazil", "a quota": names or opens another plan
        verb = token.head
        if verb.lemma_.lower() not in _LEVEL_VERBS | flow_words("change_verbs") or verb.i < token.i:
            continue
        if any(t.like_num and any(c.isdigit() for c in t.text) for t in sent.doc[verb.i + 1 : sent.end]):
            return token
    return None
