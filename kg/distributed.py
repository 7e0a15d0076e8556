"""Extraction spread over processes on this machine or over a Dask cluster, in input order.

Workers receive small batches of :class:`~kg.model.Article` and send back plain
:class:`~kg.model.Extraction` dataclasses: no spaCy object crosses a process boundary. Each
worker process loads the pipeline once (``cached_pipeline`` caches it per process), or has
it already if it was forked from a process that held it, and keeps it for every later batch. The driver keeps only a bounded window of batches in flight and
yields results in input order, so memory stays flat however long the input stream is. On
this machine the driver is one of the ``jobs`` processes: it extracts a batch itself
whenever the oldest one in flight is not back yet.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from itertools import islice
from typing import Any, Protocol, TypeVar

from kg.errors import KgError
from kg.model import Article, Extraction, Skipped
from kg.nlp.extract import extract_articles
from kg.nlp.loading import DEFAULT_MODEL

T = TypeVar("T")

# Articles per task: small enough that N workers share even a short corpus, large enough
# that nlp.pipe batches them efficiently.
TASK_SIZE = 8

ExtractBatch = Callable[[list[Article], str], list["Extraction | Skipped"]]


class Workers:
    """Worker processes on this machine, kept until closed.

    A build keeps them for its whole length: they extract, and once the store is written
    they can take work off the driver (``submit``) while it writes the graph files.

    A build calls :meth:`start` before it opens its store, so that on Linux they are forked
    from a process that holds no store: they start at once, with every module this process
    imported and the model if it holds one (a library caller, a benchmark), instead of
    importing everything and loading the model again. Started any later (lazily, at the
    first ``submit``), they are spawned afresh: by then this process may hold the store.
    """

    def __init__(self, count: int) -> None:
        self.count = max(1, count)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self._pool is not None

    def start(self) -> Workers:
        """Start the processes now, forked from this one where that is safe (see the class)."""
        if self._pool is None:
            self._pool = self._open(_fork_method())
            # A fork pool forks all its processes at its first task, not one by one later.
            self._pool.submit(int)
        return self

    def pool(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the driver may hold the store (RocksDB threads, open files) and
            # maybe a Dask client; a threaded process that forks can deadlock the child.
            self._pool = self._open("spawn")
        return self._pool

    def _open(self, method: str) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.count, mp_context=multiprocessing.get_context(method))

    def submit(self, function: Callable[..., T], *args: Any) -> Future[T]:
        return self.pool().submit(function, *args)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


class _Future(Protocol):
    def result(self) -> Any: ...


class _WorkerFuture(_Future, Protocol):
    def done(self) -> bool: ...

    def cancel(self) -> bool: ...


def _fork_method() -> str:
    """"fork" on Linux; elsewhere "spawn" (macOS's system libraries are not fork-safe, Windows has no fork).

    Forked before the store is opened, a worker inherits no RocksDB file or lock; what
    RocksDB threads an earlier store left in this process (its thread pools outlive the
    store) sit idle, and the worker never calls into RocksDB, so no lock they hold matters.
    """
    return "fork" if sys.platform == "linux" else "spawn"


def extract_batch(articles: list[Article], model: str = DEFAULT_MODEL) -> list[Extraction | Skipped]:
    """Extract one batch in this process (the task every worker runs).

    An article whose extraction fails comes back as a :class:`~kg.model.Skipped` in its
    place, so one bad article never costs the batch, nor the build.
    """
    return list(extract_articles(articles, model=model, batch_size=max(1, len(articles)), isolate=True))


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def ordered_results(
    submit: Callable[[list[T]], _Future], batches: Iterable[list[T]], *, window: int
) -> Iterator[Any]:
    """Submit ``batches`` with at most ``window`` in flight; yield their results in order."""
    pending: deque[_Future] = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def shared_results(
    submit: Callable[[list[T]], _WorkerFuture],
    batches: Iterable[list[T]],
    *,
    window: int,
    run_here: Callable[[list[T]], Any],
) -> Iterator[Any]:
    """Like :func:`ordered_results`, but this process works too instead of only waiting.

    Whenever the oldest batch is not back yet and the workers have ``window`` batches
    queued, this process takes the next batch itself; once the input is all read, it takes
    back the newest batch no worker has started. Results still come in input order. At most
    ``2 * window`` batches done here wait for the workers' results before them (enough to
    cover the workers' start-up).
    """
    # [future, batch] while the workers have a batch; [None, result] once it is done here.
    pending: deque[list[Any]] = deque()
    iterator = iter(batches)
    exhausted = False
    in_flight = here = 0

    def read() -> list[T] | None:
        nonlocal exhausted
        batch = None if exhausted else next(iterator, None)
        exhausted = batch is None
        return batch

    while True:
        while in_flight < window and (batch := read()) is not None:
            pending.append([submit(batch), batch])
            in_flight += 1
        if not pending:
            return
        future, item = pending[0]
        if future is not None and not future.done() and here < 2 * window:
            if not exhausted:
                if (batch := read()) is not None:
                    pending.append([None, run_here(batch)])
                    here += 1
                continue
            entry = _not_started(pending)
            if entry is not None:
                entry[:] = [None, run_here(entry[1])]
                in_flight -= 1
                here += 1
                continue
        pending.popleft()
        if future is None:
            here -= 1
            yield item
        else:
            in_flight -= 1
            yield future.result()


def _not_started(pending: deque[list[Any]]) -> list[Any] | None:
    """The newest entry whose batch no worker has started, now cancelled there; or None."""
    for index in range(len(pending) - 1, 0, -1):
        future = pending[index][0]
        if future is not None and future.cancel():
            return pending[index]
    return None


def extract_in_processes(
    articles: Iterable[Article],
    *,
    jobs: int,
    model: str = DEFAULT_MODEL,
    batch_size: int = TASK_SIZE,
    extract: ExtractBatch = extract_batch,
    workers: Workers | None = None,
) -> Iterator[Extraction | Skipped]:
    """Extractions in input order from ``jobs`` processes: ``jobs - 1`` workers and this one.

    This process extracts whenever it would otherwise wait for a worker (while the workers
    start up and load the model, and between its own store writes), so ``jobs`` processes
    are busy, not ``jobs`` workers and an idle driver. ``workers`` lends processes that
    outlive the extraction (they are left running); without it, ``jobs - 1`` are started
    and stopped here.
    """
    size = max(1, min(batch_size, TASK_SIZE))
    batches = chunks(articles, size)
    if jobs <= 1:
        for batch in batches:
            yield from extract(batch, model)
        return
    with Workers(jobs - 1) if workers is None else nullcontext(workers) as lent:
        results = shared_results(lambda b: lent.submit(extract, b, model), batches,
                                 window=4 * lent.count, run_here=lambda b: extract(b, model))
        for result in results:
            yield from result


def extract_on_cluster(
    articles: Iterable[Article],
    *,
    scheduler: str,
    model: str = DEFAULT_MODEL,
    batch_size: int = TASK_SIZE,
    extract: ExtractBatch = extract_batch,
    connect_timeout: float = 20.0,
) -> Iterator[Extraction | Skipped]:
    """Extractions in input order from the workers of the Dask cluster at ``scheduler``.

    >>> for x in extract_on_cluster(articles, scheduler="tcp://127.0.0.1:8786"):  # doctest: +SKIP
    ...     print(x.article.id, len(x.facts))
    """
    try:
        # Imported here: dask.distributed is an optional extra, and slow to import.
        from distributed import Client
    except ImportError as error:  # pragma: no cover - distributed is a dependency
        raise KgError("running on a cluster needs dask.distributed: pip install 'distributed'.") from error
    try:
        client = Client(scheduler, timeout=f"{connect_timeout}s", set_as_default=False)
    except (OSError, TimeoutError) as error:
        raise KgError(
            f"cannot reach the Dask scheduler at {scheduler}: {error}; start one with "
            f"`dask scheduler` and workers with `dask worker {scheduler}`."
        ) from error
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        size = max(1, min(batch_size, TASK_SIZE))
        batches = chunks(articles, size)

        def submit(batch: list[Article]) -> _Future:
            return client.submit(extract, batch, model, pure=False)

        for result in ordered_results(submit, batches, window=2 * workers):
            yield from result
    finally:
        client.close()


__all__ = ["TASK_SIZE", "Workers", "extract_batch", "extract_in_processes", "extract_on_cluster", "ordered_results",
           "shared_results"]
