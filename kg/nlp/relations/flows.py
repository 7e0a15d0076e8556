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
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import PRODUCTS, Context, sentence_text
from kg.nlp.relations.discourse import CARRIED, Topic, anaphor, lead_period, lead_season, own_period, points_back
from kg.nlp.relations.periods import Period, anchor_on, find_periods
from kg.nlp.relations.quantities import parse_quantity
from kg.nlp.relations.trade import EXPORTERS, local_currency, money_in

CONFIDENCE = 0.88
_HEDGES = frozenset({"about", "around", "some", "roughly", "nearly", "approximately", "almost", "over", "under"})
_PLACES = frozenset({EntityType.COUNTRY, EntityType.PLACE, *EXPORTERS})
_NEAR = 3  # how many sentences back a story's last flow still speaks for an ownerless one
_PLACE_LABELS = frozenset({EntityType.COUNTRY.value, EntityType.PLACE.value, "GPE"})


@dataclass(frozen=True)
class Figure:
    """One number of a flow clause: a quantity (with unit) or an amount (with currency)."""

    value: Decimal
    start: int  # token indices in the Doc
    end: int
    unit: str | None = None
    currency: str | None = None
    comparison: bool = False
    equivalent: bool = False  # "10.2 billion yuan ($1.4 billion)": the same figure in another currency
    estimate: bool = False  # "against 1.65 mln forecast in March": an earlier forecast of the same period
    partner: str | None = None  # "... and to Iraq 50,000": the same flow to another partner
    goods: str | None = None  # "... and 150,000 tonnes of maize": the same flow of other goods


@dataclass(frozen=True)
class Flow:
    anchor: Token
    exports: bool
    end: int  # the clause ends before this token
    planned: bool = False  # "export target", "import quota": every figure is a forecast
    carried: bool = False  # "They were 530,500 tonnes": trader, goods and direction are the last flow's


def _data() -> dict:
    return lexicon("trade")["flows"]


def _set(key: str) -> frozenset[str]:
    return _sets()[key]


_CACHE: dict[str, frozenset[str]] = {}


def _sets() -> dict[str, frozenset[str]]:
    if not _CACHE:
        _CACHE.update({k: frozenset(w.lower() for w in v) for k, v in _data().items() if isinstance(v, list)})
    return _CACHE


def _anchor_words() -> tuple[frozenset[str], frozenset[str]]:
    """Every word that can anchor a flow as a noun, and every lemma that can as a verb."""
    if "anchor nouns" not in _CACHE:
        _CACHE["anchor nouns"] = frozenset().union(*(_set(key) for key in (
            "product_value_heads", "export_nouns", "import_nouns", "sale_nouns", "purchase_nouns")))
        _CACHE["anchor verbs"] = frozenset().union(*(_set(key) for key in (
            "export_verbs", "import_verbs", "sale_verbs", "purchase_verbs")))
    return _CACHE["anchor nouns"], _CACHE["anchor verbs"]


