"""Query worker processes over a read-only store, each query bounded in time.

pyoxigraph evaluates a query in Rust without a way to interrupt it, so a query that runs
too long can only be stopped with the process that runs it: each worker is a process of
its own holding the store read-only; the server hands it one query at a time and kills it
(then starts a fresh one) when the answer does not come in time.

>>> with WorkerPool("output/store", size=1, timeout=10) as pool:  # doctest: +SKIP
...     answer = pool.run(Job("ASK { ?s ?p ?o }", accept="application/sparql-results+json"))
>>> answer.content_type  # doctest: +SKIP
'application/sparql-results+json; charset=utf-8'
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, QueryTimeout, StoreError
from kg.serve.formats import NotAcceptable, choose, content_type, format_name
from kg.store import OxigraphStore

# Fresh interpreters, not forks: the server runs threads, and a fork of a threaded process
# (or of an open RocksDB handle) is unsafe.
_CONTEXT = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Job:
    """One query: its text, the graphs of its dataset (protocol parameters) and the Accept header."""

    query: str
    accept: str | None = None
    format: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """A query's serialized result."""

    content_type: str
    body: bytes = field(repr=False)


class NotAcceptableError(QueryError):
    """The client accepts no format the result can be written in (HTTP 406)."""


def _evaluate(store: Any, job: Job) -> Answer:
    options: dict[str, Any] = {}
    if job.default_graphs:
        options["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        options["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    # The stored default graph is already the merge of the article graphs (see kg.store), as
    # `kg query` reads it: no union of the named graphs, which would count each triple again.
    result = store.query(job.query, **options)
    kind = "graph" if isinstance(result, ox.QueryTriples) else "select"
    media = choose(kind, job.accept, format=job.format)
    name = format_name(kind, media)
    fmt = getattr(ox.RdfFormat if kind == "graph" else ox.QueryResultsFormat, name)
    return Answer(content_type(media), result.serialize(format=fmt))


def _main(connection: Connection, path: str) -> None:
    """A worker's life: open the store read-only, answer jobs until the server goes."""
    try:
        # The state the last finished build published (kg.store.snapshots): opening the store
        # itself read-only while a build writes it is undefined behaviour in RocksDB.
        handle = OxigraphStore(path, read_only=True)
    except StoreError as error:
        connection.send(("failed", f"cannot open the store at {path} read-only: {error}"))
        return
    store = handle.ox
    connection.send(("ready", ""))
    while True:
        try:
            job = connection.recv()
        except (EOFError, OSError):
            return
        try:
            reply: tuple[str, Any] = ("ok", _evaluate(store, job))
        except SyntaxError as error:
            reply = ("syntax", f"SPARQL syntax error: {error}")
        except NotAcceptable as error:
            reply = ("accept", str(error))
        except (OSError, RuntimeError, ValueError) as error:
            reply = ("failed", f"the query failed: {error}")
        connection.send(reply)


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, path: Path) -> None:
        self.connection, child = _CONTEXT.Pipe()
        self.process = _CONTEXT.Process(target=_main, args=(child, str(path)), daemon=True, name="kg-serve-worker")
        self.process.start()
        child.close()
        self._ready = False

    def wait_ready(self, timeout: float) -> None:
        if self._ready:
            return
        if not self.connection.poll(timeout):
            self.stop()
            raise StoreError(f"a query worker did not start within {timeout:.0f} s.")
        status, message = self.connection.recv()
        if status != "ready":
            self.stop()
            raise StoreError(message)
        self._ready = True

    def run(self, job: Job, timeout: float) -> tuple[str, Any]:
        self.connection.send(job)
        if not self.connection.poll(timeout):
            raise TimeoutError
        return self.connection.recv()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)
        self.connection.close()


class WorkerPool:
    """``size`` workers over the store at ``path``; ``run`` blocks the calling thread."""

    # Starting a worker imports pyoxigraph and opens the store: seconds on a busy machine.
    START_TIMEOUT = 60.0

    def __init__(self, path: str | Path, *, size: int = 2, timeout: float = 30.0) -> None:
        if size < 1:
            raise StoreError(f"the server needs at least one query worker, not {size}.")
        self.path = Path(path)
        self.timeout = timeout
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._all: list[Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(size):
            self._add()
        try:
            for worker in list(self._all):
                worker.wait_ready(self.START_TIMEOUT)
        except StoreError:
            self.close()
            raise

    def _add(self) -> None:
        worker = Worker(self.path)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def _drop(self, worker: Worker) -> None:
        worker.stop()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)

    def run(self, job: Job) -> Answer:
        """Run ``job`` on an idle worker; ``QueryTimeout`` when it takes too long."""
        if self._closed:
            raise StoreError("the query workers are stopped.")
        worker = self._idle.get()
        try:
            worker.wait_ready(self.START_TIMEOUT)
            status, value = worker.run(job, self.timeout)
        except TimeoutError:
            # The only way to stop a query that runs in Rust: end its process.
            self._drop(worker)
            if not self._closed:
                self._add()
            raise QueryTimeout(f"the query ran longer than {self.timeout:g} s and was stopped.") from None
        except (EOFError, OSError, StoreError) as error:
            self._drop(worker)
            if not self._closed:
                self._add()
            raise StoreError(f"a query worker failed: {error or type(error).__name__}") from None
        self._idle.put(worker)
        if status == "ok":
            return value
        if status == "accept":
            raise NotAcceptableError(value)
        if status == "syntax":
            raise QueryError(value)
        raise StoreError(value)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        self.close()
