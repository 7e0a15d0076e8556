"""The goods of a flow: the product its trade word names ("coffee exports", "exports of
CPO"), the other goods a figure may count, and goods the clause excludes ("non-oil")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_words
from kg.nlp.goods import GENERIC_GOODS, exemplified_goods, goods_flow
from kg.nlp.goods_market_words import market_word
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import HEDGES, TRADE_PLACES, Figure, Flow, flow_noun, flow_words
from kg.nlp.relations.goods_lists import goods_list
from kg.nlp.relations.trader_keys import trader_key


def _delivery_time(token: Token) -> bool:
    """ "May arrival", "April shipment" before the goods a figure counts: when they go."""
    doc = token.doc
    arrival = flow_words("delivery_nouns") | {"arrival", "loading"}
    return token.lower_ in arrival or token.lower_ in rule_words("dates", "months") \
        and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in arrival


def other_goods(ctx: Context, figure: Figure, goods: str | None) -> bool:
    """A figure that counts other goods than the flow's: "tonnes of alumina" where alumina
    is no product the text named, or "and barley around 4.50 mln" after the flow's goods."""
    doc = ctx.doc
    if figure.end + 1 < len(doc) and doc[figure.end].lower_ == "of":
        counted = doc[figure.end + 1]
        while counted.i + 1 < len(doc) and ctx.key(counted, PRODUCTS) is None and (
                counted.pos_ in ("ADJ", "DET") or ctx.country_of_demonym(counted) or counted.text == "."
                or counted.is_space or counted.lower_ in flow_words("campaign_words")  # "of current series white sugar"
                or _delivery_time(counted)  # "of May arrival white sugar"
                or market_word(counted)  # "of free market barley"
                or _modifies_goods(ctx, counted)):  # "of optional origin sunflowerseed oil"
            counted = doc[counted.i + 1]  # "tonnes of U.S. durum wheat": the goods, not their origin
        key = ctx.key(counted, PRODUCTS)
        if counted.pos_ in ("NOUN", "PROPN") and key is None:
            return True
        last = ctx.mention(counted).root if key is not None else counted
        if key is not None and last.dep_ == "compound" and last.head.i > last.i and last.head.pos_ == "NOUN" \
                and ctx.key(last.head, PRODUCTS) is None and not goods_flow(last.head):
            # "tonnes of soybean oil" where only soybeans are named: other goods ("tonnes of
            # barley export licences" still count barley)
            return True
    hedges = rule_words("numbers", "approximate") | rule_words("numbers", "upper")
    i = figure.start - 1
    while i >= 0 and doc[i].lower_ in hedges:
        i -= 1
    if i >= 1 and doc[i].pos_ == "NOUN" and doc[i - 1].lower_ in ("and", ",", "while") \
            and ctx.key(doc[i], PRODUCTS) != goods:
        return True
    return False


def _modifies_goods(ctx: Context, token: Token) -> bool:
    """A noun that only qualifies the goods named after it: "optional origin" in "tonnes of
    optional origin sunflowerseed oil", "feed quality" in "feed quality wheat". The parse hangs
    it, as a compound or modifier, on the goods' head; another noun ("tonnes of steel pipe")
    heads a phrase of its own."""
    if token.pos_ != "NOUN" or token.dep_ not in ("compound", "amod", "nmod") or token.head.i <= token.i:
        return False
    head = token.head
    while head.dep_ in ("compound", "amod", "nmod") and head.head.i > head.i:
        head = head.head  # "optional origin sunflowerseed oil": up to "oil"
    return ctx.key(head, PRODUCTS) is not None and head.i - token.i <= 3


_VALUE_WORDS = frozenset({"worth", "valued"})


