"""Suppliers an importer's story ranks, each with its own figure.

Stories of a country's imports rank who supplies it: "Peru is Chile's second biggest zinc
supplier, with an average 12,000 tonnes a month. Bolivia is the main supplier with 20,000
tonnes. Argentina comes third, with 5,000 tonnes." Each supplier exports the goods to the
importer, the figure its own. The first sentence names the importer (the supplier noun's
possessor); the sentences right after it may leave the importer and the goods out ("is the
main supplier", "comes third"), and take those of the sentence before.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import COUNTRY, PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words, reporting
from kg.nlp.relations.flow_figure_units import is_number, unit_at
from kg.nlp.relations.quantities import parse_quantity

CONFIDENCE = 0.7
# Verbs that rank a supplier without naming the role again: "Argentina comes third".
_RANKING_VERBS = frozenset({"come", "rank"})


@dataclass(frozen=True)
class Supplied:
    """The importer and goods of the last supplier sentence, and that sentence's index."""

    buyer: str
    goods: str | None
    sentence: int


def supplier_facts(ctx: Context, sent: Span, index: int, last: Supplied | None,
                   imported: Supplied | None = None) -> tuple[list[Fact], Supplied | None]:  # fmt: skip
    """The export to its importer of the supplier ``sent`` ranks with a figure, and the
    importer and goods the next sentence may take; ``last`` is the previous sentence's.
    ``imported`` is the import the story stated just before, whose importer and goods a
    supplier named by its share takes ("China is the main supplier with a 79 pct share")."""
    root = sent.root
    if reporting(root):
        # "China is the main supplier ..., it said": the clause reported
        root = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), root)
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    supplier = ctx.key(subject, COUNTRY)
    if supplier is None:
        return [], None
    following = last if last is not None and index - last.sentence == 1 else None
    noun = next((c for c in root.children if c.dep_ == "attr" and c.lower_ in flow_words("supplier_nouns")), None)
    if noun is not None:
        buyer = next((k for c in noun.children if c.dep_ == "poss" if (k := ctx.key(c, COUNTRY))), None)
        goods = _goods(ctx, noun)
        if buyer is None and following is not None:
            buyer, goods = following.buyer, goods or following.goods  # "Iraq is the main supplier"
        elif buyer is None and imported is not None:
            # the importer the story just named; a figure there is that import's share, read
            # by the share rule of kg.nlp.relations.flow_shares ("was the main supplier with
            # 30,000 tonnes"): only a supplier without one is read here
            if _figure(ctx, sent, noun.i + 1) is not None:
                return [], None
            buyer, goods = imported.buyer, goods or imported.goods
        elif buyer is not None and goods is None:
            goods = ctx.recent(noun, PRODUCTS, sentences=4)  # "Brazil's second biggest supplier"
    elif following is not None and root.lemma_.lower() in _RANKING_VERBS:
        buyer, goods, noun = following.buyer, following.goods, root  # "China comes third, with 58,000 bpd"
    else:
        return [], None
    if buyer is None or buyer == supplier:
        return [], None
    figure = _figure(ctx, sent, noun.i + 1)
    if figure is None:
        return _by_share(ctx, sent, root, subject, supplier, buyer, goods), None
    value, unit, start, end = figure
    fact = ctx.fact(supplier, Predicate.EXPORTS, [ctx.mention(subject), ctx.doc[start:end]], rule="flow-suppliers",
                    confidence=CONFIDENCE, object=goods, quantity=value, unit=unit, partner=buyer, forecast=False)
    return [fact], Supplied(buyer=buyer, goods=goods, sentence=index)


def _by_share(ctx: Context, sent: Span, root: Token, subject: Token, supplier: str, buyer: str,
              goods: str | None) -> list[Fact]:  # fmt: skip
    """ "China is the main supplier with a 79 pct share, while the U.S. provides the rest":
    suppliers named by their share of the importer's goods, each a figureless import from
    it (no share, no fact: "Iraq is a supplier" alone ranks nothing)."""
    words = {t.lower_ for t in sent}
    if goods is None or not words & flow_words("supplier_share_words"):
        return []
    sources = [(supplier, subject)]
    # "..., while the U.S. provides the rest": another supplier, in a clause of its own
    for clause in (c for c in root.children if c.dep_ in ("advcl", "conj") and c.lemma_.lower() in flow_words("supply_verbs")):
        for s in (c for c in clause.children if c.dep_ == "nsubj"):
            if (k := ctx.key(s, COUNTRY)) is not None and k not in (buyer, supplier):
                sources.append((k, s))
    return [ctx.fact(buyer, Predicate.IMPORTS, [ctx.mention(token)], rule="flow-supplier-share",
                     confidence=CONFIDENCE - 0.1, object=goods, partner=key, forecast=False)
            for key, token in sources]  # fmt: skip


def _goods(ctx: Context, noun: Token) -> str | None:
    """ "oil supplier": the goods that modify the supplier noun, by entity or by name."""
    for c in noun.children:
        if c.dep_ in ("compound", "nmod", "amod"):
            if (key := ctx.key(c, PRODUCTS) or ctx.key_by_name(c.text, PRODUCTS)) is not None:
                return key
    return None


def _figure(ctx: Context, sent: Span, start: int) -> tuple[object, str, int, int] | None:
    """The first figure with a unit after ``start`` ("with an average 115,000 bpd"): value,
    unit and tokens; none for a share ("with 30 pct") or a figure without a unit."""
    doc = ctx.doc
    j = next((t.i for t in doc[start : sent.end] if t.like_num and is_number(t) and t.ent_type_ != "DATE"), None)
    if j is None:
        return None
    k = j + 1
    while k < sent.end and doc[k].lower_ in lexicon("numbers")["scales"]:
        k += 1
    quantity = parse_quantity(doc[j:k].text)
    unit, end = unit_at(doc, k, sent.end)
    if quantity is None or unit is None:
        return None
    return quantity.value, unit, j, end


__all__ = ["Supplied", "supplier_facts"]
