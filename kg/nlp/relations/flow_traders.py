"""Who trades in a flow clause: the country or territory before the trade word, its
subject, "by" or "from" it, the one that buys (``flow_purchasers``), or the country the story is
about; and the trader's own currency."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.climb import VERB_POS, climb
from kg.nlp.relations.base import ORGS, PRODUCTS, Context, sentences_back
from kg.nlp.relations.body_countries import regulated_country, regulator
from kg.nlp.relations.community_bodies import community_body, community_trader
from kg.nlp.relations.exporters import EXPORTERS, exporters_of_verb
from kg.nlp.relations.flow_availability import available_for_export, holder_subject
from kg.nlp.relations.flow_clause import Flow, flow_noun, flow_words, made_in
from kg.nlp.relations.flow_earnings import earner, earning_verb
from kg.nlp.relations.flow_makers import shipment_maker
from kg.nlp.relations.flow_gerunds import gerund_doer
from kg.nlp.relations.flow_moved_objects import moved_to_figure, steering_trader
from kg.nlp.relations.flow_partners import destination_of
from kg.nlp.relations.flow_pronoun_subjects import reporting_subject_owner
from kg.nlp.relations.flow_relative_owners import relative_owner
from kg.nlp.relations.flow_purchasers import COUNTRY_NOUNS, earlier_buyer, market_taker, national_buyer, purchase_holder
from kg.nlp.relations.flow_sales import licence_trader, reported_seller, reporting_exporters
from kg.nlp.relations.money import country_currencies, local_currency
from kg.nlp.relations.union_traders import union_currency
from kg.nlp.relations.trader_keys import is_territory, recent_trader, speaker_country, story_country, trader_key


def passive_goods_origin(ctx: Context, verb: Token) -> str | None:
    """The country the goods a passive flow moves are named after, in its own subject or in
    the subject of the clause it hangs on: "French wheat was shipped"; "300,000 tonnes of
    French wheat have been sold to Tunisia, of which 225,000 tonnes have been shipped" (the
    goods are France's, whoever the story is about)."""
    clauses = [verb, verb.head] if verb.dep_ in ("advcl", "relcl", "conj") else [verb]
    for clause in clauses:
        for subject in (c for c in clause.children if c.dep_ == "nsubjpass"):
            for t in subject.subtree:
                if t.pos_ == "ADJ" and not made_in(t) and (k := ctx.country_of_demonym(t)):
                    return k
    return None


def _goods_origin_named_before(ctx: Context, verb: Token) -> str | None:
    """The country the story named a passive flow's goods after before its sentence: "The
    Soviet Union has been a heavy buyer of Yugoslav corn ... An additional 500,000 tonnes of
    corn can be shipped" (Yugoslavia ships them, not the buyer the story opens with)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    goods = {k for s in subjects for t in s.subtree if (k := ctx.key(t, PRODUCTS))}
    origins = [(mention.start, k) for key, mention in ctx.entity_mentions(PRODUCTS)
               if key in goods and mention.end <= verb.sent.start
               for t in ctx.doc[max(mention.start - 2, 0) : mention.end]
               if t.pos_ == "ADJ" and not made_in(t) and (k := ctx.country_of_demonym(t))]  # fmt: skip
    return max(origins)[1] if origins else None


def passive_only(verb: Token) -> bool:
    """A passive flow with no agent: "were shipped", the goods as its subject."""
    return any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children)


def trader_of(ctx: Context, flow: Flow, *, fallback: str | None = None) -> str | None:
    trader = _trader_of(ctx, flow, fallback=fallback)
    if trader is not None and (flow.planned or _pronoun_owner(flow)) and community_body(ctx, trader):
        return community_trader(ctx, flow)  # "the European Commission granted export licences": no member's by guess
    if trader is not None and (flow.planned or _pronoun_owner(flow)) and regulator(ctx, trader):
        # "Thailand's Commerce Ministry set a tapioca export quota": the quota is Thailand's;
        # "..., an Energy Ministry spokesman said. Last year, it exported 173,500 bpd": a
        # pronoun the ministry's mention resolves is its country, which trades
        return regulated_country(ctx, trader)
    return trader


def _setter(ctx: Context, noun: Token) -> str | None:
    """The trader that is the subject of the verb a quota or target is the object of
    ("listed 1987 sugar import quota allocations"), if any."""
    while noun.dep_ == "compound":
        noun = noun.head
    if noun.dep_ != "dobj":
        return None
    # "Malaysia has been allocated an export quota of 28,526 tonnes": the passive's subject
    # is given the quota
    subjects = [c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return trader_key(ctx, subjects[0]) if subjects else None


def _pronoun_owner(flow: Flow) -> bool:
    """The flow's trader is only a pronoun: "it exported", "its exports"."""
    anchor = flow.anchor
    if anchor.pos_ == "VERB":
        return any(c.dep_ == "nsubj" and c.tag_ == "PRP" for c in anchor.children)
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in flow_noun(anchor).children)


