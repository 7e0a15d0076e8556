"""How many articles the inputs hold, counted cheaply, for a progress bar's total and ETA.

Counting reads no article: a folder is listed, a JSON Lines file has its non-empty lines
counted as bytes. Where that cannot be known without reading (standard input) the
count is None, and the progress bar shows a rate without an end.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path

from kg.io.readers import SUFFIXES


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def _lines(path: Path, *, compressed: bool) -> int:
    opener = gzip.open if compressed else open
    with opener(path, "rb") as handle:
        return sum(1 for line in handle if line.strip())


def _in_file(path: Path) -> int:
    suffix = _suffix(path)
    try:
        if suffix in (".jsonl", ".jsonl.gz"):
            return _lines(path, compressed=suffix == ".jsonl.gz")
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("articles"), list):
                return len(data["articles"])
            return len(data) if isinstance(data, list) else 1
    except (OSError, ValueError, EOFError):
        return 1  # the reader will report it; count it as the one item it is
    return 1


def count_articles(inputs: Iterable[str | Path]) -> int | None:
    """The number of articles in ``inputs`` (the readers' rules), or None when unknowable.

    >>> count_articles(["examples/"])  # doctest: +SKIP
    8
    """
    total = 0
    for item in inputs:
        if str(item) == "-":
            return None
        path = Path(item)
        if path.is_dir():
            total += sum(_in_file(p) for p in path.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES)
        elif path.is_file():
            total += _in_file(path)
    return total