def valued_goods(ctx: Context, figure: Figure, *, after: int | None = None) -> str | None:
    """The goods a value names before it: "bought wheat worth 8.5 mln dlrs", "the corn,
    valued at 1.5 mln". With ``after`` (the end of the figure before), only an item of a
    list: "..., the corn, valued at 1.5 mln, and the tallow, valued at 2.0 mln dlrs"."""
    doc = ctx.doc
    i = figure.start - 1
    while i > 0 and doc[i].lower_ in HEDGES:
        i -= 1
    if i > 0 and doc[i].lower_ == "at" and doc[i - 1].lower_ == "valued":
        i -= 1
    if i < 1 or doc[i].lower_ not in _VALUE_WORDS:
        return None
    i -= 1
    if doc[i].text == ",":
        i -= 1
    goods = ctx.key(doc[i], PRODUCTS) if i >= 0 else None
    if goods is None:
        return None
    if after is None:
        return goods
    first = i
    while first - 1 >= after and ctx.key(doc[first - 1], PRODUCTS) == goods:
        first -= 1  # "soft red winter wheat"
    joint = [t.lower_ for t in doc[after:first]]
    return goods if joint and joint[0] in (",", "and") and all(w in (",", "and", "the") for w in joint) else None


def next_goods(ctx: Context, after: int, figure: Figure) -> str | None:
    """The goods a figure after "and" or a comma counts: "... and 150,000 tonnes of maize",
    ", 6,000 tonnes rbd palm olein"; or after a dash, the parts of a total: "sales totaled
    9,000 tonnes -- 4,000 tonnes of wheat and 5,000 tonnes of corn"."""
    doc = ctx.doc
    joint = doc[after : figure.start]
    while len(joint) > 1 and joint[-1].lower_ in HEDGES:
        joint = joint[:-1]  # "..., about 15,000 tonnes of corn": a hedge opens the item
    # "200,000 tonnes of soft wheat and 150,000 tonnes of maize": the first figure's goods, then "and"
    # "33,000 tons of sorghum and/or 22,000 tons of corn": a tender's alternative goods, each
    # a figure it asks for, read as "and" is
    if not 1 <= len(joint) <= 8 or joint[-1].lower_ not in ("and", ",", "--", "—", "and/or") or any(
            t.like_num or t.pos_ in ("VERB", "AUX") or t.lower_ in flow_words("comparison_words") and not _origin(ctx, t)
            for t in joint):
        return None
    i = figure.end + 1 if figure.end < len(doc) and doc[figure.end].lower_ == "of" else figure.end
    while i < len(doc) and ctx.key(doc[i], PRODUCTS) is None and (
            doc[i].pos_ in ("ADJ", "DET") or ctx.country_of_demonym(doc[i]) or doc[i].text == "."
            or market_word(doc[i])):
        i += 1  # "of U.S. corn", "of Brazilian soybeans", "of free market barley"
    return ctx.key(doc[i], PRODUCTS) if i < len(doc) else None


def _origin(ctx: Context, word: Token) -> bool:
    """ "of wheat from Italy and ...": "from" naming where goods come from, no figure compared with."""
    doc = word.doc
    at = word.i + 1 + (word.i + 1 < len(doc) and doc[word.i + 1].lower_ == "the")
    return word.lower_ == "from" and at < len(doc) and ctx.key(doc[at], TRADE_PLACES) is not None


def gapped_goods(ctx: Context, after: int, figure: Figure) -> str | None:
    """The goods a gapped clause names before its figure: ", and barley to 2.96 mln",
    "and barley exports at 1.2 mln": the verb and the trade word left out or repeated."""
    doc = ctx.doc
    joint = [t for t in doc[after : figure.start] if not t.is_space]  # "and barley to\n2.96 mln"
    if not 3 <= len(joint) <= 6 or joint[0].lower_ not in ("and", ","):
        return None
    # a bare name the tagger left out is still the story's goods of that name
    named = {t.i: ctx.key(t, PRODUCTS) or (ctx.key_by_name(t.text, PRODUCTS) if t.pos_ == "NOUN" else None)
             for t in joint}
    found = {k for k in named.values() if k is not None}
    rest = [t for t in joint if named[t.i] is None]
    filler = {"and", ",", "to", "at", "of", "were", "was", "totalled", "totaled"} | flow_words("export_nouns") \
        | flow_words("import_nouns") | HEDGES  # "and barley around 4.50 mln"
    return found.pop() if len(found) == 1 and all(t.lower_ in filler for t in rest) else None


def goods_of(ctx: Context, flow: Flow) -> str | None:
    """The product the flow is of: "coffee exports", "exports of CPO", "56,652 tonnes of
    rice", the goods a demand is for ("demand for imported ethylene")."""
    token = _goods_token(ctx, flow)
    return ctx.key(token, PRODUCTS) if token is not None else None


