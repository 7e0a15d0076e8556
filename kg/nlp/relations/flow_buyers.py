"""Buyers and destinations an exporter's report names without figures.

Reports of a country's sales name who bought: "Egypt, Japan and Iraq were the major wheat
buyers for delivery in the current year", "Major purchasers for the current season were South
Korea and Japan". Buyers are importers: each named country imports the goods from the
exporter the story stated last, for the period the buyer phrase names (else that flow's).
Weekly sales reports also say where the week's sales rose: "Major increases were for Belgium
and Italy", "the result of increases for Venezuela": the exporter's sales to each, in the
week of the sales just stated. An exporter's ranked markets are its exports to each:
"Canada's main wheat markets are China and Brazil", "Australia's four major markets, the U.S.,
Japan and Taiwan, ...", "Kenya has relied on Britain and Egypt as major markets for its tea",
in goods the story stated as that exporter's exports. The other way round, an importer's
ranked suppliers are its imports from each: "The major suppliers of wheat to Egypt were the
U.S. and France".
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.climb import upward
from kg.nlp.relations.base import COUNTRY, PRODUCTS, Context, sentences_back
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.flow_figure_units import is_number
from kg.nlp.relations.flow_reports import sales_report
from kg.nlp.relations.periods import Period, find_periods
from kg.nlp.relations.trader_keys import is_territory

CONFIDENCE = 0.7
_PLACE = frozenset({EntityType.PLACE})
_NEAR = 3  # how many sentences back the exporter's flow may stand


def buyer_facts(ctx: Context, sent: Span, facts: list[Fact]) -> list[Fact]:
    """The figureless flows of the buyers and destinations ``sent`` names."""
    last = _last_export(ctx, sent, facts)
    if last is None:
        return []
    out: list[Fact] = []
    buyers, increases = flow_words("buyer_nouns"), flow_words("increase_nouns")
    for i in ctx.parse.with_words(sent.start, sent.end, buyers | increases):  # no Token made of other words
        noun = ctx.doc[i]
        if noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if noun.lower_ in buyers and _ranked(noun):
            out.extend(_buyers(ctx, noun, last, facts))
        elif noun.lower_ in increases and sales_report(ctx) and not _other_goods_since(facts, last):
            out.extend(_increases(ctx, noun, last))
    return out


def _other_goods_since(facts: list[Fact], last: Fact) -> bool:
    """The exporter stated a flow of other goods after its counted one, without a figure of
    one good ("Soybean cake and meal sales of 103,700 tonnes ...", a list): the increases
    that follow are of those goods, not of the goods counted last."""
    return any(f.predicate is Predicate.EXPORTS and f.subject == last.subject and f.start > last.start
               and f.object not in (None, last.object) for f in facts)  # fmt: skip


def market_facts(ctx: Context, sent: Span, facts: list[Fact]) -> list[Fact]:
    """The figureless exports to the markets ``sent`` names of an exporter: "Canada's main
    wheat markets are China and Brazil"; undated, as a market is no one period's trade.
    Markets of no one named ("The top three markets were Canada, Japan and Britain") are
    those of the export the story counted just before, in its goods and period."""
    out: list[Fact] = []
    for i in ctx.parse.with_words(sent.start, sent.end, flow_words("market_nouns")):  # no Token made of other words
        noun = ctx.doc[i]
        if noun.pos_ != "NOUN" or not _ranked(noun):
            continue
        owner = next((k for c in noun.children if c.dep_ == "poss" if (k := ctx.key(c, COUNTRY))), None) \
            or _relying_country(ctx, noun)
        dated: dict[str, str | None] = {}
        if owner is None:
            if not _ownerless(ctx, noun) or _counted(_market_side(noun)) \
                    or (last := _last_export(ctx, sent, facts)) is None:
                continue  # "The major destinations were: China (419,196 tonnes), ...": a list reads those
            # the flow's own figure and period, not the comparison its sentence ends with
            last = next(f for f in facts if f.sentence == last.sentence and f.subject == last.subject
                        and f.predicate is last.predicate and f.object == last.object)
            owner, goods, dated = last.subject, last.object, _dated(None, last)
        else:
            goods = _counted_goods(ctx, sent, owner, facts)
        if goods is None:
            continue
        side = _market_side(noun)
        # "relied on Britain, Egypt and, to a lesser extent the United States, as markets": every
        # country the words up to "as" name, however the parse hangs the list
        listed = _listed_until(ctx, side, noun.head) if side is not None and _as_markets(noun) else _listed(ctx, side, destinations=True)
        for key, token in listed:
            if key == owner or any(f.subject == owner and f.partner == key and f.object == goods
                                   and f.predicate is Predicate.EXPORTS for f in facts):  # fmt: skip
                continue
            out.append(ctx.fact(owner, Predicate.EXPORTS, [ctx.mention(token), noun], rule="flow-markets",
                                confidence=CONFIDENCE, object=goods, partner=key, forecast=False, **dated))
    return out


def ranked_supplier_facts(ctx: Context, sent: Span) -> list[Fact]:
    """The figureless imports from the suppliers ``sent`` ranks without figures: "The major
    suppliers of wheat to Egypt were the U.S. and France", "Peru is Chile's main zinc
    supplier"; each named country supplies the importer the supplier noun names (its
    possessor, or "to"/"for" a country), in the goods it names. With a figure in the sentence,
    the supplier rules of kg.nlp.relations.flow_suppliers read the suppliers' own exports."""
    out: list[Fact] = []
    for i in ctx.parse.with_words(sent.start, sent.end, flow_words("supplier_nouns")):
        noun = ctx.doc[i]
        verb = noun.head
        if noun.pos_ != "NOUN" or not _ranked(noun) or noun.dep_ not in ("attr", "nsubj") \
                or verb.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in verb.children):
            continue
        if any(t.like_num and is_number(t) and t.ent_type_ != "DATE" for t in sent):
            continue  # "Peru is Chile's main zinc supplier, with 12,000 tonnes": the suppliers' own figures
        importer = _supplied(ctx, noun)
        # "zinc supplier" (by entity or by name), "suppliers of wheat"
        goods = next((k for c in noun.children if c.dep_ in ("compound", "nmod", "amod")
                      if (k := ctx.key(c, PRODUCTS) or ctx.key_by_name(c.text, PRODUCTS))), None) \
            or next((k for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for t in c.subtree if (k := ctx.key(t, PRODUCTS))), None)  # fmt: skip
        side = next((c for c in verb.children if c.dep_ == ("nsubj" if noun.dep_ == "attr" else "attr")), None)
        if importer is None or goods is None:
            continue
        period = _own_period(ctx, verb)  # "was the main supplier ... last year"
        dated = dict(period=period.text, period_start=period.start, period_end=period.end) if period else {}
        for key, token in _listed(ctx, side):
            if key != importer:
                # "flow-goods": a figureless reading gives way where the article counts the flow
                out.append(ctx.fact(importer, Predicate.IMPORTS, [noun, ctx.mention(token)], rule="flow-goods",
                                    confidence=CONFIDENCE, object=goods, partner=key, forecast=False, **dated))
    return out