def extract(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    read_last: list[Fact] = []  # the facts of the last flow that had any
    sents = list(ctx.doc.sents)
    season = lead_season(sents, ctx.article.published)
    lead = lead_period(sents, ctx.article.published)
    topic: Topic | None = None  # the last flow stated, with or without a figure
    dated: tuple[Period, int] | None = None  # the last figure's period, and its sentence
    for index, sent in enumerate(sents):
        before: tuple[str | None, str | None] = (None, None)
        recent = topic if topic is not None and topic.follows(index) else None
        near = topic if topic is not None and index - topic.sentence <= _NEAR else None
        pointed = dated[0] if dated is not None and index - dated[1] <= _NEAR else None
        if topic is not None and topic.period is not None and index - topic.sentence <= _NEAR \
                and (dated is None or topic.sentence > dated[1]):
            pointed = topic.period  # "contracted to export 1.34 mln bales in 1985/86 ... shipped that year"
        found = _flows(ctx, sent)
        if not found and recent is not None and recent.trader is not None and (token := anaphor(sent)) is not None:
            # "Indonesian exports of CPO rose in 1986. They were 530,500 tonnes": the figure of
            # the flow the sentence before stated
            found = [Flow(anchor=token, exports=recent.exports, end=_clause_end(sent, token.i, sent.end), carried=True)]
        for flow in found:
            story = next((f.object for f in reversed(facts) if f.object is not None), None) \
                or next((k for k, _ in ctx.entity_mentions(PRODUCTS)), None)  # the story's first goods
            if before[0] is None and facts and _sentences_between(ctx, facts[-1], flow.anchor) <= 1 \
                    and _noun(flow.anchor).dep_ in ("nsubj", "nsubjpass", "ROOT"):
                # "Suralco's alumina exports dropped ... Aluminum exports decreased ...": an
                # ownerless flow right after another is the same trader's
                before = (facts[-1].subject, before[1])
            inherited = read_last if read_last and _sentences_between(ctx, read_last[0], flow.anchor) <= 1 else []
            read, before = _read(ctx, flow, before, story_goods=story, inherited=inherited, topic=recent,
                                 season=season, lead=lead, near=near, pointed=pointed)
            if read:
                read_last = read
                if read[0].period:
                    dated = (_periods_of(read)[0], index)
            if not flow.planned:
                counted = [f for f in read if f.quantity is not None or f.amount is not None]
                period = _periods_of(counted)[0] if counted else own_period(sent, ctx.article.published, until=flow.end)
                if before[0] is not None or topic is None or not topic.follows(index + 1):
                    topic = Topic(trader=before[0], goods=before[1], period=period, exports=flow.exports, sentence=index)
            facts.extend(read)
    return facts


def _periods_of(facts: list[Fact]) -> list[Period | None]:
    """The periods of a flow's figures in order, as facts carry them."""
    return [Period(text=f.period, start=f.period_start, end=f.period_end, start_char=0, end_char=0)
            if f.period else None for f in facts]  # fmt: skip


def _sentences_between(ctx: Context, fact: Fact, token: Token) -> int:
    start = ctx.doc.char_span(fact.start - ctx.offset, fact.start - ctx.offset + 1, alignment_mode="expand")
    if start is None:
        return 99
    return sum(1 for s in ctx.doc.sents if start.start < s.start <= token.i)


def _flows(ctx: Context, sent: Span) -> list[Flow]:
    """The trade words of a sentence, each with the extent of its clause."""
    anchors = []
    nouns, verbs = _anchor_words()
    for t in sent:
        word, lemma = t.lower_, t.lemma_.lower()
        if not (word in nouns and t.pos_ in ("NOUN", "PROPN") or lemma in verbs and t.pos_ == "VERB"):
            continue  # no anchor: what follows would find none, after a scan of the left edge
        if any(w.lower_ in _set("not_goods") for w in t.doc[t.left_edge.i : t.i]):
            continue  # "capital exports", "service imports": no goods
        if t.pos_ == "NOUN" and word in _set("product_value_heads") and not any(
                c.lower_ in _set("export_nouns") | _set("import_nouns") for c in t.children) and any(
                ctx.key(c, PRODUCTS) for c in t.children if c.dep_ in ("compound", "nmod", "amod")):
            anchors.append((t, True))  # "coffee earnings were 110 mln dlrs"
        elif t.pos_ in ("NOUN", "PROPN") and word in _set("export_nouns") | _set("import_nouns") and not _in_balance(t):
            if t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i:
                if t.head.lower_ in _set("target_heads"):
                    anchors.append((t, word in _set("export_nouns"), True))
                    continue
                if t.head.lower_ not in _set("value_heads"):
                    continue  # "export duty", "import demand": not a flow
            anchors.append((t, word in _set("export_nouns")))
        elif t.pos_ == "NOUN" and word in _set("sale_nouns") | _set("purchase_nouns") and _national_trade(ctx, t):
            anchors.append((t, word in _set("sale_nouns")))  # "EC sales to Brazil total 225,000 tonnes"
        elif t.pos_ == "VERB" and lemma in _set("export_verbs") | _set("import_verbs") | _set("sale_verbs"):
            if t.tag_ == "VBN" and t.dep_ in ("amod", "acl"):
                continue  # "lumber exported", "the 45,000 tonnes shipped": not a clause of its own
            if any(c.dep_ == "neg" for c in t.children):
                continue  # "had not sold wheat to Colombia"
            if lemma in _set("sale_verbs") and not (_abroad(ctx, t) or _national_seller(ctx, t)):
                continue  # "Ferrari sells 10,000 cars": a sale, not an export
            if lemma in _set("sale_verbs") and _delivers_no_goods(t):
                continue  # "Britain is delivering 234m of cuts": no goods change hands
            anchors.append((t, lemma not in _set("import_verbs")))
        elif t.pos_ == "VERB" and lemma in _set("purchase_verbs") and not any(c.dep_ == "neg" for c in t.children) \
                and _national_buyer(ctx, t) is not None:
            anchors.append((t, False))  # "Japanese crushers have bought 214,000 tonnes of soybeans"
    flows = []
    for k, (token, exports, *planned) in enumerate(anchors):
        end = anchors[k + 1][0].i if k + 1 < len(anchors) else sent.end
        flows.append(Flow(anchor=token, exports=exports, end=_clause_end(sent, token.i, end), planned=bool(planned)))
    return flows


def _delivers_no_goods(verb: Token) -> bool:
    """ "delivering 234m of cuts", "delivered savings of 5bn": what is sold or delivered is
    no goods (the words of ``not_delivered``)."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        nouns = [obj, *(o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children if o.dep_ == "pobj")]  # fmt: skip
        if any(n.lemma_.lower() in _set("not_delivered") or n.lower_ in _set("not_delivered") for n in nouns):
            return True
    return False


def _national_trade(ctx: Context, noun: Token) -> bool:
    """ "EC sales to Brazil", "sales abroad": sales that cross a border ("US truck sales" are
    sales at home); "USSR purchases of U.S. corn": a country's purchases of another's goods."""
    if _abroad(ctx, noun):
        return True
    if noun.lower_ not in _set("purchase_nouns"):
        return False
    buyers = {k for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")
              if (k := _trader_key(ctx, c) or ctx.country_of_demonym(c))}  # fmt: skip
    goods = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree]
    origins = {k for t in goods if (k := ctx.country_of_demonym(t))}
    return bool(buyers) and bool(origins - buyers)


def _national_buyer(ctx: Context, verb: Token) -> str | None:
    """The country that buys: the subject itself ("China bought"), or the country its buyers
    are of ("Japanese crushers", "Egyptian importers"); through "and may buy" too."""
    current = verb
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if subjects:
            subject = subjects[0]
            if (k := _trader_key(ctx, subject)) and (ctx.type(k) is not EntityType.ORGANIZATION
                                                     or _import_cue(verb)):
                return k  # "China bought", "the State Trading Corp bought ... at its import tender"
            for mod in subject.children:
                if mod.dep_ in ("amod", "compound", "poss") and (k := ctx.country_of_demonym(mod)):
                    return k
            return None
        if current.dep_ not in ("conj", "xcomp") or current.head.i == current.i:
            return None
        current = current.head
    return None


def _import_cue(verb: Token) -> bool:
    """ "bought 20,000 tonnes ... at its import tender": the purchase says it is an import."""
    return any(t.lower_ in _set("import_nouns") for t in verb.subtree)


def _national_seller(ctx: Context, verb: Token) -> bool:
    """ "France sold 250,000 tonnes of wheat", "The EC sold ...": a country's or a trade
    bloc's sales are exports; a company's are not."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any((k := _trader_key(ctx, s)) and ctx.type(k) is not EntityType.ORGANIZATION
               or (k and _is_territory(ctx, k)) for s in subjects)  # fmt: skip


def _in_balance(noun: Token) -> bool:
    """ "the gap between US exports and imports", "the surplus of exports over imports": the
    figure is the balance's, not the flows'."""
    current = noun
    for _ in range(4):
        if current.head.i == current.i:
            return False
        current = current.head
        if current.lower_ in _set("balance_nouns"):
            return True
    return False


def _abroad(ctx: Context, verb: Token) -> bool:
    """A sale with a destination abroad: "sold 250,000 tonnes of wheat to China"."""
    for t in verb.subtree:
        if t.lower_ in ("to", "into"):
            if any(ctx.key(c, frozenset({EntityType.COUNTRY})) for c in t.subtree):
                return True
        if t.lower_ in ("abroad", "overseas"):
            return True
    return False


def _clause_end(sent: Span, start: int, end: int) -> int:
    """Where a flow clause stops: a semicolon, ", while", ", but", or the reporting tail
    (", the bank said", ", according to ...")."""
    doc = sent.doc
    for i in range(start + 1, end):
        t = doc[i]
        if t.text in (";", ":") or (t.text == "," and i + 1 < end and doc[i + 1].lower_ in ("while", "but", "whereas")):
            return i
        if t.text == "," and _reporting_tail(doc[i + 1 : sent.end]):
            return i
    return end


def _reporting_tail(rest: Span) -> bool:
    """ ", the spokesman said.", ", according to customs", ", figures showed": what follows
    the comma only says who reported the figures."""
    if not len(rest):
        return False
    if rest[0].lower_ == "according":
        return True
    verbs = [t for t in rest if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _set("say_lemmas")]
    if not verbs:
        return False
    verb = verbs[0]
    # the verb must close the sentence (only its own subject and object before/after it)
    return all(not t.like_num for t in rest) and verb.dep_ in ("ROOT", "parataxis", "ccomp") \
        and verb.i - rest.start <= 8  # fmt: skip


