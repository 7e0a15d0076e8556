"""What a trade story has said so far: the trader, goods, period and direction of its last
flow, for the sentences that leave them out.

Newswire states a flow once and then gives its figures: "Thailand's rice exports fell in
the week ended March 3. Shipments totalled 56,652 tonnes, against 75,160 the week before."
or "Indonesian exports of CPO rose in 1986. They were 530,500 tonnes." The second sentence
has the figure; the first says whose, of what and when. A slot is carried only from the
sentence right before and only when nothing in the new sentence says otherwise, so a
carried fact is as sure as its sentence pair; it is marked by a lower confidence.

>>> Topic(trader="th", goods="rice", period=None, exports=True, sentence=3).follows(4)
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Span, Token

from kg.model import Fact
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import ORGS, PLACES, PRODUCTS, Context, sentence_text
from kg.nlp.relations.flow_clause import Flow, flow_noun, flow_words
from kg.nlp.relations.flow_periods import coming_window
from kg.nlp.relations.flow_statistics_comparisons import compared_after
from kg.nlp.relations.periods import Period, find_periods, not_over

# how much less a fact is trusted for each slot it took from the sentence before
CARRIED = 0.06


@dataclass(frozen=True)
class Topic:
    """The last flow a story stated, with or without a figure."""

    trader: str | None
    goods: str | None
    period: Period | None
    exports: bool
    sentence: int  # index of its sentence in the Doc
    partner: str | None = None  # where it went or came from, when the sentence named it
    figureless: bool = False  # the flow gave no figure of its own ("exports to the U.S. fell")

    def follows(self, sentence: int) -> bool:
        """True when the flow was stated in the sentence right before ``sentence``."""
        return sentence - self.sentence == 1


@lru_cache(maxsize=None)
def _words(key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon("trade")["discourse"][key])


def anaphor(sent: Span, own: Callable[[Token], bool] = lambda _: False) -> Token | None:
    """The subject that points back to the last flow: "They were 530,500 tonnes", "The
    total was 7.2 mln tonnes", "These amounted to ..."; only the subject of a verb that
    states a level, with a figure after it. ``own`` tells a modifier that names the last
    flow's own trader or partner ("exports to the EC rose ... The EC figure included ..."),
    which points back as "the" does."""
    pronouns, nouns, verbs = _words("pronouns"), _words("nouns"), _words("level_verbs")
    for token in sent:
        if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i < token.i:
            continue
        verb = token.head
        if verb.lemma_.lower() not in verbs:
            continue
        if token.lower_ in pronouns:
            pass
        elif token.lower_ in _words("bare_flow_nouns") and not list(token.children):
            pass  # "Sales of corn to the USSR total ... In the third year sales totaled ...": the same sales
        elif token.lemma_.lower() in nouns or token.lower_ in nouns:
            # "December's total was 25,000 tonnes", "The February total included ...": a
            # period's possessive or modifier points back as "the" does
            dated = [c for c in token.children if c.dep_ in ("poss", "compound", "npadvmod") and _names_period(c)]
            if not dated and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these")
                                     for c in token.children):
                continue  # "a total of", "total exports": not the story's flow
            if any(c.dep_ in ("compound", "amod", "poss", "prep") for c in token.children
                   if c.lower_ != "total" and c not in dated and not own(c)):
                continue  # "the wheat total", "the total of rice": says its own subject
        else:
            continue
        if any(t.like_num and any(c.isdigit() for c in t.text) for t in sent.doc[verb.i + 1 : sent.end]):
            return token
    return None


def names_topic(ctx: Context, topic: Topic) -> Callable[[Token], bool]:
    """Whether a word names the topic's trader or partner: "The EC figure" after exports to
    the EC, "the Japanese total" after Japan's exports."""
    own = {k for k in (topic.trader, topic.partner) if k is not None}
    return lambda token: (ctx.key(token) or ctx.country_of_demonym(token)) in own


def _names_period(token: Token) -> bool:
    """ "December's", "last year's": a possessive that is a period."""
    span = token.doc[token.left_edge.i : token.i + 1]
    return bool(find_periods(span.text, None))


