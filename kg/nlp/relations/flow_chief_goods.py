"""Figureless flows a copula states by naming a trader's chief goods: "Copper is Zambia's
main export", "Herbal medicine and textiles were among China's chief exports to Taiwan",
"Japan's biggest import from Australia is coal".

One side of "be" is goods, the other a trade noun a trader owns ("Zambia's", "its" for the
trader named last, "U.S." or a demonym before the noun); each good is one flow of the trader,
with the partner the noun names ("to Taiwan") and the period the clause names, a forecast
where a modal puts it ahead ("will remain Zambia's main export"). Only a noun that stands on
its own counts: "export earnings", "export quota" or "the main export crop" name no goods
traded, and a negation ("is no longer Zambia's main export") states none. The flow adds
nothing where the story gives its figure (``flow-goods`` readings give way to counted ones).
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import Fact, Predicate
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import TRADE_PLACES, flow_words
from kg.nlp.relations.periods import find_periods
from kg.nlp.relations.trader_keys import recent_trader, trader_or_nation

CONFIDENCE = 0.7
RULE = "flow-goods"  # a figureless reading: it gives way where the article counts the flow
_COPULAS = frozenset({"be", "remain", "become"})


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    nouns = flow_words("export_nouns") | flow_words("import_nouns")
    for i in ctx.parse.with_words(0, len(ctx.doc), nouns):
        noun = ctx.doc[i]
        if noun.pos_ != "NOUN" or noun.lower_ not in flow_words("chief_goods_nouns"):
            continue
        if noun.dep_ == "appos":
            verb, goods = noun.head, _listed(ctx, noun.head)  # "copper, its main export"
        elif (verb := _copula(noun)) is not None and not _negated(verb):
            goods = _goods_side(ctx, noun, verb)
        else:
            continue
        trader = _owner(ctx, noun) if goods else None
        if trader is None:
            continue
        exports = noun.lower_ in flow_words("export_nouns")
        partner = _partner(ctx, noun, trader, exports=exports)
        clause = ctx.doc[noun.left_edge.i : noun.right_edge.i + 1] if noun.dep_ == "appos" \
            else ctx.doc[verb.left_edge.i : verb.right_edge.i + 1]
        found = find_periods(clause.text, ctx.article.published)
        dated = dict(period=found[0].text, period_start=found[0].start, period_end=found[0].end) if found else {}
        forecast = noun.dep_ != "appos" and any(c.dep_ == "aux" and c.lower_ in flow_words("forecast_modals")
                                                for c in verb.children)
        predicate = Predicate.EXPORTS if exports else Predicate.IMPORTS
        for key, token in goods:
            if key == trader:
                continue
            out.append(ctx.fact(trader, predicate, [ctx.mention(token), noun], rule=RULE, confidence=CONFIDENCE,
                                object=key, partner=partner, forecast=forecast, **dated))
    return out


def _copula(noun: Token) -> Token | None:
    """The "be" whose one side the trade noun is: its complement ("is Zambia's main export"),
    the object of "among" after it ("were among China's chief exports"), or its subject
    ("Japan's biggest import is coal")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "among" and head.dep_ == "prep":
        head = head.head
    elif noun.dep_ not in ("attr", "nsubj"):
        return None
    return head if head.lemma_.lower() in _COPULAS and head.pos_ in ("AUX", "VERB") else None


def _negated(verb: Token) -> bool:
    """ "is not", "is no longer": the goods are not (or no more) the trader's chief flow."""
    return any(c.dep_ == "neg" or c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
               for c in verb.children)  # fmt: skip


def _goods_side(ctx: Context, noun: Token, verb: Token) -> list[tuple[str, Token]]:
    """The goods on the other side of "be", each of a list ("Herbal medicine and textiles");
    none when that side is anything else ("Exports are Zambia's main ...")."""
    dep = "attr" if noun.dep_ == "nsubj" else "nsubj"
    side = next((c for c in verb.children if c.dep_ == dep and c.i != noun.i), None)
    return _listed(ctx, side) if side is not None else []


def _listed(ctx: Context, side: Token) -> list[tuple[str, Token]]:
    out: list[tuple[str, Token]] = []
    for token in (side, *side.conjuncts):
        key = ctx.key(token, PRODUCTS)
        if key is None:
            return []  # "Coffee and services": a side that is not all goods names no one flow
        if key not in (k for k, _ in out):
            out.append((key, token))
    return out


def _owner(ctx: Context, noun: Token) -> str | None:
    """Whose trade the noun is: a possessor ("Zambia's", "its" for the trader named last) or
    a trader or demonym before it ("the largest U.S. export", "the main Kenyan export")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            return recent_trader(ctx, child, sentences=1)
        if child.dep_ in ("poss", "compound", "nmod", "amod") and (key := trader_or_nation(ctx, child)):
            return key
    # "the main export of Colombia"
    return next((k for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj" if (k := trader_or_nation(ctx, o))), None)  # fmt: skip


def _partner(ctx: Context, noun: Token, trader: str, *, exports: bool) -> str | None:
    """ "chief exports to Taiwan", "biggest import from Australia": the place the noun's own
    preposition names."""
    preps = flow_words("partner_export") if exports else flow_words("partner_import")
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if (key := ctx.key(obj, TRADE_PLACES)) is not None and key != trader:
                return key
    return None


__all__ = ["extract"]
