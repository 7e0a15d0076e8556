"""The country that buys in a flow clause: the subject of a purchase verb or the country its
buyers are of ("China bought", "Japanese crushers bought"), through the verb it completes
("Pakistan is lined up to buy"); the country whose purchases, tender or buyer role a market
report names ("India had further purchases", "Egypt's tender for 200,000 tonnes"); the
buyer of the sentence before a purchase noun ("its total purchases").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.climb import upward
from kg.nlp.relations.base import Context, sentences_back
from kg.nlp.relations.exporters import denied, likelihood
from kg.nlp.relations.flow_agreements import through_agreement
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.flow_gerunds import gerund_doer
from kg.nlp.relations.flow_pronoun_buyers import pronoun_buyer
from kg.nlp.relations.own_countries import own_country
from kg.nlp.relations.trader_keys import trader_key

_COUNTRIES = frozenset({EntityType.COUNTRY})
# The nouns that stand for a country named before ("the country's tender", "this nation").
COUNTRY_NOUNS = ("country", "nation")


def national_buyer(ctx: Context, verb: Token) -> str | None:
    """The country that buys: the subject itself ("China bought"), or the country its buyers
    are of ("Japanese crushers", "Egyptian importers"); through "and may buy" too."""
    if (doer := gerund_doer(ctx, verb)) is not None and ctx.type(doer) is not EntityType.ORGANIZATION:
        return doer  # "the Soviets began their purchases by buying 2.25 mln tonnes"
    for current in upward(verb, _purchase_completes, limit=3):
        if current is not verb and denied(current):
            return None  # "Japan is unlikely to buy"
        if current is not verb and verb.dep_ == "advcl" and (k := _funded_buyer(ctx, current)) is not None:
            return k  # "Japan is to lend Peru 40 mln dlrs to buy rice": the borrower buys
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        # "40,000 tonnes were bought by India": the agent buys
        subjects += [p for c in current.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if current is not verb:
            # "Turkey was reported to have bought", "Pakistan is lined up to buy": the subject
            # of the passive the purchase completes
            subjects += [c for c in current.children if c.dep_ == "nsubjpass"]
            # (a parse may hang that subject on the auxiliary: "Pakistan <- is lined up")
            subjects += [s for a in current.children if a.dep_ == "auxpass" for s in a.children
                         if s.dep_ in ("nsubj", "nsubjpass")]  # fmt: skip
        if subjects:
            subject = subjects[0]
            if (k := trader_key(ctx, subject)) and (ctx.type(k) is not EntityType.ORGANIZATION
                                                     or _import_cue(verb)):
                return k  # "China bought", "the State Trading Corp bought ... at its import tender"
            for mod in subject.children:
                if mod.dep_ in ("amod", "compound", "poss") and (k := ctx.country_of_demonym(mod)):
                    return k
            if (k := own_country(ctx, subject)) is not None:
                return k  # "the minister said his country's firms will buy": the minister's country
            # "Peru has been authorized to purchase ... It may buy the rice": the buyer named before
            return pronoun_buyer(ctx, subject, national_buyer) if current is verb else None
    return None


def _funded_buyer(ctx: Context, verb: Token) -> str | None:
    """ "Japan is to lend Peru 40 mln dlrs to buy 150,000 tonnes of rice": the country a verb
    gives money to (its dative) is the one the purpose clause's purchase is for, not the
    verb's subject."""
    for c in verb.children:
        if c.dep_ == "dative" and (k := trader_key(ctx, c)) and ctx.type(k) is not EntityType.ORGANIZATION:
            return k
    return None


def market_taker(ctx: Context, verb: Token) -> str | None:
    """The country that takes: the buyer of the verb, or of the verb whose means the taking
    is ("has extended its buying programme by taking ...")."""
    main = verb.head.head if verb.dep_ == "pcomp" and verb.head.lower_ == "by" else verb
    return national_buyer(ctx, main)


