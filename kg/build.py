"""Build the graph: read articles, extract, link across articles, write to the store and files.

Streaming throughout: articles flow from the readers (generators) through extraction in
bounded batches into the store, so memory stays flat however large the corpus is; the only
state that grows is the set of article ids read (ids only) and the alias index of
cross-article resolution (names only). Each article's named graph is replaced in one
transaction per batch and carries the article's content hash, so a rebuild writes only what
changed and a build killed at any point resumes with nothing lost or duplicated.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, closing
from functools import partial
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

from rdflib import Dataset
from rdflib.term import Node

from kg.distributed import Workers, extract_in_processes, extract_on_cluster
from kg.errors import InputError, KgError, StoreError
from kg.extractor_change import extractor_change, record_rewritten
from kg.graph_files import read_published, refresh_graph_files, write_graph_files
from kg.io import read_articles
from kg.linking import Linker
from kg.model import Article, BuildReport, Extraction, Skipped
from kg.nlp.extract import extract_articles
from kg.nlp.fingerprint import ExtractorIdentity, extractor_identity
from kg.nlp.loading import DEFAULT_MODEL
from kg.rdf.mapping import extraction_to_quads
from kg.stats import graph_totals
from kg.store import Store, open_store
from kg.store.graph_texts import GraphTexts
from kg.validate import WrittenGraphs
from kg.verdicts import Verdict
from kg.vocab.iri import graph_iri
from kg.workspace import DEFAULT_OUTPUT, GRAPH_FILES, graph_files_exist, store_path

T = TypeVar("T")

Progress = Callable[[BuildReport], None]
# Articles in, their extractions out, in input order (``extract_stream`` with its options bound);
# an article whose extraction failed comes out as a ``Skipped`` in its place.
Extractor = Callable[[Iterable[Article]], Iterable["Extraction | Skipped"]]


def articles_done(report: BuildReport) -> int:
    """Articles dealt with so far: extracted (written, or about to be), unchanged or skipped."""
    return report.articles_extracted + report.articles_unchanged + report.articles_failed


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def extract_stream(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = 32,
    isolate: bool = False,
    workers: Workers | None = None,
) -> Iterator[Extraction | Skipped]:
    """Extractions in input order: in this process, in ``jobs`` processes, or on a Dask cluster.

    Every way gives the same extractions in the same order, so the graph written from them
    is byte-identical. Workers always isolate failures (an article that fails comes back as
    a :class:`~kg.model.Skipped`); in this process, ``isolate`` asks for the same.
    ``workers``: processes to extract in (with ``jobs`` > 1), kept running after.
    """
    if scheduler:
        yield from extract_on_cluster(articles, scheduler=scheduler, model=model, batch_size=batch_size)
    elif jobs > 1:
        yield from extract_in_processes(articles, jobs=jobs, model=model, batch_size=batch_size, workers=workers)
    else:
        yield from extract_articles(articles, model=model, batch_size=batch_size, isolate=isolate)


def article_quads(linker: Linker, extraction: Extraction) -> list[tuple[Node, Node, Node, Node]]:
    """The article's quads, its entities linked to the graph's nodes when linking is on."""
    linked, resolution = linker.link(extraction)
    return extraction_to_quads(linked) + resolution


def build_dataset(articles: Iterable[Article], *, model: str = DEFAULT_MODEL, link: bool = True,
                  extractor: Extractor | None = None) -> Dataset:
    """Extract ``articles`` into an in-memory rdflib Dataset (one named graph per article).

    ``extractor`` replaces spaCy extraction (``extract_stream`` with ``model``), as in :func:`build`.

    >>> ds = build_dataset([Article("a1", "Jiang Fan, an official with the Ministry of Commerce, said so.")])  # doctest: +SKIP
    """
    extract = extractor or partial(extract_stream, model=model)
    linker = Linker(enabled=link)
    dataset = Dataset()
    for extraction in extract(articles):
        if isinstance(extraction, Skipped):  # only workers isolate; raise as this process would
            raise KgError(str(extraction))
        dataset.addN(article_quads(linker, extraction))
    return dataset


def build(
    inputs: Iterable[str | Path],
    *,
    output: str | Path = DEFAULT_OUTPUT,
    store: str | None = None,
    model: str = DEFAULT_MODEL,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = 64,
    write_files: bool = True,
    progress: Progress | None = None,
    on_article: Progress | None = None,
    on_stage: Callable[[str], None] | None = None,
    link: bool = True,
    do_not_merge: str | Path | None = None,
    force: bool = False,
    extractor: Extractor | None = None,
    identity: ExtractorIdentity | None = None,
) -> BuildReport:
    """Build (or update) the graph in ``store`` from every article in ``inputs``.

    Unchanged articles are skipped (``force`` reads them again); changed ones replace their
    named graph. A bad input, or an article whose extraction, mapping or writing fails, is
    reported in ``BuildReport.skipped`` (and as text in ``errors``) and costs no other
    article. Only a fault of the store itself (disk, server) stops the build.
    ``link=False`` turns cross-article resolution off and ``do_not_merge`` names merges to
    undo; the articles whose merges that changes are read again. ``extractor`` replaces
    spaCy extraction (``extract_stream`` with ``model``, ``jobs``, ``scheduler`` and
    ``batch_size``): tests and benchmarks hand in extractions made another way.
    Articles an older extractor wrote (older kg, other rules or lexicons, another pipeline:
    see ``kg.extractor_change``) are read again, as if changed; ``identity`` names the
    extractor (by default that of kg's rules with ``model``).
    ``progress`` is called after each batch is written, ``on_article`` after each article
    is extracted, found unchanged or skipped (for a progress bar), ``on_stage`` with what the
    build does once the articles are in (writing the graph files, counting the graph). A
    first build that writes nothing leaves no store behind, so that no later command reads
    an empty graph as a built one.

    >>> build(["examples/"], output="output")  # doctest: +SKIP
    BuildReport(articles_read=7, articles_written=7, ...)
    """
    # Worker processes live as long as the build: after extracting, one judges the graphs
    # written while this process writes the graph files. They start before the store opens
    # (see ``Workers``), even if no article turns out to need them: forking costs little.
    workers = Workers(jobs - 1).start() if jobs > 1 and not scheduler else None
    try:
        with ExitStack() as cleanup:  # scratch the build makes along the way, released at its end
            return _build(inputs, output=Path(output), store=store, batch_size=batch_size, write_files=write_files,
                          progress=progress, on_article=on_article, on_stage=on_stage, link=link,
                          do_not_merge=do_not_merge, force=force, workers=workers, cleanup=cleanup,
                          identity=identity or extractor_identity(model),
                          extract=extractor or partial(extract_stream, model=model, jobs=jobs, scheduler=scheduler,
                                                       batch_size=batch_size, isolate=True, workers=workers))
    finally:
        if workers is not None:
            workers.close()


def _build(
    inputs: Iterable[str | Path],
    *,
    output: Path,
    store: str | None,
    batch_size: int,
    write_files: bool,
    progress: Progress | None,
    on_article: Progress | None,
    on_stage: Callable[[str], None] | None,
    link: bool,
    do_not_merge: str | Path | None,
    force: bool,
    workers: Workers | None,
    cleanup: ExitStack,
    extract: Extractor,
    identity: ExtractorIdentity,
) -> BuildReport:
    report = BuildReport()
    output = Path(output)
    created = [p for p in (output, store_path(output)) if not p.exists()] if store in (None, "oxigraph") else []
    output.mkdir(parents=True, exist_ok=True)
    tick = on_article or (lambda _report: None)

    def record_error(error: InputError) -> None:
        report.skip(Skipped(input=error.input, reason=error.reason, hint=error.hint, kind=error.kind))
        tick(report)

    stage = on_stage or (lambda _what: None)
    on_disk = False
    judge: Callable[[], None] | None = None
    count: Callable[[], dict[str, int]] | None = None
    texts: GraphTexts | None = None
    published: str | None = None
    try:
        with open_store(store, path=store_path(output)) as graph_store:
            start = graph_store.state_token if _on_disk(graph_store) else None  # type: ignore[attr-defined]
            written: list[str] = []
            rewritten: list[str] = []  # ids: what the current extractor now wrote
            # Verdicts on the graphs written, from their quads in hand (an on-disk store keeps
            # them); the graph files then take those graphs' N-Triples from the same dumps.
            judging = None
            if _on_disk(graph_store):
                texts = cleanup.enter_context(closing(GraphTexts(output))) if write_files else None
                # With worker processes the driver is the bottleneck (it links and writes what
                # they extract): there a worker judges each batch written and sends its dumps back.
                judging = WrittenGraphs(texts, submit=workers.submit if workers is not None else None)
                graph_store.on_written = judging.add  # type: ignore[attr-defined]
            change = extractor_change(graph_store, identity)
            report.reread_reason = change.reason
            linker = Linker(graph_store, enabled=link, do_not_merge=do_not_merge, fresh=force)
            stale = linker.stale_articles()
            # Articles read again leave the alias index: their new graphs link as a fresh build's would.
            linker.rereading = stale | change.older
            articles = read_articles(inputs, on_error=record_error)
            changed = _nonempty(_changed_articles(articles, graph_store, report, force=force, stale=stale,
                                                  older=change.older, tick=tick))
            for batch in batched(_ticking(extract(changed), report, tick), batch_size):
                mapped = []
                for extraction in batch:
                    if isinstance(extraction, Skipped):
                        report.skip(extraction)
                        continue
                    try:
                        mapped.append((extraction, article_quads(linker, extraction)))
                    except Exception as error:  # noqa: BLE001 - costs this article only, and is reported
                        report.skip(Skipped.failed(extraction.article, "mapping", error))
                for extraction, quads in _write_batch(graph_store, mapped, report):
                    _count_written(report, extraction, quads)
                    written.append(str(graph_iri(extraction.article.id)))
                    rewritten.append(extraction.article.id)
                if progress:
                    progress(report)
            record_rewritten(change, rewritten)
            if report.articles_written or not created:
                on_disk = _on_disk(graph_store)
                if not on_disk:
                    if write_files and (report.articles_written or not graph_files_exist(output)):
                        stage("writing " + ", ".join(GRAPH_FILES))
                        write_graph_files(graph_store, output)
                    stage("counting the graph")
                    report.graph = graph_totals(graph_store)
                count = partial(published_totals, store, store_path(output)) if on_disk else None
            if report.articles_written and on_disk:
                judge = partial(judge_written, store, store_path(output), written, start)
                if judging is not None:
                    judging.flush()  # a worker's last batch is judged while the store closes
        published = getattr(graph_store, "published", None)
        if judge is not None:
            judge = partial(judge, judging.verdicts() if judging is not None else None)
    finally:
        if not report.articles_written and created:
            # The store this build made (then the folder, if it made that too): a failed
            # first build must not leave an empty store that reads as an empty graph.
            for path in reversed(created):
                shutil.rmtree(path, ignore_errors=True)
    # What is left reads the state the store published as it closed: the verdicts (in a
    # worker if there is one), the graph files and the totals. Counted there, the totals
    # cost a fraction of a second; counted before the store closes, they would first wait
    # for the articles still pending for its bulk load to go in.
    judging = None
    # One read-only handle on that state for the verdicts, the graph files and the totals
    # here: opening a snapshot costs ~10 ms of CPU (RocksDB's files, the lease) each time.
    reader = cleanup.enter_context(open_store(store, path=store_path(output), read_only=True)) if on_disk else None
    if judge is not None:
        stage("validating the graphs written")
        if workers is not None and workers.started:
            judging = workers.submit(judge)  # beside the graph files
        else:
            judge(graph_store=reader)
    if write_files and on_disk:
        # Unless the files already show that state.
        refresh_graph_files(output, store=store, before_writing=lambda: stage("writing " + ", ".join(GRAPH_FILES)),
                            known=(published, texts.get) if published and texts is not None else None,
                            graph_store=reader)
    if count is not None:
        stage("counting the graph")
        report.graph = count(graph_store=reader)
    if judging is not None:
        judging.result()
    return report


def published_totals(store: str | None, path: Path, *, graph_store: Store | None = None) -> dict[str, int]:
    """:func:`~kg.stats.graph_totals` of the state the store at ``path`` last published
    (``graph_store``: a read-only handle on it, already open)."""
    with read_published(store, path, graph_store) as reading:
        return graph_totals(reading)


def judge_written(store: str | None, path: Path, written: list[str], start: str | None,
                  known: dict[str, Verdict] | None = None, *, graph_store: Store | None = None) -> None:
    """Validation verdicts on the graphs a build wrote (the rest keep theirs), stamped with the
    state it published: ``kg validate`` then reads them instead of checking the whole graph
    again (see ``kg.verdicts``). Reads that published state (``graph_store``, if open already),
    so it can run in another process. ``known``: the verdicts the build made on what it wrote,
    from the quads in hand."""
    from kg.validate import refresh_verdicts, stamp_verdicts

    with read_published(store, path, graph_store) as graph_store:
        verdicts = refresh_verdicts(graph_store, save=False, changed=written, since=start, known=known)
        state = graph_store.state_token  # type: ignore[attr-defined]
    if verdicts is not None:
        stamp_verdicts(graph_store.path, verdicts, state)  # type: ignore[attr-defined]


def _on_disk(graph_store: Store) -> bool:
    """Whether the store keeps a state token (an on-disk Oxigraph store) for the graph files."""
    return hasattr(graph_store, "state_token")


def _ticking(
    extractions: Iterable[Extraction | Skipped], report: BuildReport, tick: Progress
) -> Iterator[Extraction | Skipped]:
    """The extractions (and the articles extraction skipped), ticked as each arrives."""
    for extraction in extractions:
        if not isinstance(extraction, Skipped):
            report.articles_extracted += 1
        tick(report)
        yield extraction


def _count_written(report: BuildReport, extraction: Extraction, quads: Sequence[object]) -> None:
    """What one written article added, into the report's totals and its by-kind counts."""
    report.articles_written += 1
    report.entities += len(extraction.entities)
    report.facts += len(extraction.facts)
    report.triples += len(quads)
    report.words += len(extraction.article.text.split())
    for entity in extraction.entities:
        kind = entity.type.value
        report.entities_by_type[kind] = report.entities_by_type.get(kind, 0) + 1
    for fact in extraction.facts:
        name = fact.predicate.value
        report.facts_by_predicate[name] = report.facts_by_predicate.get(name, 0) + 1


def _changed_articles(
    articles: Iterable[Article],
    graph_store: Store,
    report: BuildReport,
    *,
    force: bool = False,
    stale: set[str] | frozenset[str] = frozenset(),
    older: frozenset[str] = frozenset(),
    tick: Progress = lambda _report: None,
) -> Iterator[Article]:
    seen: set[str] = set()  # ids only: a million articles cost tens of MB, not their texts
    for article in articles:
        report.articles_read += 1
        if article.id in seen:
            report.skip(Skipped(input=article.source or article.id, kind="duplicate",
                                reason=f"article id {article.id!r} was already read",
                                hint="give each article a distinct id (this later one was skipped)"))
            tick(report)
            continue
        seen.add(article.id)
        if not force and article.id not in stale and graph_store.article_hash(article.id) == article.content_hash:
            if article.id in older:  # unchanged, but an older extractor read it
                report.articles_reread += 1
            else:
                report.articles_unchanged += 1
                tick(report)
                continue
        yield article


Mapped = list[tuple[Extraction, list[tuple[Node, Node, Node, Node]]]]


def _write_batch(graph_store: Store, mapped: Mapped, report: BuildReport) -> Mapped:
    """Write a batch in one go; if the store refuses it, each article alone. Returns what was written.

    An article the store refuses (a term it cannot hold) is reported and left out; a fault
    of the store itself (its disk, its server: an ``OSError`` underneath) stops the build,
    since every later write would fail the same way.
    """
    if not mapped:
        return []
    try:
        graph_store.replace_articles([(x.article.id, quads) for x, quads in mapped])
        return mapped
    except StoreError as error:
        if isinstance(error.__cause__, OSError):
            raise
        if len(mapped) == 1:
            report.skip(Skipped.failed(mapped[0][0].article, "write", error))
            return []
    # One article spoiled the batch's transaction: write each alone, so only that one is lost.
    return [item for one in mapped for item in _write_batch(graph_store, [one], report)]


def _nonempty(items: Iterator[T]) -> Iterator[T]:
    """``items``, or nothing at all, decided before the first item is asked for.

    Lets a build with no changed article skip loading the NLP model.
    """
    first = next(items, _END)
    if first is _END:
        return iter(())
    return _chain_first(first, items)


def _chain_first(first: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield from rest


_END: Any = object()


def remove(article_ids: Iterable[str], *, output: str | Path = DEFAULT_OUTPUT, store: str | None = None,
           write_files: bool = True) -> list[str]:
    """Take articles (and what only they said) out of the graph; returns the ids not found.

    Each article's statements live in its own named graph, so dropping the graph removes
    the entities only it named, while nodes other articles also name keep their statements.
    """
    from kg import verdicts as stored

    ids = list(article_ids)
    missing = []
    with open_store(store, path=store_path(output)) as graph_store:
        on_disk = _on_disk(graph_store)
        # Verdicts that covered the state this session starts from still hold for every graph
        # it keeps: removing a graph changes no other.
        start = graph_store.state_token if on_disk else None  # type: ignore[attr-defined]
        kept, token = stored.load(store_path(output)) if start is not None else ({}, None)
        for article_id in ids:
            if not graph_store.remove_article(article_id):
                missing.append(article_id)
        if write_files and not on_disk and (len(missing) < len(ids) or not graph_files_exist(output)):
            write_graph_files(graph_store, output)
    if start is not None and token == start and len(missing) < len(ids):
        from kg.store.snapshots import read_state

        gone = {str(graph_iri(article_id)) for article_id in ids}
        stored.save(store_path(output), {name: v for name, v in kept.items() if name not in gone},
                    token=read_state(store_path(output)))
    if write_files and on_disk:
        refresh_graph_files(output, store=store)
    return missing


__all__ = ["Extractor", "KgError", "article_quads", "build", "build_dataset", "extract_stream", "remove", "write_graph_files"]
