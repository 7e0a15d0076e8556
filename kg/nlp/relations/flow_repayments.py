"""Goods lent to be repaid in kind: "Venezuela will lend Ecuador five mln barrels of crude,
to be repaid in kind after 180 days". The borrower is to send the same goods back: a
figureless export of the borrower to the lender, to come (a forecast), beside the loan the
flow rules read as the lender's export. The amount repaid is the loan's, which the text
states only for the loan, so the repayment carries no figure of its own.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import flow_words

CONFIDENCE = 0.7
RULE = "flow-goods"  # a figureless reading: it gives way where the article counts the flow


def extract(ctx: Context, facts: list[Fact]) -> list[Fact]:
    """The repayments in kind of the loans of goods among ``facts``."""
    lent = [f for f in facts if f.predicate is Predicate.EXPORTS and f.partner is not None and f.object is not None]
    if not lent:
        return []
    out: list[Fact] = []
    for i in ctx.parse.with_words(0, len(ctx.doc), flow_words("repayment_words")):
        kind = ctx.doc[i]
        verb = _repaying(kind)
        if verb is None:
            continue
        sent = kind.sent
        if not _lent_in(sent):
            continue
        loans = [f for f in lent if sent.start_char <= f.start - ctx.offset < sent.end_char]
        for loan in loans[:1]:
            out.append(ctx.fact(loan.partner, Predicate.EXPORTS, [verb, kind], rule=RULE, confidence=CONFIDENCE,
                                object=loan.object, partner=loan.subject, forecast=True))
    return out


def _repaying(kind: Token) -> Token | None:
    """The verb of "repaid in kind", "to be returned in kind", "paid back in kind", read from
    the words ("kind" after "in", the verb of paying back just before): the parse often hangs
    "kind" elsewhere."""
    doc = kind.doc
    if kind.i < 2 or doc[kind.i - 1].lower_ != "in":
        return None
    # (an adverb or "back" between: "repaid fully in kind", "paid back in kind")
    return next((t for t in reversed(doc[max(kind.i - 4, 0) : kind.i - 1])
                 if t.lemma_.lower() in flow_words("repayment_verbs")), None)  # fmt: skip


def _lent_in(sent: Span) -> bool:
    """The sentence lends the goods ("lend", "loan"): a sale there is no loan to pay back."""
    lending = flow_words("goods_loan_verbs")
    return any(t.lemma_.lower() in lending for t in sent)


__all__ = ["extract"]
