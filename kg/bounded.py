"""Run a function in a child process bounded in time and in memory.

pyoxigraph 0.5 cannot cancel a query: evaluation runs in Rust until it ends, and a thread
waiting with a deadline could only give up on it, not stop it or bound its memory. A
child process can be killed at its deadline, and ``RLIMIT_AS`` makes the kernel refuse its
memory beyond the bound (an allocation then fails in the child, never in this process),
so the caller is left to say clearly what happened. Readers open the store read-only,
so the child opens it beside this process and beside any other.
"""

from __future__ import annotations

import multiprocessing
import os
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
    context = multiprocessing.get_context(_start_method())
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, bounds.memory_mib, function, args, kwargs), daemon=True)
    child.start()
    sender.close()
    try:
        if not receiver.poll(bounds.seconds):
            raise OverTime
        try:
            kind, value = receiver.recv()
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
    if kind == "error":
        if isinstance(value, MemoryError):
            raise OverMemory from value
        raise value
    return value


def _child(sender: Any, memory_mib: int | None, function: Callable[..., Any], args: tuple[Any, ...],
           kwargs: dict[str, Any]) -> None:
    if memory_mib is not None:
        import resource

        limit = memory_mib * MIB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        result: tuple[str, Any] = ("ok", function(*args, **kwargs))
    except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
        result = ("error", error)
    try:
        sender.send(result)
    except MemoryError:
        sender.send(("error", MemoryError()))
    sender.close()


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