def _supplied(ctx: Context, noun: Token) -> str | None:
    """The importer a supplier noun names: "Chile's main supplier", "the main suppliers to (or
    for) Egypt"."""
    owner = next((k for c in noun.children if c.dep_ == "poss" if (k := ctx.key(c, COUNTRY))), None)
    return owner or next((k for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "for")
                          for o in c.children if o.dep_ == "pobj" if (k := ctx.key(o, COUNTRY))), None)  # fmt: skip


def _counted(side: Token | None) -> bool:
    """The markets are given with figures (a day is none)."""
    return side is not None and any(t.like_num and is_number(t) and t.ent_type_ != "DATE"
                                    for c in (side, *side.conjuncts) for t in c.subtree)


def _ownerless(ctx: Context, noun: Token) -> bool:
    """ "the top three markets": no possessor, no place or goods of their own ("Japan's
    markets", "European markets", "stock markets" belong to someone else or are no trade)."""
    return not any(c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "amod" and ctx.country_of_demonym(c)
                   for c in noun.children)


def _market_side(noun: Token) -> Token | None:
    """The markets named: in apposition ("markets, the U.S., Japan and Taiwan,") or on the
    other side of "be" ("markets are China and Brazil")."""
    appos = next((c for c in noun.children if c.dep_ == "appos"), None)
    if appos is not None:
        return appos
    verb = noun.head
    if noun.dep_ == "nsubj" and verb.lemma_.lower() == "be":
        return next((c for c in verb.children if c.dep_ == "attr"), None)
    if _as_markets(noun):
        # "relied on Britain and Egypt as major markets", "counts Japan as its main market"
        verb = noun.head.head
        relied = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
                  for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        return next(iter(relied), None) or next((c for c in verb.children if c.dep_ == "dobj"), None)
    return None


