"""Extraction on a real Dask cluster (a LocalCluster with one worker process)."""

from __future__ import annotations

from itertools import count

import pytest

from kg.build import build, extract_stream
from kg.distributed import TASK_SIZE, extract_on_cluster
from kg.errors import KgError
from kg.model import Article
from test_build import write_corpus
from test_incremental import ARTICLES

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    """Address of a LocalCluster: one worker process, one thread, closed after the module."""
    cluster = distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None, scheduler_port=0,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def test_cluster_extractions_equal_local_ones_in_input_order(nlp, scheduler):
    articles = [Article(k, v) for k, v in ARTICLES.items()]
    remote = list(extract_on_cluster(iter(articles), scheduler=scheduler, batch_size=1))
    assert [x.article.id for x in remote] == list(ARTICLES)
    assert remote == list(extract_stream(articles))


def test_the_worker_loads_the_model_once(scheduler):
    articles = [Article(f"w{i}", f"Kenya exported {i} tonnes of tea.") for i in range(3)]
    assert len(list(extract_on_cluster(articles, scheduler=scheduler, batch_size=1))) == 3

    def loads() -> int:
        from kg.nlp.pipeline import cached_pipeline

        return cached_pipeline.cache_info().misses

    with distributed.Client(scheduler, set_as_default=False) as client:
        assert list(client.run(loads).values()) == [1]


def test_the_driver_reads_input_a_bounded_window_ahead(scheduler):
    read = count()

    def articles():
        for i in range(200):
            next(read)
            yield Article(f"s{i}", "Chile exported copper.")

    stream = extract_on_cluster(articles(), scheduler=scheduler, batch_size=TASK_SIZE)
    first = next(stream)
    assert first.article.id == "s0"
    consumed = next(read)
    assert consumed <= 3 * TASK_SIZE  # two batches in flight per worker, not the whole input
    stream.close()


def test_build_on_the_cluster_writes_the_local_graph(tmp_path, nlp, scheduler):
    corpus = write_corpus(tmp_path / "in", ARTICLES)
    local = build([corpus], output=tmp_path / "local", batch_size=2)
    remote = build([corpus], output=tmp_path / "cluster", scheduler=scheduler, batch_size=2)
    assert remote.articles_written == local.articles_written == len(ARTICLES)
    assert (tmp_path / "cluster" / "graph.trig").read_bytes() == (tmp_path / "local" / "graph.trig").read_bytes()


def test_an_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(KgError, match="cannot reach the Dask scheduler"):
        list(extract_on_cluster([Article("x", "text")], scheduler="tcp://127.0.0.1:9", connect_timeout=1))


def test_the_worker_task_reads_long_articles_in_parts_and_isolates_failures(nlp, monkeypatch):
    # extract_batch is what every worker process (--jobs N) and Dask worker runs; here it runs
    # in this process, on the pipeline the nlp fixture shares, made to refuse long texts.
    from dataclasses import replace

    import kg.nlp.extract as module
    from kg.distributed import extract_batch
    from kg.model import Extraction, Skipped

    monkeypatch.setattr(nlp, "max_length", 300)
    paragraph = "Zhang Qi, the trade minister of Kenya, said Kenya exported tea to Pakistan."
    long_article = Article("long", "\n\n".join([paragraph] * 12))
    real = module.extract

    def fragile(doc, article, **kwargs):
        if article.id == "bad":
            raise ValueError("E999 broken")
        return real(doc, article, **kwargs)

    monkeypatch.setattr(module, "extract", fragile)
    results = extract_batch([long_article, replace(long_article, id="bad", text=paragraph), Article("ok", paragraph)])
    assert [type(r) for r in results] == [Extraction, Skipped, Extraction]
    assert max(m.end for e in results[0].entities for m in e.mentions) > 300
    assert results[1].kind == "extraction" and "E999" in results[1].reason
