"""A learned second reading of trade figures: the numbers of a trade sentence that no rule used.

The rules read a flow clause by its wording; a story worded another way leaves its figures
unread. This step takes every figure (a quantity, with its unit where written, or an amount
of money) that no rule fact states, in a sentence where the flow triggers find a trade word or
in the two sentences after one (a flow broken down: "The total included 19,102 tonnes from the
U.S."), pairs it with each trader the sentence names, the story's last trader and its country,
and asks a logistic model whether that trader traded that figure in the direction of the
nearest trade word. Goods, period and forecast come from the rules' own helpers; the model
decides only "is this (trader, figure, direction) a trade fact". A figure gives at most one
fact, the likeliest, when its probability passes the model's threshold.

The step runs only when ``RelationRules`` is given a model, and kg ships none: trained on the
annotated trade stories and cross-validated by set (``python -m bench.learn.trade_figures``),
it added no trade F1 on stories it was not trained on (see ``bench/README.md``). The
candidates and features stay for that measurement, and for the next attempt at it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.relations.base import PRODUCTS, Context, sentence_text
from kg.nlp.relations.figure_model import FigureModel
from kg.nlp.relations.flow_clause import Figure, Flow
from kg.nlp.relations.flow_figure_units import is_number, unit_at
from kg.nlp.relations.flow_goods import goods_of
from kg.nlp.relations.flow_periods import forecast_cue, period_for, sentence_periods
from kg.nlp.relations.flow_triggers import find_flows
from kg.nlp.relations.money import money_in
from kg.nlp.relations.periods import Period
from kg.nlp.relations.quantities import parse_quantity
from kg.nlp.relations.trader_keys import story_country, trader_key

EXTRACTOR = "learned-figure"
TRADE = frozenset({Predicate.EXPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORTS, Predicate.IMPORT_VALUE})
_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "mn"})
_CARRIED = 2  # how many sentences after a trade sentence still break its flow down
_BARE_FLOOR = 1000  # a number without a unit below this counts things other than goods
_PERCENT = frozenset({"pct", "%", "percent", "per", "pc"})


@dataclass(frozen=True)
class Candidate:
    """One (trader, figure, direction) reading, the fact it would be, and its features."""

    fact: Fact
    features: tuple[str, ...]
    figure: tuple[int, int]  # the figure's tokens: one fact per figure


def extract(ctx: Context, facts: list[Fact], model: FigureModel | None) -> list[Fact]:
    """The facts the model reads from the figures no rule fact states, one per figure."""
    if model is None:
        return []
    best: dict[tuple[int, int], tuple[float, Fact]] = {}
    for cand in candidates(ctx, facts):
        p = model.probability(cand.features)
        if p >= model.threshold and (cand.figure not in best or p > best[cand.figure][0]):
            best[cand.figure] = (p, cand.fact)
    return [replace(fact, confidence=round(p, 3)) for p, fact in best.values()]


def candidates(ctx: Context, facts: list[Fact]) -> list[Candidate]:
    """Every reading of the unread figures of the trade sentences, and of the sentences just
    after one (a flow's breakdown: "The total included 19,102 tonnes from the U.S."), with
    its features."""
    out: list[Candidate] = []
    trade_facts = [f for f in facts if f.predicate in TRADE]
    story = story_country(ctx)
    last: tuple[bool, int] | None = None  # the direction of the last trade sentence, and its index
    for index, sent in enumerate(ctx.doc.sents):
        flows = find_flows(ctx, sent)
        carried = 0
        if flows:
            last = (flows[-1].exports, index)
        elif last is not None and index - last[1] <= _CARRIED:
            carried = index - last[1]
            flows = [Flow(anchor=sent.root, exports=last[0], end=sent.end)]
        else:
            continue
        sentence = sentence_text(sent)
        stated = [f for f in trade_facts if f.sentence == sentence]
        earlier = [f for f in trade_facts if f.start < sent.start_char + ctx.offset]
        last_trader = earlier[-1].subject if earlier else None
        last_goods = next((f.object for f in reversed(earlier) if f.object), None)
        traders = _traders(ctx, sent)
        periods = sentence_periods(ctx, sent)
        figures = _figures(ctx, sent, periods)
        for figure in figures:
            if _stated(figure, stated):
                continue
            flow = min(flows, key=lambda fl: abs(fl.anchor.i - figure.start))
            read = _fact(ctx, sent, figure, flow, periods, last_goods, carried=carried > 0)
            if read is None:
                continue
            predicate, goods, how, period = read
            shared = [*_figure_features(ctx, sent, figure, flow, len(figures), stated),
                      f"carried={carried}", f"goods={how}"]
            choices = dict(traders)
            for key, why in ((last_trader, "last"), (story, "story")):
                if key is not None and key not in choices:
                    choices[key] = (None, why)
            for key, (token, why) in choices.items():
                if key == goods:
                    continue
                fact = _build(ctx, figure, flow, key, predicate, goods, period)
                feats = shared + _trader_features(ctx, figure, flow, key, token, why, story, last_trader, stated)
                out.append(Candidate(fact=fact, features=tuple(feats), figure=(figure.start, figure.end)))
    return out


def _stated(figure: Figure, stated: list[Fact]) -> bool:
    for f in stated:
        value = f.amount if figure.currency else f.quantity
        if value is not None and _close(Decimal(str(value)), figure.value):
            return True
    return False


def _close(a: Decimal, b: Decimal) -> bool:
    return abs(a - b) <= abs(b) * Decimal("0.005")


def _figures(ctx: Context, sent: Span, periods: list[tuple[int, int, Period]]) -> list[Figure]:
    """The quantities (with their unit, where written) and amounts of money of a sentence;
    not the numbers of its dates and periods ("September 30", "the first 11 months"), nor a
    small number without a unit ("the four partners")."""
    doc = ctx.doc
    out: list[Figure] = []
    taken: set[int] = {i for s, e, _ in periods for i in range(s, e)}
    for money in money_in(sent, matcher=ctx.rules.money, published=ctx.article.published):
        span = money.span
        out.append(Figure(value=Decimal(str(money.amount)), start=span.start, end=span.end, currency=money.currency))
        taken.update(range(span.start, span.end))
    i = sent.start
    while i < sent.end:
        t = doc[i]
        if i in taken or not (t.like_num and is_number(t)) or t.lower_ in ("a", "an", "one"):
            i += 1
            continue
        j = i + 1
        while j < sent.end and j not in taken and (doc[j].lower_ in _SCALES or doc[j].like_num and is_number(doc[j])):
            j += 1
        if j < sent.end and doc[j].lower_ in _PERCENT or doc[i - 1].lower_ in ("$", "no", "no.") and i > sent.start:
            i = j
            continue
        quantity = parse_quantity(doc[i:j].text)
        unit, end = unit_at(doc, j, sent.end)
        if quantity is not None and (unit is not None or quantity.value >= _BARE_FLOOR):
            out.append(Figure(value=quantity.value, start=i, end=max(j, end), unit=unit))
        i = j
    return sorted(out, key=lambda f: f.start)


def _traders(ctx: Context, sent: Span) -> dict[str, tuple[Token, str]]:
    """The traders a sentence names (entity mention or demonym), each with its first token."""
    found: dict[str, tuple[Token, str]] = {}
    for t in sent:
        key = trader_key(ctx, t)
        why = "named"
        if key is None and t.pos_ in ("ADJ", "PROPN"):
            key, why = ctx.country_of_demonym(t), "demonym"
        if key is not None and key not in found:
            found[key] = (ctx.mention(t).root if why == "named" else t, why)
    return found


def _fact(ctx: Context, sent: Span, figure: Figure, flow: Flow, periods: list, last_goods: str | None, *,
          carried: bool) -> tuple[Predicate, str | None, str, Period | None] | None:
    """The predicate, goods (and where they were found) and period of a figure's reading."""
    value = figure.currency is not None
    exports = flow.exports
    predicate = (Predicate.EXPORT_VALUE if exports else Predicate.IMPORT_VALUE) if value \
        else (Predicate.EXPORTS if exports else Predicate.IMPORTS)
    goods, how = (None, "none") if carried else (goods_of(ctx, flow), "flow")
    if goods is None and (after := _goods_after(ctx, figure, sent)) is not None:
        goods, how = after, "after"
    if goods is None and not value:
        named = next((k for t in sent if (k := ctx.key(t, PRODUCTS)) is not None), None)
        goods, how = (named, "sentence") if named is not None else (last_goods, "last")
        if goods is None:
            return None
    return predicate, goods, how, period_for([figure], 0, periods, ctx, flow)


def _build(ctx: Context, figure: Figure, flow: Flow, trader: str, predicate: Predicate, goods: str | None,
           period: Period | None) -> Fact:
    value = figure.currency is not None
    return ctx.fact(
        trader, predicate, [ctx.doc[figure.start : figure.end], flow.anchor], rule=EXTRACTOR, confidence=0.5,
        object=goods, quantity=None if value else figure.value, unit=None if value else figure.unit,
        amount=figure.value if value else None, currency=figure.currency,
        period=period.text if period else None, period_start=period.start if period else None,
        period_end=period.end if period else None, forecast=forecast_cue(ctx, flow),
    )


def _goods_after(ctx: Context, figure: Figure, sent: Span) -> str | None:
    """ "56,652 tonnes of rice": the goods the figure counts."""
    doc = ctx.doc
    if figure.end + 1 < sent.end and doc[figure.end].lower_ == "of":
        for t in doc[figure.end + 1 : min(sent.end, figure.end + 5)]:
            if (k := ctx.key(t, PRODUCTS)) is not None:
                return k
    return None


def _path(token: Token, top: Token) -> str:
    """The dependency labels from ``token`` up to its lowest common head with ``top``."""
    above = {a.i for a in top.ancestors} | {top.i}
    steps = []
    t = token
    while t.i not in above and t.head.i != t.i and len(steps) < 4:
        steps.append(t.dep_)
        t = t.head
    down = []
    u = top
    while u.i != t.i and u.head.i != u.i and len(down) < 4:
        down.append(u.dep_)
        u = u.head
    return ">".join(steps) + "|" + ">".join(reversed(down))


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8+"


def _figure_features(ctx: Context, sent: Span, figure: Figure, flow: Flow, n_figures: int,
                     stated: list[Fact]) -> list[str]:
    """What the figure is, where it stands from its trade word, and the words around it."""
    doc = ctx.doc
    anchor = flow.anchor
    head = doc[figure.end - 1] if figure.currency else doc[figure.start]
    before = [doc[k].lower_ for k in range(max(sent.start, figure.start - 2), figure.start)]
    after = [doc[k].lower_ for k in range(figure.end, min(sent.end, figure.end + 2))]
    kind = "money" if figure.currency else "unit" if figure.unit else "bare"
    feats = [
        f"kind={kind}", f"dir={'x' if flow.exports else 'm'}", f"word={anchor.lemma_.lower()}",
        f"word+kind={anchor.lemma_.lower()}|{kind}", f"pos={anchor.pos_}",
        f"side={'after' if figure.start > anchor.i else 'before'}",
        f"dist={_bucket(abs(figure.start - anchor.i))}", f"inclause={anchor.i <= figure.start < flow.end}",
        f"path={_path(head, anchor)}", f"dep={head.dep_}", f"headlemma={head.head.lemma_.lower()}",
        f"figures={_bucket(n_figures)}", f"stated={_bucket(len(stated))}",
        f"planned={flow.planned}", f"root={sent.root.lemma_.lower()}",
        f"table={sent.text.count('  ') > 2 or sent.text.count(chr(10)) > 1}",  # a line of a table set in columns
    ]
    feats += [f"b1={before[-1]}" if before else "b1=<s>", f"b2={' '.join(before)}"]
    feats += [f"a1={after[0]}" if after else "a1=</s>", f"a2={' '.join(after)}"]
    if figure.unit:
        feats.append(f"unit={figure.unit.split()[-1]}")
    return feats


def _trader_features(ctx: Context, figure: Figure, flow: Flow, key: str, token: Token | None, why: str,
                     story: str | None, last_trader: str | None, stated: list[Fact]) -> list[str]:
    """Who the trader is to the story and the sentence: named there (and how it stands to the
    trade word), the story's last trader or its country."""
    feats = [f"why={why}", f"story={key == story}", f"last={key == last_trader}",
             f"type={ctx.type(key).value}", f"rulesubject={any(f.subject == key for f in stated)}",
             f"rulepartner={any(f.partner == key for f in stated)}"]
    if token is not None:
        anchor = flow.anchor
        prep = token.head.lower_ if token.dep_ == "pobj" else "-"
        feats += [
            f"tdep={token.dep_}", f"tprep={prep}", f"tpath={_path(token, anchor)}",
            f"tside={'before' if token.i < anchor.i else 'after'}", f"tfig={'before' if token.i < figure.start else 'after'}",
            f"tdist={_bucket(abs(token.i - anchor.i))}", f"why+tdep={why}|{token.dep_}", f"tprep+dir={prep}|{flow.exports}",
        ]
    return feats