def _read(ctx: Context, flow: Flow, before: tuple[str | None, str | None], *,
          story_goods: str | None = None, inherited: list[Fact] | None = None, topic: Topic | None = None,
          season: Period | None = None, lead: Period | None = None, near: Topic | None = None,
          pointed: Period | None = None) -> tuple[list[Fact], tuple[str | None, str | None]]:  # fmt: skip
    """The facts of one flow clause, and its (trader, goods) for the next clause of the
    sentence: "Dutch coffee imports fell to X, and exports fell to Y" shares both.

    ``inherited`` are the facts of the flow just before, ``topic`` the flow the sentence
    before stated and ``season`` the crop year the story opened with: where the clause
    names no period of its own, they may give it."""
    anchor = flow.anchor
    carried = flow.carried  # a slot taken from the sentence before lowers the confidence
    if flow.carried and topic is not None:
        trader, goods = topic.trader, _goods(ctx, flow) or topic.goods
    else:
        trader = _trader(ctx, flow, fallback=before[0])
        goods = _goods(ctx, flow) or before[1]
        if trader is None and near is not None and near.exports and near.trader is not None and _bare_shipments(ctx, flow):
            # "Argentine oilseed exports totalled ... Shipments during December amounted to
            # 102,870 tonnes": shipments of no one named are the story's exports just stated
            trader, carried = near.trader, True
            goods = goods or near.goods
            story_goods = None  # nor the goods of a list in between ("... wheat flour 18,065")
            if goods is None:
                return [], (trader, goods)
    local = _local_currency(ctx, trader) if trader is not None else None
    periods = _periods(ctx, anchor.sent)
    dated = {i for s, e, _ in periods for i in range(s, e)}
    figures = _figures(ctx, anchor, flow.end, local=local, dated=dated, planned=flow.planned, exports=flow.exports)
    if trader is None or _destination(ctx, flow) == trader or (
            not flow.exports and _partner(ctx, flow, trader, goods) is None and _origin(ctx, flow, goods) == trader):
        # "exporting textiles to the United States" is not the US's; "imports of Kenyan tea"
        # are not Kenya's
        return [], (trader, goods)
    if not figures and flow.planned:
        figures = _figure_before(ctx, flow, dated)  # "a 1.2 mln tonne palm oil export target"
    if not figures:
        return _unquantified(ctx, flow, trader, _goods(ctx, flow)), (trader, goods)
    partner = _partner(ctx, flow, trader, goods)
    main_period = _period_for(figures, 0, periods, ctx, flow)
    pointing = points_back(ctx.doc[figures[0].end : min(figures[0].end + 4, flow.end)])
    if pointing:
        main_period = None  # "433,000 bales were shipped that year, with the rest in 1986/87"
    forecast = flow.planned or _forecast_cue(ctx, flow)
    compared = _period_for(figures, 1, periods, ctx, flow) if len(figures) > 1 and figures[1].comparison else None
    facts = []
    for k, figure in enumerate(figures):
        period = main_period if k == 0 or figure.equivalent or (figure.estimate and not _estimate_for(ctx, figure)) \
            else _period_for(figures, k, periods, ctx, flow)
        earlier_estimate = (k > 0 and forecast and period is not None and main_period is not None
                            and period.text.lower() in _set("earlier_estimate_periods"))
        if earlier_estimate:
            # "exports in 1986/87 are forecast at 14.50 mln tonnes, vs 15.00 mln tonnes last
            # month": last month's forecast of the same crop year
            period, figure = main_period, Figure(value=figure.value, start=figure.start, end=figure.end,
                                                 unit=figure.unit, currency=figure.currency, estimate=True)
        elif period is not None and k > 0 and not figure.equivalent:
            period = anchor_on(period, main_period)
        if period is None and k == 0 and (found := _carried_period(ctx, flow, trader, goods, forecast, inherited=inherited,
                                                               topic=topic, season=season, lead=lead,
                                                               compared=compared,
                                                               pointed=pointed if pointing else None)) is not None:
            period = main_period = found[0]
            carried = carried or found[1]
        elif period is None and k > 0 and inherited and k < len(inherited) \
                and not figure.equivalent:
            # "Aluminum exports, meanwhile, decreased nine pct in the same period, to 1,511
            # tonnes from 1,647 tonnes": the periods of the flow just before, figure by figure
            period = _periods_of(inherited)[k]
        if forecast and k == 0 and period is not None and period.end and ctx.article.published \
                and period.end < ctx.article.published[:10] and not re.search(r"\d{4}|last|previous|ago", period.text):
            # "exports are expected to reach 12.03 billion in the April-June quarter": a
            # forecast's months without a year are the coming ones
            period = Period(text=period.text, start=_next_year(period.start), end=_next_year(period.end),
                            start_char=period.start_char, end_char=period.end_char)
            main_period = period
        is_forecast = forecast and _not_over(period, ctx.article.published) if k == 0 or figure.equivalent else (
            forecast and period is not None and (_future(period, ctx.article.published)
                                                 or _season_not_over(period, ctx.article.published)))
        if flow.planned or figure.estimate:
            is_forecast = True  # a target, a quota, an earlier forecast: a plan, whatever its period
        if (figure.partner or figure.goods) is not None and period is None:
            period = main_period  # "to Pakistan were 12,000 tonnes in January and to Britain 8,000"
        qualifiers = dict(partner=figure.partner or partner, period=period.text if period else None,
                          period_start=period.start if period else None,
                          period_end=period.end if period else None, forecast=bool(is_forecast))
        evidence = [anchor, ctx.doc[figure.start : figure.end]]
        confidence = CONFIDENCE - CARRIED if carried else CONFIDENCE
        if figure.currency:
            predicate = Predicate.EXPORT_VALUE if flow.exports else Predicate.IMPORT_VALUE
            facts.append(ctx.fact(trader, predicate, evidence, rule="flow-value", confidence=confidence,
                                  object=goods, amount=figure.value, currency=figure.currency, **qualifiers))
        elif figure.goods is not None:
            predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
            partner_of = _origin_of(ctx, figure, trader) if not flow.exports else None
            qualifiers["partner"] = partner_of or (partner if flow.exports else None)
            facts.append(ctx.fact(trader, predicate, evidence, rule="flow-quantity", confidence=confidence,
                                  object=figure.goods, quantity=figure.value, unit=figure.unit, **qualifiers))
        elif _other_goods(ctx, figure, goods):
            continue  # "and barley around 4.50 mln tonnes", "100,000 tonnes of alumina": not these goods
        elif (counted := goods or ctx.recent(anchor, PRODUCTS, sentences=2) or story_goods) is not None:
            # "exports from the terminals fell to 1.9 mln bpd": the goods of the sentence
            # before, or of the story's last flow
            goods = counted
            predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
            facts.append(ctx.fact(trader, predicate, evidence, rule="flow-quantity", confidence=confidence,
                                  object=goods, quantity=figure.value, unit=figure.unit, **qualifiers))
    return facts, (trader, goods)


def _bare_shipments(ctx: Context, flow: Flow) -> bool:
    """ "Shipments during December amounted to ...": the subject is shipments with no owner,
    destination or world word of their own."""
    anchor = flow.anchor
    if anchor.lower_ not in ("shipment", "shipments") or anchor.dep_ not in ("nsubj", "nsubjpass"):
        return False
    own = ctx.doc[anchor.left_edge.i : anchor.i]
    return not any(t.lower_ in _set("no_owner_words") or t.pos_ in ("PROPN", "ADJ") or t.dep_ == "poss" for t in own)