def _purchase_completes(verb: Token) -> bool:
    """A verb whose buyer is the subject of the clause above: joined to it, completing it, or
    its purpose ("Pakistan is lined up to buy")."""
    return verb.dep_ in ("conj", "xcomp") or likelihood(verb) or _committed_to(verb) or through_agreement(verb) or (
        verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _committed_to(token: Token) -> bool:
    """ "Japan is committed to buying 7.7 mln tonnes": the purchase hangs on "to", and "to"
    on the commitment whose subject buys."""
    if token.dep_ == "pcomp" and token.head.lower_ == "to":
        token = token.head
    return token.lower_ == "to" and token.dep_ == "prep" and token.head.lemma_.lower() in flow_words("commitment_verbs")


def purchase_holder(ctx: Context, noun: Token) -> str | None:
    """The country whose purchases a market report gives as the object of a plain verb ("India
    had further purchases of two cargoes", "Egypt made purchases of ..."), whose tender it
    names ("Greece has called a tender for ...") or that it calls a buyer ("Libya was also a
    buyer this week, taking two cargoes")."""
    if noun.lower_ in flow_words("purchase_nouns"):
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in flow_words("purchase_holding_verbs"):
            return None
    elif noun.lower_ in flow_words("tender_nouns"):
        if any(t.lower_ in flow_words("export_nouns") for t in noun.doc[noun.left_edge.i : noun.i]):
            return None
        if (owner := _tender_owner(ctx, noun)) is not None:
            return owner  # "This follows Egypt's tender for 200,000 tonnes of wheat"
        # "Greece has called a tender for 40,000 tonnes": a country's tender is to buy
        if noun.dep_ != "dobj" or noun.head.lemma_.lower() not in flow_words("tender_holding_verbs"):
            return None
    elif noun.lower_ in flow_words("buyer_nouns"):
        if noun.dep_ != "attr" or noun.head.lemma_.lower() != "be":
            return None
    else:
        return None
    subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    key = trader_key(ctx, subject) if subject is not None else None
    return key if key is not None and ctx.type(key) is EntityType.COUNTRY else None


def _tender_owner(ctx: Context, noun: Token) -> str | None:
    """The country a tender for a figure is named as (not "its": "Taiwan passed on its
    tender"): "Egypt's tender for 200,000 tonnes", "the country's tender for ..." (the
    country named before); none where the tender is called off."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    after = noun.i + 1
    if owner is None and (agent := _tender_agent(noun)) is not None:
        owner, after = agent, agent.i + 1  # "a tender by Jordan for 225,000 tonnes"
    # "for" right after the tender, whatever the parse hangs it on ("Egypt's tender today for")
    near = noun.doc[after : min(after + 2, noun.sent.end)]
    asked = [o for c in near if c.lower_ == "for" for o in c.children if o.dep_ == "pobj"]
    if owner is None or not any(t.like_num for o in asked for t in o.subtree):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head
    if verb.lemma_.lower() in flow_words("called_off_verbs"):
        return None  # "Egypt has cancelled Egypt's tender for ..."
    if owner.lower_ in COUNTRY_NOUNS and any(c.lower_ in ("the", "this") for c in owner.children):
        # the country named last, by name: a demonym there is more often the goods' origin
        # ("Colombia bought French wheat. This follows the country's tender ...")
        floor = sentences_back(ctx.doc, owner.sent.start, 1)
        key = next((k for t in reversed(ctx.doc[floor : owner.i])
                    if t.pos_ == "PROPN" and (k := ctx.key(t, _COUNTRIES))), None)  # fmt: skip
    else:
        key = trader_key(ctx, owner)
    return key if key is not None and ctx.type(key) is EntityType.COUNTRY else None


def _tender_agent(noun: Token) -> Token | None:
    """ "a tender by Jordan": the name right after "by" that holds the tender."""
    doc = noun.doc
    if noun.i + 2 >= noun.sent.end or doc[noun.i + 1].lower_ != "by" or doc[noun.i + 2].pos_ != "PROPN":
        return None
    return doc[noun.i + 2]


def earlier_buyer(ctx: Context, noun: Token) -> str | None:
    """The country that buys in the sentence before a purchase noun: whose "its total
    purchases" are in "The USSR bought five cargoes, which brings its total purchases to ..."."""
    if noun.lower_ not in flow_words("purchase_nouns"):
        return None
    for t in noun.doc[noun.sent.start : noun.i]:
        if t.pos_ == "VERB" and t.lemma_.lower() in flow_words("purchase_verbs") and (k := national_buyer(ctx, t)):
            return k
    return None


def _import_cue(verb: Token) -> bool:
    """ "bought 20,000 tonnes ... at its import tender": the purchase says it is an import."""
    return any(t.lower_ in flow_words("import_nouns") for t in verb.subtree)
