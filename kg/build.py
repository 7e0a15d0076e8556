"""Build the graph: read articles, extract, map to RDF, write to the store and to files.

Streaming throughout: articles flow in batches from the readers through extraction into the
store, so memory stays flat however large the corpus is. Each article's graph is replaced in
one transaction keyed by its content hash, so a rebuild writes only what changed and an
interrupted build resumes cleanly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from rdflib import Dataset

from kg.errors import InputError, KgError
from kg.io import read_articles
from kg.model import Article, BuildReport, Extraction
from kg.nlp.loading import DEFAULT_MODEL

T = TypeVar("T")

DEFAULT_OUTPUT = Path("output")
GRAPH_FILES = {"graph.ttl": "ttl", "graph.trig": "trig"}

Progress = Callable[[BuildReport], None]


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def store_path(output: str | Path) -> Path:
    return Path(output) / "store"


def extract_stream(
    articles: Iterable[Article],
    *,
    model: str = DEFAULT_MODEL,
    jobs: int = 1,
    scheduler: str | None = None,
    batch_size: int = 32,
) -> Iterator[Extraction]:
    """Extractions in input order: in this process, in ``jobs`` processes, or on a Dask cluster."""
    if scheduler:
        from kg.distributed import extract_on_cluster

        yield from extract_on_cluster(articles, scheduler=scheduler, model=model, batch_size=batch_size)
        return
    from kg.nlp import extract_articles

    yield from extract_articles(articles, model=model, batch_size=batch_size, n_process=max(1, jobs))


def build_dataset(articles: Iterable[Article], *, model: str = DEFAULT_MODEL) -> Dataset:
    """Extract ``articles`` into an in-memory rdflib Dataset (one named graph per article).

    >>> ds = build_dataset([Article("a1", "Jiang Fan, an official with the Ministry of Commerce, said so.")])  # doctest: +SKIP
    """
    from kg.rdf.mapping import extraction_to_quads

    dataset = Dataset()
    for extraction in extract_stream(articles, model=model):
        dataset.addN(extraction_to_quads(extraction))
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
) -> BuildReport:
    """Build (or update) the graph in ``store`` from every article in ``inputs``.

    Unchanged articles are skipped; changed ones replace their named graph; a bad input is
    reported in ``BuildReport.errors`` and costs no other article.

    >>> build(["examples/"], output="output")  # doctest: +SKIP
    BuildReport(articles_read=7, articles_written=7, ...)
    """
    from kg.rdf.mapping import extraction_to_quads
    from kg.store import open_store

    report = BuildReport()
    output = Path(output)
    output.mkdir(parents=True, exist_ok=True)

    def record_error(error: InputError) -> None:
        report.articles_failed += 1
        report.errors.append(str(error))

    with open_store(store, path=store_path(output)) as graph_store:
        changed = _changed_articles(read_articles(inputs, on_error=record_error), graph_store, report)
        extractions = extract_stream(changed, model=model, jobs=jobs, scheduler=scheduler, batch_size=batch_size)
        for batch in batched(extractions, batch_size):
            quads_by_article = []
            for extraction in batch:
                quads = extraction_to_quads(extraction)
                quads_by_article.append((extraction.article.id, quads))
                report.entities += len(extraction.entities)
                report.facts += len(extraction.facts)
                report.triples += len(quads)
                report.words += len(extraction.article.text.split())
            graph_store.replace_articles(quads_by_article)
            report.articles_written += len(batch)
            if progress:
                progress(report)
        if write_files and (report.articles_written or not _files_exist(output)):
            write_graph_files(graph_store, output)
    return report


def _changed_articles(articles: Iterable[Article], graph_store, report: BuildReport) -> Iterator[Article]:
    seen: dict[str, str] = {}
    for article in articles:
        report.articles_read += 1
        previous = seen.get(article.id)
        if previous is not None:
            report.articles_failed += 1
            report.errors.append(
                f"{article.source}: article id {article.id!r} was already read from {previous}; "
                f"give each article a distinct id (the later one was skipped)."
            )
            continue
        seen[article.id] = article.source or ""
        if graph_store.article_hash(article.id) == article.content_hash:
            report.articles_unchanged += 1
            continue
        yield article


def _files_exist(output: Path) -> bool:
    return all((output / name).exists() for name in GRAPH_FILES)


def write_graph_files(graph_store, output: str | Path) -> list[Path]:
    """Write the whole graph as deterministic Turtle and TriG next to the store."""
    from kg.rdf.serialize import write_quads

    written = []
    for name, fmt in GRAPH_FILES.items():
        path = Path(output) / name
        write_quads(graph_store.quads(), path, format=fmt)
        written.append(path)
    return written


def remove(article_ids: Iterable[str], *, output: str | Path = DEFAULT_OUTPUT, store: str | None = None,
           write_files: bool = True) -> list[str]:
    """Take articles (and what only they said) out of the graph; returns the ids not found."""
    from kg.store import open_store

    missing = []
    with open_store(store, path=store_path(output)) as graph_store:
        for article_id in article_ids:
            if not graph_store.remove_article(article_id):
                missing.append(article_id)
        if write_files:
            write_graph_files(graph_store, output)
    return missing


__all__ = ["KgError", "build", "build_dataset", "extract_stream", "remove", "write_graph_files"]
