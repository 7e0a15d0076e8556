"""An Oxigraph store's statements sorted for the writers, in bounded memory, on disk.

The result is the :class:`~kg.rdf.statements.SortedDump` that sorting in memory gives;
only the way there differs. Named graphs are small and read one at a time in sorted order.
The merged statements (the big default graph and every named graph's) go through an
external sort: sorted runs spilled to a scratch folder, then merged. Oxigraph writes each
graph's N-Triples in Rust, so no statement crosses into Python as an object.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox

from kg.rdf.statements import BlankNodesInGraph, SortedDump, sorted_dump_of
from kg.store.external_sort import RUN_SIZE, ExternalSort

_BLOCK_CHARS = 1 << 22  # the default graph's dump is read back in blocks of this many characters
# Up to this many named-graph statements, the merge is checked for statements of the default
# graph's own (``_default_has_own``) before the default graph is dumped: Oxigraph holds the
# named graphs' statements in memory to answer (~1,000 news articles; some 130 MB at this
# size, measured); beyond it, the dump keeps memory bounded.
MERGE_CHECK_MAX = 300_000


@contextmanager
def sorted_dump(store: ox.Store, *, graphs: bool = True, scratch: Path | None = None,
                merged_default: bool = False, run_size: int = RUN_SIZE,
                known: Callable[[str], bytes | None] | None = None) -> Iterator[SortedDump]:
    """The sorted statements of ``store``, in files under a scratch folder made in ``scratch``
    (the system's temporary folder when None) and removed when the block ends.

    ``merged_default`` says the default graph is the merge of the named graphs (as in kg's
    store): the merged triples are then its dump, sorted in memory, which is several times
    faster when the named graphs are not asked for. Blank nodes need their labels made
    canonical, which is done in memory. ``known`` gives a named graph's N-Triples where they
    are at hand (the same statements as the store's, dumped by Oxigraph), saving its dump.
    """
    if merged_default and not graphs:
        data = _sorted_default_graph(store)
        if data is not None:
            yield SortedDump((data,), checked=True)
            return
    with tempfile.TemporaryDirectory(dir=scratch, prefix=".kg-sort.") as folder:
        work = Path(folder)
        merged, default_only, named = work / "merged.nt", work / "default.nt", work / "named.nq"
        try:
            _sorted_statements(store, work, merged=merged, default_only=default_only, named=named,
                               run_size=run_size, known=known)
        except BlankNodesInGraph:
            dump = None
        else:
            dump = SortedDump((merged,), (default_only, named), checked=True)
        yield dump if dump is not None else sorted_dump_of(store, graphs=graphs)


def _sorted_default_graph(store: ox.Store) -> bytes | None:
    """The default graph as sorted N-Triples, or None when this shortcut cannot apply.

    None when the default graph is empty (an empty store, or one whose default graph is
    not kept merged) or may hold blank nodes (their labels must be made canonical first).
    Bytes sort as the text would: UTF-8 keeps code point order.
    """
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    if not data or b"_:" in data:
        return None
    lines = data.split(b"\n")
    lines.sort()
    # The dump ends with a newline, so the first line after sorting is the empty one.
    return b"\n".join(lines[1:] if not lines[0] else lines) + b"\n"


def _sorted_statements(store: ox.Store, work: Path, *, merged: Path, default_only: Path, named: Path,
                       run_size: int, known: Callable[[str], bytes | None] | None = None) -> None:
    """Sorted N-Triples of all graphs merged and of the default graph's statements that no
    named graph holds; sorted N-Quads of the named graphs, graph by graph in order.

    Statements are compared as N-Triples text ("s p o" without " ."), as in memory.
    """
    (work / "named").mkdir()
    (work / "default").mkdir()
    in_named = ExternalSort(work / "named", run_size=run_size)
    in_default = ExternalSort(work / "default", run_size=run_size)
    statements = 0  # in the named graphs, duplicates counted
    try:
        with _text(named) as named_out:
            for graph in sorted(store.named_graphs(), key=str):
                key = str(graph)
                data = known(graph.value) if known is not None else None
                if data is None:
                    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph)
                texts = _texts(data.decode("utf-8"))
                texts.sort()
                _write_lines(named_out, texts, ending=f" {key} .\n")
                in_named.add(texts)
                statements += len(texts)
        in_named.release()
        if statements <= MERGE_CHECK_MAX and not _default_has_own(store):
            # The default graph adds nothing to the named graphs (as kg's store keeps it):
            # the merge is the named graphs' statements, with no dump of the default graph.
            with _text(merged) as merged_out, _text(default_only):
                named_texts = in_named.result()
                if isinstance(named_texts, list):
                    _write_lines(merged_out, named_texts)
                else:
                    merged_out.writelines(f"{text} .\n" for text in named_texts)
            return
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


def _default_has_own(store: ox.Store) -> bool:
    """Whether the default graph holds a statement that no named graph holds.

    Oxigraph answers on its encoded terms, the named graphs' statements hashed once: on 120
    BBC articles 0.4 ms an article, against 1.55 for dumping the default graph (which reads
    every term's text back from RocksDB) and reading that dump into the sort.
    """
    return bool(store.query("ASK { ?s ?p ?o MINUS { GRAPH ?g { ?s ?p ?o } } }"))


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


def _write_lines(out: IO[str], texts: list[str], *, ending: str = " .\n") -> None:
    # One join for all the lines: a string made per statement cost more than their sort.
    if texts:
        out.write(ending.join(texts) + ending)


def _text(path: Path) -> IO[str]:
    return open(path, "w", encoding="utf-8", newline="\n")
