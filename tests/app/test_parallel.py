"""``--jobs N``: extraction in N processes (this one and N - 1 workers) gives the graph one process gives."""

from __future__ import annotations

import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

import kg.build
from kg.build import build
from kg.distributed import Workers, chunks, ordered_results, shared_results
from test_build import CORPUS, fake_extract, write_corpus
from test_incremental import ARTICLES


def test_ordered_results_keep_input_order_with_a_bounded_window():
    in_flight = []
    running = 0

    def work(batch: list[int]) -> list[int]:
        time.sleep(0.02 * (5 - batch[0] % 5))  # later batches finish first
        return [x * 10 for x in batch]

    with ThreadPoolExecutor(max_workers=4) as pool:
        def submit(batch: list[int]) -> Future:
            nonlocal running
            running += 1
            in_flight.append(running)
            future = pool.submit(work, batch)
            return future

        results = []
        for result in ordered_results(submit, chunks(range(20), 3), window=2):
            running -= 1
            results.extend(result)
    assert results == [x * 10 for x in range(20)]
    assert max(in_flight) <= 2  # never more than the window submitted and unread


def test_chunks_stream_without_reading_ahead():
    consumed = []

    def source():
        for i in range(10):
            consumed.append(i)
            yield i

    stream = chunks(source(), 4)
    assert next(stream) == [0, 1, 2, 3] and consumed == [0, 1, 2, 3]


def test_jobs_2_graph_is_byte_identical_to_jobs_1(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "in", ARTICLES)
    one = build([corpus], output=tmp_path / "one", jobs=1, batch_size=1)
    two = build([corpus], output=tmp_path / "two", jobs=2, batch_size=1)
    assert one.articles_written == two.articles_written == len(ARTICLES)
    assert (one.entities, one.facts, one.triples) == (two.entities, two.facts, two.triples)
    assert one.graph == two.graph
    assert (tmp_path / "one" / "graph.trig").read_bytes() == (tmp_path / "two" / "graph.trig").read_bytes()


def test_shared_results_work_here_while_workers_are_busy_and_keep_input_order():
    done_here: list[int] = []

    def run_here(batch: list[int]) -> list[int]:
        done_here.extend(batch)
        return [x * 10 for x in batch]

    with ThreadPoolExecutor(max_workers=1) as pool:
        def submit(batch: list[int]) -> Future:
            return pool.submit(lambda b: (time.sleep(0.05), [x * 10 for x in b])[1], batch)

        results = [x for r in shared_results(submit, chunks(range(30), 3), window=2, run_here=run_here) for x in r]
    assert results == [x * 10 for x in range(30)]
    assert done_here  # this side took batches while the slow worker was busy
    assert len(done_here) < 30  # ... and the worker took the rest


def test_shared_results_take_back_batches_no_worker_started_once_the_input_is_read():
    done_here: list[int] = []
    release = threading.Event()

    def run_here(batch: list[int]) -> list[int]:
        done_here.extend(batch)
        release.set()  # the worker's first batch may finish only after this side took one
        return [x * 10 for x in batch]

    def work(batch: list[int]) -> list[int]:
        release.wait(5)
        return [x * 10 for x in batch]

    with ThreadPoolExecutor(max_workers=1) as pool:
        # All four batches go to the single worker at once; it holds the first until this
        # side has taken back at least the last one.
        results = list(shared_results(lambda b: pool.submit(work, b), chunks(range(12), 3), window=4,
                                      run_here=run_here))
    assert [x for r in results for x in r] == [x * 10 for x in range(12)]
    assert done_here[:3] == [9, 10, 11]  # the newest batch first
    assert 0 not in done_here  # the batch the worker had started stays with it


# Set in this process only: a forked worker sees it, a spawned one (a fresh import) would not.
_HELD_HERE: list[str] = []


def _held_in_worker() -> list[str]:
    return list(_HELD_HERE)


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_started_workers_are_forked_with_what_this_process_holds(monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "_HELD_HERE", ["a model, say"])
    with Workers(1).start() as workers:
        assert workers.submit(_held_in_worker).result(timeout=60) == ["a model, say"]


def test_a_build_starts_its_workers_before_it_opens_the_store(tmp_path, monkeypatch):
    events: list[str] = []
    start, open_store = Workers.start, kg.build.open_store

    def starting(self: Workers) -> Workers:
        events.append("workers")
        return start(self)

    def opening(*args, **kwargs):
        events.append("store")
        return open_store(*args, **kwargs)

    corpus = write_corpus(tmp_path / "in", CORPUS)
    one = build([corpus], output=tmp_path / "one", extractor=fake_extract)
    monkeypatch.setattr(Workers, "start", starting)
    monkeypatch.setattr(kg.build, "open_store", opening)
    two = build([corpus], output=tmp_path / "two", extractor=fake_extract, jobs=2)
    assert events[:2] == ["workers", "store"]  # no worker forked while the store was open
    # A forked worker judged the graphs while this process wrote the files and counted.
    assert two.graph == one.graph and two.graph["articles"] == 3
    assert (tmp_path / "two" / "graph.trig").read_bytes() == (tmp_path / "one" / "graph.trig").read_bytes()