def _carried_period(ctx: Context, flow: Flow, trader: str, goods: str | None, forecast: bool, *,
                    inherited: list[Fact] | None, topic: Topic | None, season: Period | None,
                    lead: Period | None = None, compared: Period | None = None,
                    pointed: Period | None = None) -> tuple[Period, bool] | None:
    """The period of a figure whose sentence names none: the period of the figures just
    before, or of the same trader's flow the sentence before stated without a figure ("...
    rose in 1986. They were 530,500 tonnes");
    for a forecast, the crop year the story opened with ("USSR wheat imports were projected
    at 15 mln tonnes" in a 1986/87 story). A period that is over is no forecast's. With the
    period, whether it came from another sentence."""
    published = ctx.article.published
    here = sentence_text(flow.anchor.sent)
    candidates: list[tuple[Period | None, bool]] = []
    if inherited and (inherited[0].quantity or inherited[0].amount) is not None:
        candidates.append((_periods_of(inherited)[0], inherited[0].sentence != here))
    elif topic is not None and topic.trader == trader and (goods is None or topic.goods in (None, goods)):
        candidates.append((topic.period, True))
    if pointed is not None:
        # "Imports of wool rose to 10,248 tonnes over the same period": the last period a
        # figure of the story had, a few sentences back at most
        candidates.append((pointed, True))
    if forecast:
        candidates.append((season, True))
    elif lead is not None and compared is not None and compared.start and lead.start and compared.start < lead.start \
            and flow.anchor.sent.start > 0:
        # "... deficit widened in February from January. Exports fell to 18.9 billion from 20.4
        # billion in January": compared with an earlier period, the figure is the lead's
        candidates.append((lead, True))
    for period, elsewhere in candidates:
        if period is None:
            continue
        if forecast and not _not_over(period, published):
            continue  # "exports were 320,000 tonnes last year. I expect 330,000": not last year's
        return period, elsewhere
    return None


def _estimate_for(ctx: Context, figure: Figure) -> bool:
    """ "150,000 tonnes estimated for the 1986/87 year": an estimate of a period it names,
    not an earlier forecast of the flow's own ("1.65 mln forecast in March")."""
    doc = ctx.doc
    return figure.end + 1 < len(doc) and doc[figure.end + 1].lower_ == "for"


def _origin_of(ctx: Context, figure: Figure, trader: str) -> str | None:
    """ "... and 150,000 tonnes of U.S. corn": the country the goods after a figure are of."""
    doc = ctx.doc
    for t in doc[figure.end : min(figure.end + 4, len(doc))]:
        if (k := ctx.country_of_demonym(t)) and k != trader:
            return k
        if ctx.key(t, PRODUCTS):
            break
    return None


def _other_goods(ctx: Context, figure: Figure, goods: str | None) -> bool:
    """A figure that counts other goods than the flow's: "tonnes of alumina" where alumina
    is no product the text named, or "and barley around 4.50 mln" after the flow's goods."""
    doc = ctx.doc
    if figure.end + 1 < len(doc) and doc[figure.end].lower_ == "of":
        counted = doc[figure.end + 1]
        while counted.i + 1 < len(doc) and ctx.key(counted, PRODUCTS) is None and (
                counted.pos_ in ("ADJ", "DET") or ctx.country_of_demonym(counted) or counted.text == "."):
            counted = doc[counted.i + 1]  # "tonnes of U.S. durum wheat": the goods, not their origin
        key = ctx.key(counted, PRODUCTS)
        if counted.pos_ in ("NOUN", "PROPN") and key is None:
            return True
    hedges = set(lexicon("numbers")["approximate"]) | set(lexicon("numbers")["upper"])
    i = figure.start - 1
    while i >= 0 and doc[i].lower_ in hedges:
        i -= 1
    if i >= 1 and doc[i].pos_ == "NOUN" and doc[i - 1].lower_ in ("and", ",", "while") \
            and ctx.key(doc[i], PRODUCTS) != goods:
        return True
    return False


