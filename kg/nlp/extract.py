"""From an annotated spaCy Doc to plain data: ``extract(doc, article) -> Extraction``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from typing import TYPE_CHECKING

from kg.model import Article, Entity, EntityType, Extraction, Fact, Predicate
from kg.nlp.loading import DEFAULT_MODEL, model_id
from kg.nlp.pipeline import cached_pipeline
from kg.nlp.relations import extract_facts
from kg.nlp.resolve import resolve_mentions
from kg.nlp.rules import RelationRules

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def extract(doc: Doc, article: Article, *, model: str = "", rules: RelationRules | None = None) -> Extraction:
    """Resolve the Doc's mentions into entities and read the relations between them.

    ``rules`` hold the rules' matchers for the Doc's vocab and their confidence table; without
    them they are built for this call (a few milliseconds): reading many Docs, build one
    ``RelationRules`` and pass it.
    """
    rules = rules or RelationRules(doc.vocab)
    table = resolve_mentions(doc, article, references=rules.references)
    facts = extract_facts(doc, article, table, rules=rules)
    entities = _promote_office_holders(table.entities, facts)
    used = {f.subject for f in facts} | {f.object for f in facts if f.object}
    kept = tuple(e for k, e in entities.items() if k in used or e.type is not EntityType.OTHER)
    return Extraction(article=article, entities=kept, facts=tuple(facts), model=model)


def _promote_office_holders(entities: dict[str, Entity], facts: list[Fact]) -> dict[str, Entity]:
    # Whoever holds a post in a government body, a country or a place is an Official, even
    # when no title word typed them so; a post in a company or a club ("chief economist at
    # Nomura") is no public office.
    holders = {
        f.subject for f in facts
        if f.predicate is Predicate.HOLDS_POST
        and (f.object not in entities or entities[f.object].type is not EntityType.ORGANIZATION)
    }
    return {
        key: replace(e, type=EntityType.OFFICIAL)
        if key in holders and e.type is EntityType.PERSON
        else e
        for key, e in entities.items()
    }


# spaCy holds a whole batch's activations at once: 64 news articles (some 24,000 words) cost
# some 350 MB above the model, 8,000 words some 135 MB at the same speed (4,000 words: 60 MB,
# but some 5% more CPU, the parser's matrices being smaller).
MAX_BATCH_WORDS = 8_000


def extract_articles(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    nlp: Language | None = None,
    batch_size: int = 32,
    max_words: int = MAX_BATCH_WORDS,
    n_process: int = 1,
    memory_zone: bool = True,
) -> Iterator[Extraction]:
    """Stream extractions for ``articles`` in input order, one batch of Docs at a time.

    The model reads at most ``max_words`` words at a time (a longer article alone), so
    memory follows that bound, not the batch or the corpus. With ``memory_zone`` (the
    default; one process only) each batch of ``batch_size`` articles runs in
    ``nlp.memory_zone()``: the strings and lexemes its texts add to the vocab are dropped
    after the batch, so a long stream does not grow the StringStore. Extractions are plain
    data: nothing refers to a Doc once its batch is done.

    >>> from kg.model import Article
    >>> [x.article.id for x in extract_articles([Article("a1", "Zhang Qi said so.")])]  # doctest: +SKIP
    ['a1']
    """
    iterator = iter(articles)
    first = next(iterator, None)
    if first is None:  # nothing to read: don't pay for loading the model
        return
    nlp = nlp or cached_pipeline(model)
    name = model_id(nlp)
    # Built once, before the first memory zone opens: their rule names then stay in the
    # StringStore (a matcher built inside a zone fails after it with spaCy error E018).
    rules = RelationRules(nlp.vocab)
    stream = chain([first], iterator)
    if n_process != 1:
        pairs = ((a.text, a) for a in stream)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield extract(doc, article, model=name, rules=rules)
        return
    zoned = memory_zone and hasattr(nlp, "memory_zone")
    while batch := list(islice(stream, max(1, batch_size))):
        if not zoned:
            yield from _extract_batch(nlp, batch, max_words=max_words, model=name, rules=rules)
            continue
        # A zone spans the whole batch of articles (each zone makes spaCy add its words'
        # lexemes again), while the model reads it in smaller runs of words.
        with nlp.memory_zone():
            # Extract the whole batch inside the zone; yield only plain data after it ends.
            done = list(_extract_batch(nlp, batch, max_words=max_words, model=name, rules=rules))
        yield from done


def _extract_batch(
    nlp: Language, batch: list[Article], *, max_words: int, model: str, rules: RelationRules
) -> Iterator[Extraction]:
    for run in word_batches(batch, max_articles=len(batch), max_words=max_words):
        for doc, article in nlp.pipe(((a.text, a) for a in run), as_tuples=True, batch_size=len(run)):
            yield extract(doc, article, model=model, rules=rules)


def word_batches(articles: Iterable[Article], *, max_articles: int, max_words: int) -> Iterator[list[Article]]:
    """Consecutive batches of at most ``max_articles`` articles and ``max_words`` words.

    Words are counted as runs of spaces plus one, which is cheap and near enough for a
    memory bound. An article longer than ``max_words`` is a batch of its own.
    """
    batch: list[Article] = []
    words = 0
    for article in articles:
        size = article.text.count(" ") + 1
        if batch and (len(batch) >= max(1, max_articles) or words + size > max_words):
            yield batch
            batch, words = [], 0
        batch.append(article)
        words += size
    if batch:
        yield batch
