"""Run a function in a child process bounded in time and in memory.

pyoxigraph 0.5 cannot cancel a query: evaluation runs in Rust until it ends, and a thread
waiting with a deadline could only give up on it, not stop it or bound its memory. A
child process can be killed at its deadline, and ``RLIMIT_AS`` makes the kernel refuse its
memory beyond the bound (an allocation then fails in the child, never in this process),
so the caller is left to say clearly what happened. Readers open the store read-only,
so the child opens it beside this process and beside any other.
"""

from __future__ import annotations

import os
import pickle
import select
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MIB = 1 << 20


@dataclass(frozen=True)
class Bounds:
    """``seconds`` of wall time and ``memory_mib`` of address space; None for no bound."""

    seconds: float | None = None
    memory_mib: int | None = None


class OverTime(Exception):
    """The child ran past its deadline and was killed."""


class OverMemory(Exception):
    """The child needed more memory than its bound."""


def run_bounded(function: Callable[..., Any], *args: Any, bounds: Bounds, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)`` in a child process within ``bounds``; its exceptions pass through.

    ``function``, its arguments and its result must pickle.
    """
    if _start_method() == "fork":
        kind, value = _forked(function, args, kwargs, bounds)
    else:
        kind, value = _spawned(function, args, kwargs, bounds)
    if kind == "error":
        if isinstance(value, MemoryError):
            raise OverMemory from value
        raise value
    return value


def _forked(function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
            bounds: Bounds) -> tuple[str, Any]:
    # os.fork and a pipe, not multiprocessing: importing that and its process machinery is
    # a tenth of what `kg query` costs, for the same child.
    receiver, sender = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns, never runs the parent's exit handlers
        status = 1
        try:
            os.close(receiver)
            with os.fdopen(sender, "wb") as stream:
                _child(stream, bounds.memory_mib, function, args, kwargs)
            status = 0
        finally:
            os._exit(status)
    os.close(sender)
    done = False
    try:
        with os.fdopen(receiver, "rb") as stream:
            if not select.select([stream], [], [], bounds.seconds)[0]:
                raise OverTime
            data = stream.read()
        _, status = os.waitpid(pid, 0)
        done = True
    finally:
        if not done:
            _kill(pid)
    if not data:
        # Died without a word: killed by the kernel or aborted by a failed allocation.
        if bounds.memory_mib is not None:
            raise OverMemory from None
        raise RuntimeError(f"the worker process ended with exit code {os.waitstatus_to_exitcode(status)}") from None
    return pickle.loads(data)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def _spawned(function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any],
             bounds: Bounds) -> tuple[str, Any]:
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_spawned_child, args=(sender, bounds.memory_mib, function, args, kwargs),
                            daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(bounds.seconds):
            raise OverTime
        try:
            return pickle.loads(receiver.recv_bytes())
        except EOFError:
            # Died without a word: killed by the kernel or aborted by a failed allocation.
            child.join(5)
            if bounds.memory_mib is not None:
                raise OverMemory from None
            raise RuntimeError(f"the worker process ended with exit code {child.exitcode}") from None
    finally:
        receiver.close()
        if child.is_alive():
            child.kill()
        child.join(5)


def _spawned_child(sender: Any, memory_mib: int | None, function: Callable[..., Any], args: tuple[Any, ...],
                   kwargs: dict[str, Any]) -> None:
    class Stream:
        def write(self, data: bytes) -> None:
            sender.send_bytes(data)

    _child(Stream(), memory_mib, function, args, kwargs)
    sender.close()


def _child(stream: Any, memory_mib: int | None, function: Callable[..., Any], args: tuple[Any, ...],
           kwargs: dict[str, Any]) -> None:
    """Run ``function`` within ``memory_mib`` and write ("ok", result) or ("error", exception)
    to ``stream``, pickled in one write."""
    if memory_mib is not None:
        import resource

        limit = memory_mib * MIB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result: tuple[str, Any] = ("ok", function(*args, **kwargs))
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        result = ("error", error)
    try:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
    except MemoryError:
        data = pickle.dumps(("error", MemoryError()))
    except Exception as error:  # noqa: BLE001 - what cannot pickle is said in words
        data = pickle.dumps(("error", RuntimeError(f"the worker's answer could not be sent: {error!r}")))
    stream.write(data)


def _start_method() -> str:
    """``fork`` where this process has no other thread (cheap, and safe then), else ``spawn``.

    Forking copies only the calling thread: a lock another thread held (a RocksDB worker's,
    say) would stay locked forever in the child. Native threads count, so Linux's own list
    of this process's threads is asked, not ``threading``.
    """
    if sys.platform.startswith("linux"):
        try:
            if len(os.listdir("/proc/self/task")) == 1:
                return "fork"
        except OSError:
            pass
    return "spawn"