def _unquantified(ctx: Context, flow: Flow, trader: str, goods: str | None) -> list[Fact]:
    """ "Lumber imports from Canada fell 300 mln dlrs", "Thailand sells zinc to Japan": goods
    named as traded without a figure of the flow are still a flow (the change is no figure)."""
    anchor = flow.anchor
    if anchor.lower_ in _set("product_value_heads"):
        return []  # "oil revenue lost": earnings without a figure say no flow
    noun = _noun(anchor)
    # only goods the trade word itself names: "oil imports", "exports of CPO", "exporting
    # textiles"; not "a decline in sales of cars" further on
    named = [t for t in ctx.doc[noun.left_edge.i : noun.i]] if anchor.pos_ != "VERB" else []
    named += [t for c in anchor.children if c.dep_ == "dobj" for t in c.subtree]
    named += [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    if goods is None or not any(ctx.key(t, PRODUCTS) == goods for t in named):
        return []
    predicate = Predicate.EXPORTS if flow.exports else Predicate.IMPORTS
    partner = _partner(ctx, flow, trader, goods)
    return [ctx.fact(trader, predicate, [flow.anchor], rule="flow-goods", confidence=CONFIDENCE - 0.1,
                     object=goods, partner=partner, forecast=flow.planned)]  # fmt: skip


# ------------------------------------------------------------------ figures
def _figures(ctx: Context, anchor: Token, end: int, *, local: str | None = None,
             dated: frozenset[int] | set[int] = frozenset(), planned: bool = False,
             exports: bool | None = None) -> list[Figure]:  # fmt: skip
    """The figures of the clause after ``anchor``: the reported one first, then comparisons."""
    doc = ctx.doc
    start = anchor.i + 1
    passive = [c for c in anchor.children if c.dep_ == "nsubjpass"] if anchor.pos_ == "VERB" else []
    if passive and any(t.like_num for t in passive[0].subtree):
        start = passive[0].left_edge.i  # "only 433,000 bales were shipped that year"
    span = doc[start:end]
    if not len(span):
        return []
    money = {m.span.start: m for m in money_in(span, matcher=ctx.rules.money, local=local)}
    out: list[Figure] = []
    pending: Figure | None = None  # a scaled number waiting for the unit a comparison gives
    i = start
    while i < end:
        t = doc[i]
        if i in money:
            m = money[i]
            figure = Figure(value=m.amount, start=m.span.start, end=m.span.end, currency=m.currency)
            i = m.span.end
        elif t.like_num and _is_number(t) and i not in dated:  # "April 7" is a day
            j = i + 1
            scales = lexicon("numbers")["scales"]
            while j < end and ((doc[j].like_num and _is_number(doc[j])) or doc[j].lower_ in scales
                               or (doc[j].lower_ in ("to", "-", "and") and j + 1 < end and doc[j + 1].like_num
                                   and j > i and doc[i - 1].lower_ != "from"
                                   and (doc[j].lower_ != "and" or doc[i - 1].lower_ == "between"))):
                # "140,000 to 190,000 tonnes" is one range; "from 73,164 to 35,910" a change;
                # "against 2.25 billion and 2.32 billion" two figures, "between 62,000 and 230,000" one
                j += 1
            unit, k = _unit_at(doc, j, end)
            # "between 200,000 and 400,000": the range word before the first figure counts
            q = parse_quantity(("between " if i > 0 and doc[i - 1].lower_ == "between" else "") + doc[i:j].text)
            if q is None:
                i = j
                continue
            # a range is reported by its first figure, as the gold convention reads "140,000 to 190,000"
            figure = Figure(value=q.low if q.is_range and q.low is not None else q.value, start=i, end=k, unit=unit)
            i = k
        else:
            i += 1
            continue
        opening = figure.start - 1
        while opening > 0 and doc[opening].lower_ in _HEDGES:
            opening -= 1  # "(about 95 billion euros)"
        if out and figure.currency and out[-1].currency and figure.currency != out[-1].currency \
                and doc[opening].text == "(" and out[-1].end == opening:
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                              currency=figure.currency, equivalent=True))
            continue
        if figure.end < end and doc[figure.end].lower_ in ("forecast", "estimated", "estimate", "projected"):
            figure = Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                            currency=figure.currency, estimate=True)
        if out and not out[0].comparison and exports is not None \
                and (other := _next_partner(ctx, out[-1].end, figure.start, exports=exports, dated=dated)) is not None:
            # "exports to Iran were 100,000 tonnes and to Iraq 50,000": the same flow to another partner
            if figure.currency is None and (figure.unit or out[0].unit) and not (figure.unit and out[0].unit
                                                                                and figure.unit != out[0].unit):
                out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                                  unit=figure.unit or out[0].unit, partner=other))
            elif figure.unit is None and (figure.currency or out[0].currency) and out[0].unit is None:
                out.append(Figure(value=figure.value, start=figure.start, end=figure.end,
                                  currency=figure.currency or out[0].currency, partner=other))
            continue
        kind = _kind(doc, figure, start, end, compared=any(f.comparison for f in out), planned=planned)
        if kind == "skip":
            continue
        if kind == "comparison" and not out and pending is not None and (figure.unit or figure.currency):
            # "falling to 89 mln from 124.6 mln tonnes": the unit comes once, at the end
            out.append(Figure(value=pending.value, start=pending.start, end=pending.end,
                              unit=figure.unit, currency=figure.currency))
        elif kind == "comparison" and not out and (figure.unit or figure.currency):
            # "exports were unlikely to rise much from last year's level of 320,000 tonnes":
            # the only figure stated is the one compared with, a reported figure of its own
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                              currency=figure.currency, comparison=True, estimate=figure.estimate))
            continue
        if kind == "comparison" and out:
            first = out[0]
            if figure.unit is None and figure.currency is None and not _comparable(figure.value, first.value):
                continue  # "two mln tonnes ... over four years": no figure of the same flow
            if figure.unit is None and figure.currency is None:
                figure = Figure(value=figure.value, start=figure.start, end=figure.end,
                                unit=first.unit, currency=first.currency, comparison=True, estimate=figure.estimate)
            elif (figure.currency or None) != (first.currency or None) and not (figure.currency and first.currency):
                continue  # a quantity compared with a value: not the same flow
            else:
                figure = Figure(value=figure.value, start=figure.start, end=figure.end,
                                unit=figure.unit, currency=figure.currency, comparison=True, estimate=figure.estimate)
            out.append(figure)
        elif not out and (figure.unit is not None or figure.currency is not None):
            out.append(figure)
        elif not out and kind == "main" and _scaled(doc, figure) and pending is None and figure.unit is None:
            if currency := _recent_currency(ctx, figure.start, local):
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
        elif out and kind == "main" and (figure.unit or figure.currency) and figure.currency == out[0].currency \
                and (other := _next_goods(ctx, out[-1].end, figure)) is not None:
            # "bought 200,000 tonnes of wheat and 150,000 tonnes of maize": the same flow of
            # other goods
            out.append(Figure(value=figure.value, start=figure.start, end=figure.end, unit=figure.unit,
                              currency=figure.currency, goods=other))
        elif out and kind == "main":
            break  # a second figure that compares with nothing: another statement
    return out


def _next_goods(ctx: Context, after: int, figure: Figure) -> str | None:
    """The goods a figure after "and" or a comma counts: "... and 150,000 tonnes of maize",
    ", 6,000 tonnes rbd palm olein"."""
    doc = ctx.doc
    joint = doc[after : figure.start]
    # "200,000 tonnes of soft wheat and 150,000 tonnes of maize": the first figure's goods, then "and"
    if not 1 <= len(joint) <= 8 or joint[-1].lower_ not in ("and", ",") or any(
            t.like_num or t.pos_ in ("VERB", "AUX") or t.lower_ in _set("comparison_words") for t in joint):
        return None
    i = figure.end + 1 if figure.end < len(doc) and doc[figure.end].lower_ == "of" else figure.end
    while i < len(doc) and ctx.key(doc[i], PRODUCTS) is None and (
            doc[i].pos_ in ("ADJ", "DET") or ctx.country_of_demonym(doc[i]) or doc[i].text == "."):
        i += 1  # "of U.S. corn", "of Brazilian soybeans"
    return ctx.key(doc[i], PRODUCTS) if i < len(doc) else None


def _next_partner(ctx: Context, after: int, before: int, *, exports: bool, dated: frozenset[int] | set[int]) -> str | None:
    """ "... 100,000 tonnes and to Iraq 50,000", "..., from Canada 20,000": the partner named
    between two figures, right after "and" or a comma, with nothing else between."""
    doc = ctx.doc
    while after < before and (after in dated or doc[after].lower_ in ("in", "during", "for", "the")):
        after += 1  # "12,000 tonnes in January and to Britain 8,000": the first figure's period
    words = doc[after:before]
    if not 3 <= len(words) <= 7 or words[0].lower_ not in ("and", ","):
        return None
    preps = _set("partner_export") if exports else _set("partner_import")
    k = 1
    if words[k].lower_ == "and":
        k += 1  # ", and to Iraq"
    if k >= len(words) or words[k].lower_ not in preps:
        return None
    key = None
    for t in words[k + 1 :]:
        found = ctx.key(t, _PLACES)
        if found is not None:
            if key is not None and found != key:
                return None
            key = found
        elif t.lower_ not in ("the", ",") and not (t.lower_ in _HEDGES or t.lower_ in lexicon("numbers")["approximate"]):
            return None
    return key


def _figure_before(ctx: Context, flow: Flow, dated: set[int]) -> list[Figure]:
    """The figure a target or quota noun phrase opens with: "our 15 mln tonne export target",
    "a 1.2 mln tonne palm oil export quota"."""
    doc = ctx.doc
    anchor = flow.anchor
    start = anchor.head.left_edge.i if anchor.head.i > anchor.i else anchor.left_edge.i
    numbers = [t.i for t in doc[start : anchor.i] if t.like_num and _is_number(t) and t.i not in dated]
    if not numbers:
        return []
    i = j = numbers[0]
    while j + 1 < anchor.i and (doc[j + 1].like_num or doc[j + 1].lower_ in lexicon("numbers")["scales"]):
        j += 1
    unit, k = _unit_at(doc, j + 1, anchor.i)
    q = parse_quantity(doc[i : j + 1].text)
    if unit is None or q is None:
        return []
    if unit + "s" in _set("quantity_units"):
        unit += "s"  # "a 15 mln tonne target" counts tonnes
    return [Figure(value=q.value, start=i, end=k, unit=unit)]


