"""What kg's extraction reads a Doc with, owned by one object: the finder of references, the
token matchers of the relation rules, built for one vocab, and the confidence of each relation
rule.

``RelationRules(vocab)`` builds the matchers at once. Whoever reads many Docs builds it once,
before any ``nlp.memory_zone()`` opens: a matcher built inside a zone keeps hashes of rule
names the zone drops when it ends, and its next match fails (spaCy error E018).

>>> import spacy
>>> rules = RelationRules(spacy.blank("en").vocab, confidence={"located-adjacent": 0.5})
>>> sorted(rules.matcher_names)
['adjacent_places', 'dates', 'money']
>>> rules.confidence["located-adjacent"], rules.confidence["post-apposition"]
(0.5, 0.9)
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from kg.nlp.references import ReferenceFinder
from kg.nlp.relations import named_units, organizations, places, posts, speech, trade
from kg.nlp.relations.dates import date_matcher
from kg.nlp.relations.figure_model import FigureModel
from kg.nlp.relations.money import money_matcher
from kg.nlp.relations.places import adjacent_matcher


def default_confidence() -> dict[str, float]:
    """Each relation rule's confidence, as its module declares it next to the rule."""
    table: dict[str, float] = {}
    for module in (posts, organizations, named_units, places, speech, trade):
        table.update(module.CONFIDENCE)
    return table


class RelationRules:
    """The references' finder, the relation rules' matchers for one vocab, and the rules'
    confidence table."""

    matcher_names = ("adjacent_places", "money", "dates")

    def __init__(self, vocab: Vocab, *, confidence: Mapping[str, float] | None = None,
                 figure_model: FigureModel | None = None) -> None:
        table = default_confidence()
        unknown = set(confidence or {}) - set(table)
        if unknown:
            raise ValueError(f"no relation rule is named {', '.join(sorted(unknown))}; "
                             f"the rules are {', '.join(sorted(table))}")
        self.confidence: dict[str, float] = {**table, **(confidence or {})}
        # a trained reading of the trade figures the rules leave (kg.nlp.relations.learned_figures):
        # none by default, since cross-validation found no gain (bench/learn/trade_figures.py)
        self.figure_model = figure_model
        self.vocab = vocab
        self.references = ReferenceFinder()
        self.adjacent_places: Matcher = adjacent_matcher(vocab)
        self.money: Matcher = money_matcher(vocab)
        self.dates: Matcher = date_matcher(vocab)
