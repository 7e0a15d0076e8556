"""The figures of a flow clause: quantities with their unit and amounts with their
currency, the reported one first, then comparisons, other partners and other goods; what is
no flow's figure (a change, a price, a share, a balance). The clause is read here in order;
what each figure is comes from ``flow_figure_kinds``, its unit from ``flow_figure_units``,
whether it is the next item of the same flow from ``flow_figure_lists``."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from kg.nlp.counted_goods import in_size_class
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.calendar_days import day_of_month
from kg.nlp.relations.designator_numbers import names_a_number
from kg.nlp.relations.flow_cargo_goods import cargo_goods
from kg.nlp.relations.flow_ranges import ranging_from
from kg.nlp.relations.flow_clause import HEDGES, UNNAMED_PARTNER, Figure, Flow, flow_words
from kg.nlp.relations.flow_counts import Count
from kg.nlp.relations.flow_figure_kinds import (difference_after, estimate_before, figure_kind, licensed_before,
                                                limit_before, period_total, restated_in_other_unit, threshold,
                                                value_of, worth_before)
from kg.nlp.relations.flow_figure_lists import (bracketed_after, compared_respectively, next_list_item,
                                                over_respective_periods, partner_follows, partner_opens,
                                                unnamed_partners)
from kg.nlp.relations.flow_figure_units import (COMPARED_NEXT, comparable, counts_goods, is_number, level_of_unitless,
                                                listed_comparison,
                                                measured_after, plain_count, recent_currency, rescaled, scaled,
                                                unit_at, word_after_digits)
from kg.nlp.relations.flow_goods import gapped_goods, next_goods, valued_goods
from kg.nlp.relations.flow_licences import running_total
from kg.nlp.relations.flow_partners import goods_item_partner, next_partner, partner_after
from kg.nlp.relations.flow_participles import figure_start
from kg.nlp.relations.flow_parts import part_of
from kg.nlp.relations.flow_restatements import restated_level
from kg.nlp.relations.flow_unit_weights import after_unit_weight
from kg.nlp.relations.money import money_in
from kg.nlp.relations.quantities import parse_quantity


_SPANS_OF_TIME = frozenset({"day", "days", "week", "weeks", "month", "months", "quarter", "quarters",
                            "year", "years", "decade", "decades", "season", "seasons"})


def estimate_for(ctx: Context, figure: Figure) -> bool:
    """ "150,000 tonnes estimated for the 1986/87 year": an estimate of a period it names,
    not an earlier forecast of the flow's own ("1.65 mln forecast in March")."""
    doc = ctx.doc
    return figure.end + 1 < len(doc) and doc[figure.end + 1].lower_ == "for"