def _comparable(value: Decimal, other: Decimal) -> bool:
    """A figure written without its unit compares with one of about its size (a twentieth
    to twenty times): "530,500 tonnes, against 468,500", not "2 mln tonnes over four years"."""
    if not value or not other:
        return True  # "compared with zero"
    ratio = abs(value / other)
    return Decimal("0.05") <= ratio <= Decimal(20)


def _scaled(doc, figure: Figure) -> bool:
    return any(t.lower_ in lexicon("numbers")["scales"] for t in doc[figure.start : figure.end])


def _recent_currency(ctx: Context, before: int, local: str | None) -> str | None:
    """The currency of the last amount of money in this or the previous two sentences."""
    doc = ctx.doc
    sent = doc[before].sent
    floor = sent.start
    for _ in range(2):
        if floor > 0:
            floor = doc[floor - 1].sent.start
    found = money_in(doc[floor:before], matcher=ctx.rules.money, local=local)
    return found[-1].currency if found else None


def _is_number(token: Token) -> bool:
    text = token.text.replace(",", "")
    if text.isdigit() and len(text) == 4 and text[:2] in ("19", "20") and "," not in token.text:
        return False  # a year
    return any(c.isdigit() for c in text) or token.lower_ in lexicon("numbers")["units"]


def _unit_at(doc, j: int, end: int) -> tuple[str | None, int]:
    """The unit written after a number ("tonnes", "short tons", "bags"), and where it ends."""
    words = []
    k = j
    while k < end and doc[k].lower_ in _set("unit_modifiers") and len(words) < 2:
        words.append(doc[k].lower_)
        k += 1
    if k < end and doc[k].lower_ in _set("quantity_units"):
        return " ".join([*words, doc[k].lower_]), k + 1
    if k + 1 < end and f"{doc[k].lower_} {doc[k + 1].lower_}" in _set("quantity_units"):
        return " ".join([*words, doc[k].lower_, doc[k + 1].lower_]), k + 2
    return None, j


def _kind(doc, figure: Figure, start: int, end: int, *, compared: bool = False, planned: bool = False) -> str:
    """ "main", "comparison" or "skip" (a change, a price, a share, a balance)."""
    after = doc[figure.end] if figure.end < end else None
    if after is not None and after.lower_ in _set("share_words") and after.lower_ not in ("a", "an"):
        return "skip"  # "55 pct", "dlrs per tonne"
    if after is not None and after.lower_ in ("a", "an") and figure.end + 1 < len(doc) and \
            doc[figure.end + 1].lower_ in _set("quantity_units") | {"tonne", "barrel", "bushel", "pound", "ton"}:
        return "skip"  # "17.25 dlrs a barrel": a price
    before = [t for t in doc[max(start, figure.start - 4) : figure.start]]
    # "imports from Australia totalled 2.1 mln": an origin, not a figure compared with
    words = ["" if t.lower_ == "from" and t.i + 1 < len(doc) and doc[t.i + 1].ent_type_ in _PLACE_LABELS
             else t.lower_ for t in before]  # fmt: skip
    hedges = set(lexicon("numbers")["approximate"]) | {"to", "at", "of", "were", "was", "be", "is", "totalled",
                                                       "totaled", "total", "reach", "reached"}
    near = [w for w in words if w not in hedges]
    plain = [w for w in words if w not in hedges and w not in ("only", "just", "a", "further", "another")]
    if plain and plain[-1] == "by":
        return "skip"  # "increased by only 7.3 billion dlrs": the change
    if any(t.lower_ in _set("balance_nouns") for t in doc[start : figure.start]):
        return "skip"  # "... and the trade surplus has averaged under 150 mln": a balance's figure
    if before and before[-1].lemma_.lower() in _set("change_verbs") and before[-1].pos_ == "VERB":
        return "skip"  # "rose 1.56 billion dlrs": the change, not the level
    if words and words[-1] in ("up", "down") :
        return "skip"
    skip = _set("skip_before") - _set("target_heads") if planned else _set("skip_before")
    if any(w in skip for w in words[-3:]):
        return "skip"
    wider = [t.lower_ for t in doc[max(start, figure.start - 6) : figure.start]]
    if any(w in _set("comparison_words") for w in near[-3:]) or "compared" in words or (
        any(w in ("below", "above", "contrast", "against", "versus") for w in wider)
    ):
        return "comparison"
    if compared and words and words[-1] in ("and", ","):
        return "comparison"  # "against 2.83 billion in January and 2.23 billion in ..."
    return "main"