def listed_goods(ctx: Context, flow: Flow) -> list[str]:
    """The products of the list the flow's goods open ("crude oil and natural gas exports",
    "imports of seven mln tonnes of oilseeds, grains and dairy products"): its figures count
    the list together (``goods_lists``); empty when the goods stand alone."""
    token = _goods_token(ctx, flow)
    return goods_list(ctx, token) if token is not None else []


def _goods_token(ctx: Context, flow: Flow) -> Token | None:
    """The token of the product the flow is of (``goods_of``)."""
    anchor = flow.anchor
    doc = ctx.doc
    noun = flow_noun(anchor) if anchor.pos_ != "VERB" else anchor
    if flow.licensed and noun is anchor and anchor.dep_ == "compound" and anchor.head.lower_ in flow_words("licence_heads"):
        noun = anchor.head  # "123,000 tonnes of barley export licences": the licences name the goods
    for t in doc[noun.left_edge.i : noun.i]:
        if ctx.key(t, PRODUCTS) and not _negated_goods(ctx, t) and not _of_other_flow(ctx, t, anchor):
            return t
    # after the trade word only what it is of: "exports of CPO", "56,652 tonnes of rice",
    # "imported wheat"; not "excluding oil and wheat"
    for t in doc[anchor.i + 1 : flow.end]:
        if ctx.key(t, PRODUCTS) is None:
            continue
        head = ctx.mention(t).root
        if (head.dep_ == "pobj" and head.head.lower_ == "of") or (head.dep_ == "dobj" and head.head.i == anchor.i):
            return t
        if head.dep_ == "pobj" and head.head.lower_ == "in" and anchor.dep_ == "compound" \
                and head.head.head.i == anchor.head.i:
            return t  # "sales activity in cotton": the goods of the activity the trade word names
        if exemplified_goods(head) and _goods_of_flow(head.head.head, anchor):
            return t  # "exporting products like paper machinery": the first example
        if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.i == anchor.i \
                and anchor.lower_ in flow_words("imported_demand_heads"):
            return t  # "demand for imported ethylene"
    return None


def _goods_of_flow(noun: Token, anchor: Token) -> bool:
    """ "exporting products", "exports of commodities": the goods noun is what the trade word moves."""
    return noun.dep_ == "dobj" and noun.head.i == anchor.i \
        or noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.i == anchor.i


# Goods of any kind, the singular "good" too: "exports of goods" point back.
_GENERIC_GOODS = GENERIC_GOODS | {"good"}


def names_unread_goods(ctx: Context, flow: Flow) -> bool:
    """ "Imports of cocoa powder fell to 316 tonnes and exports to 5,944": the trade noun (or
    one before it in the sentence, with no goods named between) is of goods no product names,
    so its figures are theirs, not those of the goods named before. A noun with a determiner
    ("exports of the crop") or a generic one ("exports of goods") points back."""
    anchor = flow.anchor
    doc = ctx.doc
    nouns = flow_words("export_nouns") | flow_words("import_nouns")
    for t in reversed(doc[anchor.sent.start : anchor.i + 1]):
        if ctx.key(t, PRODUCTS) is not None:
            return False
        if t.pos_ == "NOUN" and t.lower_ in nouns and _of_unread_goods(ctx, t):
            return True
    return False


def _of_unread_goods(ctx: Context, noun: Token) -> bool:
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "NOUN"):
            words = {w for t in ctx.doc[obj.left_edge.i : obj.i + 1] for w in re.split(r"[/-]", t.lower_)}
            if not any(ctx.key(t, PRODUCTS) for t in ctx.doc[obj.left_edge.i : obj.i + 1]) \
                    and obj.lower_ not in _GENERIC_GOODS and not obj.like_num \
                    and not any(c.dep_ in ("det", "poss", "nummod") for c in obj.children) \
                    and not words & _product_heads(ctx):
                return True
    return False


def _product_heads(ctx: Context) -> set[str]:
    """The last words of the story's products' names: "beef/veal" (or "beef / veal") names beef."""
    return {name.lower().split()[-1] for e in ctx.table.entities.values() if e.type in PRODUCTS
            for name in e.names if name.strip()}  # fmt: skip


