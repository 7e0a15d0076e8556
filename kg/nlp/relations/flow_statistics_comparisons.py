"""The period a figure is compared with, when the sentence names no period and the statistic
just before framed the comparison: "China's trade deficit in January fell to 310 mln dlrs from
460 mln in January 1986. ... exports fell to 1.75 billion dlrs from 1.84 billion" (the first
figure is January's, as the frame carries it; the one it is compared with is January 1986's),
"average crude output in 1986 was 2.43 mln bpd, 202,000 bpd down on 1985. Average exports were
1.29 mln bpd, down from 1.44 mln bpd" (1985's). The sentence after compares as the one
before did."""

from __future__ import annotations

import re

from spacy.tokens import Span

from kg.nlp.relations.base import sentence_text
from kg.nlp.relations.periods import Period, find_periods

# words that set a later figure or period against the first: "from", "against", "compared
# with", "vs", "down on 1985", "up over 1985"
_COMPARING = frozenset({"from", "against", "compared", "vs", "vs.", "versus", "on", "over"})


def statistics_comparison(sent: Span, published: str | None, main: Period | None) -> Period | None:
    """The comparison period of the sentence before ``sent``, when ``sent`` names no period of
    its own and its first figure's period ``main`` is the one period the sentence before
    frames its statistic with (before its first figure). The comparison period is the one
    period after that figure that a comparing word or a shift ("the previous week") marks."""
    if main is None or sent.start == 0 or find_periods(sentence_text(sent), published):
        return None
    before = sent.doc[sent.start - 1].sent
    text = sentence_text(before)
    lead = len(before.text) - len(before.text.lstrip())
    first = next((t.idx - before.start_char - lead for t in before
                  if t.like_num and any(c.isdigit() for c in t.text)
                  and not re.fullmatch(r"(?:19|20)\d\d", t.text)), None)  # fmt: skip
    if first is None:
        return None
    periods = find_periods(text, published)
    frame = [p for p in periods if p.end_char <= first]
    if len(frame) != 1 or frame[0].text.lower() != main.text.lower():
        return None  # the figure's period is not the frame this sentence compares with
    later = [p for p in periods if p.start_char > first]
    if len(later) != 1:
        return None  # none, or several periods to choose among
    return later[0] if compared_after(text, first, later[0]) else None


def compared_after(text: str, first: int, period: Period) -> bool:
    """``period`` comes after the first figure (at ``first`` in ``text``) and a comparing word
    or a shift marks it as the period that figure is compared with: "fell to 310 mln from 460
    mln in January 1986", "202,000 bpd down on 1985", "from 131.5 mln the previous week"."""
    if period.start_char <= first:
        return False
    words = {w.strip(",;").lower() for w in text[first : period.start_char].split()}
    return period.shift is not None or bool(words & _COMPARING)


__all__ = ["compared_after", "statistics_comparison"]
