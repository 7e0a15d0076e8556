"""Figureless flows a trader's title names: "Saudi Arabia, the world's biggest oil exporter",
"the sole tin exporter Thailand Smelting and Refining Co", "Japan, a major importer of
coal", or that "be" gives the trader as it is: "Ghana is the world's second largest exporter
of cocoa", "the island has become a major exporter of knitwear". The title says the trader
trades those goods: one flow, without a figure, partner or period; the examples it gives
("farm goods such as coffee and soybeans") each one more.

A title with no goods ("Brazil, a traditional exporter") names none, and one the trader
does not hold names none either: hedged ("a potential exporter"), denied ("is not an
exporter") or still to come ("could become a major exporter", "aims to be"). The flow adds
nothing where the story gives its figure (``flow-goods`` readings give way to counted ones).

A country's role in the world market reads the same way: "Zambia, the fifth largest supplier
of cobalt" exports it, "Kenya is the biggest buyer of Pakistani rice" imports it (from the
partner "to"/"from" names, if any). Only a country or territory holds these roles: a
company's supplier or buyer is its domestic trade ("Acme, a supplier of car parts").
"""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType, Fact, Predicate
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.trader_keys import is_territory, trader_key

CONFIDENCE = 0.7
RULE = "flow-goods"  # a figureless reading: it gives way where the article counts the flow


def extract(ctx: Context) -> list[Fact]:
    out: list[Fact] = []
    roles = flow_words("title_supplier_nouns") | flow_words("title_buyer_nouns")
    titles = flow_words("title_exporter_nouns") | flow_words("title_importer_nouns") | roles
    for i in ctx.parse.with_words(0, len(ctx.doc), titles):
        noun = ctx.doc[i]
        if noun.pos_ != "NOUN" or _hedged(noun):
            continue
        goods = _titled_goods(ctx, noun)
        trader = (_titled(ctx, noun) or _described(ctx, noun)) if goods else None
        role = noun.lower_ in roles
        if trader is None or role and not _national(ctx, trader):
            continue
        exports = noun.lower_ in flow_words("title_exporter_nouns") | flow_words("title_supplier_nouns")
        predicate = Predicate.EXPORTS if exports else Predicate.IMPORTS
        partner = _role_partner(ctx, noun, trader, exports) if role else None
        for item in goods:
            out.append(ctx.fact(trader, predicate, [noun], rule=RULE, confidence=CONFIDENCE, object=item,
                                partner=partner, forecast=False))
    return out


def _national(ctx: Context, key: str) -> bool:
    """A trader that may hold a market role: a country, or a territory trading as one."""
    return ctx.type(key) is EntityType.COUNTRY or ctx.type(key) is EntityType.PLACE and is_territory(ctx, key)


def _role_partner(ctx: Context, noun: Token, trader: str, exports: bool) -> str | None:
    """The country a supplier's goods go "to" ("the second largest supplier of oil to the
    United States"), or a buyer's come "from", or whose goods the buyer buys ("the biggest
    buyer of Indian iron ore")."""
    prep = "to" if exports else "from"
    country = frozenset({EntityType.COUNTRY})
    # (the parse may hang "to Spain" on the goods: "supplier of [oil to Spain]")
    for child in (c for c in noun.subtree if c.dep_ == "prep" and c.lower_ in (prep, "of")):
        for token in child.children:
            named = child.lower_ == prep and token.dep_ == "pobj"
            origin = not exports and child.lower_ == "of" and child.head == noun and token.dep_ == "pobj"
            words = [token] if named else [t for t in token.subtree if t.i < token.i] if origin else []
            for key in (ctx.key(t, country) for t in words):
                if key is not None and key != trader:
                    return key
    return None


def _titled_goods(ctx: Context, noun: Token) -> list[str]:
    """The goods the title names: before the noun ("oil exporter") or after "of" ("exporter
    of coal"); none when it names two ("oil and gas exporter" lists what no one fact holds),
    unless the others are the one's examples ("of farm goods such as coffee and soybeans")."""
    found = {k for t in ctx.doc[noun.left_edge.i : noun.i] if (k := ctx.key(t, PRODUCTS))}
    examples: list[str] = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        listed = {t.i for t in prep.subtree for a in t.children if _such_as(a) for t in a.subtree}
        found |= {k for t in prep.subtree if t.i not in listed and (k := ctx.key(t, PRODUCTS))}
        examples += [k for t in prep.subtree if t.i in listed and (k := ctx.key(t, PRODUCTS)) and k not in examples]
    return [found.pop(), *(k for k in examples if k not in found)] if len(found) == 1 else []


def _such_as(token: Token) -> bool:
    """ "such as" opening a list of examples: "as" with "such" before it (either way the parse
    hangs them)."""
    return token.dep_ == "prep" and token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such"


def _titled(ctx: Context, noun: Token) -> str | None:
    """The trader the title is set beside: the name it is in apposition to, either way
    round ("Saudi Arabia, the biggest oil exporter"; "the biggest oil exporter, Saudi
    Arabia"), or the name right after it ("tin exporter Thailand Smelting Co")."""
    if noun.dep_ == "appos" and (key := trader_key(ctx, noun.head)) is not None:
        return key
    for child in (c for c in noun.children if c.dep_ == "appos"):
        if (key := trader_key(ctx, child)) is not None:
            return key
    after = noun.i + 1
    if after < len(ctx.doc) and (key := trader_key(ctx, ctx.doc[after])) is not None \
            and ctx.mention(ctx.doc[after]).start == after:
        return key
    return None


def _described(ctx: Context, noun: Token) -> str | None:
    """The trader "be" (or "become", "remain") gives the title to, as it is: "Ghana is the
    world's second largest exporter of cocoa"; none where a modal or a verb above puts it
    ahead ("could become", "aims to be a major exporter")."""
    verb = noun.head
    if noun.dep_ != "attr" or verb.lemma_.lower() not in _BEING or verb.dep_ in ("xcomp", "advcl") \
            or any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") or c.dep_ == "mark" for c in verb.children):
        return None  # "could become", "expects it to become", "if it is", "aims to be"
    if any(c.lower_ in flow_words("title_hedges") or c.lower_ == "longer" and any(g.dep_ == "neg" for g in c.children)
           for c in verb.children):  # fmt: skip
        return None  # "was formerly a major exporter", "is no longer an exporter"
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return trader_key(ctx, subject) if subject is not None else None


_BEING = frozenset({"be", "become", "remain"})


def _hedged(noun: Token) -> bool:
    """ "a potential oil exporter", "no longer a wheat exporter": a title the trader does
    not hold."""
    return any(c.lower_ in flow_words("title_hedges") or c.dep_ == "neg" for c in noun.children) \
        or any(c.dep_ == "neg" for c in noun.head.children)


__all__ = ["extract"]