def _trader_of(ctx: Context, flow: Flow, *, fallback: str | None = None) -> str | None:
    anchor = flow.anchor
    noun = flow_noun(anchor) if anchor.pos_ != "VERB" else anchor
    if flow.licensed:
        return licence_trader(ctx, flow)
    if anchor.pos_ == "VERB":
        if (doer := gerund_doer(ctx, anchor)) is not None:
            return doer  # "after importing 30,000 tonnes": the clause's subject
        if anchor.lemma_.lower() in flow_words("purchase_verbs") | flow_words("tender_verbs"):
            return national_buyer(ctx, anchor)
        if not flow.exports and anchor.lemma_.lower() in flow_words("market_taking_verbs"):
            return market_taker(ctx, anchor)  # "taking five cargoes from the free market"
        found = exporters_of_verb(ctx, anchor)
        if found:
            return found[0]
        if fallback is not None and _gapped_noun(anchor):
            return fallback  # "exports totalled 22.4 billion dlrs and imports 12.9 billion": the first flow's trader
        subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.lemma_.lower() in flow_words("home_traders") or s.lower_ in flow_words("home_traders") for s in subjects) \
                or (subjects and anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() == "contract"):
            if any(c.dep_ == "conj" for s in subjects for c in s.children):
                return None  # "government and private exporters shipped 27,510 and 57,450": shares, not the total
            if any(s.tag_ == "NNS" and s.lemma_.lower() in COUNTRY_NOUNS for s in subjects):
                return None  # "only 10 developing nations will still be exporting timber": many, not one
            return story_country(ctx)  # "The government will export 600,000 bales"
        if passive_only(anchor):
            if flow.exports and (origin := passive_goods_origin(ctx, anchor)) is not None:
                return origin  # "300,000 tonnes of French wheat have been sold ..., of which 225,000 shipped"
            if flow.exports and (origin := _goods_origin_named_before(ctx, anchor)) is not None:
                return origin  # "... a buyer of Yugoslav corn. 500,000 tonnes of corn can be shipped"
            return story_country(ctx)  # "433,000 bales were shipped that year"
        return None
    if (agent := _by_agent(ctx, flow, noun)) is not None:
        return agent  # "U.S. corn imports by Japan": the agent trades, whatever the goods' origin
    if not _owned(ctx, noun) and (body := _trading_body_before(ctx, noun)) is not None:
        return body  # "... the export sales revenue of the AWB. The recent sales of wheat to China ..."
    if (seller := reported_seller(ctx, noun)) is not None:
        return seller  # "private U.S. exporters reported sales of 900,000 tonnes of corn"
    if (holder := purchase_holder(ctx, noun)) is not None:
        return holder  # "India had further purchases of two cargoes", "Greece called an EC tender"
    if flow.exports and (maker := shipment_maker(ctx, noun)) is not None:
        return maker  # "the shipment of 2.2 mln barrels will be made by the Saudis"
    if not flow.exports and origin_modified(ctx, noun):
        # "a duty on U.S. corn imports", "its Malaysian palm oil imports": the country before
        # the trade word is where the goods come from; the owner (if any) imports them
        owners = [c for c in noun.children if c.dep_ == "poss"]
        return ctx.recent(owners[0], EXPORTERS | frozenset({EntityType.COUNTRY}), sentences=2) if owners else None
    # "Indonesian exports", "Peru's exports", "Argentine 1986/87 coarse grain exports"
    found = _named_before(ctx, noun)
    if not found and noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        found = _named_before(ctx, noun.head)  # "U.S. beef and citrus exports": the owner both share
    if found:
        # "USDA estimated Soviet grain imports": the country before the body that reports
        return next((k for k in found if ctx.type(k) is not EntityType.AGENCY), found[0])
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if owners and (antecedent := relative_owner(ctx, noun)) is not None:
        return antecedent  # "Canada, whose wheat exports would suffer": Canada's, not the story's
    if owners and (reporter := reporting_subject_owner(ctx, noun)) is not None:
        return reporter  # "X, a venture of Y and Z, said it will raise its imports": X's, not Z's
    if owners and owners[0].lower_ in ("its", "their") and (buyer := earlier_buyer(ctx, noun)) is not None:
        return buyer  # "The USSR bought five cargoes, which brings its total purchases to ..."
    if owners and owners[0].lower_ in ("its", "their", "our"):
        # "Uganda ... re-route its coffee exports": the trader the text named last
        return recent_trader(ctx, owners[0])
    if owners and owners[0].lower_ in COUNTRY_NOUNS and any(c.lower_ in ("the", "this") for c in owners[0].children) \
            and (named := _country_named_before(ctx, owners[0])) is not None:
        return named  # "Indonesian stocks are low ... it expects the country's imports to reach"
    # "Imports to South East Asia", "exports from Brazil": the place the goods go to or
    # come from trades them
    own = ("from",) if flow.exports else ("to", "into")
    # the preposition may hang on the goods of the noun ("shipments of tea from Kenya")
    goods = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for child in [*noun.children, *(c for g in goods for c in g.children)]:
        if child.dep_ == "prep" and child.lower_ in own:
            for p in child.children:
                if p.dep_ == "pobj" and (k := trader_key(ctx, p) or ctx.key(p, frozenset({EntityType.PLACE}))):
                    return k
    if earning_verb(noun) is not None:
        # "Colombia can hope to earn 1,500 mln dlrs from coffee exports"
        subject = earner(noun)
        return trader_key(ctx, subject) if subject is not None else None
    if available_for_export(noun) is not None:
        # "Cuba will have 2.5 mln tonnes available for export"; "300,000 tonnes will be
        # available for export": the story's country has them
        holder = holder_subject(noun)
        return trader_key(ctx, holder) if holder is not None else story_country(ctx)
    if flow.planned and (setter := _setter(ctx, noun)) is not None:
        return setter  # "The ministry listed export quotas ...": the clause's own setter, before any carried trader
    if fallback is not None:
        return fallback
    if noun.dep_ == "pobj" and noun.head.lower_ in flow_words("owner_blocking_preps") and not _figure_clause(noun):
        return None  # "talks on cross-border shipments": no owner to guess
    if noun.dep_ == "dobj" and flow.planned:
        # "Malaysia set a 1.2 mln tonne export target": who sets the target trades
        subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
        return trader_key(ctx, subjects[0]) if subjects else None
    if (steerer := steering_trader(ctx, noun)) is not None:
        return steerer  # "Brazil reduced coffee exports to 12 mln bags"
    if noun.dep_ in ("dobj", "attr", "appos", "npadvmod") and not _figures_subject(noun) \
            and not moved_to_figure(ctx, noun):
        return None  # "Cargill took two shipments": whose they are, the verb's subject says
    if anchor.lower_ in ("shipment", "shipments") and destination_of(ctx, flow) is None:
        return None  # "shipments from smelters' plants declined": deliveries at home, maybe
    near = ctx.doc[max(noun.sent.start, noun.i - 5) : noun.i]
    before = [*ctx.doc[noun.left_edge.i : noun.i], *near]
    if any(t.lower_ in flow_words("no_owner_words") for t in before):
        return None  # "world seaborne iron ore imports": everyone's, no one country's
    if any(t.lower_ == "total" for t in before) and (any(t.dep_ == "cc" for t in before) or _of_group(ctx, noun)):
        # "total barley and wheat exports": a figure of two goods; "total oil revenues of the
        # six GCC countries": a group's; no one flow's
        return None
    if (speaker := speaker_country(ctx, noun)) is not None:
        return speaker  # "Brazilian industry sources said new sugar export sales were low"
    # An ownerless flow noun ("Exports fell to 18.9 billion baht", "the rise in imports")
    # is the trade of the country the story is about.
    return story_country(ctx)


