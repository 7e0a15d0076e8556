"""A story that names the European Community only inside its commission's name still holds
the Community, latent: an entity only where a trade fact uses it (kg.nlp.latent_communities)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.model import Article, EntityType
from kg.nlp.references import ReferenceFinder
from kg.nlp.resolve import resolve_mentions

_NLP = spacy.blank("en")


def _table(words: list[str], ents: dict[tuple[int, int], str]):
    tags = ["O"] * len(words)
    for (start, end), label in ents.items():
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    stop = len(words) - 1  # one sentence: every token hangs on its full stop
    heads = [stop] * len(words)
    deps = ["dep"] * stop + ["ROOT"]
    doc = Doc(_NLP.vocab, words=words, ents=tags, heads=heads, deps=deps)
    return resolve_mentions(doc, Article("t1", doc.text, published="1987-04-02"), references=ReferenceFinder())


def _community(table) -> str | None:
    return next((k for k, e in table.entities.items()
                 if e.type is EntityType.ORGANIZATION and e.label == "European Community"), None)


def test_the_commissions_name_carries_a_latent_community() -> None:
    words = "The European Community Commission granted licences for rye .".split()
    table = _table(words, {(1, 4): "Agency"})
    key = _community(table)
    assert key is not None and key in table.latent


def test_no_community_without_its_commission() -> None:
    words = "The Sugar Commission of Fiji granted licences for rye .".split()
    table = _table(words, {(1, 5): "Agency"})
    assert _community(table) is None


def test_a_community_named_apart_is_no_latent_one() -> None:
    words = "The EC Commission set the European Community tender .".split()
    table = _table(words, {(1, 3): "Agency", (5, 7): "Organization"})
    key = _community(table)
    assert key is not None and key not in table.latent