def sentence_index(sent: Span) -> int:
    """The index of ``sent`` among the Doc's sentences (cached on the Doc's user data)."""
    doc = sent.doc
    starts = doc.user_data.get("kg_sentence_starts")
    if starts is None:
        starts = {s.start: k for k, s in enumerate(doc.sents)}
        doc.user_data["kg_sentence_starts"] = starts
    return starts.get(sent.start, -1)


def own_period(sent: Span, published: str | None, *, until: int) -> Period | None:
    """The period a figure-less flow sentence names for itself ("rose in 1986", "fell in the
    week ended March 3"): the only period before ``until`` that is no comparison."""
    text = sent.doc[sent.start : max(sent.start, until)].text
    found = [p for p in find_periods(text, published) if p.shift is None]
    if len(found) != 1:
        return None
    before = text[: found[0].start_char].split()
    # "rose in 1986", "1986 exports", "an increase in exports this year" (a period that points
    # from the story's day needs no preposition); not "for the first time since March 1985"
    return found[0] if not before or before[-1].lower() in _words("period_preps") \
        or _SELF_DATED.match(found[0].text) and before[-1].lower() not in _words("yardstick_preps") else None


_SELF_DATED = re.compile(r"(?i)(?:this|last|next)\s+(?:year|month|week|season|quarter)$")


@dataclass(frozen=True)
class Opening:
    """The flow a story opens with and the periods of its figures ("Exports of French wheat
    for the period July 1 to March 1 fell to 8.21 mln tonnes from 11.34 mln in the same
    1985/86 period"): the periods the story's later figures are for when they name none."""

    trader: str
    periods: tuple[Period | None, ...]
    goods: str | None = None
    exports: bool = False

    def speaks_for(self, trader: str, partner: str | None) -> bool:
        """True for a flow of the opening's trader, or of a buyer from it."""
        return self.periods[0] is not None and self.trader in (trader, partner)

    def seller_to(self, flow: Flow, trader: str, goods: str | None) -> str | None:
        """The origin of a purchase that names none, in a story that opened with one
        exporter's sales of the same goods ("French wheat exports to the EC fell ... Spanish
        purchases were up sharply at 258,507 tonnes"): that exporter."""
        if not self.exports or flow.exports or goods is None or goods != self.goods or trader == self.trader \
                or flow.anchor.sent.start == 0:
            return None
        clause = flow.anchor.doc[flow.anchor.sent.start : flow.end]
        if any(t.lower_ in _words("whole_words") or t.lower_ == "from" for t in clause):
            return None
        return self.trader

    def comparison(self, main: Period | None) -> Period | None:
        """The period of a comparison figure that names none, beside a figure of the
        opening's period ("..., up on a previous 2.99 mln"): the opening's own comparison."""
        if main is None or self.periods[0] is None or main.text != self.periods[0].text or len(self.periods) < 2:
            return None
        compared = self.periods[1]  # the second figure's; another partner's has the first's period
        return compared if compared is not None and compared.text != main.text else None


def lead_season(doc_sents: list[Span], published: str | None) -> Period | None:
    """The crop or fiscal year ("1986/87") the story's first sentence names, the only one it
    names: the season every forecast of the story is for unless it says another."""
    if not doc_sents:
        return None
    found = {p.text.lower()[:7]: p for p in find_periods(doc_sents[0].text, published)
             if re.match(r"(?:the\s)?(?:19|20)\d\d\s?/\s?\d\d\b", p.text)}  # fmt: skip
    return next(iter(found.values())) if len(found) == 1 else None


def lead_period(doc_sents: list[Span], published: str | None) -> Period | None:
    """The period the story's first sentence reports on ("Thailand's trade deficit widened
    to 4.7 billion baht in February from 2.1 billion in January"): its first dated period
    that is no comparison."""
    if not doc_sents:
        return None
    return next((p for p in find_periods(doc_sents[0].text, published) if p.shift is None and p.start), None)


def _allotted(flow: Flow) -> bool:
    """ "an export quota of 28,526 tonnes", "its export target": a share a plan allots."""
    anchor = flow.anchor
    noun = flow_noun(anchor)
    return any(t.lower_ in _words("allotment_heads") for t in (anchor, noun, noun.head))


