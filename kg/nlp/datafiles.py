"""kg's one loader of data files: word lists (``.txt``), tables (``.tsv``), pattern lines
(``.jsonl``) and the relation rules' word tables (``relations/*.json``).

A source names a file of ``kg/nlp/data`` or, when kg ships no such file, a path to a file of
one's own laid out the same way.

>>> "minister" in load("titles.txt")
True
>>> "say" in rule_words("speech", "verbs")
True
"""

from __future__ import annotations

import csv
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.errors import KgError

_DATA = "kg.nlp.data"


def _read(source: str) -> str:
    # kg's own data first; a name it does not ship is a path to a file of the user's own.
    packaged = resources.files(_DATA).joinpath(source)
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    try:
        return Path(source).read_text(encoding="utf-8")
    except OSError as err:
        raise KgError(f"cannot read the lexicon {source!r}: it is no data file of kg and no "
                      f"readable file ({err.strerror}). Name a file of kg/nlp/data or a path.") from err


@lru_cache(maxsize=64)
def load(source: str) -> Any:
    """The data file ``source`` (a file of ``kg/nlp/data`` such as ``"titles.txt"`` or
    ``"relations/trade.json"``, else a path), parsed by its kind: ``.txt`` a tuple of its
    lines, ``.tsv`` a tuple of row dicts, ``.jsonl`` a tuple of values, ``.json`` its value.
    Blank lines and lines opening with ``#`` are no data in the line formats. Read once.
    """
    text = _read(source)
    kept = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if source.endswith(".json"):
        return json.loads(text, object_pairs_hook=lambda pairs: _unique_keys(source, pairs))
    if source.endswith(".jsonl"):
        return tuple(json.loads(line) for line in kept)
    if source.endswith(".tsv"):
        return tuple({k: (v or "").strip() for k, v in row.items()}
                     for row in csv.DictReader(kept, delimiter="\t"))
    lines = (line.strip() for line in kept)
    return tuple(line for line in lines if not line.startswith("#"))


def _unique_keys(source: str, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the last of two equal keys without a word: a list written twice in a big
    # table would silently shadow the first, and the rule reading it would not say so.
    table: dict[str, Any] = {}
    for key, value in pairs:
        if key in table:
            raise KgError(f"the data file {source!r} gives {key!r} twice: keep one list under that name.")
        table[key] = value
    return table


@lru_cache(maxsize=None)
def rule_data(name: str) -> Any:
    """The relation rules' table ``kg/nlp/data/relations/<name>.json``."""
    return load(f"relations/{name}.json")


@lru_cache(maxsize=None)
def rule_words(name: str, key: str) -> frozenset[str]:
    """A lower-case word set from a relation table (built once: rules ask for it per token)."""
    return frozenset(w.lower() for w in rule_data(name)[key])
