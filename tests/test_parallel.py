"""``--jobs N``: extraction in N worker processes gives the graph a single process gives."""

from __future__ import annotations

import time
from concurrent.futures import Future, ThreadPoolExecutor

from kg.build import build
from kg.distributed import chunks, ordered_results
from test_build import write_corpus
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
    assert (tmp_path / "one" / "graph.trig").read_bytes() == (tmp_path / "two" / "graph.trig").read_bytes()