def _traded_lead(ctx: Context, lead: Period) -> bool:
    """The story's opening period is one its trade is stated for: a span of days, not one
    ("at today's tender"), after a trade word of the first sentence ("limit group exports to
    96,000 tonnes in the year started March 1"), not the date of another event ("will press
    next year for legislation")."""
    if lead.start == lead.end:
        return False
    first = next(iter(ctx.doc.sents))
    trade = flow_words("export_nouns") | flow_words("import_nouns") | flow_words("export_verbs") \
        | flow_words("import_verbs")
    return any(t.lower_ in trade or t.lemma_.lower() in trade
               for t in first if t.idx - first.start_char < lead.start_char)


def points_back(tokens: Span, periods: list[tuple[int, int, Period]] = ()) -> bool:
    """ "433,000 bales were shipped that year", "in the same period": words that point to a
    period named elsewhere; not where the sentence names it right there ("during the period
    February 1 to 25", "in the period between March 1 and 25", "during the year ended March
    31": ``periods``, as token spans, hold it)."""
    words = [t.lower_ for t in tokens]
    for phrase in _words("pointing_periods"):
        said = phrase.split()
        for i in range(len(words) - len(said) + 1):
            if words[i : i + len(said)] != said:
                continue
            end = tokens.start + i + len(said)  # the token after the phrase
            if not any(s == end or s < end < e and tokens.doc[end].lower_ in _NAMING_WORDS for s, e, _ in periods):
                return True
    return False


_NAMING_WORDS = frozenset({"ended", "ending", "to", "through", "from", "between"})  # "the year ended March 31"


def carried_partner(ctx: Context, flow: Flow, trader: str, goods: str | None, topic: Topic | None) -> str | None:
    """The partner of a flow whose sentence names none, from the same trader's flow of the
    same goods and direction the sentence before stated with one: "Sales of corn to the
    USSR total 2.6 mln tonnes. In the previous year sales totaled 6.9 mln", "British imports
    of French wheat fell. Britain bought 274,665 tonnes". Not for the whole ("Total exports
    were ...") nor a clause that names a partner of its own that is no place ("to other
    destinations")."""
    if topic is None or topic.partner is None or topic.trader != trader or topic.exports != flow.exports \
            or topic.partner == trader:
        return None
    anchor = flow.anchor
    # "sales totaled 6.9 mln tonnes -- 152,600 of wheat and ...": bare "sales" are the same
    # sales, whatever goods its figures list
    bare = anchor.lower_ in _words("bare_flow_nouns") and not any(
        c.dep_ in ("compound", "amod", "poss", "prep", "nmod") for c in anchor.children)
    if goods is not None and topic.goods not in (None, goods) and not bare:
        return None
    if topic.figureless and topic.goods != goods:
        return None  # "sales to China decreased ... Net sales of soybeans totalling ...": other goods' sales
    sent = anchor.sent
    clause = anchor.doc[sent.start : flow.end]
    preps = {"to", "into"} if flow.exports else {"from"}
    if any(t.lower_ in _words("whole_words") or t.lower_ in preps and not _names(ctx, t, topic.partner)
           for t in clause):
        return None
    return topic.partner


def _names(ctx: Context, prep: Token, key: str) -> bool:
    """ "the lowest since the 3.56 billion exported to the U.S. in July 1984": a preposition
    whose object is the partner already carried names no other."""
    return any(c.dep_ == "pobj" and ctx.key(c, PLACES | ORGS) == key for c in prep.children)


_DELIVERY_AFTER = re.compile(
    r"^(?:the|these|this|those)\s+(?:[a-z-]+\s+){0,3}?(?:is|are|was|were|will\s+be)\s+(?:all\s+)?"
    r"for\s+(?:delivery|shipment|loading)\s+(?:during|in|over)\s+", re.IGNORECASE)
# "The purchase was for May/June shipment", "The business was for April shipments": the
# window before its delivery noun
_WINDOW_AFTER = re.compile(
    r"^(?:the|these|this|those)\s+(?:[a-z-]+\s+){0,3}?(?:is|are|was|were|will\s+be)\s+(?:all\s+)?for\s+(?:various\s+)?",
    re.IGNORECASE)
