"""Trade flows as newswire reports them: exports and imports, quantities and values, with
their partner, period, forecast flag and comparison figures.

A flow clause is a trade noun or verb ("exports", "imports", "exported") followed by its
figures: "Indonesian exports of CPO in calendar 1986 were 530,500 tonnes, against 468,500 in
1985"; "USDA forecast Argentine 1986/87 coarse grain exports at 6.60 mln tonnes"; "Thailand
exported 56,652 tonnes of rice in the week ended April 7, down from 75,160 tonnes the
previous week". The clause runs from its trade word to the next trade word, a clause break
or the reporting tail (", the bank said"). Its first figure is the reported one; a figure
after a comparison word ("against", "from", "compared with") is another fact, for its own
period, in the first figure's unit or currency when it states none. Changes ("rose 55 pct",
"up 2.50 dlrs"), prices ("17.25 dlrs a barrel") and balances are no flow's figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from kg.model import Fact, Predicate
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.story_reporters import story_reporter_currency
from kg.nlp.relations.discourse import (
    CARRIED, Opening, Topic, anaphor, carried_partner, carried_period, dated_by_windows, delivery_windows, lead_period,
    lead_season, names_topic, own_period, periods_of, points_back,
)
from kg.nlp.relations.flow_antecedents import (NEAR, bare_shipments, is_export, last_counted, last_same_way,
                                               sentences_between, shares_of_last_flow)
from kg.nlp.relations.flow_availability import figures_start
from kg.nlp.relations.flow_buyers import buyer_facts, market_facts, ranked_supplier_facts
from kg.nlp.relations.flow_figure_kinds import provisional_before
from kg.nlp.relations.flow_figure_lists import list_partner, partner_item
from kg.nlp.relations.flow_figure_periods import (as_long, noun_period, outcome_of_a_past_period, parallel_comparison,
                                                  parallel_shift, part_period)
from kg.nlp.relations.flow_figureless import unquantified_facts
from kg.nlp.relations.flow_suppliers import Supplied, supplier_facts
from kg.nlp.relations.flow_clause import CONFIDENCE, Figure, Flow, flow_noun, flow_words
from kg.nlp.relations.flow_earnings import earning_verb
from kg.nlp.relations.flow_counts import plain_number_unit
from kg.nlp.relations.flow_ellipsis import with_elided_flows
from kg.nlp.relations.flow_figures import estimate_for, figure_before, read_figures
from kg.nlp.relations.flow_licences import award_day, authorising_verb, counted_licence, under_licence
from kg.nlp.relations.flow_noun_figures import noun_figure
from kg.nlp.relations.flow_loadings import vessel_flag, vessel_loading
from kg.nlp.relations.flow_relatives import counted_head, head_goods
from kg.nlp.relations.flow_goods import (carried_goods, goods_of, listed_goods, names_unread_goods, other_goods,
                                        own_goods, part_of_trade)
from kg.nlp.relations.goods_lists import each_after
from kg.nlp.relations.flow_participles import figure_start
from kg.nlp.relations.flow_unit_goods import counted_unit_goods, goods_for_unit
from kg.nlp.relations.held_quotas import held_quota
from kg.nlp.relations.flow_partial_totals import partial_total
from kg.nlp.relations.flow_partners import (destination_of, figure_origin, flow_partner, goods_origin, shared_partner,
                                            trade_with)
from kg.nlp.relations.flow_periods import forecast_cue, month_a_year_on, period_for, sentence_periods
from kg.nlp.relations.flow_shares import ranked_taker
from kg.nlp.relations.flow_reports import report_sale
from kg.nlp.relations.flow_respectively import paired_comparisons, respective_shares, share_facts
from kg.nlp.relations.flow_sales import buying_tender, licence_figure_start, licence_receipt, tender_to_buy
from kg.nlp.relations.flow_statistics_comparisons import statistics_comparison
from kg.nlp.relations.flow_traders import running_total_object, trader_currency, trader_of
from kg.nlp.relations.flow_triggers import clause_end, find_flows
from kg.nlp.relations.money import is_dollar, named_before, named_in_sentence
from kg.nlp.relations.plan_anaphors import named_plan, plan_flow
from kg.nlp.relations.periods import Period, anchor_on, in_future, next_year, not_over, season_not_over
from kg.nlp.relations.trader_keys import trader_or_nation


def extract(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    read_last: list[Fact] = []  # the facts of the last flow that had any
    sents = list(ctx.doc.sents)
    season = lead_season(sents, ctx.article.published)
    lead = lead_period(sents, ctx.article.published)
    topic: Topic | None = None  # the last flow stated, with or without a figure
    dated: tuple[Period, int] | None = None  # the last figure's period, and its sentence
    opening: Opening | None = None  # the story's first dated flow, when its first sentence has one
    supplied: Supplied | None = None  # the importer and goods of the last supplier sentence
    plan: Topic | None = None  # the last quota or target named, for a "the quota" after it
    for index, sent in enumerate(sents):
        before: tuple[str | None, str | None] = (None, None)
        recent = topic if topic is not None and topic.follows(index) else None
        near = topic if topic is not None and index - topic.sentence <= NEAR else None
        pointed = dated[0] if dated is not None and index - dated[1] <= NEAR else None
        if topic is not None and topic.period is not None and index - topic.sentence <= NEAR \
                and (dated is None or topic.sentence > dated[1]):
            pointed = topic.period  # "contracted to export 1.34 mln bales in 1985/86 ... shipped that year"
        found = with_elided_flows(sent, find_flows(ctx, sent))
        if not found and recent is not None and recent.trader is not None \
                and (token := anaphor(sent, names_topic(ctx, recent))) is not None:
            # "Indonesian exports of CPO rose in 1986. They were 530,500 tonnes": the figure of
            # the flow the sentence before stated
            found = [Flow(anchor=token, exports=recent.exports, end=clause_end(sent, token.i, sent.end), carried=True)]
        if not found and (planned := plan_flow(sent, plan, index)) is not None:
            found, recent = [planned], plan  # "... its beef import quota ... the quota will rise to 177,000 tonnes"
        if (held := held_quota(ctx, sent, index, facts, found)) is not None:
            found = [*found, held.flow]  # "Australia said its quota of 7,000 tonnes ...", in a story of export quotas
        if read_last and all(f.period is None for f in read_last) \
                and not any(read_figures(ctx, flow.anchor, flow.end) for flow in found) \
                and sentences_between(ctx, read_last[0], sent[0]) <= 2 \
                and (windows := delivery_windows(sent, ctx.article.published)) \
                and (redated := dated_by_windows(ctx, sent, read_last, windows)) != read_last:
            # "... new sales of 900,000 tonnes of corn to the USSR. The corn is for delivery
            # during the 1986/87 marketing year", "India bought 20,000 tonnes of soyoil ... The
            # purchase was for May/June shipment": a sentence just after dates them
            dated_now = dict(zip(map(id, read_last), redated))
            facts = [dated_now.get(id(f), f) for f in facts]
            read_last = list(dated_now.values())
            continue
        if not found:
            # the import just stated; with no goods of its own ("Imports are forecast to fall"),
            # the goods the story first said the importer imports
            imported: Supplied | None = None
            if near is not None and not near.exports and near.trader is not None:
                goods = near.goods or next((f.object for f in facts if f.predicate is Predicate.IMPORTS
                                            and f.subject == near.trader), None)  # fmt: skip
                imported = Supplied(buyer=near.trader, goods=goods, sentence=near.sentence)
            ranked, supplied = supplier_facts(ctx, sent, index, supplied, imported)
            if ranked:
                facts.extend(ranked)  # "Iraq is Brazil's main oil supplier, with 235,000 bpd"
                continue
        if (not found or all(ranked_taker(flow.anchor) for flow in found) and is_export(last_counted(facts))) \
                and (shared := shares_of_last_flow(ctx, sent, facts, index)):
            # "Italy was the largest recipient with 75,000 tonnes"; "The Soviet Union was the
            # largest single importer with 133,265 tonnes" after an export: the exporter's shares
            facts.extend(shared)
            continue
        mark, reads = len(facts), []
        for flow in found:
            story = next((f.object for f in reversed(facts) if f.object is not None), None) \
                or next((k for k, _ in ctx.entity_mentions(PRODUCTS)), None)  # the story's first goods
            if before[0] is None and (same := last_same_way(ctx, facts, flow)) is not None \
                    and _subject_like(flow_noun(flow.anchor)):
                # "Suralco's alumina exports dropped ... Aluminum exports decreased ...": an
                # ownerless flow right after another of the same direction is the same
                # trader's (who shipped to a market does not buy there: "with Chile shipping
                # 229,000 tonnes ... imports from Ecuador fell"); so past the other direction
                # of the same statement ("imports rose to ..., while exports fell to ...")
                before = (same.subject, before[1])
            inherited = read_last if read_last and sentences_between(ctx, read_last[0], flow.anchor) <= 1 else []
            read, before = _read(ctx, flow, before, story_goods=story, inherited=inherited,
                                 topic=held.topic if held is not None and flow is held.flow else recent,
                                 season=season, lead=lead, near=near, pointed=pointed, opening=opening, earlier=facts)
            if held is not None and flow is held.flow:
                read = held.quantities(read)
            plan = named_plan(flow, before, index) or plan
            if read:
                read_last = read
                if (own := noun_period(ctx, flow)) is not None and read[0].period not in (None, own.text):
                    # the next sentence's figures go on from the period the flow noun named
                    read_last = [replace(read[0], period=own.text, period_start=own.start, period_end=own.end), *read[1:]]
                if index == 0 and opening is None and not read[0].forecast:
                    opening = Opening(trader=read[0].subject, periods=tuple(periods_of(read)), goods=read[0].object,
                                      exports=flow.exports)
                if read[0].period:
                    dated = (noun_period(ctx, flow) or periods_of(read)[0], index)
            if not flow.planned:
                counted = [f for f in read if f.quantity is not None or f.amount is not None]
                period = periods_of(counted)[0] if counted else own_period(sent, ctx.article.published, until=flow.end)
                partner = next((f.partner for f in read if f.partner is not None), None)
                if not read and before[0] is not None:
                    # "West German exports to the United States fell in January. The figures
                    # showed exports were 3.85 billion marks": a flow stated without a figure
                    # still names the partner its figures after it are for
                    partner = flow_partner(ctx, flow, before[0], before[1])
                if before[0] is not None or topic is None or not topic.follows(index + 1):
                    topic = Topic(trader=before[0], goods=before[1], period=period, exports=flow.exports, sentence=index,
                                  partner=partner, figureless=not read)
            facts.extend(read)
            reads.append(read)
        if len(reads) > 1 and sum(map(len, reads)) == len(facts) - mark:
            # "Imports totalled X and exports Y, compared with A and B in 1985": A is the imports'
            facts[mark:] = [f for read in paired_comparisons(ctx, reads) for f in read]
        facts.extend(buyer_facts(ctx, sent, facts))
        facts.extend(market_facts(ctx, sent, facts))
        facts.extend(ranked_supplier_facts(ctx, sent))
    return facts


def _subject_like(noun: Token) -> bool:
    """The flow noun is what its clause is about: its subject, the noun of a "with" clause
    ("trade fell 40 pct, with imports at 1.55 billion dlrs") or the total a reported figure
    brings it to ("This brought total imports to ...")."""
    return noun.dep_ in ("nsubj", "nsubjpass", "ROOT") or noun.dep_ == "pobj" and noun.head.lower_ == "with" \
        and noun.head.head.pos_ in ("VERB", "AUX") or running_total_object(noun)


def _read(ctx: Context, flow: Flow, before: tuple[str | None, str | None], *,
          story_goods: str | None = None, inherited: list[Fact] | None = None, topic: Topic | None = None,
          season: Period | None = None, lead: Period | None = None, near: Topic | None = None,
          pointed: Period | None = None, opening: Opening | None = None, earlier: Sequence[Fact] = (),
          ) -> tuple[list[Fact], tuple[str | None, str | None]]:  # fmt: skip
    """The facts of one flow clause, and its (trader, goods) for the next clause of the
    sentence: "Dutch coffee imports fell to X, and exports fell to Y" shares both.

    ``inherited`` are the facts of the flow just before, ``topic`` the flow the sentence
    before stated and ``season`` the crop year the story opened with: where the clause
    names no period of its own, they may give it."""
    anchor = flow.anchor
    carried = flow.carried  # a slot taken from the sentence before lowers the confidence
    mirrored: str | None = None  # the importer whose purchase these bare shipments deliver
    loading = False  # ships loading the goods now: no period of the story's figures is theirs
    if flow.carried and topic is not None:
        trader, goods = topic.trader, goods_of(ctx, flow) or topic.goods
    elif loading := vessel_loading(anchor):
        # "Six ships are loading 120,000 tonnes of wheat": the ship is no trader; the goods are
        # the exports the story just stated, and a ship's flag names their buyer
        if near is None or not near.exports or near.trader is None:
            return [], (None, None)
        trader, carried, story_goods = near.trader, True, None
        goods = goods_of(ctx, flow) or near.goods
        flag = vessel_flag(anchor)
        mirrored = trader_or_nation(ctx, flag) if flag is not None else None
        if goods is None:
            return [], (trader, goods)
    else:
        # "the balance of 700,000 tonnes to be shipped": goods a participle moves with no agent
        # are the flow the story just stated (below), not of a country the clause names
        described = figure_start(anchor) is not None and not any(c.dep_ == "agent" for c in anchor.children)
        trader = None if described else trader_of(ctx, flow, fallback=before[0])
        goods = goods_of(ctx, flow) or before[1]
        if trader is None and near is not None and near.exports and near.trader is not None and bare_shipments(ctx, flow):
            # "Argentine oilseed exports totalled ... Shipments during December amounted to
            # 102,870 tonnes": shipments of no one named are the story's exports just stated
            trader, carried = near.trader, True
            goods = goods or near.goods
            story_goods = None  # nor the goods of a list in between ("... wheat flour 18,065")
            if goods is None:
                return [], (trader, goods)
        elif trader is None and near is not None and not near.exports and near.trader is not None \
                and near.partner is not None and flow.exports and bare_shipments(ctx, flow):
            # "The USSR has purchased 1.0 mln tonnes of U.S. corn ... Total shipments in the
            # third year amounted to ...": shipments of no one named are the seller's, to the buyer
            trader, mirrored, carried = near.partner, near.trader, True
            story_goods = None
    # "crude oil and natural gas exports totalled 4.56 billion crowns": the figures count the
    # whole list, no one good of it (``goods``, its first, still gives its origin and partner)
    together = listed_goods(ctx, flow)
    if together:
        story_goods = None
    if goods is None and part_of_trade(ctx, flow):
        return [], (trader, goods)  # "agricultural exports rose to 48.7 billion": not the total
    local = trader_currency(ctx, trader) if trader is not None else None
    if local is not None and is_dollar(local) and (reported := story_reporter_currency(ctx, anchor.sent)) is not None \
            and is_dollar(reported):
        local = reported  # "the U.S. Agriculture Department said Australia's exports were worth 2 billion dlrs": USD
    local = named_before(ctx.doc[: flow.end], matcher=ctx.rules.money, local=local)
    local = named_in_sentence(ctx, anchor.sent, earlier, local=local)
    periods = sentence_periods(ctx, anchor.sent)
    dated = {i for s, e, _ in periods for i in range(s, e)}
    plain = plain_number_unit(ctx, trader, goods, earlier, before=ctx.doc[anchor.sent.start : anchor.i])
    figures = read_figures(ctx, anchor, flow.end, local=local, dated=dated, planned=flow.planned, exports=flow.exports,
                           plain=plain)
    if (earning := earning_verb(anchor)) is not None:
        # "earn about 1,500 mln dlrs this year from coffee exports": the amount the verb earns
        figures = [f for f in read_figures(ctx, earning, anchor.i, local=local, dated=dated, exports=True) if f.currency]
    if trader is None or destination_of(ctx, flow) == trader or any(f.partner == trader for f in figures) or (
            not flow.exports and flow_partner(ctx, flow, trader, goods) is None and goods_origin(ctx, flow, goods) == trader):
        # "exporting textiles to the United States" is not the US's, nor "sales to Iran (...) and
        # Syria (...)" Syria's; "imports of Kenyan tea" are not Kenya's
        return [], (trader, goods)
    if flow.licensed and under_licence(anchor):
        # "the total to date of 5.06 mln tonnes is still more than the 3.03 mln under licence
        # a year ago": the figures stand before the licence
        figures = read_figures(ctx, anchor, flow.end, local=local, dated=dated, exports=flow.exports,
                               start=anchor.sent.start)
    elif flow.licensed and (verb := authorising_verb(anchor)) is not None and verb.dep_ == "acl":
        # "The 80,000 tonnes of maize granted for export moved the total to 135,000 tonnes":
        # the goods the verb licenses, then the total they bring the series to
        figures = figure_before(ctx, flow, dated, start=anchor.sent.start) + figures
    if flow.licensed and (counted := counted_licence(flow)) is not None:
        # "granted 25,000 tonnes of barley export licences ... and 80,000 tonnes of maize": from the quantity on
        figures = read_figures(ctx, anchor, flow.end, local=local, dated=dated, exports=flow.exports,
                               start=counted[0].left_edge.i)
    if flow.licensed:
        # a rebate or a licence fee is a price, "per 100 kilos" its measure
        figures = [f for f in figures if not f.currency and ctx.doc[max(f.start - 1, 0)].lower_ != "per"]
        if not figures and (start := licence_figure_start(flow)) is not None:
            figures = figure_before(ctx, flow, dated, start=start)  # "60,500 tonnes received export rebates"
        if licence_receipt(anchor) is not None:
            figures = figures[:1]  # "in the Netherlands 12,000, in Denmark 4,000": other traders' shares
    if not figures and (head := counted_head(anchor)) is not None:
        # "the 50,000 tonnes of copper it shipped to Peru": the figure the clause is about
        figures = figure_before(ctx, flow, dated, start=head.left_edge.i)
        goods = goods or head_goods(ctx, head)
    if not figures and flow.planned:
        # "a 1.2 mln tonne palm oil export target", "2.5 mln tonnes of sugar available for export"
        figures = figure_before(ctx, flow, dated, start=figures_start(anchor))
    if not figures and not flow.planned:
        figures = noun_figure(ctx, flow, dated)  # "a 200,000 tonne wheat purchase from France"
    if not figures:
        if (named := goods_of(ctx, flow)) is None and (owned := own_goods(ctx, flow, trader, earlier)) is not None:
            return unquantified_facts(ctx, flow, trader, owned, owned=True), (trader, owned)
        return unquantified_facts(ctx, flow, trader, named), (trader, goods)
    partner = flow_partner(ctx, flow, trader, goods) or trade_with(ctx, flow, trader) \
        or shared_partner(ctx, flow, trader, inherited or []) or mirrored
    trailing = list_partner(figures) if partner is None else None
    if trailing is not None:
        partner = trailing  # "bought 200,000 tonnes of wheat and 50,000 tonnes of corn from France"
    if partner is None and (partner := carried_partner(ctx, flow, trader, goods, topic)) is not None:
        carried = True  # "Sales of corn to the USSR ... In the previous year sales totaled ..."
    elif partner is None and opening is not None and (partner := opening.seller_to(
            flow, trader, goods or carried_goods(ctx, anchor, story=story_goods))) is not None:
        carried = True  # "French wheat exports fell ... Spanish purchases were 258,507 tonnes"
    if partner is not None and any(f.part and f.partner == partner for f in figures):
        partner = None  # "120,000 tonnes, of which 40,000 went to Pakistan": the whole went to more than one
    if goods is not None and any(f.part and f.goods == goods for f in figures):
        # "oil export volume averaged 1.508 mln bpd, of which 658,000 bpd were crude oil": the
        # whole is of the goods the trade word names, not of its first part
        noun = flow_noun(anchor)
        named = (ctx.key(t, PRODUCTS) or (ctx.key_by_name(t.text, PRODUCTS) if t.pos_ == "NOUN" else None)
                 for t in ctx.doc[noun.left_edge.i : noun.i])
        goods = next((k for k in named if k), goods)
    main_period = period_for(figures, 0, periods, ctx, flow)
    if main_period is None and len(figures) > 1 and all(f.goods is not None or f.equivalent or partner_item(f)
                                                        for f in figures[1:]):
        # "exported 35,000 tonnes of copper and 12,000 tonnes of zinc in April", "98,000
        # tonnes of tea worth 210 mln dlrs in 1986", "5,000 tonnes to Britain and 3,000 to
        # Pakistan in February": the period after a list of goods or partners, or after the
        # figure stated again as a value, is the whole list's
        main_period = period_for(figures, len(figures) - 1, periods, ctx, flow)
    if main_period is not None and main_period.start and main_period.start == main_period.end \
            and (buying_tender(anchor) or tender_to_buy(anchor)):
        main_period = None  # "a buying tender for 100,000 tonnes on March 24": the tender's day, not the goods'
    if flow.licensed and (day := award_day(ctx, flow)) is not None:
        main_period = day  # "authorised the export of 25,000 tonnes yesterday": the awards' day
    if main_period is None and (a_year_on := month_a_year_on(figures, periods, ctx, flow)) is not None:
        main_period = a_year_on  # "... 2.99 billion in March last year": this March's figure
    pointing = points_back(ctx.doc[figures[0].end : min(figures[0].end + 4, flow.end)], periods)
    if pointing:
        main_period = None  # "433,000 bales were shipped that year, with the rest in 1986/87"
    forecast = flow.planned or forecast_cue(ctx, flow)
    shares = respective_shares(ctx, flow, figures[0], trader, together)
    compared = period_for(figures, 1, periods, ctx, flow) if len(figures) > 1 and figures[1].comparison else None
    if compared is None and len(figures) > 1 and figures[1].comparison \
            and (parallel := parallel_shift(periods, anchor)) is not None:
        # "production fell from 9.10 mln a year ago, and imports rose 24.8 pct from 2.96 mln":
        # the comparison the parallel clause names, a year before the story's period
        compared = anchor_on(parallel, lead)
    facts = []
    dated_figures: list[Period | None] = []  # the period each figure was given, in order
    for k, figure in enumerate(figures):
        period = main_period if k == 0 or figure.equivalent or (figure.estimate and not estimate_for(ctx, figure)) \
            else part_period(ctx, figure, periods) or main_period if figure.part \
            else period_for(figures, k, periods, ctx, flow)
        # (not for a single day's figure: "today's awards ... versus 103,000 last week" were
        # last week's awards)
        earlier_estimate = (k > 0 and forecast and period is not None and main_period is not None
                            and not (main_period.start and main_period.start == main_period.end)
                            and period.text.lower() in flow_words("earlier_estimate_periods")
                            and not as_long(period, main_period))
        if earlier_estimate:
            # "exports in 1986/87 are forecast at 14.50 mln tonnes, vs 15.00 mln tonnes last
            # month": last month's forecast of the same crop year, which the new one supersedes
            dated_figures.append(main_period)
            continue
        elif period is not None and k > 0 and not figure.equivalent:
            period = anchor_on(period, main_period)
        if period is None and k == 0 and lead is not None and report_sale(ctx, flow_noun(anchor)):
            # "Wheat sales of 362,400 tonnes ..." in a weekly export sales report: the report's
            # week, not the season the goods of the paragraph before were sold for
            period = main_period = lead
        elif period is None and k == 0 and not loading and (
                found := carried_period(ctx, flow, trader, goods, forecast, inherited=inherited, topic=topic,
                                        season=season, lead=lead, compared=compared,
                                        pointed=pointed if pointing else None, opening=opening,
                                        partner=partner)) is not None:
            period = main_period = found[0]
            carried = carried or found[1]
        elif period is None and k > 0 and inherited and k < len(inherited) \
                and not figure.equivalent and figure.goods is None and figure.partner is None:
            # "Aluminum exports, meanwhile, decreased nine pct in the same period, to 1,511
            # tonnes from 1,647 tonnes": the periods of the flow just before, figure by figure
            # (a figure of other goods or another partner is the first figure's period)
            period = periods_of(inherited)[k]
        elif period is None and k > 0 and figure.comparison and figure.partner is not None \
                and (parallel := parallel_comparison(figures, k, dated_figures)) is not None:
            # "24,391 from Australia against 19,585 and 21,208": another partner's comparisons
            # are for the periods of the first partner's, one by one
            period = parallel
        elif period is None and k > 0 and figure.comparison and opening is not None \
                and (opened := opening.comparison(main_period)) is not None:
            period = opened  # "..., up on a previous 2.99 mln": the opening's comparison period
        elif period is None and k > 0 and figure.comparison \
                and (parallel := parallel_shift(periods, anchor)) is not None:
            # "production fell 7.8 pct from 9.06 mln a year ago, and imports rose 16.3 pct
            # from 2.95 mln": the comparison period the parallel clause before names
            period = anchor_on(parallel, main_period)
        elif period is None and k > 0 and figure.comparison \
                and (framed := statistics_comparison(anchor.sent, ctx.article.published, main_period)) is not None:
            # "deficit in January fell to 310 mln from 460 mln in January 1986. Exports fell to
            # 1.75 billion from 1.84 billion": compared as the statistic before compared
            period = anchor_on(framed, main_period)
        if forecast and k == 0 and period is not None and period.end and ctx.article.published \
                and period.end < ctx.article.published[:10] and not re.search(r"\d{4}|last|previous|ago|today|yesterday", period.text):
            # "exports are expected to reach 12.03 billion in the April-June quarter": a
            # forecast's months without a year are the coming ones
            period = Period(text=period.text, start=next_year(period.start), end=next_year(period.end),
                            start_char=period.start_char, end_char=period.end_char)
            main_period = period
        # another goods' or partner's figure of the same clause is as much a forecast as the first
        listed = (figure.goods is not None or figure.partner is not None) and not figure.comparison
        is_forecast = forecast and not_over(period, ctx.article.published) if k == 0 or figure.equivalent or listed else (
            forecast and period is not None and (in_future(period, ctx.article.published)
                                                 or season_not_over(period, ctx.article.published)))
        if flow.planned and not outcome_of_a_past_period(ctx, flow, figure, period) or figure.estimate or figure.limit:
            is_forecast = True  # a target, a quota, a ceiling, an earlier forecast: a plan, whatever its period
        elif k > 0 and figure.comparison and provisional_before(ctx.doc, figure.start, flow.anchor.sent.start):
            is_forecast = False  # "against a provisionally estimated 31 mln in 1986/87": counted, not foreseen
        if (figure.partner is not None or figure.goods is not None) and period is None:
            period = main_period  # "to Pakistan were 12,000 tonnes in January and to Britain 8,000"
        dated_figures.append(period)
        # a figure's own partner, or none where it leaves its partners unnamed ("to third countries")
        own_partner = partner if figure.partner is None else figure.partner or None
        qualifiers = dict(partner=own_partner, period=period.text if period else None,
                          period_start=period.start if period else None,
                          period_end=period.end if period else None, forecast=bool(is_forecast))
        evidence = [anchor, ctx.doc[figure.start : figure.end]]
        confidence = CONFIDENCE - CARRIED if carried else CONFIDENCE
        if k == 0 and shares:
            # "Malaysia and Indonesia exported 120,000 and 80,000 tonnes respectively": each
            # number to its item of the list
            facts.extend(share_facts(ctx, flow, shares, figure, trader, None if together else goods, evidence,
                                     confidence, qualifiers))
            continue
        if figure.currency and figure.goods is None and (together or goods) is None \
                and partial_total(ctx.doc, anchor, figures[0].start):
            continue  # "non-oil exports rose to ...": part of the trade, not the whole a value without goods is
        if figure.currency:
            predicate = Predicate.EXPORT_VALUE if flow.exports else Predicate.IMPORT_VALUE
            facts.append(ctx.fact(trader, predicate, evidence, rule="flow-value", confidence=confidence,
                                  object=figure.goods or (None if together else goods), amount=figure.value,
                                  currency=figure.currency, **qualifiers))
        elif figure.goods is not None:
            predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
            partner_of = figure_origin(ctx, figure, trader) if not flow.exports else None
            # "... and 150,000 tonnes of maize to Spain": the item's own partner first
            qualifiers["partner"] = figure.partner or partner_of or (partner if flow.exports or trailing else None)
            facts.append(ctx.fact(trader, predicate, evidence, rule="flow-quantity", confidence=confidence,
                                  object=figure.goods, quantity=figure.value, unit=figure.unit, **qualifiers))
        elif other_goods(ctx, figure, goods):
            continue  # "and barley around 4.50 mln tonnes", "100,000 tonnes of alumina": not these goods
        elif together and each_after(ctx.doc, figure.end):
            # "25,000 tonnes each of wheat and barley": every good of the list
            predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
            facts.extend(ctx.fact(trader, predicate, evidence, rule="flow-quantity", confidence=confidence,
                                  object=item, quantity=figure.value, unit=figure.unit, **qualifiers)
                         for item in together)
        elif together:
            # the list's quantity, which no fact of one object can hold: each good is traded,
            # without a figure
            if k == 0:
                facts.extend(unquantified_facts(ctx, flow, trader, goods))
        elif goods is None and names_unread_goods(ctx, flow):
            continue  # "Imports of cocoa powder fell to 316 tonnes": not the goods named before
        elif (counted := goods or counted_unit_goods(ctx, figure) or goods_for_unit(ctx, anchor, figure.unit,
                                                 carried_goods(ctx, anchor, story=story_goods))) is not None:
            # "exports from the terminals fell to 1.9 mln bpd": the goods of the sentence
            # before, or of the story's last flow
            goods = counted
            predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
            facts.append(ctx.fact(trader, predicate, evidence, rule="flow-quantity", confidence=confidence,
                                  object=goods, quantity=figure.value, unit=figure.unit, **qualifiers))
    return facts, (trader, None if together else goods)


__all__ = ["extract"]
