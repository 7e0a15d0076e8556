"""When a flow's figures are for (the periods of its sentence, figure by figure), and
whether the clause is a forecast."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.nlp.climb import VERB_POS, first_up, upward
from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import Figure, Flow, flow_noun, flow_words, reporting
from kg.nlp.relations.flow_figure_units import is_number
from kg.nlp.relations.flow_told_outcomes import outside_told_clause
from kg.nlp.relations.flow_trailing_windows import spread_window, trailing_window
from kg.nlp.relations.flow_unit_weights import weighs_a_unit
from kg.nlp.relations.periods import Period, find_periods, next_year


def sentence_periods(ctx: Context, sent: Span) -> list[tuple[int, int, Period]]:
    """The periods of a sentence, as (first token, end token, period)."""
    out = []
    for p in find_periods(sent.text, ctx.article.published):
        span = ctx.doc.char_span(sent.start_char + p.start_char, sent.start_char + p.end_char, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end, p))
    return out


def period_for(figures: list[Figure], k: int, periods: list[tuple[int, int, Period]],
                ctx: Context, flow: Flow) -> Period | None:  # fmt: skip
    figure = figures[k]
    # the next figure in the text: "dropped from 33,000 tonnes in 1980 to 2,300 tonnes in
    # 1986" reports the second figure first, and the first one's period is not its own
    limit = min((f.start for f in figures if f.start > figure.start), default=flow.end)
    doc = ctx.doc
    if k + 1 < len(figures) and revised_by(doc, figure, figures[k + 1]):
        # "from 2.74 billion (revised from 2.72 billion) in January": the period after the
        # superseded figure is both's
        return period_for(figures, k + 1, periods, ctx, flow)
    if (window := shipment_window(doc, periods, figure.end, limit)) is not None or (not figure.comparison and (
            (window := spread_window(doc, periods, figure.end, limit)) is not None
            or (window := trailing_window(doc, periods, flow)) is not None)):
        # "bought 95,000 tonnes late last month for May to September shipment": the goods'
        # period is when they ship, not when they were bought
        return coming_window(window, ctx.article.published)
    after = [(s, p) for s, e, p in periods if figure.end <= s and e <= limit
             and not any(t.like_num and not weighs_a_unit(t) for t in doc[figure.end : s])  # not "bags of 60 kilos"
             # "to 471,891 tonnes, the highest since 1972": a record's yardstick (but "have
             # averaged 160,000 tonnes since October 1": a run from that day)
             and (doc[s - 1].lower_ != "since" or running_since(doc, s, figure.end))
             # "compared with December": the period of a comparison without its figure
             and (p.text.lower().startswith(("the next", "the coming"))  # "over the next few months"
                  or not any(t.lower_ in flow_words("comparison_words") | {"with"} for t in doc[max(figure.end, s - 2) : s]))
             # "under an initiative announced November 10": the date of another verb
             and not (s > 0 and doc[s - 1].pos_ == "VERB" and s - 1 != flow.anchor.i
                      and not _flow_participle(doc[s - 1], figure))]  # fmt: skip
    if after:
        start, period = after[0]
        return run_from(doc, start, period, ctx.article.published) if doc[start - 1].lower_ == "since" else period
    if k + 1 < len(figures) and figure.comparison and figures[k + 1].comparison \
            and all(t.lower_ in ("and", ",") for t in doc[figure.end : figures[k + 1].start]) \
            and not (figure.start > 1 and doc[figure.start - 1].tag_ == "POS"):  # not "November's 374,468 and ..."
        # "compared with 1.25 and 1.89 mln tonnes a year ago": a period after the pair is both's
        return period_for(figures, k + 1, periods, ctx, flow)
    if k > 0 and figure.partner is not None and not figure.comparison:
        return None  # "9,933 a year ago, 24,391 from Australia": another partner's share, of the flow's period
    if k > 0:  # "still below the 1985/86 quota of 1.35 mln bales"
        between = [p for s, e, p in periods if figures[k - 1].end <= s and e <= figure.start]
        return between[-1] if between else None
    floor = flow_noun(flow.anchor).left_edge.i if flow.anchor.pos_ != "VERB" else flow.anchor.i
    # "USDA forecast Argentine 1986/87 coarse grain exports at": the noun phrase holds it
    # ("rose 20 pct in 1986 over the previous year to 33.96 mln": the year compared with is
    # no period of the figure, where another one is named)
    framed = [(s, p) for s, e, p in periods if floor <= s and e <= figure.start]
    compared = flow_words("comparison_words") | {"with"}
    before = [p for s, p in framed if not (s > 0 and doc[s - 1].lower_ in compared)] or [p for _, p in framed]
    # "In 1986 exports totalled ...", "the upturn in February confirmed a rising trend in
    # exports, which totalled ...": the period the sentence opened with
    dated = {i for s, e, _ in periods for i in range(s, e)}
    # ("rose 5.0 pct in 1986 to 150,000 tonnes, with exports climbing to 120,000": a rate of
    # change is no figure of its own period; the clause's period follows it)
    first_number = next((t.i for t in flow.anchor.sent if t.like_num and is_number(t) and t.i not in dated
                         and not _rate(t)), flow.end)
    # "In the first two months of the year imports ... totalled": a period the parse runs into
    # the noun phrase still opens the sentence
    head = flow_noun(flow.anchor).i if flow.anchor.pos_ != "VERB" else flow.anchor.i
    earlier = [p for s, e, p in periods if s < min(floor, first_number) and e <= min(head, first_number) and not p.shift
               and not _of_the_report(doc[s:e], flow.anchor) and not _point_in_time(doc, s)
               and not (s > 0 and doc[s - 1].lower_ in compared | {"since", "on"})]  # "rose 5.0 pct from 1985"
    if not before and not earlier:
        # "Zaire will produce 1,900 tonnes in 1987, and that in 1986 its exports were about
        # 1,200 tonnes": a figure of another clause before it leaves the flow's own verb's
        # period in front of its noun
        earlier = own_verb_period(doc, periods, flow, floor, compared)
    return before[-1] if before else earlier[-1] if earlier else None


def own_verb_period(doc, periods: list[tuple[int, int, Period]], flow: Flow, floor: int,
                    compared: frozenset[str]) -> list[Period]:
    """The periods before the flow's noun that its own clause's verb governs ("in 1986" in "that
    in 1986 its exports were ..."), past no figure between them and the noun."""
    # ("its output and exports were": the verb above the conjoined nouns)
    verb = first_up(flow.anchor, lambda t: t.pos_ in VERB_POS, limit=4)
    if verb is None:
        return []
    out = []
    for s, e, p in periods:
        if e > floor or p.shift or any(t.like_num and is_number(t) for t in doc[e:floor]):
            continue
        if s > 0 and doc[s - 1].lower_ in compared | {"since", "on"}:
            continue  # "rose 5.0 pct from 1985"
        root = doc[s:e].root
        # "in 1986": the preposition holds the period and the verb holds the preposition
        holder = root.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root
        if holder.head.i == verb.i and holder.i != verb.i:
            out.append(p)
    return out


def month_a_year_on(figures: list[Figure], periods: list[tuple[int, int, Period]], ctx: Context,
                    flow: Flow) -> Period | None:
    """The period of a figure that names none but is compared with the same month a year
    before ("rose to 4.07 billion from 3.85 billion in February and 2.99 billion in March
    last year"): that month of the year after, written as the month alone."""
    published = ctx.article.published
    if not published:
        return None
    for k in range(1, len(figures)):
        if not figures[k].comparison:
            continue
        period = period_for(figures, k, periods, ctx, flow)
        m = re.fullmatch(r"(?i)([a-z]+)\s+(?:last\s+year|((?:19|20)\d\d))", period.text) if period else None
        if m is None or m.group(1).lower() not in _MONTHS or not period.start:
            continue
        year = int(period.start[:4]) + 1
        if m.group(2) is not None and year != int(published[:4]):
            continue  # "in March 1985" in a 1987 story: no month of this year
        return Period(text=m.group(1), start=f"{year}{period.start[4:]}", end=f"{year}{period.end[4:]}" if period.end else None,
                      start_char=period.start_char, end_char=period.start_char + len(m.group(1)))
    return None


_MONTHS = frozenset(m.lower() for m in calendar.month_name[1:])


def shipment_window(doc, periods: list[tuple[int, int, Period]], start: int, end: int) -> Period | None:
    """The period goods ship or arrive in, between tokens ``start`` and ``end``: "for May to
    September shipment", "of May arrival white sugar", "for March delivery", "for shipment
    in May", "for various ocean and rail shipments in May"."""
    deliveries = flow_words("delivery_nouns") | _ARRIVALS
    for s, e, p in periods:
        if start <= s and e < end and doc[e].lower_ in deliveries:
            return p
        if start <= s - 2 and e <= end and doc[s - 1].lower_ in _WINDOW_PREPS and doc[s - 2].lower_ in deliveries:
            return p
    return None


_ARRIVALS = frozenset({"arrival", "arrivals", "loading", "loadings"})
_WINDOW_PREPS = frozenset({"in", "during", "for"})


_DATED = re.compile(r"(?i)\d{4}|\b(?:last|previous|ago)\b")  # a year written, or a window counted back


def coming_window(window: Period, published: str | None) -> Period:
    """A shipment window whose year is not written, that a deal names for its goods ("bought
    51,000 tonnes for shipment in May", "for May 20/Jun 20 shipment"): goods are bought to
    ship, so a window that ended well before the story's day (more than a month: "for March
    shipment" on April 3 may be a window just past) is next year's."""
    if not (published and window.start and window.end) or _DATED.search(window.text):
        return window
    day = date.fromisoformat(published[:10])
    if date.fromisoformat(window.end) >= day - timedelta(days=31):
        return window
    return replace(window, start=next_year(window.start), end=next_year(window.end))


def running_since(doc, start: int, figure_end: int) -> bool:
    """ "have averaged 160,000 tonnes since October 1", "has shipped 1.2 mln tonnes since
    June": a total or average of a perfect-tense verb runs from the day "since" names (the
    period starts at ``start``); not a record's yardstick ("the highest since 1972") nor a
    change's ("have risen 20 pct since 1985")."""
    since = doc[start - 1]
    verb = since.head
    if since.lower_ != "since" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _RUNNING_VERBS():
        return False
    if any(t.tag_ in ("JJS", "RBS") or t.lower_ in ("record", "first") for t in doc[figure_end:start]):
        return False
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def run_from(doc, start: int, period: Period, published: str | None) -> Period:
    """ "since October 1": the run from that period's first day to the story's day, worded
    with its "since"."""
    since = doc[start - 1]
    return replace(period, text=f"since {period.text}", start_char=period.start_char - (doc[start].idx - since.idx),
                   end=published[:10] if published and period.start else None)


@lru_cache(maxsize=1)
def _RUNNING_VERBS() -> frozenset[str]:  # noqa: N802 - a constant read from the lexicons once
    return flow_words("export_verbs") | flow_words("import_verbs") | flow_words("sale_verbs") \
        | flow_words("purchase_verbs") | {"average", "total", "amount", "load", "ship"}


def _rate(number: Token) -> bool:
    """ "5.0 pct", "12 percent": a number that is a rate of change."""
    doc = number.doc
    return number.i + 1 < len(doc) and doc[number.i + 1].lower_ in _RATE_WORDS


_RATE_WORDS = frozenset({"pct", "percent", "%", "per"})


def _point_in_time(doc, start: int) -> bool:
    """ "estimates were unchanged at the end of February while export forecasts were lowered
    to 4.5 mln": the day another clause speaks of, not a period the figure covers."""
    return start >= 2 and doc[start - 2].lower_ in ("end", "beginning", "start") and doc[start - 1].lower_ == "of"


def _of_the_report(period: Span, anchor: Token) -> bool:
    """ "Turkey was reported this week to have bought ...": the week of the report, not of the
    purchase (a verb of reporting the trade verb completes)."""
    verb = period.root.head
    return verb.i != anchor.i and reporting(verb) \
        and anchor.dep_ in ("xcomp", "advcl") and anchor.head.i == verb.i


def revised_by(doc, figure: Figure, other: Figure) -> bool:
    """ "2.74 billion (revised from 2.72 billion)": ``other`` is the figure ``figure`` replaces,
    for the same period."""
    words = [t.lower_ for t in doc[figure.end : other.start]]
    return len(words) >= 3 and words[0] == "(" and words[1] == "revised" and words[-1] == "from" \
        and all(w in flow_words("revision_directions") for w in words[2:-1])


def _flow_participle(verb, figure: Figure) -> bool:
    """ "from 800,000 tonnes exported last year": a trade verb that only describes the figure
    before it dates that figure."""
    trade_verbs = flow_words("export_verbs") | flow_words("import_verbs") | flow_words("sale_verbs") \
        | flow_words("purchase_verbs")
    return verb.dep_ == "acl" and figure.start <= verb.head.i < verb.i and verb.lemma_.lower() in trade_verbs


def _own_clause(anchor: Token) -> Token | None:
    """The clause of its own the flow stands in, when a comma and a coordinator join it to
    another ("..., and imports averaged 3.44 mln", "..., while imports averaged ..."): a cue
    outside it is the other clause's."""
    doc = anchor.doc
    verb = first_up(anchor, _has_subject, limit=6)
    if verb is None:
        return None
    first = verb.left_edge.i
    if doc[first].lower_ not in _COORDINATORS:
        first -= 1
    return verb if first >= 1 and doc[first].lower_ in _COORDINATORS and doc[first - 1].text == "," else None


_COORDINATORS = frozenset({"and", "while", "whereas", "but"})


def _has_subject(token: Token) -> bool:
    """A verb with a subject of its own: the head of a clause."""
    return token.pos_ in VERB_POS and any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)


