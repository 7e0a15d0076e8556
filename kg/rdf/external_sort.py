"""Sort more records than fit in memory: sorted runs spilled to files, then merged.

A run holds at most ``run_size`` records; each is sorted and written to its own file in
``directory``, and the files are merged with ``heapq.merge``. The order and the result are
those of ``sorted(set(records))``, so memory stays bounded however many records come in.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator
from itertools import count, islice
from pathlib import Path

Record = tuple[str, ...]

RUN_SIZE = 200_000  # records held in memory at once: some tens of MB for N-Triples statements
FAN_IN = 64  # run files merged at once; more runs are first merged into bigger runs


def sorted_unique(
    records: Iterable[Record], *, directory: str | os.PathLike[str], run_size: int = RUN_SIZE, fan_in: int = FAN_IN,
) -> Iterator[Record]:
    """``sorted(set(records))``, holding at most ``run_size`` records in memory.

    Every record is a tuple of the same length whose strings have no newline (one line
    each in a run file). Run files go in ``directory``, which should be this sort's own
    (a fresh temporary folder), and are deleted once merged.
    """
    if run_size < 1 or fan_in < 2:
        raise ValueError(f"run_size must be >= 1 and fan_in >= 2, not {run_size} and {fan_in}")
    folder = Path(directory)
    iterator = iter(records)
    runs: list[Path] = []
    numbers = count()
    width = 0
    try:
        while True:
            run = set(islice(iterator, run_size))
            # A run may shrink on deduplication: top it up so a file holds a full run.
            while run and len(run) < run_size:
                more = set(islice(iterator, run_size - len(run)))
                if not more:
                    break
                run |= more
            if not run:
                break
            if not runs and len(run) < run_size:
                yield from sorted(run)  # everything fitted in one run: no file needed
                return
            width = width or len(next(iter(run)))
            runs.append(_spill(sorted(run), folder, next(numbers)))
            if len(runs) >= fan_in:
                runs = [_spill(_merged(runs, width), folder, next(numbers))]
        if runs:
            yield from _merged(runs, width)
    finally:
        for path in runs:
            path.unlink(missing_ok=True)


def _spill(records: Iterable[Record], folder: Path, number: int) -> Path:
    path = folder / f"run-{number}.txt"
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write("\n".join(record) + "\n")
    return path


def _merged(runs: list[Path], width: int) -> Iterator[Record]:
    """The runs' records in order, each once; the run files are deleted when done."""
    handles = [open(path, encoding="utf-8", newline="\n") for path in runs]
    try:
        previous: Record | None = None
        for record in heapq.merge(*(_read(handle, width) for handle in handles)):
            if record != previous:
                yield record
                previous = record
    finally:
        for handle in handles:
            handle.close()
        for path in runs:
            path.unlink(missing_ok=True)


def _read(handle: Iterable[str], width: int) -> Iterator[Record]:
    lines = (line[:-1] for line in handle)
    return iter(lambda: tuple(islice(lines, width)), ())