def _owned(ctx: Context, noun: Token) -> bool:
    """The flow noun names its own owner: a possessor, a trader or demonym before it
    ("Australian sales", "its exports"), or exporters that report it."""
    return any(c.dep_ == "poss" for c in noun.children) or bool(_named_before(ctx, noun)) \
        or reporting_exporters(noun) is not None


def _trading_body_before(ctx: Context, noun: Token) -> str | None:
    """The body (a board, a company) whose trade the sentence before, or this one before the
    noun, named as its own: "the fall in prices has reduced the export sales revenue of the
    AWB. The recent sales of wheat to China ..." are the AWB's, not the country's the story
    is about. A ministry or department that sets policy is no such trader."""
    trade_nouns = flow_words("export_nouns") | flow_words("import_nouns") | flow_words("sale_nouns") \
        | flow_words("purchase_nouns")
    start = sentences_back(ctx.doc, noun.sent.start, 1)
    for t in reversed(ctx.doc[start : noun.i]):
        if t.lower_ not in trade_nouns or t.pos_ != "NOUN":
            continue
        phrase = t
        while phrase.dep_ == "compound":
            phrase = phrase.head  # "export sales revenue"
        owners = [c for c in phrase.children if c.dep_ == "poss"]
        owners += [o for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                   if o.dep_ == "pobj"]  # fmt: skip
        for owner in owners:
            key = trader_key(ctx, owner)
            if key is not None and ctx.type(key) in ORGS and not regulator(ctx, key):
                return key
    return None


