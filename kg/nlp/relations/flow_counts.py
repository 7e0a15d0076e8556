"""The unit of a flow's plain number, a figure the text writes with no unit word: the
unit of the same trader's same goods counted earlier in the story ("VTR exports fell to 1.73
mln sets ... and those to the EC fell to 232,275"), or, for goods counted one by one, a
count with no unit ("car exports eased to 222,000 in February")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kg.model import Fact
from kg.nlp.counted_goods import counted_one_by_one
from kg.nlp.relations.base import Context


@dataclass(frozen=True)
class Count:
    """The unit a plain number of the flow takes; ``None`` for a count of the goods."""

    unit: str | None


def plain_number_unit(ctx: Context, trader: str | None, goods: str | None, earlier: Sequence[Fact]) -> Count | None:
    """What a plain number of the flow of ``goods`` by ``trader`` counts, if the story says
    (``goods`` None: the flow names none, and takes those the trader's last figure counted)."""
    if trader is None:
        return None
    for fact in reversed(earlier):
        if fact.subject == trader and fact.object == goods and fact.quantity is not None:
            return Count(fact.unit)  # the unit the story already counts these goods in
        if goods is None and fact.subject == trader and fact.quantity is not None:
            # "Shipments to China fell to 39,858": no goods named, those of the trader's last figure
            return Count(fact.unit)
    return Count(None) if goods is not None and _counted_one_by_one(ctx, goods) else None


def _counted_one_by_one(ctx: Context, goods: str) -> bool:
    entity = ctx.table.entities.get(goods)
    return entity is not None and counted_one_by_one(entity.label)
