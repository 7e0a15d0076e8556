"""From an annotated spaCy Doc to plain data: ``extract(doc, article) -> Extraction``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain, islice
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from kg.model import Article, Entity, EntityType, Extraction, Fact, Predicate, Skipped
from kg.nlp.lasting_words import keep_words
from kg.nlp.lexicon import intergovernmental
from kg.nlp.loading import DEFAULT_MODEL, model_id
from kg.nlp.paragraphs import reflow
from kg.nlp.parts import split_text
from kg.nlp.pipeline import cached_pipeline
from kg.nlp.relations import extract_facts
from kg.nlp.relations.national import ministerial
from kg.nlp.resolve import resolve_mentions
from kg.nlp.rules import RelationRules
from kg.nlp.truecase import restore_case

if TYPE_CHECKING:
    from spacy.language import Language

# The model reads a longer article in parts of at most this many characters (or the
# pipeline's max_length, if lower): spaCy refuses texts over max_length (E088), and the
# parser's memory grows with the text it holds at once (spaCy: some 1 GB per 100,000).
PART_CHARS = 100_000


def extract(doc: Doc, article: Article, *, model: str = "", rules: RelationRules | None = None) -> Extraction:
    """Resolve the Doc's mentions into entities and read the relations between them.

    ``rules`` hold the rules' matchers for the Doc's vocab and their confidence table; without
    them they are built for this call (a few milliseconds): reading many Docs, build one
    ``RelationRules`` and pass it.
    """
    rules = rules or RelationRules(doc.vocab)
    table = resolve_mentions(doc, article, references=rules.references)
    facts = _without_latent(extract_facts(doc, article, table, rules=rules), table.latent)
    entities = _promote_office_holders(table.entities, facts)
    used = {k for f in facts for k in (f.subject, f.object, f.partner) if k}
    kept = tuple(e for k, e in entities.items()
                 if k in used or e.type is not EntityType.OTHER and k not in table.latent)
    return Extraction(article=article, entities=kept, facts=tuple(facts), model=model)


# A country read only from a demonym inside another span is the trader or partner of a
# trade fact ("Thai rubber exports", "soft French wheat" bought by Syria), not a country the
# story is about: other facts do not bring it into the graph.
_TRADE = frozenset({Predicate.EXPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORTS, Predicate.IMPORT_VALUE})


def _without_latent(facts: list[Fact], latent: set[str]) -> list[Fact]:
    """The facts, less those of other predicates that hang on a latent country."""
    if not latent:
        return facts
    return [f for f in facts if f.predicate in _TRADE or not latent & {f.subject, f.object}]


def _promote_office_holders(entities: dict[str, Entity], facts: list[Fact]) -> dict[str, Entity]:
    # Whoever holds a post in a government body, a country, a place or a body of states
    # ("WHO chief", "an EU diplomat") is an Official, even when no title word typed them so;
    # a post in a company or a club ("chief economist at Nomura") is no public office.
    # A minister's post is public whatever the body's name looked like ("Venezuelan Investment
    # Fund Minister X"): the body a minister heads is a government body.
    ministers = {f.subject: f.object for f in facts
                 if f.predicate is Predicate.HOLDS_POST and f.role and ministerial(f.role)}
    holders = {
        f.subject for f in facts
        if f.predicate is Predicate.HOLDS_POST
        and (f.object not in entities or entities[f.object].type is not EntityType.ORGANIZATION
             or any(intergovernmental(n) for n in entities[f.object].names))
    } | set(ministers)
    governed = {body for body in ministers.values() if body in entities}
    return {
        key: replace(e, type=EntityType.OFFICIAL) if key in holders and e.type is EntityType.PERSON
        else replace(e, type=EntityType.AGENCY) if key in governed and e.type is EntityType.ORGANIZATION
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
    isolate: bool = False,
) -> Iterator[Extraction | Skipped]:
    """Stream extractions for ``articles`` in input order, one batch of Docs at a time.

    The model reads at most ``max_words`` words at a time (a longer article alone), so
    memory follows that bound, not the batch or the corpus. With ``memory_zone`` (the
    default; one process only) each batch of ``batch_size`` articles runs in
    ``nlp.memory_zone()``: the strings and lexemes its texts add to the vocab are dropped
    after the batch, so a long stream does not grow the StringStore. Extractions are plain
    data: nothing refers to a Doc once its batch is done.

    An article longer than ``PART_CHARS`` (or ``nlp.max_length``) is read in parts cut at
    paragraph or sentence ends, joined back into one Doc, so offsets stay exact. With
    ``isolate``, an article whose extraction fails yields a :class:`~kg.model.Skipped` in
    its place and the others go on; without it, the error is raised.

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
        pairs = ((_model_text(a), a) for a in stream)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
            yield extract(doc, article, model=name, rules=rules)
        return
    zoned = memory_zone and hasattr(nlp, "memory_zone")
    while batch := list(islice(stream, max(1, batch_size))):
        if not zoned:
            yield from _extract_batch(nlp, batch, max_words=max_words, model=name, rules=rules, isolate=isolate)
            continue
        # A zone spans the whole batch of articles (each zone makes spaCy add its words'
        # lexemes again), while the model reads it in smaller runs of words; the words of
        # the first articles are made outside it, to stay.
        keep_words(nlp, (_parts(nlp, article) for article in batch))
        with nlp.memory_zone():
            # Extract the whole batch inside the zone; yield only plain data after it ends.
            done = list(_extract_batch(nlp, batch, max_words=max_words, model=name, rules=rules, isolate=isolate))
        yield from done


