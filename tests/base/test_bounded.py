"""A function run in a child process within a time and a memory bound (kg.bounded)."""

from __future__ import annotations

import time

import pytest

from kg.bounded import Bounds, OverMemory, OverTime, run_bounded
from kg.errors import QueryError

GIB = 1 << 30


def sleep_then(value: int) -> int:
    time.sleep(60)
    return value


def allocate(gib: int) -> int:
    return len(bytearray(gib * GIB))


def fail() -> None:
    raise QueryError("no such thing")


def test_a_result_comes_back():
    assert run_bounded(divmod, 7, 2, bounds=Bounds(seconds=60, memory_mib=2048)) == (3, 1)


def test_past_the_deadline_the_child_is_stopped():
    started = time.monotonic()
    with pytest.raises(OverTime):
        run_bounded(sleep_then, 1, bounds=Bounds(seconds=0.5))
    assert time.monotonic() - started < 50  # stopped long before the function's own end


def test_past_the_memory_bound_the_child_is_stopped():
    with pytest.raises(OverMemory):
        run_bounded(allocate, 4, bounds=Bounds(seconds=60, memory_mib=2048))


def test_the_childs_errors_pass_through():
    with pytest.raises(QueryError, match="no such thing"):
        run_bounded(fail, bounds=Bounds(seconds=60))
