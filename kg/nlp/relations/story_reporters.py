"""The reporter whose figures a sentence carries when the sentence names none: the body the
story last named as its source. "Jamaica has been authorized to purchase 56,000 tonnes of
U.S. wheat under PL 480, the U.S. Agriculture Department said. It may buy the wheat, valued
at 7.0 mln dlrs, ..." — the second sentence is still the department's, and its "dlrs" are
U.S. dollars, not Jamaica's own. Newswire names the reporting body once and lets the next
sentences lean on it."""

from __future__ import annotations

from spacy.tokens import Span

from kg.nlp.relations.base import ORGS, Context
from kg.nlp.relations.body_countries import reporter_currency


def story_reporter_currency(ctx: Context, sent: Span) -> str | None:
    """The currency of the body ``sent`` names as its reporter; when it names no body at all,
    that of the nearest earlier sentence naming one (``reporter_currency``), or None."""
    if (own := reporter_currency(ctx, sent)) is not None or _names_a_body(ctx, sent):
        return own  # a body of no known country reports here: no earlier one speaks for it
    earlier = [s for s in ctx.doc.sents if s.end <= sent.start]
    for prior in reversed(earlier):
        if _names_a_body(ctx, prior):
            return reporter_currency(ctx, prior)
    return None


def _names_a_body(ctx: Context, sent: Span) -> bool:
    return any(sent.start <= m.start and m.end <= sent.end for _, m in ctx.entity_mentions(ORGS))