def _of_other_flow(ctx: Context, token: Token, anchor: Token) -> bool:
    """ "After complaints about its agricultural exports, the EC will import maize": goods
    before a trade verb that name another flow noun's goods are that flow's."""
    head = ctx.mention(token).root.head
    nouns = flow_words("export_nouns") | flow_words("import_nouns")
    return anchor.pos_ == "VERB" and head.i != anchor.i and head.lower_ in nouns


def _negated_goods(ctx: Context, token: Token) -> bool:
    """ "non-oil exports", "non-oil and gas exports": everything but the goods named."""
    start = ctx.mention(token).start
    if start >= 1 and ctx.doc[start - 1].lower_ in ("and", "or") and any(
            t.lower_ == "non" for t in ctx.doc[max(0, start - 5) : start]):
        return True
    return start >= 2 and ctx.doc[start - 1].text == "-" and ctx.doc[start - 2].lower_ == "non" \
        or start >= 1 and ctx.doc[start - 1].lower_ in ("non", "non-")


def part_of_trade(ctx: Context, flow: Flow) -> bool:
    """ "agricultural exports", "exports of farm products", "domestic exports", "re-exports":
    a part of the trader's trade, named by a word rather than by goods (``part_words``)."""
    anchor = flow.anchor
    doc = ctx.doc
    noun = flow_noun(anchor) if anchor.pos_ != "VERB" else anchor
    words = flow_words("part_words")
    if any(t.lower_ in words for t in doc[noun.left_edge.i : noun.i]):
        return True
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and doc[noun.i - 2].lower_ in words:
        return True  # "re-exports" split at its hyphen
    if noun.lower_.startswith("re-"):
        return True
    return any(t.lower_ in words for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree)


def carried_goods(ctx: Context, anchor: Token, *, story: str | None = None) -> str | None:
    """The goods named last, in this sentence or the one before, else the ``story``'s, for
    a figure whose clause names none; none when the last were named with other goods
    ("mutton and lamb"): the figure counts them all, not the last one named. Goods named last
    as one item of a breakdown, each with its own figure ("361,285 cars, 165,770 trucks and
    3,011 buses"), are a part: the figure after it counts the whole, the goods named before
    the breakdown ("vehicle exports"), else the story's."""
    key = ctx.recent(anchor, PRODUCTS, sentences=2)
    if key is None:
        return story
    start, end = max((s for s in ctx.table.spans[key] if s[1] <= anchor.i), key=lambda s: s[1])
    listed = ctx.doc[start].sent
    if _counted_item(ctx, start) and sum(1 for _, span in ctx.entity_mentions(PRODUCTS)
                                         if span.sent == listed and _counted_item(ctx, span.start)) > 1:
        return ctx.recent(ctx.doc[listed.start], PRODUCTS, sentences=3) or story  # as far back as a breakdown's total (flow_breakdowns)
    root = ctx.doc[start:end].root
    coordinated = [root.head] if root.dep_ == "conj" else []
    coordinated += [c for c in root.children if c.dep_ == "conj"]
    if any(ctx.key(t, PRODUCTS) not in (None, key) for t in coordinated):
        return None
    return key


def _counted_item(ctx: Context, start: int) -> bool:
    """The goods mention at ``start`` follows its own figure ("165,770 trucks")."""
    return start > 0 and ctx.doc[start - 1].like_num


def own_goods(ctx: Context, flow: Flow, trader: str, earlier: Sequence[Fact]) -> str | None:
    """ "The company exports its products to Japan and Africa", "Zambia sells its output to
    Britain": a trade verb's object that names the trader's own goods in general words stands
    for the goods the story already counted the trader's flow of, that way round; none where
    the story counted it in several goods (which of them goes where is not said)."""
    anchor = flow.anchor
    if anchor.pos_ != "VERB":
        return None
    obj = next((c for c in anchor.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lower_ not in flow_words("own_goods_nouns"):
        return None
    if not any(c.dep_ == "poss" and (c.lower_ in ("its", "their") or trader_key(ctx, c) == trader)
               for c in obj.children):  # fmt: skip
        return None  # "exports products to Japan": whose and which goods, unsaid
    same_way = (Predicate.EXPORTS, Predicate.EXPORT_VALUE) if flow.exports \
        else (Predicate.IMPORTS, Predicate.IMPORT_VALUE)
    counted = {f.object for f in earlier if f.subject == trader and f.predicate in same_way and f.object is not None}
    return counted.pop() if len(counted) == 1 else None
