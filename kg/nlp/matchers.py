"""The token matchers kg's reference and relation rules read a Doc with, owned by one object.

``RuleMatchers(vocab)`` builds them all at once. Whoever reads many Docs builds it once,
before any ``nlp.memory_zone()`` opens: a matcher built inside a zone keeps hashes of rule
names the zone drops when it ends, and its next match fails (spaCy error E018).

>>> import spacy
>>> matchers = RuleMatchers(spacy.blank("en").vocab)
>>> sorted(matchers.names)
['adjacent_places', 'dates', 'money', 'references']
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.vocab import Vocab

from kg.nlp.references import reference_matcher
from kg.nlp.relations.dates import date_matcher
from kg.nlp.relations.places import adjacent_matcher
from kg.nlp.relations.trade import money_matcher


class RuleMatchers:
    """Every token matcher of the reference and relation rules, built for one vocab."""

    names = ("references", "adjacent_places", "money", "dates")

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.references: Matcher = reference_matcher(vocab)
        self.adjacent_places: Matcher = adjacent_matcher(vocab)
        self.money: Matcher = money_matcher(vocab)
        self.dates: Matcher = date_matcher(vocab)
