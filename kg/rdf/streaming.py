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
from itertools import chain
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.rdf.external_sort import RUN_SIZE, ExternalSort
from kg.rdf.serialize import OX_FORMATS, PREFIXES, QUAD_FORMATS, BlankNodesInGraph, sorted_prefix_header, current_umask

STREAM_FORMATS = frozenset(OX_FORMATS)  # jsonld is built in memory by rdflib

_BLOCK_CHARS = 1 << 22  # the default graph's dump is read back in blocks of this many characters


def write_store_files(store: ox.Store, targets: dict[Path, str], *, run_size: int = RUN_SIZE) -> list[Path]:
    """Write ``store`` to each path in its format (ttl, trig, nt, nq), each file atomically.

    Raises ``BlankNodesInGraph`` (writing nothing) when a statement has a blank node: their
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
    """Sorted N-Triples of all graphs merged and of the default graph's statements that no
    named graph holds; sorted N-Quads of the named graphs, graph by graph in order.

    Statements are compared as N-Triples text ("s p o" without " ."), as in memory.
    """
    (work / "named").mkdir()
    (work / "default").mkdir()
    in_named = ExternalSort(work / "named", run_size=run_size)
    in_default = ExternalSort(work / "default", run_size=run_size)
    try:
        with _text(named) as named_out:
            for graph in sorted(store.named_graphs(), key=str):
                key = str(graph)
                texts = sorted(_texts(store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).decode("utf-8")))
                named_out.write("".join(f"{text} {key} .\n" for text in texts))
                in_named.add(texts)
        in_named.release()
        dump = work / "default-graph.nt"
        store.dump(str(dump), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        for texts in _blocks(dump):
            in_default.add(texts)
        dump.unlink()
        named_texts, default_texts = in_named.result(), in_default.result()
        with _text(merged) as merged_out, _text(default_only) as default_out:
            if isinstance(named_texts, list) and isinstance(default_texts, list):
                # kg's default graph merges the article graphs: only what no article says is its own.
                own = set(default_texts)
                _write_lines(merged_out, sorted(own.union(named_texts)))
                _write_lines(default_out, sorted(own.difference(named_texts)))
            else:
                for text, only_default in _union(iter(named_texts), iter(default_texts)):
                    merged_out.write(f"{text} .\n")
                    if only_default:
                        default_out.write(f"{text} .\n")
    finally:
        in_named.close()
        in_default.close()


def _texts(ntriples: str) -> list[str]:
    # "_:" anywhere in the text (a literal may hold it too) sends the statements the careful way.
    if "_:" in ntriples:
        raise BlankNodesInGraph
    lines = ntriples.split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return [line[:-2] for line in lines]


def _blocks(path: Path) -> Iterator[list[str]]:
    """The statement texts of an N-Triples file, a block of whole lines at a time."""
    with open(path, encoding="utf-8", newline="\n") as handle:
        rest = ""
        while block := handle.read(_BLOCK_CHARS):
            block = rest + block
            cut = block.rfind("\n") + 1
            block, rest = block[:cut], block[cut:]
            yield _texts(block)
        if rest:
            raise ValueError(f"{path} ends in the middle of a line")


def _union(named: Iterator[str], default: Iterator[str]) -> Iterator[tuple[str, bool]]:
    """Two sorted, duplicate-free streams merged: each text once, and whether only ``default`` had it."""
    end = object()
    other: Any = next(named, end)
    for text in default:
        while other is not end and other < text:
            yield other, False
            other = next(named, end)
        if other is not end and other == text:
            yield text, False
            other = next(named, end)
        else:
            yield text, True
    while other is not end:
        yield other, False
        other = next(named, end)


def _write_lines(out: IO[str], texts: list[str]) -> None:
    if texts:
        out.write(" .\n".join(texts) + " .\n")


def _text(path: Path) -> IO[str]:
    return open(path, "w", encoding="utf-8", newline="\n")


def _write_file(path: Path, format: str, inputs: list[tuple[Path, ox.RdfFormat]]) -> None:
    """Oxigraph serializes the sorted statements to a temporary file, renamed over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        # mkstemp makes the file private; an export gets the permissions of any new file.
        os.chmod(tmp, 0o666 & ~current_umask())
        statements = chain.from_iterable(ox.parse(path=str(p), format=syntax) for p, syntax in inputs)
        prefixes = PREFIXES if format in ("ttl", "trig") else None
        ox.serialize(statements, tmp, OX_FORMATS[format], prefixes=prefixes)
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
        ordered = sorted_prefix_header(data)
        if ordered != data:
            handle.seek(0)
            handle.write(ordered)
