"""Figureless flows that list their goods: a country described as a trader of them with a
partner ("South Korea is a major exporter to the United States of textiles and apparel, such
as television sets and personal computers"; "Japan was the leading importer of American wine
in 1985") or a country's trade that "includes" them ("Its purchases from the United States
include testing equipment, grains and cotton"; "imports from Chile are limited mainly to
copper"; "Taiwan's imports, including grains and machinery, from the U.S.").

Each good the phrase names, the examples after "such as" among them, is one flow of the
country with that partner, dated only where the phrase names its own period. Without a
partner a trader noun says what a country makes or sells anywhere ("Brazil is a major
exporter of coffee"), which is no flow the story reports: nothing is read then.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.trader_keys import is_territory, trader_key
from kg.nlp.relations.periods import Period, find_periods

CONFIDENCE = 0.7
_COUNTRY = frozenset({EntityType.COUNTRY})
_LANDS = frozenset({EntityType.COUNTRY, EntityType.PLACE})  # a territory trades as a country does


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    listing = flow_words("list_exporter_nouns") | flow_words("list_importer_nouns")
    trading = flow_words("purchase_nouns") | flow_words("export_nouns") | flow_words("import_nouns")
    # the nouns either reading starts from, found in text order from the words' hashes: a
    # Token is made of those only, not of every word of the Doc
    for i in ctx.parse.with_words(0, len(ctx.doc), listing | trading):
        token = ctx.doc[i]
        if token.pos_ != "NOUN":
            continue
        word = token.lower_
        if word in listing:
            exports = word in flow_words("list_exporter_nouns")
            trader = _described(ctx, token)
            phrase = ctx.doc[token.i : token.right_edge.i + 1]
        elif word in trading and (phrase := _listed_goods(token)) is not None:
            exports = word in flow_words("export_nouns")
            trader = _owner(ctx, token)
        else:
            continue
        if trader is None:
            continue
        partner = _partner(ctx, token, trader, exports=exports)
        if partner is None:
            continue
        period = _own_period(ctx, phrase)
        dated = dict(period=period.text, period_start=period.start, period_end=period.end) if period else {}
        predicate = Predicate.EXPORTS if exports else Predicate.IMPORTS
        for goods, mention in _goods(ctx, phrase):
            out.append(ctx.fact(trader, predicate, [token, mention], rule="flow-goods-list",
                                confidence=CONFIDENCE, object=goods, partner=partner, forecast=False, **dated))
    return out


def _listed_goods(noun: Token) -> Span | None:
    """The words that list the goods of a trade noun: the rest of the clause it is the subject
    of ("purchases from Canada include wheat", "imports from Chile are limited mainly to
    copper"), or its "including" phrase ("imports, including wheat and machinery, from
    Chile"). None when the list holds a figure: "limited to 10,000 tonnes" is a quota or a
    flow that the figure rules read."""
    doc = noun.doc
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in flow_words("goods_list_verbs"):
        verb = noun.head
        listed, phrase = doc[verb.i : verb.right_edge.i + 1], doc[noun.i : verb.right_edge.i + 1]
    else:
        listing = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in flow_words("goods_list_preps")),
                       None)
        if listing is None:
            return None
        listed = phrase = doc[listing.i : listing.right_edge.i + 1]
    figure = any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in listed)
    return None if figure else phrase


def _described(ctx: Context, noun: Token) -> str | None:
    """The country (or territory) a trader noun describes: the subject of "be" ("Korea is a major
    exporter"), or of the verb "as" hangs on ("Japan edged out Britain as the leading
    importer"), through a relative pronoun to the country it stands for."""
    head = noun.head
    if noun.dep_ == "attr" and head.lemma_.lower() == "be":
        verb = head
    elif noun.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ == "VERB":
        verb = head.head
    else:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head  # "Japan, which edged out Britain as ...": Japan
    key = trader_key(ctx, subject) if subject is not None else None
    return key if key is not None and ctx.type(key) in _LANDS else None  # a company's trade is its own


def _owner(ctx: Context, noun: Token) -> str | None:
    """Whose trade the noun is: a country's possessive ("Korea's purchases", a territory's:
    "Taiwan's imports"), a demonym ("Korean purchases"), or "its" for the country the sentence
    before was about."""
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            return _previous_subject(ctx, noun.sent)
        if child.dep_ in ("poss", "amod", "compound", "nmod") \
                and (key := _land(ctx, child) or ctx.country_of_demonym(child)):
            return key
    return None


def _land(ctx: Context, token: Token) -> str | None:
    """The country, or territory trading as one ("Taiwan's imports"), ``token`` names."""
    key = ctx.key(token, _LANDS)
    return key if key is not None and (ctx.type(key) is EntityType.COUNTRY or is_territory(ctx, key)) else None


def _previous_subject(ctx: Context, sent: Span) -> str | None:
    """The country subject of the sentence before ``sent``: what "its" opening a sentence
    stands for ("South Korea is a major exporter ... Its purchases ..."), not the last
    country named (often the partner)."""
    if sent.start == 0:
        return None
    before = ctx.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    key = ctx.key(subject, _COUNTRY) if subject is not None else None
    return key


def _partner(ctx: Context, noun: Token, trader: str, *, exports: bool) -> str | None:
    """The other side the noun names: "to" a country for exports, "from" one for imports,
    or the demonym of goods it names ("importer of American wine")."""
    preposition = "to" if exports else "from"
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == preposition]
    for listing in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in flow_words("goods_list_preps")):
        # "imports, including grains and machinery, from the U.S.": the parse often hangs the
        # noun's own partner on the list; only one such partner can be the whole list's
        inside = [t for t in listing.subtree if t.dep_ == "prep" and t.lower_ == preposition]
        preps += inside if len(inside) == 1 else []
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            key = ctx.key(obj, _COUNTRY)
            if key is not None and key != trader:
                return key
    if exports:
        return None
    origins = {k for t in noun.subtree if t.dep_ == "amod" and ctx.key(t.head, PRODUCTS)
               if (k := ctx.country_of_demonym(t)) and k != trader}  # fmt: skip
    return origins.pop() if len(origins) == 1 else None


def _goods(ctx: Context, phrase: Span) -> list[tuple[str, Span]]:
    """Each good the phrase names once, in text order, with its mention."""
    out: list[tuple[str, Span]] = []
    for token in phrase:
        key = ctx.key(token, PRODUCTS)
        if key is not None and key not in (k for k, _ in out) and not _cut_short(ctx.mention(token)):
            out.append((key, ctx.mention(token)))
    return out


def _cut_short(mention: Span) -> bool:
    """A goods mention that leaves out a word naming the goods before it: "ores" of
    "coppernickel ores", a word the lexicon does not know, is no goods the text named."""
    head = mention.root
    return any(c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN") and c.i < mention.start
               for c in head.children)


def _own_period(ctx: Context, phrase: Span) -> Period | None:
    found = find_periods(phrase.text, ctx.article.published)
    return found[0] if found else None


__all__ = ["extract"]
