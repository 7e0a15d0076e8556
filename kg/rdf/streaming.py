"""A whole Oxigraph store as sorted ttl, trig, nt or nq files, in bounded memory.

The bytes are those of :func:`kg.rdf.serialize.serialize`; only the way there differs.
Named graphs are small and read one at a time in sorted order. The merged statements (the
big default graph and every named graph's) go through an external sort: sorted runs
spilled to a scratch folder beside the output, then merged. Oxigraph then writes each file
from the sorted N-Triples/N-Quads on disk, statement by statement.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from itertools import chain, groupby
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from kg.rdf.external_sort import RUN_SIZE, sorted_unique
from kg.rdf.serialize import _OX_FORMATS, PREFIXES, QUAD_FORMATS, _BlankNodes, _sorted_prefix_header, _umask

STREAM_FORMATS = frozenset(_OX_FORMATS)  # jsonld is built in memory by rdflib

# Where a merged statement was found: only in the default graph, or in a named graph too.
_NAMED, _DEFAULT = "n", "d"


def write_store_files(store: ox.Store, targets: dict[Path, str], *, run_size: int = RUN_SIZE) -> list[Path]:
    """Write ``store`` to each path in its format (ttl, trig, nt, nq), each file atomically.

    Raises ``_BlankNodes`` (writing nothing) when a statement has a blank node: their
    labels must be made canonical in memory first.
    """
    if not targets:
        return []
    first = next(iter(targets))
    first.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=first.parent, prefix=f".{first.name}.sort.") as scratch:
        work = Path(scratch)
        merged, default_only, named = work / "merged.nt", work / "default.nt", work / "named.nq"
        _sorted_statements(store, work, merged=merged, default_only=default_only, named=named, run_size=run_size)
        for path, format in targets.items():
            inputs = [(default_only, ox.RdfFormat.N_QUADS), (named, ox.RdfFormat.N_QUADS)] \
                if format in QUAD_FORMATS else [(merged, ox.RdfFormat.N_TRIPLES)]
            _write_file(path, format, inputs)
    return list(targets)


def _sorted_statements(store: ox.Store, work: Path, *, merged: Path, default_only: Path, named: Path,
                       run_size: int) -> None:
    """Sorted N-Triples of all graphs merged, of the default graph's statements that no named
    graph holds, and sorted N-Quads of the named graphs (graph by graph, in order)."""
    runs = work / "runs"
    runs.mkdir()
    with _text(named) as named_out:
        records = chain(_named_records(store, named_out), _default_records(store, work / "dump.nt"))
        with _text(merged) as merged_out, _text(default_only) as default_out:
            for text, group in groupby(sorted_unique(records, directory=runs, run_size=run_size), key=_first):
                line = f"{text} .\n"
                merged_out.write(line)
                # kg's default graph merges the article graphs: only what no article says is its own.
                if all(origin == _DEFAULT for _, origin in group):
                    default_out.write(line)


def _named_records(store: ox.Store, out: IO[str]) -> Iterator[tuple[str, str]]:
    for graph in sorted(store.named_graphs(), key=str):
        key = str(graph)
        texts = sorted(_texts(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")))
        out.write("".join(f"{text} {key} .\n" for text in texts))
        for text in texts:
            yield text, _NAMED


def _default_records(store: ox.Store, dump: Path) -> Iterator[tuple[str, str]]:
    # The default graph is the big one: dumped to a file and read back line by line.
    store.dump(str(dump), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    with open(dump, encoding="utf-8", newline="\n") as handle:
        for line in handle:
            text = line[:-3]  # the statement without " .\n"
            if "_:" in text:
                raise _BlankNodes
            yield text, _DEFAULT
    dump.unlink()


def _texts(ntriples: str) -> set[str]:
    texts = {line[:-2] for line in ntriples.split("\n") if line}
    if any("_:" in text for text in texts):
        raise _BlankNodes
    return texts


def _first(record: tuple[str, str]) -> str:
    return record[0]


def _text(path: Path) -> IO[str]:
    return open(path, "w", encoding="utf-8", newline="\n")


def _write_file(path: Path, format: str, inputs: list[tuple[Path, ox.RdfFormat]]) -> None:
    """Oxigraph serializes the sorted statements to a temporary file, renamed over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        # mkstemp makes the file private; an export gets the permissions of any new file.
        os.chmod(tmp, 0o666 & ~_umask())
        statements = chain.from_iterable(ox.parse(path=str(p), format=syntax) for p, syntax in inputs)
        prefixes = PREFIXES if format in ("ttl", "trig") else None
        ox.serialize(statements, tmp, _OX_FORMATS[format], prefixes=prefixes)
        if prefixes:
            _sort_prefix_lines(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sort_prefix_lines(path: Path) -> None:
    """Put the prefix lines in PREFIXES order in place: the same lines, so the same length."""
    with open(path, "r+b") as handle:
        head = []
        while (line := handle.readline()).startswith(b"@prefix "):
            head.append(line)
        data = b"".join(head)
        ordered = _sorted_prefix_header(data)
        if ordered != data:
            handle.seek(0)
            handle.write(ordered)