def _as_markets(noun: Token) -> bool:
    """ "... as major markets for its tea": the markets a verb's object is taken for."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.head.pos_ == "VERB"


def _relying_country(ctx: Context, noun: Token) -> str | None:
    """ "Kenya has relied on Britain ... as major markets for its tea": the country that
    relies on the markets, the subject of the verb they complement."""
    if not _as_markets(noun):
        return None
    # the parse may hang the subject on the auxiliary ("Kenya has ... relied"), or the verb
    # on the clause it is an adverbial or auxiliary of
    for verb in upward(noun.head.head, lambda t: t.dep_ in ("advcl", "aux"), limit=2):
        for head in (verb, *(c for c in verb.children if c.dep_ == "aux")):
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return ctx.key(subject, COUNTRY)
    return None


def _counted_goods(ctx: Context, sent: Span, owner: str, facts: list[Fact]) -> str | None:
    """The goods of the markets: the one the sentence names that the story already stated as
    the owner's exports, counted or not ("beef exports ... 480,000 tonnes", "will hurt Kenyan
    tea exports"); None for none or several."""
    exported = {f.object for f in facts if f.subject == owner and f.predicate is Predicate.EXPORTS
                and f.end - ctx.offset <= sent.start_char}  # fmt: skip
    counted = [k for k in exported if k is not None and _named_in(ctx, k, sent.text)]
    return counted[0] if len(counted) == 1 else None


def _named_in(ctx: Context, key: str, text: str) -> bool:
    """One of the entity's names stands in ``text`` as a word ("beef export markets")."""
    lowered = text.lower()
    return any(re.search(rf"\b{re.escape(n.lower())}\b", lowered) for n in ctx.table.entities[key].all_names)


def _ranked(noun: Token) -> bool:
    """ "the major buyers", "Main purchasers": buyers ranked among the flow's takers."""
    return any(c.dep_ == "amod" and c.lower_ in flow_words("rank_words") for c in noun.children)


def _buyers(ctx: Context, noun: Token, last: Fact, facts: list[Fact]) -> list[Fact]:
    """ "Egypt and Japan were the major wheat buyers", "Major buyers were Egypt and Japan"."""
    verb = noun.head
    if verb.lemma_.lower() != "be" or noun.dep_ not in ("attr", "nsubj"):
        return []
    other = "nsubj" if noun.dep_ == "attr" else "attr"
    sides = [c for c in verb.children if c.dep_ == other]
    if not sides or any(t.like_num and is_number(t) and t.ent_type_ != "DATE" for s in (*sides, noun) for t in s.subtree):
        return []  # "the main buyers were Italy with 1.89 mln": a list with figures (a day is none)
    goods = next((k for c in noun.children if c.dep_ in ("compound", "nmod", "amod")
                  if (k := ctx.key(c, PRODUCTS))), None) or _named_goods(ctx, noun) or last.object  # fmt: skip
    period = _own_period(ctx, noun) or _clause_period(ctx, verb)
    # a flow the buyers are dated by is the counted one, not the comparison its sentence ends
    # with ("up from 2,100 in May and 1,900 a year ago. Major buyers were ...")
    last = _stated_flow(last, facts)
    # "Africa and Asia are Brazil's main fuel buyers": the buyers of the owner's exports, to
    # each (as its "main markets" are), whoever's flow the story counted last
    owner = next((k for c in noun.children if c.dep_ == "poss" if (k := ctx.key(c, COUNTRY))), None)
    out = []
    for key, token in _listed(ctx, sides[0], destinations=owner is not None):
        if owner is None and ctx.type(key) is EntityType.PLACE and _world_region(ctx, key):
            continue
        after = ctx.doc[ctx.mention(token).end : ctx.mention(token).end + 3]
        if key in (last.subject, owner) or any(t.like_num and is_number(t) for t in after):
            continue  # "the U.S. At 86,383 tonnes": a figure the parse cut off, which a list reads
        if owner is not None:
            out.append(ctx.fact(owner, Predicate.EXPORTS, [noun, ctx.mention(token)], rule="flow-buyers",
                                confidence=CONFIDENCE, object=goods, partner=key, forecast=False,
                                **_dated(period, last)))  # fmt: skip
            continue
        out.append(ctx.fact(key, Predicate.IMPORTS, [ctx.mention(token), noun], rule="flow-buyers",
                            confidence=CONFIDENCE, object=goods, partner=last.subject, forecast=False,
                            **_dated(period, last)))  # fmt: skip
    return out


def _increases(ctx: Context, noun: Token, last: Fact) -> list[Fact]:
    """ "Major increases were for Belgium and Italy", "increases for Venezuela": the week's
    sales went to each (an export of the goods just stated, to that partner)."""
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ == "for"]
    if noun.dep_ == "nsubj" and noun.head.lemma_.lower() == "be":
        preps += [c for c in noun.head.children if c.dep_ == "prep" and c.lower_ == "for"]
    goods = _named_goods(ctx, noun) or last.object
    out = []
    for prep in preps:
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            for key, token in _listed(ctx, obj):
                if key == last.subject:
                    continue
                out.append(ctx.fact(last.subject, Predicate.EXPORTS, [noun, ctx.mention(token)],
                                    rule="flow-increases", confidence=CONFIDENCE, object=goods,
                                    partner=key, forecast=False, **_dated(None, last)))  # fmt: skip
    return out


