"""A figureless reading of goods a sentence also gives a figure for is the same flow read twice:
"Peru expects to export less zinc this year than its allocated 12,500 tonne quota" is Peru's
12,500 tonnes of zinc, not that and a flow of zinc besides. ``flows`` drops its own such
readings (``flow-goods``); this drops the other rules' (``trade``'s export verbs and nouns)
where a figure rule read the same trader, direction and goods in the same sentence."""

from __future__ import annotations

from kg.model import Fact, Predicate

_GOODS_FLOWS = (Predicate.EXPORTS, Predicate.IMPORTS)


def without_figured_duplicates(facts: list[Fact]) -> list[Fact]:
    """``facts`` less the figureless goods flows of a sentence whose figure rules already read
    the same trader, direction and goods with a quantity. Another sentence's figure leaves a
    reading alone: a story may name a flow once with its figure and once more without."""
    counted = {(f.sentence, f.subject, f.predicate, f.object) for f in facts
               if f.predicate in _GOODS_FLOWS and f.quantity is not None and f.extractor.startswith("flow-")}
    return [f for f in facts
            if not (f.predicate in _GOODS_FLOWS and f.quantity is None and f.object is not None
                    and not f.extractor.startswith("flow-")
                    and (f.sentence, f.subject, f.predicate, f.object) in counted)]


__all__ = ["without_figured_duplicates"]
