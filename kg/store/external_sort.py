"""Sort more lines than fit in memory: sorted runs spilled to files, then merged.

Lines gather in a set of at most ``run_size``; a full set is sorted and written to its own
file, and the files are merged with ``heapq.merge``. The result is ``sorted(set(lines))``,
in memory bounded by the run size however many lines come in. Lines that all fit are never
written out, and are handed back as a list.
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterable, Iterator
from itertools import count, islice
from pathlib import Path

RUN_SIZE = 100_000  # lines held in memory by one sort: some 25 MB of N-Triples statements
FAN_IN = 64  # run files merged at once; more runs are first merged into one bigger run


class ExternalSort:
    """``sorted(set(lines))`` of every line added, holding at most ``run_size`` in memory.

    Lines must not contain a newline (a run file holds one per line). Run files go in
    ``directory``, which should be this sort's own, and are deleted once merged.
    """

    def __init__(self, directory: str | os.PathLike[str], *, run_size: int = RUN_SIZE, fan_in: int = FAN_IN) -> None:
        if run_size < 1 or fan_in < 2:
            raise ValueError(f"run_size must be >= 1 and fan_in >= 2, not {run_size} and {fan_in}")
        self._directory = Path(directory)
        self._run_size = run_size
        self._fan_in = fan_in
        self._run: set[str] = set()
        self._runs: list[Path] = []
        self._numbers = count()

    def add(self, lines: Iterable[str]) -> None:
        iterator = iter(lines)
        while chunk := list(islice(iterator, self._run_size)):
            self._run.update(chunk)
            if len(self._run) >= self._run_size:
                self._spill()

    def release(self) -> None:
        """Once lines are on disk, write the ones in memory too: a sort whose input is done
        then holds no memory while another sort fills up."""
        if self._runs and self._run:
            self._spill()

    def result(self) -> list[str] | Iterator[str]:
        """The sorted lines: a list if they all fitted in memory, else an iterator over the runs."""
        if not self._runs:
            lines, self._run = sorted(self._run), set()
            return lines
        if self._run:
            self._spill()
        runs, self._runs = self._runs, []
        return _merged(runs)

    def close(self) -> None:
        """Delete the run files not merged yet (a sort given up half way)."""
        for path in self._runs:
            path.unlink(missing_ok=True)
        self._runs, self._run = [], set()

    def _spill(self) -> None:
        self._runs.append(self._write(sorted(self._run)))
        self._run = set()
        if len(self._runs) >= self._fan_in:
            runs, self._runs = self._runs, []
            self._runs = [self._write(_merged(runs))]

    def _write(self, lines: Iterable[str]) -> Path:
        path = self._directory / f"run-{next(self._numbers)}.txt"
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            if isinstance(lines, list):
                handle.write("\n".join(lines) + "\n")
            else:
                handle.writelines(f"{line}\n" for line in lines)
        return path


def _merged(runs: list[Path]) -> Iterator[str]:
    """The runs' lines in order, each once; the run files are deleted when done."""
    handles = [open(path, encoding="utf-8", newline="\n") for path in runs]
    try:
        previous = None
        for line in heapq.merge(*(_lines(handle) for handle in handles)):
            if line != previous:
                yield line
                previous = line
    finally:
        for handle in handles:
            handle.close()
        for path in runs:
            path.unlink(missing_ok=True)


def _lines(handle: Iterable[str]) -> Iterator[str]:
    # Compared without their newline: a line sorts as it did in memory.
    return (line[:-1] for line in handle)
