"""Goods a unit names: a figure in bushels counts grain or oilseeds, one in bales fibres. Where
a figure's clause names no goods and the goods it would carry from before are of another kind
("U.S. exports fall to 10 mln bushels a week" in a story about coffee and soybeans), the
figure counts the goods of the unit's kind named last, or none. A figure whose unit is itself
goods counted one by one ("exports included 361,285 cars") counts those goods."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.counted_goods import counted_one_by_one
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import Figure, flow_words

_UNIT_GOODS = {"bushel": "bushel_goods", "bushels": "bushel_goods", "bale": "bale_goods", "bales": "bale_goods"}


def goods_for_unit(ctx: Context, anchor: Token, unit: str | None, carried: str | None) -> str | None:
    """``carried`` where the unit names no kind of goods or ``carried`` is of its kind; else
    the goods of that kind named last before ``anchor``, or None."""
    kind = _UNIT_GOODS.get((unit or "").split(" ")[-1])
    if kind is None or carried is None:
        return carried
    words = flow_words(kind)
    if _of_kind(ctx, carried, words):
        return carried
    named = [(end, key) for key, spans in ctx.table.spans.items()
             if key in ctx.table.entities and ctx.type(key) in PRODUCTS and _of_kind(ctx, key, words)
             for _, end in spans if end <= anchor.i]  # fmt: skip
    return max(named)[1] if named else None


def counted_unit_goods(ctx: Context, figure: Figure) -> str | None:
    """ "Vehicle exports fell to 530,066 ... February exports included 361,285 cars": the goods
    a figure's unit names where the unit is goods counted one by one that the story names as
    goods there, not the goods the story spoke of before ("vehicle")."""
    if figure.unit is None or figure.end <= figure.start or not counted_one_by_one(figure.unit):
        return None
    unit = ctx.doc[figure.end - 1]
    return ctx.key(unit, PRODUCTS) if unit.lower_ == figure.unit.split(" ")[-1].lower() else None


def _of_kind(ctx: Context, key: str, words: frozenset[str]) -> bool:
    entity = ctx.table.entities[key]
    return any(w in words for name in (entity.label, *entity.names) for w in name.lower().split())