_WINDOW_NOUNS = re.compile(r"\s*(?:delivery|deliveries|shipments?|loading|arrival)\b", re.IGNORECASE)
# "... and the palm olein for Apr 25/May 25 shipment": the next goods' own window
_NEXT_WINDOW = re.compile(r"\band\s+(?:the\s+)?(?P<goods>[\w\s-]{1,40}?)\s+for\s+(?:various\s+)?$", re.IGNORECASE)


def delivery_windows(sent: Span, published: str | None) -> list[tuple[tuple[int, int], Period]]:
    """The shipment windows a figure-less sentence gives the goods of a deal just stated,
    each with where the words it names them by are (character offsets in the sentence): "The
    corn is for delivery during the 1986/87 marketing year", "These sales are for shipment in
    1987/88"; "The soyoil purchase was for May 20/Jun 20 shipment and the palm olein for Apr
    25/May 25 shipment" gives "The soyoil purchase" May 20-June 20 and "palm olein" April
    25-May 25. A window whose year is not written is the coming one, as goods are bought to
    ship."""
    text = sentence_text(sent)
    periods = [p for p in find_periods(text, published) if p.shift is None]
    if (m := _DELIVERY_AFTER.match(text)) is not None:
        first = next((p for p in periods if text[m.end() : p.start_char].lower() in ("", "the ")), None)
        return [((0, m.end()), first)] if first is not None else []
    if (m := _WINDOW_AFTER.match(text)) is None:
        return []
    windows: list[tuple[tuple[int, int], Period]] = []
    for p in periods:
        if not _WINDOW_NOUNS.match(text[p.end_char :]):
            continue
        if not windows and p.start_char == m.end():
            windows.append(((0, m.end()), coming_window(p, published)))
        elif windows and (gap := _NEXT_WINDOW.search(text[: p.start_char])) is not None:
            windows.append((gap.span("goods"), coming_window(p, published)))
    return windows


def dated_by_windows(ctx: Context, sent: Span, facts: list[Fact],
                     windows: list[tuple[tuple[int, int], Period]]) -> list[Fact]:
    """``facts`` dated by the windows a sentence after them names: the one window, for them
    all; or, window by window, the facts of the goods its words name ("The soyoil purchase
    was for May 20/Jun 20 shipment and the palm olein for Apr 25/May 25 shipment"). Not
    where the sentence's subject names another trader ("Jordan's tender was for May shipment")."""
    (_, said), _ = windows[0]
    own = {k for f in facts for k in (f.subject, f.partner)}
    if any(key not in own and span.start_char - sent.start_char < said
           for key, span in ctx.entity_mentions(PLACES | ORGS) if sent.start <= span.start < sent.end):
        return facts
    if len(windows) == 1:
        return [replace(f, period=windows[0][1].text, period_start=windows[0][1].start, period_end=windows[0][1].end)
                for f in facts]
    named: dict[str, Period] = {}
    for key, span in ctx.entity_mentions(PRODUCTS):
        if not sent.start <= span.start < sent.end:
            continue
        at = span.start_char - sent.start_char
        window = next((p for (s, e), p in windows if s <= at < e), None)
        if window is not None:
            named.setdefault(key, window)
    return [replace(f, period=named[f.object].text, period_start=named[f.object].start, period_end=named[f.object].end)
            if f.object in named else f for f in facts]


def periods_of(facts: list[Fact]) -> list[Period | None]:
    """The periods of a flow's figures in order, as facts carry them."""
    return [Period(text=f.period, start=f.period_start, end=f.period_end, start_char=0, end_char=0)
            if f.period else None for f in facts]  # fmt: skip


