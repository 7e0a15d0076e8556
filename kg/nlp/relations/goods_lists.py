"""One figure for a list of goods: "4.56 billion crowns of crude oil and natural gas
exports", "seven mln tonnes of oilseeds, grains and dairy products".

A fact has one object, so such a figure is no fact of the list's first good (the gold
format's "one figure for two products"): a value covers the list and is written without an
object; a quantity is no one good's, so each good is read as traded without a figure, unless
"each" gives the quantity to every good ("25,000 tonnes each of wheat and barley").
Adjectives joined before one noun ("soluble and green coffee") name forms of one good, not a
list.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from kg.nlp import lexicon
from kg.nlp.datafiles import rule_data
from kg.nlp.goods import SCALE_WORDS
from kg.nlp.relations.base import PRODUCTS, Context

# Heads that name goods of any kind ("dairy products", "other commodities").
_GOODS_HEADS = frozenset({"product", "goods", "commodity", "item", "material"})
_JOINERS = frozenset({",", "and", "or"})


def goods_list(ctx: Context, token: Token) -> list[str]:
    """The products of the list the goods at ``token`` belong to, in text order; empty when
    they stand alone. The list is read from the words, which the parse often joins wrongly:
    goods after ", " or "and"/"or", up to the last joined by "and" or "or". Goods nouns of
    the list that are no product entity ("grains") make it a list all the same; goods with a
    figure of their own ("16,000 ventilators and 3 mln masks") make none."""
    mention = ctx.mention(token)
    if _counted(mention):
        return []
    doc = ctx.doc
    keys = [k] if (k := ctx.key(token, PRODUCTS)) is not None else []
    if mention.start >= 2 and doc[mention.start - 1].lower_ in ("and", "or") \
            and (before := _goods_before(ctx, mention.start - 1)) is not None and not _counted(before):
        # "copper and molybdenum exports", where the flow noun's phrase holds the last item only
        keys = [k for k in (ctx.key(before.root, PRODUCTS), *keys) if k is not None]
        return list(dict.fromkeys(keys))
    listed, joined = [], False
    i = mention.end
    while i + 1 < len(doc) and doc[i].lower_ in _JOINERS:
        joined = joined or doc[i].lower_ != ","
        i += 1
        if doc[i].lower_ in ("and", "or"):  # ", and"
            joined, i = True, i + 1
        item = _goods_at(ctx, i)
        if item is None:
            break
        if _counted(item):
            return []
        listed.append(item)
        i = item.end
    if not listed or not joined:
        return []
    keys += [k for item in listed if (k := ctx.key(item.root, PRODUCTS)) is not None]
    return list(dict.fromkeys(keys))


def each_after(doc: Doc, end: int) -> bool:
    """ "25,000 tonnes each of wheat and barley", "25,000 tonnes of wheat and barley each":
    "each" soon after the figure ending before ``end``, before any verb, comma or number."""
    for t in doc[end : min(end + 8, len(doc))]:
        if t.lower_ == "each":
            return True
        if t.is_punct or t.pos_ in ("VERB", "AUX") or t.like_num:
            return False
    return False


def _goods_at(ctx: Context, i: int) -> Span | None:
    """The goods named from token ``i`` on: a product mention, or adjectives and nouns that
    are no entity, no trade word and no measure ("dairy products"); none for anything else."""
    doc = ctx.doc
    if ctx.key(doc[i], PRODUCTS) is not None:
        return ctx.mention(doc[i])
    end = i
    while end < len(doc) and doc[end].pos_ in ("ADJ", "NOUN", "NUM") and ctx.key(doc[end]) is None \
            and doc[end].lower_ not in _trade_nouns():
        end += 1
    return doc[i:end] if end > i and _plain_goods(doc[i:end]) else None


def _goods_before(ctx: Context, end: int) -> Span | None:
    """The goods named right before token ``end``: a product mention, or adjectives and
    nouns that are no entity, no trade word and no measure."""
    doc = ctx.doc
    if ctx.key(doc[end - 1], PRODUCTS) is not None:
        return ctx.mention(doc[end - 1])
    start = end
    while start > 0 and doc[start - 1].pos_ in ("ADJ", "NOUN") and ctx.key(doc[start - 1]) is None \
            and doc[start - 1].lower_ not in _trade_nouns():
        start -= 1
    goods = doc[start:end]
    return goods if _plain_goods(goods) else None


def _plain_goods(words: Span) -> bool:
    """Words ending in a noun that names goods ("grains", "dairy products"), none of them a
    measure, and not the subject of a clause of their own ("barley, and buyers rejected")."""
    nouns = [t for t in words if t.pos_ == "NOUN"]
    if not nouns or words[-1].pos_ != "NOUN" or words.root.dep_ in ("nsubj", "nsubjpass"):
        return False
    lemmas = {t.lemma_.lower() for t in words}
    if lemmas & (lexicon.goods_measures() | lexicon.bulk_measures()):
        return False
    return bool(lemmas & (lexicon.product_heads() | lexicon.commodity_heads() | lexicon.product_terms() | _GOODS_HEADS))


def _counted(goods: Span) -> bool:
    """Goods counted by a number of their own ("16,000 ventilators", "3 mln masks")."""
    doc = goods.doc
    return any(t.like_num for t in goods) or goods.start > 0 and doc[goods.start - 1].like_num \
        or goods.start > 1 and doc[goods.start - 1].lower_ in SCALE_WORDS and doc[goods.start - 2].like_num


@lru_cache(maxsize=1)  # asked for per word of a list: built once
def _trade_nouns() -> frozenset[str]:
    # read from the data, not from flow_clause, which imports trade, which imports this
    flows = rule_data("trade")["flows"]
    return frozenset(w.lower() for key in ("export_nouns", "import_nouns", "purchase_nouns") for w in flows[key])


__all__ = ["each_after", "goods_list"]
