"""Goods written between a count and the vessel-load unit it counts: "bought two white sugar
cargoes", "taking five raws cargoes". Market reports name the goods as a modifier of
"cargoes" as often as after it ("two cargoes of white sugar"); the count is then in cargoes
all the same, and the goods are the words between."""

from __future__ import annotations

from spacy.tokens import Doc

from kg.nlp.lexicon import product_kind
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words

# At most this many goods words stand between the count and the unit ("white sugar", "rbd
# palm olein"); more is a phrase of its own, not the goods of one unit.
_MOST_GOODS_WORDS = 3
# The parse of such a run is unreliable ("sugar" may come out as the subject of "cargoes",
# tagged a verb), so the words are judged by their form: plain lowercase content words.
_GOODS_TAGS = frozenset({"NOUN", "ADJ", "PROPN", "VERB"})


def goods_before_cargo_unit(doc: Doc, k: int, end: int) -> int | None:
    """Where the cargo unit noun stands when the one to three words from ``k`` are goods
    words before it ("white sugar cargoes"); None otherwise. Only lowercase content words:
    "two U.S. cargoes" names an origin, "two more cargoes" no goods, "two cargoes" none at all."""
    units = flow_words("cargo_units")
    for m in range(k + 1, min(k + 1 + _MOST_GOODS_WORDS, end)):
        if doc[m].lower_ in units:
            return m if all(t.is_alpha and t.is_lower and not t.is_stop and t.pos_ in _GOODS_TAGS
                            and t.lower_ not in units for t in doc[k:m]) else None
        if not doc[m].is_alpha:
            return None
    return None


def cargo_goods(ctx: Context, number_end: int, unit_end: int) -> str | None:
    """The product the words between a count and its cargo unit name ("two white sugar
    cargoes": white sugar), or None where no words stand there or they name no product."""
    doc = ctx.doc
    if unit_end - number_end < 2 or doc[unit_end - 1].lower_ not in flow_words("cargo_units"):
        return None
    words = doc[number_end : unit_end - 1]
    keys = {ctx.key(t, PRODUCTS) for t in words}
    if len(keys) == 1 and None not in keys:
        return keys.pop()
    # the parse of such a run often keeps the words out of any mention: then the goods the
    # story names elsewhere by the same words ("white sugar ... two white sugar cargoes")
    if keys != {None}:
        return None
    text = " ".join(t.text for t in words)
    return ctx.key_by_name(text, PRODUCTS) or _same_kind(ctx, text)


def _same_kind(ctx: Context, text: str) -> str | None:
    """The one product of the story of the kind the words name ("raws" are sugar: the story's
    sugar), if the story names exactly one of that kind."""
    kind = product_kind(text)
    if kind is None:
        return None
    found = {key for key, entity in ctx.table.entities.items() if entity.type in PRODUCTS
             and any(product_kind(name) == kind for name in (entity.label, *entity.names))}
    return found.pop() if len(found) == 1 else None
