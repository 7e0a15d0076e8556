"""Flow clauses that leave their trade word out: "exports to the U.S. fell to one mln sets,
and those to the EC fell to 232,275": "those" stands for the flow noun just stated, with
another partner, and opens a clause of its own."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from kg.nlp.relations.flow_clause import Flow
from kg.nlp.relations.flow_triggers import clause_end

# The pronouns that stand for a plural or singular flow noun ("those to", "that to").
_STAND_INS = frozenset({"those", "that"})


def with_elided_flows(sent: Span, flows: list[Flow]) -> list[Flow]:
    """``flows`` with a clause for each stand-in of a flow noun stated before it in the
    sentence; the clause before it then ends at the stand-in."""
    if not flows:
        return flows
    out = list(flows)
    for token in sent:
        if not _stands_in(token):
            continue
        k = max((n for n, f in enumerate(out) if f.anchor.i < token.i), default=None)
        if k is None or out[k].carried or out[k].anchor.pos_ == "VERB":
            continue  # only a flow noun stated before it: "exports to X ..., and those to Y"
        before = out[k]
        if (token.nbor(1).lower_ == "to") != before.exports:
            continue  # "imports from X ..., and those from Y"; not "those to" after imports
        end = out[k + 1].anchor.i if k + 1 < len(out) else sent.end
        out[k] = replace(before, end=min(before.end, token.i))
        out.insert(k + 1, Flow(anchor=token, exports=before.exports, end=clause_end(sent, token.i, end),
                               planned=before.planned))
    return out


def _stands_in(token: Token) -> bool:
    """ "and those to the EC", ", those from Canada", "while those to the EC rose": a
    stand-in right after a coordinator or a word of contrast, followed by the partner's
    preposition ("while those of East Malaysia" names another trader, not a partner)."""
    doc = token.doc
    return token.lower_ in _STAND_INS and 0 < token.i < len(doc) - 1 and doc[token.i - 1].lower_ in _JOINS \
        and doc[token.i + 1].lower_ in ("to", "from")


# What a stand-in follows: a coordinator, a comma, or the contrast of two partners' figures.
_JOINS = frozenset({"and", ",", "while", "whereas", "but"})