# ------------------------------------------------------------------ who, what, where to
def passive_only(verb: Token) -> bool:
    """A passive flow with no agent: "were shipped", the goods as its subject."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def _noun(anchor: Token) -> Token:
    """The noun phrase a flow noun heads: "Colombia's coffee export revenue" for "export"."""
    if anchor.dep_ in ("compound", "amod", "nmod") and anchor.head.lower_ in _set("value_heads") | _set("target_heads"):
        return anchor.head
    return anchor


def _trader(ctx: Context, flow: Flow, *, fallback: str | None = None) -> str | None:
    anchor = flow.anchor
    noun = _noun(anchor) if anchor.pos_ != "VERB" else anchor
    if anchor.pos_ == "VERB":
        from kg.nlp.relations.trade import _exporters

        if anchor.lemma_.lower() in _set("purchase_verbs"):
            return _national_buyer(ctx, anchor)
        found = _exporters(ctx, anchor)
        if found:
            return found[0]
        subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.lemma_.lower() in _set("home_traders") or s.lower_ in _set("home_traders") for s in subjects) \
                or (subjects and anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() == "contract"):
            return _story_country(ctx)  # "The government will export 600,000 bales"
        if passive_only(anchor):
            return _story_country(ctx)  # "433,000 bales were shipped that year"
        return None
    if (agent := _by_agent(ctx, flow, noun)) is not None:
        return agent  # "U.S. corn imports by Japan": the agent trades, whatever the goods' origin
    # "Indonesian exports", "Peru's exports", "Argentine 1986/87 coarse grain exports"
    found = []
    for t in ctx.doc[noun.left_edge.i : noun.i]:
        if _made_in(t):
            continue  # "imports of Japanese-made cars": where the goods come from
        if (k := _trader_key(ctx, t)) or (t.pos_ in ("ADJ", "PROPN") and (k := ctx.country_of_demonym(t))):
            found.append(k)
    if found:
        # "USDA estimated Soviet grain imports": the country before the body that reports
        return next((k for k in found if ctx.type(k) is not EntityType.AGENCY), found[0])
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners and owners[0].lower_ in ("its", "their", "our"):
        # "Uganda ... re-route its coffee exports": the trader the text named last
        return ctx.recent(owners[0], EXPORTERS | frozenset({EntityType.COUNTRY}), sentences=2)
    # "Imports to South East Asia", "exports from Brazil": the place the goods go to or
    # come from trades them
    own = ("from",) if flow.exports else ("to", "into")
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in own:
            for p in child.children:
                if p.dep_ == "pobj" and (k := _trader_key(ctx, p) or ctx.key(p, frozenset({EntityType.PLACE}))):
                    return k
    if fallback is not None:
        return fallback
    if noun.dep_ == "pobj" and noun.head.lower_ in _set("owner_blocking_preps"):
        return None  # "talks on cross-border shipments": no owner to guess
    if noun.dep_ == "dobj" and flow.planned:
        # "Malaysia set a 1.2 mln tonne export target": who sets the target trades
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        return _trader_key(ctx, subjects[0]) if subjects else None
    if noun.dep_ in ("dobj", "attr", "appos", "npadvmod"):
        return None  # "Cargill took two shipments": whose they are, the verb's subject says
    if anchor.lower_ in ("shipment", "shipments") and _destination(ctx, flow) is None:
        return None  # "shipments from smelters' plants declined": deliveries at home, maybe
    near = ctx.doc[max(noun.sent.start, noun.i - 5) : noun.i]
    if any(t.lower_ in _set("no_owner_words") for t in [*ctx.doc[noun.left_edge.i : noun.i], *near]):
        return None  # "world seaborne iron ore imports": everyone's, no one country's
    # An ownerless flow noun ("Exports fell to 18.9 billion baht", "the rise in imports")
    # is the trade of the country the story is about.
    return _story_country(ctx)


def _by_agent(ctx: Context, flow: Flow, noun: Token) -> str | None:
    """ "exports by Brazil", "imports of U.S. corn by Taiwan": the trader after "by", hung on
    the trade noun or on the goods it is of."""
    heads = {flow.anchor.i, noun.i}
    heads |= {g.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    for t in ctx.doc[noun.i + 1 : flow.end]:
        if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.head.i in heads:
            for p in t.children:
                if p.dep_ == "pobj" and (k := _trader_key(ctx, p)):
                    return k
    return None


def _local_currency(ctx: Context, key: str) -> str | None:
    """The trader's own currency; a territory ("Hong Kong") has one too."""
    found = local_currency(ctx, key)
    if found is None and ctx.type(key) is EntityType.PLACE and _is_territory(ctx, key):
        from kg.nlp.relations.trade import _country_currencies

        by_name = _country_currencies()[0]
        found = next((c for n in ctx.table.entities[key].all_names if (c := by_name.get(n.lower()))), None)
    return found


def _made_in(token: Token) -> bool:
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in _set("origin_words")


def _trader_key(ctx: Context, token: Token) -> str | None:
    key = ctx.key(token, EXPORTERS)
    if key is None and (place := ctx.key(token, frozenset({EntityType.PLACE}))) and _is_territory(ctx, place):
        key = place
    return key


def _story_country(ctx: Context) -> str | None:
    """The country (or territory) a trade story is about: the first one its text names,
    other than as a partner ("imports from Canada")."""
    cached = getattr(ctx, "_story_country", False)
    if cached is not False:
        return cached
    found = None
    for key, mention in ctx.entity_mentions(frozenset({EntityType.COUNTRY, EntityType.PLACE})):
        root = mention.root
        if _made_in(mention[-1]):
            continue  # "Japanese-made cars": where the goods come from
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "imports to the EC and Japan": Japan is where they go too
        if root.dep_ == "pobj" and root.head.lower_ in _set("owner_blocking_preps") | {"in", "at", "of"}:
            continue
        if ctx.type(key) is EntityType.PLACE and not _is_territory(ctx, key):
            continue
        found = key
        break
    if found is None:  # "Saudi crude oil output": a demonym names it
        from kg.nlp.gazetteer import country_of

        for t in ctx.doc:
            if t.pos_ in ("ADJ", "PROPN") and t.is_title and country_of(t.text) is None and not _made_in(t) \
                    and (k := ctx.country_of_demonym(t)):
                found = k
                break
    ctx._story_country = found  # type: ignore[attr-defined]
    return found


def _is_territory(ctx: Context, key: str) -> bool:
    """A place that trades on its own account: one the story calls by its own name as a
    trader ("Taiwan's exports") is one; a city is not."""
    names = {n.lower() for n in ctx.table.entities[key].all_names}
    return bool(names & _set("territories"))


def _goods(ctx: Context, flow: Flow) -> str | None:
    """The product the flow is of: "coffee exports", "exports of CPO", "56,652 tonnes of rice"."""
    anchor = flow.anchor
    doc = ctx.doc
    noun = _noun(anchor) if anchor.pos_ != "VERB" else anchor
    for t in doc[noun.left_edge.i : noun.i]:
        if (k := ctx.key(t, PRODUCTS)) and not _negated_goods(ctx, t):
            return k
    # after the trade word only what it is of: "exports of CPO", "56,652 tonnes of rice",
    # "imported wheat"; not "excluding oil and wheat"
    for t in doc[anchor.i + 1 : flow.end]:
        k = ctx.key(t, PRODUCTS)
        if k is None:
            continue
        head = ctx.mention(t).root
        if (head.dep_ == "pobj" and head.head.lower_ == "of") or (head.dep_ == "dobj" and head.head.i == anchor.i):
            return k
    return None


def _destination(ctx: Context, flow: Flow) -> str | None:
    """Where exported goods go, named right after "to"."""
    if not flow.exports:
        return None
    doc = ctx.doc
    for i in range(flow.anchor.i + 1, flow.end - 1):
        if doc[i].lower_ in ("to", "into"):
            for j in range(i + 1, min(i + 3, flow.end)):
                if k := ctx.key(doc[j], _PLACES):
                    return k
    return None


def _negated_goods(ctx: Context, token: Token) -> bool:
    """ "non-oil exports", "non-oil and gas exports": everything but the goods named."""
    start = ctx.mention(token).start
    if start >= 1 and ctx.doc[start - 1].lower_ in ("and", "or") and any(
            t.lower_ == "non" for t in ctx.doc[max(0, start - 5) : start]):
        return True
    return start >= 2 and ctx.doc[start - 1].text == "-" and ctx.doc[start - 2].lower_ == "non" \
        or start >= 1 and ctx.doc[start - 1].lower_ in ("non", "non-")


def _origin(ctx: Context, flow: Flow, goods: str | None) -> str | None:
    """The country the imported goods are named after ("Kenyan tea"), whoever imports them."""
    doc = ctx.doc
    for key, mention in ctx.entity_mentions(PRODUCTS):
        if key == goods and flow.anchor.i < mention.start < flow.end:
            for t in doc[max(min(mention.start - 3, mention.root.left_edge.i), flow.anchor.i + 1) : mention.end]:
                if k := ctx.country_of_demonym(t):
                    return k
    return None


def _partner_heads(flow: Flow) -> set[int]:
    """Where a flow's "to X" / "from X" may hang: the trade word, its noun phrase's head, its
    verb, and the goods or figure that are its object."""
    anchor = flow.anchor
    noun = _noun(anchor)
    heads = {anchor.i, noun.i, noun.head.i}
    heads |= {c.i for c in (anchor, noun, noun.head) for c in c.children if c.dep_ in ("dobj", "attr", "nsubjpass", "pobj")}
    heads |= {g.i for h in list(heads) for c in anchor.doc[h].children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children}  # fmt: skip
    return heads