def read_figures(ctx: Context, anchor: Token, end: int, *, local: str | None = None,
             dated: frozenset[int] | set[int] = frozenset(), planned: bool = False,
             exports: bool | None = None, start: int | None = None, plain: Count | None = None) -> list[Figure]:  # fmt: skip
    """The figures of the clause after ``anchor`` (or from ``start``): the reported one
    first, then comparisons. ``plain`` is what a number with no unit word counts, when the
    story says (``kg.nlp.relations.flow_counts``)."""
    doc = ctx.doc
    start = anchor.i + 1 if start is None else start
    passive = [c for c in anchor.children if c.dep_ == "nsubjpass"] if anchor.pos_ == "VERB" else []
    if passive and any(t.like_num for t in passive[0].subtree):
        start = passive[0].left_edge.i  # "only 433,000 bales were shipped that year"
    elif start == anchor.i + 1 and (described := figure_start(anchor)) is not None:
        start = described  # "one mln tonnes of corn sold to the Soviet Union"
    span = doc[start:end]
    if not len(span):
        return []
    money = {m.span.start: m for m in money_in(span, matcher=ctx.rules.money, local=local,
                                               published=ctx.article.published)}
    out: list[Figure] = []
    pending: Figure | None = None  # a scaled number waiting for the unit a comparison gives
    sharer: str | None = None  # the partner whose share the figures now compare
    unitless: Figure | None = None  # a plain number waiting for the unit the next figure gives
    restated: Figure | None = None  # the level a second verb states again, which comparisons then follow
    i = start
    while i < end:
        t = doc[i]
        if i in money:
            m = money[i]
            figure = Figure(value=m.amount, start=m.span.start, end=m.span.end, currency=m.currency)
            i = m.span.end
        elif t.like_num and is_number(t) and i not in dated and ctx.key(t, PRODUCTS) is None \
                and not in_size_class(doc, i) and not (day_of_month(doc, i) and unit_at(doc, i + 1, end)[0] is None) \
                and not names_a_number(doc, i):
            # "April 7" is a day (dated, or "ending March 31" beside its month, unless a unit
            # follows: "in March 20 tonnes"); "trucks of up to six tonnes" names goods; "Section 416" names a law
            j = i + 1
            scales = lexicon("numbers")["scales"]
            while j < end and ((doc[j].like_num and is_number(doc[j]) and not word_after_digits(doc, j)
                                and after_unit_weight(doc, j, end) == j)  # not "60-kilo" in "3.3 mln 60-kilo bags"
                               or doc[j].lower_ in scales
                               or (doc[j].lower_ in ("to", "-", "and") and j + 1 < end and doc[j + 1].like_num
                                   and is_number(doc[j + 1])
                                   and j > i and (doc[i - 1].lower_ != "from" or ranging_from(doc, i - 1))
                                   and (doc[j].lower_ != "and" or doc[i - 1].lower_ == "between"))):
                # "140,000 to 190,000 tonnes" is one range ("233,000 to third countries" none);
                # "from 73,164 to 35,910" a change, unless it "ranged from 27.0 to 32.0 mln";
                # "against 2.25 billion and 2.32 billion" two figures, "between 62,000 and 230,000" one
                j += 1
            unit, k = unit_at(doc, j, end)
            if unit is None and k < len(doc) and doc[k].lower_ in _SPANS_OF_TIME:
                i = k  # "in the past two years": a length of time, no figure of the flow
                continue
            # "between 200,000 and 400,000": the range word before the first figure counts
            q = parse_quantity(("between " if i > 0 and doc[i - 1].lower_ == "between" else "") + doc[i:j].text)
            if q is None:
                i = j
                continue
            if j + 2 < end and doc[j].lower_ == "and" and doc[j + 1].like_num and doc[j + 2].lower_ in scales \
                    and not any(t.lower_ in scales for t in doc[i:j]):
                # "1.25 and 1.89 mln tonnes": a scale written once is both figures'
                q = parse_quantity(f"{doc[i:j].text} {doc[j + 2].text}") or q
            # a range is reported by its first figure, as the gold convention reads "140,000 to 190,000"
            figure = Figure(value=q.low if q.is_range and q.low is not None else q.value, start=i, end=k, unit=unit,
                            goods=cargo_goods(ctx, j, k))  # "two white sugar cargoes": their own goods
            i = k
        else:
            i += 1
            continue
        if difference_after(doc, figure.end):
            continue  # "selling us 3.7 billion sterling more than we sold them": a gap, no flow's figure
        if threshold(doc, figure.start):
            continue  # "exports fell below four billion marks in January": a mark crossed, no flow's figure
        opening = figure.start - 1
        while opening > 0 and doc[opening].lower_ in HEDGES:
            opening -= 1  # "(about 95 billion euros)"
        if out and restated_in_other_unit(doc, opening, figure, out[-1]):
            # "4.6 mln cubic meters of fuel, or 28.9 mln barrels, in 1987": the same goods again
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                              equivalent=True, goods=out[-1].goods, partner=out[-1].partner))
            continue
        if out and figure.currency and out[-1].currency and figure.currency != out[-1].currency \
                and doc[opening].text == "(" and out[-1].end == opening:
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                              currency=figure.currency, equivalent=True))
            continue
        if out and figure.currency and out[-1].unit and not out[-1].currency \
                and worth_before(doc, figure.start, out[-1].end):
            # "exported 98,000 tonnes of tea worth 210 mln dlrs in 1986": the value of the
            # goods just counted, the same flow and period
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, currency=figure.currency,
                              equivalent=True, goods=out[-1].goods, partner=out[-1].partner))
            continue
        if figure.end < end and doc[figure.end].lower_ in ("forecast", "estimated", "estimate", "projected"):
            figure = Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                            currency=figure.currency, estimate=True)
        elif out and estimate_before(doc, figure.start, start):
            # "compared with an earlier estimate of 20.5 mln tonnes": the same flow's earlier forecast
            figure = Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                            currency=figure.currency, estimate=True)
        elif limit_before(doc, figure.start, start):
            figure = Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                            currency=figure.currency, limit=True)
        if out and exports is not None \
                and (part := part_of(ctx, out, figure, end, exports=exports, dated=dated)) is not None:
            out.append(part)  # ", of which 40,000 tonnes went to Pakistan and 25,000 tonnes to India"
            continue
        if out and not out[0].comparison and exports is not None \
                and (other := next_partner(ctx, out[-1].end, figure.start, exports=exports, dated=dated,
                                           elided=partner_opens(ctx, anchor, out[0].start, exports=exports))) is not None:
            # "exports to Iran were 100,000 tonnes and to Iraq 50,000": the same flow to another partner
            if figure.currency is None and (figure.unit or out[0].unit) and not (figure.unit and out[0].unit
                                                                                and figure.unit != out[0].unit):
                out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                                  unit=figure.unit or out[0].unit, partner=other))
            elif figure.unit is None and (figure.currency or out[0].currency) and out[0].unit is None:
                out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                                  currency=figure.currency or out[0].currency, partner=other))
            sharer = other  # "and from Thailand to 292,808 tonnes from 22,800": its comparisons follow
            continue
        if sharer is not None and out and out[-1].partner == sharer and bracketed_after(doc, out[-1], figure):
            # "Austria 6,048 (4,104)": the share's figure for the period the flow is compared with
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=out[-1].unit,
                              currency=out[-1].currency, comparison=True, partner=sharer))
            continue
        if out and not out[0].comparison and exports is not None and figure.currency is None \
                and figure.unit in (None, out[0].unit) and out[0].unit is not None \
                and (other := partner_after(ctx, figure, end, exports=exports)) is not None:
            # "19,102 tonnes from the U.S. against 16,577 in January, 24,391 from Australia
            # against 19,585": the same flow from another partner, whose comparisons follow
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=out[0].unit, partner=other))
            sharer = other
            continue
        if out and not out[0].comparison and exports is not None and figure.currency is None \
                and (figure.unit is None or figure.unit == out[0].unit) and out[0].unit is not None \
                and partner_follows(doc, out[-1].end, end, exports=exports) \
                and unnamed_partners(doc, figure.end, end, exports=exports):
            # "251,000 tonnes to EC destinations and 284,000 tonnes to third countries": the
            # same flow to partners it does not name
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=out[0].unit,
                              partner=UNNAMED_PARTNER))
            continue
        if out and figure.currency == out[0].currency and figure.unit in (None, out[0].unit) \
                and (running_total(doc, figure.start, start) or licensed_before(doc, figure.end, end)):
            # "bringing the cumulative total to 3.33 mln tonnes, close to the 3.37 mln under
            # licence a year ago": the same flow's figures for the periods they name
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                              unit=figure.unit or out[0].unit, currency=figure.currency, comparison=True))
            continue
        if out and figure.limit and not planned and figure.currency == out[0].currency \
                and figure.unit in (None, out[0].unit) and not out[0].limit:
            # "sold 5,490 tonnes of tin in 1986, well above an agreed annual limit of 3,000
            # tonnes": the cap on the same flow, a plan for the period it is measured against
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                              unit=figure.unit or out[0].unit, currency=figure.currency, comparison=True, limit=True))
            continue
        kind = figure_kind(ctx, figure, start, end, compared=any(f.comparison for f in out), planned=planned,
                           dated=dated)
        if kind == "skip":
            continue
        if kind == "end":
            break
        if not out and (level := level_of_unitless(doc, unitless, figure)) is not None:
            # "were up from 32,796 to 50,855 tonnes", "a total of 289,232 compares with
            # 165,859 tonnes": a plain number and the figure after it share its unit
            out.extend(level)
            unitless = None
            continue
        if not out and pending is None and unitless is None and figure.unit is None and figure.currency is None \
                and not scaled(doc, figure) and figure.end < end \
                and (doc[figure.start - 1].lower_ == "from" and doc[figure.end].lower_ == "to"
                     or doc[figure.end].lower_ in ("compares", "compared")
                     or doc[figure.end].lower_ in COMPARED_NEXT and measured_after(doc, figure.end + 1, end)):
            unitless = figure
            continue
        if kind == "comparison" and not out and pending is not None and (figure.unit or figure.currency):
            # "falling to 89 mln from 124.6 mln tonnes": the unit comes once, at the end
            out.append(Figure(value=pending.value, start=pending.start, end=pending.end,
                              unit=figure.unit, currency=figure.currency))
        elif kind == "comparison" and not out and pending is None and figure.unit is None and figure.currency is None \
                and plain_count(doc, figure, plain):
            # "But February exports were up from 1.34 mln in January": the only figure is the
            # one compared with, in the unit the story counts the goods in
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=plain.unit,
                              comparison=True, estimate=figure.estimate))
            continue
        elif kind == "comparison" and not out and (figure.unit or figure.currency):
            # "exports were unlikely to rise much from last year's level of 320,000 tonnes":
            # the only figure stated is the one compared with, a reported figure of its own
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                              currency=figure.currency, comparison=True, estimate=figure.estimate))
            continue
        if kind == "comparison" and out:
            # the figure compared with is the first one's, or the partner's whose share it follows
            first = next((f for f in reversed(out) if sharer is not None and f.partner == sharer), restated or out[0])
            if figure.unit is None and figure.currency is None and not comparable(figure.value, first.value):
                figure = rescaled(doc, figure, out)
                if not comparable(figure.value, first.value) and not listed_comparison(doc, figure, out[-1]):
                    continue  # "two mln tonnes ... over four years": no figure of the same flow
            if figure.unit is None and figure.currency is None:
                figure = Figure(value=figure.value, start=figure.start, end=figure.end, unit=first.unit,
                                currency=first.currency, comparison=True, estimate=figure.estimate, partner=sharer)
            elif (figure.currency or None) != (first.currency or None) and not (figure.currency and first.currency):
                continue  # a quantity compared with a value: not the same flow
            else:
                figure = Figure(value=figure.value, start=figure.start, end=figure.end,
                                unit=figure.unit, currency=figure.currency, comparison=True, estimate=figure.estimate)
            out.append(figure)
        elif not out and pending is not None and figure.unit is not None and figure.currency is None \
                and comparable(figure.value, pending.value) \
                and (other := gapped_goods(ctx, pending.end, figure)) is not None:
            # "wheat exports to reach 6.0 mln and barley around 4.50 mln tonnes": the unit
            # written once, at the end of a gapped list of goods
            out.append(Figure(value=pending.value, start=pending.start, end=pending.end, unit=figure.unit))
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit, goods=other))
        elif not out and figure.currency is not None and (valued := valued_goods(ctx, figure)) is not None:
            out.append(replace(figure, goods=valued))  # "bought wheat worth 8.5 mln dlrs": the value of the goods before it
        elif not out and (figure.unit is not None or figure.currency is not None):
            out.append(figure)
        elif not out and kind == "main" and pending is None and counts_goods(ctx, figure):
            out.append(figure)  # "the import of two passenger aircraft": a count of the goods, no unit
        elif not out and kind == "main" and pending is None and figure.unit is None and figure.currency is None \
                and plain_count(doc, figure, plain) and not (scaled(doc, figure) and recent_currency(ctx, figure.start, local)):
            # "those to the EC fell to 232,275", "car exports eased to 222,000": a number with
            # no unit word, in the unit the story counts the goods in (or a count of them)
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=plain.unit))
        elif not out and kind == "main" and scaled(doc, figure) and pending is None and figure.unit is None:
            if currency := recent_currency(ctx, figure.start, local):
                # "Exports rose to a record 6.93 billion", "and imports 14.5 billion": newswire
                # drops the currency it has just named
                out.append(Figure(value=figure.value, start=figure.start, end=figure.end, currency=currency))
            else:
                pending = figure
        elif out and kind == "main" and all(f.comparison for f in out) and (
                figure.unit or figure.currency or out[0].unit or out[0].currency):
            # "January exports fell from 73,164 to 35,910 tonnes": the level comes after
            out.insert(0, Figure(value=figure.value, start=figure.start, end=figure.end,
                                 unit=figure.unit or out[0].unit, currency=figure.currency or out[0].currency))
        elif out and kind == "main" and figure.currency and out[-1].unit and out[-1].currency is None \
                and len(out) == 1 and value_of(doc, out[-1].end, figure.start):
            # "exported 1,381,009 quintales ... with a value of around 230 mln dlrs": the value
            # of the same goods, for the same period
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, currency=figure.currency,
                              equivalent=True))
        elif out and kind == "main" and out[0].currency and figure.currency in (None, out[0].currency) \
                and figure.unit is None and (other := valued_goods(ctx, figure, after=out[-1].end)) is not None:
            # "the wheat, valued at 8.5 mln dlrs, the corn, valued at 1.5 mln": the value of
            # other goods of the same flow, named before it
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, currency=out[0].currency,
                              goods=other))
        elif out and kind == "main" and (figure.unit or figure.currency) and figure.currency == out[0].currency \
                and (other := next_goods(ctx, out[-1].end, figure)) is not None:
            # "bought 200,000 tonnes of wheat and 150,000 tonnes of maize": the same flow of
            # other goods ("... and 150,000 tonnes of maize to Spain": to its own partner)
            own = goods_item_partner(ctx, figure, end, exports=exports) if exports is not None else None
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                              currency=figure.currency, goods=other, partner=own))
        elif out and kind == "main" and figure.currency is None and out[0].unit is not None \
                and figure.unit in (None, out[0].unit) and comparable(figure.value, out[0].value) \
                and (other := gapped_goods(ctx, out[-1].end, figure)) is not None:
            # "wheat exports rose to 2.99 mln tonnes, and barley to 2.96 mln": the same flow
            # of the goods the gapped clause names, in the first figure's unit
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=out[0].unit, goods=other))
        elif out and kind == "main" and period_total(doc, figure.start, start, dated) and figure.currency == out[0].currency \
                and (figure.unit is None or figure.unit == out[0].unit) and comparable(figure.value, out[0].value):
            # "November exports totalled 158,000 tonnes ..., and December's total was 237,000
            # tonnes": the same flow's figure for the period the total is of
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                              unit=figure.unit or out[0].unit, currency=figure.currency))
        elif out and kind == "main" and next_list_item(doc, out[-1], figure, end, dated) \
                and figure.currency == out[0].currency and (figure.unit is None or figure.unit == out[0].unit) and comparable(figure.value, out[0].value):
            # "632,000 tonnes in 1987, 640,000 in 1988 and 670,000 in 1989": a list of the
            # same flow's figures, each for the period it names, in the first one's unit
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                              unit=figure.unit or out[0].unit, currency=figure.currency))
        elif out and kind == "main" and len(out) == 1 and figure.currency == out[0].currency \
                and figure.unit in (None, out[0].unit) and doc[figure.start - 1].lower_ == "and" \
                and over_respective_periods(doc, figure.end, end):
            # "exports stood at 25,114,000 ounces and 24,756,000 ounces over the respective
            # periods": the same flow for the second period the sentence named before
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                              unit=figure.unit or out[0].unit, currency=figure.currency, comparison=True))
        elif out and kind == "main" and figure.currency == out[0].currency and figure.unit in (None, out[0].unit) \
                and restated_level(doc, out[0], figure):
            # "imports fell to 1.18 mln tonnes in 1986 ... and fell to 25,165 tonnes in January":
            # the same flow's level again, for the period the second verb names
            restated = Figure(value=figure.value, start=figure.start, end=figure.end,
                              unit=figure.unit or out[0].unit, currency=figure.currency)
            out.append(restated)
        elif out and kind == "main":
            break  # a second figure that compares with nothing: another statement
    return compared_respectively(doc, out, end)


def figure_before(ctx: Context, flow: Flow, dated: set[int], *, start: int | None = None) -> list[Figure]:
    """The figure a target or quota noun phrase opens with: "our 15 mln tonne export target",
    "a 1.2 mln tonne palm oil export quota"; or the first after ``start``, when given."""
    doc = ctx.doc
    anchor = flow.anchor
    if start is None:
        start = anchor.head.left_edge.i if anchor.head.i > anchor.i else anchor.left_edge.i
    numbers = [t.i for t in doc[start : anchor.i] if t.like_num and is_number(t) and t.i not in dated]
    if not numbers:
        return []
    i = j = numbers[0]
    while j + 1 < anchor.i and (doc[j + 1].like_num or doc[j + 1].lower_ in lexicon("numbers")["scales"]):
        j += 1
    unit, k = unit_at(doc, j + 1, anchor.i)
    q = parse_quantity(doc[i : j + 1].text)
    if unit is None or q is None:
        return []
    if unit + "s" in flow_words("quantity_units"):
        unit += "s"  # "a 15 mln tonne target" counts tonnes
    return [Figure(value=q.value, start=i, end=k, unit=unit)]