def statistics_period(sent: Span, published: str | None) -> Period | None:
    """The one period the figures of the sentence before ``sent`` are for ("average crude
    output in 1986 was 2.43 mln bpd, 202,000 bpd down on 1985": 1986), where it names one
    after a preposition of time before its first figure; the periods it compares with are not."""
    doc = sent.doc
    if sent.start == 0:
        return None
    before = doc[sent.start - 1].sent
    text = sentence_text(before)
    first = next((t.idx - before.start_char for t in before if t.like_num and any(c.isdigit() for c in t.text)
                  and not re.fullmatch(r"(?:19|20)\d\d", t.text)), None)
    if first is None:
        return None
    own = {}
    for p in find_periods(text, published):
        words = text[: p.start_char].split()
        if p.shift is not None or words and words[-1].lower() in _words("yardstick_preps") | _COMPARED_ON:
            continue
        if compared_after(text, first, p):
            continue  # "fell to 310 mln from 460 mln in January 1986": the period compared with
        if words and words[-1].lower() not in _words("period_preps") or not p.start:
            return None
        own[p.text.lower()] = p
    # the period frames the statistic before its figure ("output in 1986 was 2.43 mln"), not
    # "the surplus rose to 140 mln dlrs in February", a figure the next may not share
    found = next(iter(own.values())) if len(own) == 1 else None
    return found if found is not None and found.end_char <= first else None


_COMPARED_ON = frozenset({"on", "over", "vs", "versus"})  # "202,000 bpd down on 1985"


def carried_period(ctx: Context, flow: Flow, trader: str, goods: str | None, forecast: bool, *,
                    inherited: list[Fact] | None, topic: Topic | None, season: Period | None,
                    lead: Period | None = None, compared: Period | None = None,
                    pointed: Period | None = None, opening: Opening | None = None,
                    partner: str | None = None) -> tuple[Period, bool] | None:
    """The period of a figure whose sentence names none: the period of the figures just
    before, or of the same trader's flow the sentence before stated without a figure ("...
    rose in 1986. They were 530,500 tonnes");
    for a forecast, the crop year the story opened with ("USSR wheat imports were projected
    at 15 mln tonnes" in a 1986/87 story). A period that is over is no forecast's. With the
    period, whether it came from another sentence. Last of all, the period the story opened
    with, for a flow of the opening's trader or a buyer from it."""
    published = ctx.article.published
    here = sentence_text(flow.anchor.sent)
    candidates: list[tuple[Period | None, bool]] = []
    if inherited and (inherited[0].quantity or inherited[0].amount) is not None:
        candidates.append((periods_of(inherited)[0], inherited[0].sentence != here))
    elif topic is not None and topic.trader == trader and (goods is None or topic.goods in (None, goods)):
        candidates.append((topic.period, True))
    if pointed is not None:
        # "Imports of wool rose to 10,248 tonnes over the same period": the last period a
        # figure of the story had, a few sentences back at most
        candidates.append((pointed, True))
    if forecast:
        candidates.append((season, True))
        if flow.anchor.sent.start > 0 and lead is not None and _allotted(flow) and _traded_lead(ctx, lead):
            # "limit exports to 96,000 tonnes in the year started March 1 ... Malaysia has been
            # allocated an export quota of 28,526 tonnes": the period the story opened its
            # trade on, not over yet (a period that is over is no forecast's, below)
            candidates.append((lead, True))
    elif lead is not None and compared is not None and compared.start and lead.start and compared.start < lead.start \
            and flow.anchor.sent.start > 0:
        # "... deficit widened in February from January. Exports fell to 18.9 billion from 20.4
        # billion in January": compared with an earlier period, the figure is the lead's
        candidates.append((lead, True))
    if not forecast and opening is not None and flow.anchor.sent.start > 0 and opening.speaks_for(trader, partner):
        # "Exports of maize totalled 4.11 mln tonnes, up on a previous 2.99 mln" after an
        # opening dated "for the period July 1 to March 1": the opening's period
        candidates.append((opening.periods[0], True))
    if not forecast and not find_periods(here, published) and (before := statistics_period(flow.anchor.sent, published)):
        # "pemex said average crude output in 1986 was 2.43 mln bpd, 202,000 bpd down on 1985.
        # Average exports were 1.29 mln bpd": the one period the statistics just before are for
        candidates.append((before, True))
    for period, elsewhere in candidates:
        if period is None:
            continue
        if forecast and not not_over(period, published):
            continue  # "exports were 320,000 tonnes last year. I expect 330,000": not last year's
        return period, elsewhere
    return None


__all__ = ["CARRIED", "Opening", "Topic", "anaphor", "carried_partner", "carried_period", "dated_by_windows",
           "delivery_windows", "lead_period", "lead_season", "own_period", "periods_of", "points_back",
           "sentence_index"]