def _hedge(word: Token) -> bool:
    """ "an estimated 879.4 mln dlrs", "a provisional 2.1 billion": a word that hedges the
    figure it stands before, as "about" does, rather than forecasting it."""
    doc = word.doc
    return word.lower_ in ("estimated", "provisional") and word.i > 0 and doc[word.i - 1].lower_ in ("a", "an") \
        and word.i + 1 < len(doc) and doc[word.i + 1].like_num


def _estimate_of_what_was(word: Token, anchor: Token) -> bool:
    """ "Brennan estimated exports to Canada totalled 800 mln dlrs in 1985 while imports
    reached 700 mln": an estimate made in the past of figures its clause tells with a verb of
    its own in the past tense is a guess at what was, not a forecast. Every verb from the
    flow's up to the root is in the past tense, without an auxiliary ("estimated exports would
    reach" is a forecast); the parser may hang "estimated" on "exports" as a modifier, so the
    estimate need only reach that chain. "X estimated exports at 5 mln tonnes" (no verb of the
    flow's own) stays a forecast."""
    if word.tag_ != "VBD" or word.lemma_.lower() != "estimate":
        return False
    verb = anchor if anchor.pos_ in VERB_POS else anchor.head
    if verb.i == word.i:
        return False
    chain = set()
    while True:
        if verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return False
        chain.add(verb.i)
        if verb.head.i == verb.i:
            break
        verb = verb.head
    return any(t.i in chain for t in upward(word, lambda t: True, limit=4))


