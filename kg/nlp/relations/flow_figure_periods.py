"""The period each figure of a flow clause is for, where the clause's own periods
(``flow_periods``) do not say it alone: the period the flow noun names, a comparison dated
like the parallel clause's ("a year ago") or like the first partner's, a part's own period,
a compared period as long as the flow's; and a compared figure of a period that is over, what
that period brought rather than a plan. ``flows`` dates each figure it reads with these."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import Figure, Flow, flow_noun, flow_words
from kg.nlp.relations.flow_periods import sentence_periods
from kg.nlp.relations.periods import Period, not_over


def noun_period(ctx: Context, flow: Flow) -> Period | None:
    """ "February exports compared with 245,405 in January": the period the flow noun names
    is the one the story is at, not the period of the figure compared with."""
    if flow.anchor.pos_ == "VERB":
        return None  # "Between July 1 and January 31, Britain bought": no flow noun
    noun = flow_noun(flow.anchor)
    left = noun.left_edge.i
    return next((p for s, e, p in sentence_periods(ctx, flow.anchor.sent) if left <= s and e <= noun.i), None)


def parallel_shift(periods: list[tuple[int, int, Period]], anchor: Token) -> Period | None:
    """The last comparison period ("a year ago") named before the flow's clause, in the
    sentence: the one a comparison figure of a parallel clause that names none is for."""
    return next((p for s, e, p in reversed(periods) if e <= anchor.left_edge.i and p.shift), None)


def parallel_comparison(figures: list[Figure], k: int, dated: list[Period | None]) -> Period | None:
    """The period of the first figure's comparison in the place figure ``k`` has among its
    own partner's comparisons ("19,102 tonnes from the U.S. against 16,577 in January and
    9,933 a year ago, 24,391 from Australia against 19,585 and 21,208")."""
    share = max(i for i in range(k) if not figures[i].comparison)
    place = k - share - 1
    first = [i for i in range(1, share) if figures[i].comparison]
    if share == 0 or not all(figures[i].comparison for i in range(share + 1, k + 1)) or place >= len(first):
        return None
    return dated[first[place]]


def part_period(ctx: Context, figure: Figure, periods: list[tuple[int, int, Period]]) -> Period | None:
    """ "including 2.1 mln tonnes in the first half": the period a part names right after it."""
    for s, _, period in periods:
        if figure.end <= s <= figure.end + 3 and all(t.lower_ in ("in", "during", "for", "the")
                                                    for t in ctx.doc[figure.end : s]):
            return period
    return None


def as_long(period: Period, main: Period) -> bool:
    """The compared period is as long as the flow's own: "risen to 17,000 tonnes this month
    from 10,000 last month" is last month's level, where "forecast at 14.50 mln tonnes in
    1986/87, vs 15.00 mln last month" is an earlier forecast of the same crop year."""
    if not (period.start and period.end and main.start and main.end):
        return False
    return _days(period) >= _days(main)


def _days(period: Period) -> int:
    return (date.fromisoformat(period.end) - date.fromisoformat(period.start)).days


# Planned-flow nouns that predict a figure rather than set one (a target, a quota do)
_PREDICTIONS = frozenset({"forecast", "estimate", "projection"})


def outcome_of_a_past_period(ctx: Context, flow: Flow, figure: Figure, period: Period | None) -> bool:
    """ "export forecasts were lowered to 4.5 mln tonnes from 5.76 mln in 1985/86": the figure
    compared with a forecast, dated in a period over by the article's day, is what that period
    brought; so is "the 9.9 mln exported in 1986" that export registrations are compared
    with. A quota or target stays a plan whatever its period."""
    if not figure.comparison or period is None or not_over(period, ctx.article.published):
        return False
    words = [flow.anchor, flow.anchor.head, *flow.anchor.children]
    return any(t.lemma_.lower() in _PREDICTIONS for t in words) or _moved_figure(ctx, figure)


def _moved_figure(ctx: Context, figure: Figure) -> bool:
    """ "the 9.9 mln exported in 1986", "the 40,000 tonnes shipped": a trade participle says
    the goods the figure counts moved."""
    after = ctx.doc[figure.end] if figure.end < len(ctx.doc) else None
    return after is not None and after.tag_ == "VBN" and after.dep_ in ("acl", "amod") \
        and after.lemma_.lower() in flow_words("export_verbs") | flow_words("import_verbs")