def origin_modified(ctx: Context, noun: Token) -> bool:
    """An import noun whose country modifier names the goods' origin, not the importer: the
    imports a barrier is on ("a duty on U.S. corn imports", "imposed quotas on Japanese car
    imports"), the imports called subsidized or dumped ("subsidized U.S. corn imports"), and
    the imports an owner holds beside that country ("its Malaysian palm oil imports")."""
    phrase = noun.head if noun.dep_ == "conj" else noun  # "a duty on U.S. beef and citrus imports"
    if phrase.dep_ == "pobj" and phrase.head.lower_ in ("on", "against") and _barrier_before(phrase.head):
        return True
    if _injuring(phrase) and any(ctx.country_of_demonym(t) for t in noun.doc[noun.left_edge.i : noun.i]):
        return True  # not "imports of corn from the U.S. are injuring": the trader is then found as ever
    before = noun.left_edge.i - 1  # "ruled subsidized U.S. corn imports were injurious" (the parse may take it for a verb)
    if before >= noun.sent.start and noun.doc[before].lower_ in flow_words("unfair_trade_words") \
            or any(c.dep_ == "amod" and c.lower_ in flow_words("unfair_trade_words") for c in noun.children):
        return True
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children) and any(
        ctx.country_of_demonym(t) for t in noun.doc[noun.left_edge.i : noun.i] if t.pos_ in ("ADJ", "PROPN"))


def _injuring(noun: Token) -> bool:
    """Imports said to injure the importer's producers: the subject of "injure" or of "were
    injurious", the agent of "injured by" ("U.S. corn imports injure Canadian farmers",
    "growers were injured by Brazilian orange juice imports")."""
    words = flow_words("injury_words")
    if noun.dep_ in ("nsubj", "nsubjpass"):
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ == "agent":
        verb = noun.head.head
    else:
        return False
    return verb.lemma_.lower() in words or any(c.dep_ in ("acomp", "attr") and c.lower_ in words for c in verb.children)


def _named_before(ctx: Context, noun: Token) -> list[str]:
    """The traders named in the noun's phrase before it: "Indonesian", "Peru's"."""
    found = []
    for t in ctx.doc[noun.left_edge.i : noun.i]:
        if made_in(t):
            continue  # "imports of Japanese-made cars": where the goods come from
        if (k := trader_key(ctx, t)) or (t.pos_ in ("ADJ", "PROPN") and (k := ctx.country_of_demonym(t))):
            found.append(k)
    return found


def _barrier_before(prep: Token) -> bool:
    """A barrier named in the words before "on" back to its verb: "a duty on", "imposed a
    duty of 90 cents a bushel on", "slapped a 1.05 dlrs per bushel duty on" (read from the
    words: the parse hangs "on" on the verb or on the duty's amount as often as on the duty)."""
    for t in reversed(prep.doc[prep.sent.start : prep.i]):
        if t.pos_ in VERB_POS:
            return False
        if t.lemma_.lower() in flow_words("barrier_nouns"):
            return True
    return False