def forecast_cue(ctx: Context, flow: Flow) -> bool:
    """ "forecast", "projected", "expected", "estimated", "target", "could export": a cue
    in the clause or governing it; not a comparison with one ("smaller than expected", "as
    forecast") nor a plan the clause only names after its trade word ("in line with
    government plans")."""
    anchor = flow.anchor
    sent = anchor.sent
    window = ctx.doc[sent.start : flow.end]
    words = flow_words("forecast_words")
    own = _own_clause(anchor)
    for t in window:
        if t.lower_ in words or t.lemma_.lower() in words:
            if own is not None and not (own.left_edge.i <= t.i <= own.right_edge.i):
                continue  # "production was estimated at 8.35 mln bpd, and imports averaged 3.44 mln"
            if outside_told_clause(anchor, t):
                continue  # "is expected to announce whether exports to Canada have injured growers"
            if t.lower_ == "put" and not any(c.lower_ == "at" for c in t.children):
                continue
            if t.i > anchor.i and t.pos_ == "VERB" and t.dep_ == "conj" and not any(w.like_num for w in t.subtree):
                continue  # "had purchases of two cargoes and could be seeking more": a wish, no figure
            if t.lower_ == "seen" and t.tag_ != "VBN":
                continue
            if t.i > 0 and ctx.doc[t.i - 1].lower_ in flow_words("forecast_comparisons"):
                continue  # "much smaller than expected": what happened, against a forecast
            if _hedge(t):
                continue  # "imports dropped to an estimated 879.4 mln dlrs": a reported figure, hedged
            if _estimate_of_what_was(t, anchor):
                continue  # "X estimated exports totalled 800 mln dlrs in 1985 while imports reached ..."
            if any(c.dep_ == "det" and c.lower_ == "no" for c in t.children):
                continue  # "Brazil has no set target for its coffee exports": no plan
            if t.i > anchor.i and t.lower_ in flow_words("tender_nouns") and anchor.pos_ == "VERB" \
                    and anchor.lemma_.lower() in flow_words("sale_verbs") | flow_words("export_verbs"):
                return True  # "sold 100,000 tonnes at the tender": awarded, not yet shipped
            if t.i > anchor.i and t.pos_ == "NOUN" and (t.dep_ == "pobj" or t.head.dep_ == "pobj" and t.dep_ == "compound"):
                continue  # "... was in line with government plans"
            return True
    if anchor.pos_ == "VERB" and anchor.lemma_.lower() in flow_words("goods_loan_verbs") and anchor.tag_ != "VBD":
        return True  # "Venezuela is lending Ecuador five mln barrels": shipped as the loan is drawn
    if anchor.pos_ == "VERB" and anchor.dep_ == "advcl" and anchor.tag_ == "VB" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children):
        return True  # "Pakistan is lined up to buy 100,000 tonnes": the purpose, not done yet
    verb = anchor if anchor.pos_ == "VERB" else anchor.head
    # "will continue to export", "might be looking to buy"
    for verb in upward(verb, lambda t: t.dep_ == "xcomp", limit=3):
        auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
        if any(a in flow_words("forecast_modals") for a in auxiliaries) and "have" not in auxiliaries:
            return True  # not "may have totalled": a guess at what was, no forecast
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in flow_words("permission_verbs") \
                and not any(c.dep_ == "neg" for c in verb.head.children):
            return True  # "has been authorized to buy 75,000 tonnes": permitted, not yet bought
        if committed(verb):
            return True  # "six ships are to load 186,000 tonnes", "is pledging to export": arranged, not done
    return False


def committed(verb: Token) -> bool:
    """ "are to load", "is pledging to export", "has promised to ship", "is due to buy": a
    trade verb in the to-infinitive of an undertaking or of a bare "be" (the newswire's
    arrangement for the future); not a negated one ("is not to export")."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if any(c.dep_ == "neg" for c in head.children):
        return False
    if head.lemma_.lower() == "be":
        return True
    return head.lemma_.lower() in flow_words("commitment_heads") or head.lower_ in flow_words("commitment_heads")