def _partner(ctx: Context, flow: Flow, trader: str, goods: str | None = None) -> str | None:
    """The other side: where exports go ("to Iraq"), where imports come from ("from the U.S.",
    "imported 128,089 tonnes of Brazilian beans")."""
    doc = ctx.doc
    if not flow.exports and goods is not None:
        for key, mention in ctx.entity_mentions(PRODUCTS):
            if key == goods and flow.anchor.i < mention.start < flow.end:
                # "Malaysian refined bleached deodorised palm olein": the whole noun phrase
                origin = [k for t in doc[max(min(mention.start - 3, mention.root.left_edge.i), flow.anchor.i + 1) : mention.start]
                          if (k := ctx.country_of_demonym(t)) and k != trader]  # fmt: skip
                if origin:
                    return origin[-1]
    if not flow.exports and flow.anchor.pos_ != "VERB":
        # "U.S. corn imports by Japan": a country before the imports that are not its own
        noun = _noun(flow.anchor)
        origin = [k for t in doc[noun.left_edge.i : noun.i]
                  if (k := ctx.country_of_demonym(t)) and k != trader and not _made_in(t)]  # fmt: skip
        if origin:
            return origin[-1]
    preps = _set("partner_export") if flow.exports else _set("partner_import")
    for i in range(flow.anchor.i + 1, flow.end):
        t = doc[i]
        if t.lower_ not in preps:
            continue
        if t.head.i not in _partner_heads(flow):
            continue  # "... and passenger cars from Canada": another noun's origin
        for j in range(i + 1, min(i + 4, flow.end)):
            k = ctx.key(doc[j], _PLACES)
            if k and k != trader:
                return k
            if doc[j].lower_ not in ("the", "a", "an") and not doc[j].is_title:
                break
    return None


# ------------------------------------------------------------------ when, and whether forecast
def _periods(ctx: Context, sent: Span) -> list[tuple[int, int, Period]]:
    """The periods of a sentence, as (first token, end token, period)."""
    out = []
    for p in find_periods(sent.text, ctx.article.published):
        span = ctx.doc.char_span(sent.start_char + p.start_char, sent.start_char + p.end_char, alignment_mode="expand")
        if span is not None:
            out.append((span.start, span.end, p))
    return out


def _period_for(figures: list[Figure], k: int, periods: list[tuple[int, int, Period]],
                ctx: Context, flow: Flow) -> Period | None:  # fmt: skip
    figure = figures[k]
    limit = figures[k + 1].start if k + 1 < len(figures) else flow.end
    doc = ctx.doc
    after = [p for s, e, p in periods if figure.end <= s and e <= limit
             and not any(t.like_num for t in doc[figure.end : s])
             # "compared with December": the period of a comparison without its figure
             and not any(t.lower_ in _set("comparison_words") | {"with"} for t in doc[max(figure.end, s - 2) : s])
             # "under an initiative announced November 10": the date of another verb
             and not (s > 0 and doc[s - 1].pos_ == "VERB" and s - 1 != flow.anchor.i)]  # fmt: skip
    if after:
        return after[0]
    if k > 0:  # "still below the 1985/86 quota of 1.35 mln bales"
        between = [p for s, e, p in periods if figures[k - 1].end <= s and e <= figure.start]
        return between[-1] if between else None
    floor = _noun(flow.anchor).left_edge.i if flow.anchor.pos_ != "VERB" else flow.anchor.i
    # "USDA forecast Argentine 1986/87 coarse grain exports at": the noun phrase holds it
    before = [p for s, e, p in periods if floor <= s and e <= figure.start]
    # "In 1986 exports totalled ...", "the upturn in February confirmed a rising trend in
    # exports, which totalled ...": the period the sentence opened with
    dated = {i for s, e, _ in periods for i in range(s, e)}
    first_number = next((t.i for t in flow.anchor.sent if t.like_num and _is_number(t) and t.i not in dated), flow.end)
    # "In the first two months of the year imports ... totalled": a period the parse runs into
    # the noun phrase still opens the sentence
    head = _noun(flow.anchor).i if flow.anchor.pos_ != "VERB" else flow.anchor.i
    earlier = [p for s, e, p in periods if s < min(floor, first_number) and e <= min(head, first_number) and not p.shift]
    return before[-1] if before else earlier[-1] if earlier else None


def _forecast_cue(ctx: Context, flow: Flow) -> bool:
    """ "forecast", "projected", "expected", "estimated", "target", "could export": a cue
    in the clause or governing it; not a comparison with one ("smaller than expected", "as
    forecast") nor a plan the clause only names after its trade word ("in line with
    government plans")."""
    anchor = flow.anchor
    sent = anchor.sent
    window = ctx.doc[sent.start : flow.end]
    words = _set("forecast_words")
    for t in window:
        if t.lower_ in words or t.lemma_.lower() in words:
            if t.lower_ == "put" and not any(c.lower_ == "at" for c in t.children):
                continue
            if t.lower_ == "seen" and t.tag_ != "VBN":
                continue
            if t.i > 0 and ctx.doc[t.i - 1].lower_ in _set("forecast_comparisons"):
                continue  # "much smaller than expected": what happened, against a forecast
            if t.i > anchor.i and t.pos_ == "NOUN" and (t.dep_ == "pobj" or t.head.dep_ == "pobj" and t.dep_ == "compound"):
                continue  # "... was in line with government plans"
            return True
    verb = anchor if anchor.pos_ == "VERB" else anchor.head
    for _ in range(3):  # "will continue to export", "might be looking to buy"
        if any(c.lower_ in _set("forecast_modals") for c in verb.children if c.dep_ == "aux"):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            break
        verb = verb.head
    return False


def _next_year(day: str | None) -> str | None:
    if not day:
        return day
    year, rest = day[:4], day[4:]
    return f"{int(year) + 1:04d}{rest}" if rest != "-02-29" else f"{int(year) + 1:04d}-02-28"


def _not_over(period: Period | None, published: str | None) -> bool:
    """A forecast figure: for a period not yet over, or one the text does not date."""
    if period is None or not published:
        return True
    if period.end:
        return period.end >= published[:10]
    # "1986/87": a crop or fiscal year that ends in its second year
    last = re.findall(r"((?:19|20)\d\d)(?:\s?[/-]\s?(\d\d(?:\d\d)?))?", period.text)
    if not last:
        return True
    first, second = last[-1]
    end = int(first[:2] + second[-2:]) if second else int(first)
    return end >= int(published[:4])


def _season_not_over(period: Period, published: str | None) -> bool:
    """ "from an estimated 300,000 in 1986/87" in a 1987 story: a crop year not yet over is
    still estimated, so a forecast's comparison for it is one too."""
    return period.start is None and "/" in period.text and published is not None and _not_over(period, published)


def _future(period: Period, published: str | None) -> bool:
    return bool(period.start and published and period.start > published[:10])


__all__ = ["extract"]