def _named_goods(ctx: Context, noun: Token) -> str | None:
    """The goods the sentence names before the buyer or increase noun, when it names one:
    "Sales activity in rye resulted in increases for Peru" are rye's, whatever the flow
    counted last (a sentence may name goods it gives no figure of)."""
    named = {k for t in noun.doc[noun.sent.start : noun.i] if (k := ctx.key(t, PRODUCTS))}
    return named.pop() if len(named) == 1 else None


def _listed(ctx: Context, side: Token | None, *, destinations: bool = False) -> list[tuple[str, Token]]:
    """The countries a side names as a list: "South Korea, Japan, Taiwan and Thailand"; with
    ``destinations`` (where an exporter's goods go) parts of the world too ("Africa")."""
    out: list[tuple[str, Token]] = []
    if side is None:
        return out
    for token in [side, *side.conjuncts]:
        key = ctx.key(token, COUNTRY) or ctx.key(token, _PLACE)
        if key is not None and ctx.type(key) is EntityType.PLACE and not is_territory(ctx, key) \
                and not (destinations and _world_region(ctx, key)):
            continue  # a city buys nothing on its own account
        if key is not None and key not in (k for k, _ in out):
            out.append((key, token))
    return out


def _world_region(ctx: Context, key: str) -> bool:
    """A part of the world ("Africa", "Latin America"): a destination, though no trader."""
    return bool({n.lower() for n in ctx.table.entities[key].all_names} & flow_words("world_regions"))


def _listed_until(ctx: Context, first: Token, end: Token) -> list[tuple[str, Token]]:
    """The countries named from ``first`` up to ``end``."""
    out: list[tuple[str, Token]] = []
    for token in ctx.doc[first.i : end.i]:
        key = ctx.key(token, COUNTRY)
        if key is not None and key not in (k for k, _ in out):
            out.append((key, token))
    return out


def _own_period(ctx: Context, noun: Token) -> Period | None:
    """The period the buyer phrase (or the supplier clause) names: "buyers for the 1987/88
    season", "was the main supplier ... last year"."""
    span = ctx.doc[noun.i if noun.pos_ == "NOUN" else noun.left_edge.i : noun.right_edge.i + 1]
    found = find_periods(span.text, ctx.article.published)
    return found[0] if found else None


def _clause_period(ctx: Context, verb: Token) -> Period | None:
    """ "Major buyers last month were Spain and Italy", "the main buyers this season have been
    ...": a time the copula itself is dated by (a bare noun phrase of time beside it)."""
    for c in verb.children:
        if c.dep_ == "npadvmod":
            found = find_periods(ctx.doc[c.left_edge.i : c.right_edge.i + 1].text, ctx.article.published)
            if found:
                return found[0]
    return None


def _stated_flow(last: Fact, facts: list[Fact]) -> Fact:
    """The flow its sentence states first: "exported 2,500 tonnes in June, up from 2,100 in May
    and 1,900 a year ago" is June's flow; the figures after it are comparisons."""
    return next((f for f in facts if f.sentence == last.sentence and f.subject == last.subject
                 and f.predicate is last.predicate and f.object == last.object), last)  # fmt: skip


def _dated(period: Period | None, last: Fact) -> dict[str, str | None]:
    if period is not None:
        return dict(period=period.text, period_start=period.start, period_end=period.end)
    if last.forecast:
        # "is pledging to export 4.6 mln cubic meters in 1987 ... Africa and Asia are its main
        # fuel buyers": buyers stated as they are, no forecast, are not dated by one
        return {}
    return dict(period=last.period, period_start=last.period_start, period_end=last.period_end)


def _last_export(ctx: Context, sent: Span, facts: list[Fact]) -> Fact | None:
    """The exporter's counted flow stated last, in this sentence or a few before."""
    counted = [f for f in reversed(facts) if f.predicate is Predicate.EXPORTS and f.quantity is not None
               and f.object is not None]  # fmt: skip
    if not counted:
        return None  # most sentences: no walk back over the sentences before (Token.sent costs)
    floor = sentences_back(ctx.doc, sent.start, _NEAR)
    lo, hi = ctx.doc[floor].idx + ctx.offset, sent.end_char + ctx.offset
    return next((f for f in counted if lo <= f.start < hi), None)


__all__ = ["buyer_facts", "market_facts", "ranked_supplier_facts"]