def _extract_batch(
    nlp: Language, batch: list[Article], *, max_words: int, model: str, rules: RelationRules, isolate: bool = False
) -> Iterator[Extraction | Skipped]:
    for run in word_batches(batch, max_articles=len(batch), max_words=max_words):
        if not isolate:
            for doc, article in _docs(nlp, run):
                yield extract(doc, article, model=model, rules=rules)
            continue
        try:
            done: list[Extraction | Skipped] = [extract(doc, article, model=model, rules=rules)
                                                for doc, article in _docs(nlp, run)]
        except Exception:
            # One article broke the run: read each alone, so only that one is lost.
            done = [_extract_alone(nlp, article, model=model, rules=rules) for article in run]
        yield from done


def _extract_alone(nlp: Language, article: Article, *, model: str, rules: RelationRules) -> Extraction | Skipped:
    try:
        ((doc, _),) = _docs(nlp, [article])
        return extract(doc, article, model=model, rules=rules)
    except Exception as error:  # noqa: BLE001 - any failure costs this article only, and is reported
        return Skipped.failed(article, "extraction", error)


def _docs(nlp: Language, run: list[Article]) -> Iterator[tuple[Doc, Article]]:
    """Each article's Doc, in order; a long article is read in parts and joined back."""
    def texts() -> Iterator[tuple[str, tuple[Article, int]]]:
        for article in run:
            parts = _parts(nlp, article)
            for part in parts:
                yield part, (article, len(parts))

    pending: list[Doc] = []
    for doc, (article, count) in nlp.pipe(texts(), as_tuples=True, batch_size=max(1, len(run))):
        pending.append(doc)
        if len(pending) < count:
            continue
        # The parts' texts join into the article's text exactly, so the joined Doc's
        # character offsets are the article's.
        whole = pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
        pending = []
        yield whole, article


def _model_text(article: Article) -> str:
    """The text the model reads of ``article``: newswire's hard-wrapped lines made spaces and
    a story written in lower case given its capitals (same length, same offsets)."""
    return restore_case(reflow(article.text))


def _parts(nlp: Language, article: Article) -> list[str]:
    """The texts the model reads of ``article`` (``_model_text``), a long article cut in parts."""
    return split_text(_model_text(article), limit=max(1, min(PART_CHARS, nlp.max_length)))


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
