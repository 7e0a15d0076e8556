"""The unit of a flow's plain number, a figure the text writes with no unit word: the
unit of the same trader's same goods counted earlier in the story ("VTR exports fell to 1.73
mln sets ... and those to the EC fell to 232,275"), or earlier in the flow's sentence
("coffee output will rise to 5.8 mln bags, but exports dip to 4.8 mln"), or, for goods
counted one by one, a count with no unit ("car exports eased to 222,000 in February")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from kg.model import Fact
from kg.nlp.counted_goods import counted_one_by_one
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import PRODUCTS, Context
from kg.nlp.relations.flow_clause import flow_words


@dataclass(frozen=True)
class Count:
    """The unit a plain number of the flow takes; ``None`` for a count of the goods."""

    unit: str | None


def plain_number_unit(ctx: Context, trader: str | None, goods: str | None, earlier: Sequence[Fact], *,
                      before: Span | None = None) -> Count | None:
    """What a plain number of the flow of ``goods`` by ``trader`` counts, if the story says
    (``goods`` None: the flow names none, and takes those the trader's last figure counted);
    ``before`` is the flow's sentence up to its trade word."""
    if trader is None:
        return None
    for fact in reversed(earlier):
        if fact.subject == trader and fact.object == goods and fact.quantity is not None:
            return Count(fact.unit)  # the unit the story already counts these goods in
        if goods is None and fact.subject == trader and fact.quantity is not None:
            # "Shipments to China fell to 39,858": no goods named, those of the trader's last figure
            return Count(fact.unit)
    if before is not None and (unit := _unit_before(before)) is not None \
            and any((k := ctx.key(t, PRODUCTS)) and k == (goods or k) for t in before):
        return Count(unit)  # "coffee output will rise to 5.8 mln bags, but exports dip to 4.8 mln"
    return Count(None) if goods is not None and _counted_one_by_one(ctx, goods) else None


def _unit_before(span: Span) -> str | None:
    """The bulk unit of the last figure in ``span`` after an output or stocks noun ("coffee
    output will rise to 5.8 mln bags"): the goods' supply counted just before their flow, in
    the unit newswire then drops; not a figure of the flow itself ("60,500 tonnes received
    export rebates")."""
    supply = next((t.i for t in span if t.lemma_.lower() in flow_words("supply_nouns")), None)
    if supply is None:
        return None
    units, scales = flow_words("quantity_units"), lexicon("numbers")["scales"]
    found = [t.lower_ for t in span[supply - span.start + 1 :] if t.lower_ in units
             and (t.nbor(-1).like_num or t.nbor(-1).lower_ in scales)]  # fmt: skip
    return found[-1] if found else None


def _counted_one_by_one(ctx: Context, goods: str) -> bool:
    entity = ctx.table.entities.get(goods)
    return entity is not None and counted_one_by_one(entity.label)