def _country_named_before(ctx: Context, token: Token) -> str | None:
    """The country "the country" stands for: the one named last before it, by name or
    demonym ("Indonesian"), in its sentence or the one before."""
    floor = sentences_back(ctx.doc, token.sent.start, 1)
    for t in reversed(ctx.doc[floor : token.i]):
        if (k := ctx.key(t, frozenset({EntityType.COUNTRY}))) is not None:
            return k
        if t.pos_ in ("ADJ", "PROPN") and t.is_title and not made_in(t) and (k := ctx.country_of_demonym(t)):
            return k
    return None


def _of_group(ctx: Context, noun: Token) -> bool:
    """ "revenues of the six GCC countries", "exports of its members": a flow noun whose "of"
    names several owners (not goods: "total exports of cars")."""
    return any(p.dep_ == "pobj" and p.tag_ in ("NNS", "NNPS") and ctx.key(p, PRODUCTS) is None
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)  # fmt: skip


def _figure_clause(noun: Token) -> bool:
    """ "with crude exports seen at 1.32 mln bpd": the flow noun's own participle gives its
    figure, so the noun is the flow itself, whatever preposition it hangs on; so does the
    counted goods of a flow that caused something ("hit by the import of two aircraft")."""
    if noun.head.lower_ == "by" and any(c.dep_ == "prep" and c.lower_ == "of" and _counted(c) for c in noun.children):
        return True
    return any(c.dep_ == "acl" and c.pos_ == "VERB" and any(
        p.dep_ == "prep" and p.lower_ in ("at", "to") and _counted(p) for p in c.children)
        for c in noun.children)  # fmt: skip


def _counted(prep: Token) -> bool:
    """The preposition's object is a figure or has one ("at 1.32 mln bpd", "of two aircraft")."""
    return any(g.like_num or any(n.like_num for n in g.children) for g in prep.children)


def _gapped_noun(verb: Token) -> bool:
    """ "exports totalled 22.4 billion dlrs and imports 12.9 billion": the parse reads the
    second flow noun as a verb joined to the first flow's verb, whose subject is a flow noun."""
    flows = flow_words("export_nouns") | flow_words("import_nouns")
    if verb.dep_ != "conj" or verb.lower_ not in flows or any(c.dep_ == "nsubj" for c in verb.children):
        return False
    # the first flow's verb, or the figure it counts ("dlrs and imports")
    clause = climb(verb.head, lambda t: t.pos_ not in VERB_POS, steps=2)
    return any(c.dep_ == "nsubj" and c.lower_ in flows for c in clause.children)


def _figures_subject(noun: Token) -> bool:
    """ "The new figures bring cumulative wheat exports to 2.99 mln tonnes": the verb's
    subject is the statistics that report the flow, no trader."""
    return noun.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.lemma_.lower() in flow_words("statistics_nouns")
                                       for c in noun.head.children) or running_total_object(noun)  # fmt: skip


def running_total_object(noun: Token) -> bool:
    """ "This brought total imports in 1986/87 to 1.09 mln tonnes": a flow moved to a new
    total by what the sentence before reported (the subject only points back to it) is
    that flow, no one else's."""
    verb = noun.head
    return noun.dep_ == "dobj" and verb.lemma_.lower() in flow_words("total_verbs") \
        and any(c.dep_ == "nsubj" and c.lower_ in flow_words("pointing_subjects") for c in verb.children)


def _by_agent(ctx: Context, flow: Flow, noun: Token) -> str | None:
    """ "exports by Brazil", "imports of U.S. corn by Taiwan": the trader after "by", hung on
    the trade noun or on the goods it is of."""
    heads = {flow.anchor.i, noun.i}
    heads |= {g.i for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children}
    for t in ctx.doc[noun.i + 1 : flow.end]:
        if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.head.i in heads:
            for p in t.children:
                if p.dep_ == "pobj" and (k := trader_key(ctx, p)):
                    return k
    return None


def trader_currency(ctx: Context, key: str) -> str | None:
    """The trader's own currency; a territory ("Hong Kong") has one too."""
    found = local_currency(ctx, key) or union_currency(ctx, key)  # "Belgo-Luxembourg Economic Union": Belgian francs
    if found is None and ctx.type(key) is EntityType.PLACE and is_territory(ctx, key):
        by_name = country_currencies()[0]
        found = next((c for n in ctx.table.entities[key].all_names if (c := by_name.get(n.lower()))), None)
    return found
