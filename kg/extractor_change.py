"""Articles an older extractor wrote: builds read them again, whatever their content hash says.

The store records which extractor wrote it (``kg.nlp.fingerprint``: kg's version, its rules
and lexicons, the spaCy pipeline) beside its graphs, in ``<store>/kg-extractor.json``, as it
keeps the validation verdicts: not in the graphs, so the exported files stay byte-identical
when the rules change but the extraction does not. One record per store, not per article: it
names the current extractor and the ids of the articles an older one wrote, which is empty
once every article has been read again.

When the extractor changes, a build lists every article of the store as older and records
that before it writes anything; it then rewrites the older articles among its inputs (each
with its content hash, as ever) and, once all are written, records what is left. A kill
in between leaves the whole list: the next build reads those articles again, redoing some,
but never keeps a graph an older extractor wrote. Articles the build did not read (another
folder's) stay listed until a build reads them.

A remote endpoint keeps no such file: its articles are read again with ``--force``; a memory
store starts empty in every build.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import StoreError
from kg.files import write_atomic
from kg.nlp.fingerprint import ExtractorIdentity
from kg.store import Store

FILE_NAME = "kg-extractor.json"


@dataclass(frozen=True)
class ExtractorChange:
    """The articles of a store an older extractor wrote, and why, for one build.

    ``reason`` says what changed ("the rules changed since they were read"); ``folder`` is
    where the record lives (None: the store keeps none).
    """

    identity: ExtractorIdentity
    older: frozenset[str] = frozenset()
    reason: str = ""
    folder: Path | None = None


def extractor_change(graph_store: Store, identity: ExtractorIdentity) -> ExtractorChange:
    """Which articles ``identity`` must read again; recorded before the build writes any."""
    folder = record_folder(graph_store)
    if folder is None:
        return ExtractorChange(identity)
    record = _load(folder)
    recorded = ExtractorIdentity.from_json(record.get("extractor")) if record is not None else None
    if recorded == identity:
        return ExtractorChange(identity, frozenset(record.get("older", ())), str(record.get("why", "")), folder)
    older = frozenset(graph_store.article_ids())
    if record is None:
        reason = "the store does not say which extractor read them (an older kg wrote it)" if older else ""
    elif recorded is None:
        reason = "the store's record of the extractor that read them is unreadable"
    else:
        *rest, last = identity.changes_since(recorded)
        reason = f"{', '.join(rest) + ' and ' if rest else ''}{last} changed since they were read"
    change = ExtractorChange(identity, older, reason, folder)
    _save(change)
    return change


def record_rewritten(change: ExtractorChange, rewritten: Iterable[str]) -> None:
    """Record that the articles ``rewritten`` (ids) now come from the current extractor."""
    if change.folder is None or not change.older:
        return
    left = change.older.difference(rewritten)
    if left != change.older:
        _save(ExtractorChange(change.identity, left, change.reason if left else "", change.folder))


def record_folder(graph_store: Store) -> Path | None:
    """The folder of an on-disk store (the one that publishes states), where its record lives."""
    path = getattr(graph_store, "path", None)
    return Path(path) if path is not None and hasattr(graph_store, "state_token") else None


def _load(folder: Path) -> dict[str, object] | None:
    """The record, ``{}`` if it is unreadable, None if there is none."""
    try:
        data = json.loads((folder / FILE_NAME).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(change: ExtractorChange) -> None:
    """Write the record whole, atomically (a kill leaves the old one or the new one)."""
    assert change.folder is not None
    path = change.folder / FILE_NAME
    data = {"extractor": change.identity.to_json(), "why": change.reason, "older": sorted(change.older)}
    try:
        write_atomic(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    except OSError as error:
        raise StoreError(f"cannot record the extractor in {path}: {error}; check that the store's "
                         f"folder is writable.") from error
