"""Article graphs' N-Triples kept from the moment they were written, for the graph files.

A build dumps each graph it writes from a copy in memory (to fingerprint it, ``kg.validate``);
the graph files then need the same statements of every graph, which reading back from the
store on disk costs ~1.5 ms a graph (a RocksDB lookup per term). The dumps go to one scratch
file, unnamed (nothing is left behind by a kill), with only their offsets held in memory, so
a build of any size keeps memory flat.
"""

from __future__ import annotations

import tempfile
from pathlib import Path


class GraphTexts:
    """N-Triples by graph IRI, spilled to a scratch file in ``folder``."""

    def __init__(self, folder: Path | None = None) -> None:
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".kg-graphs.")
        self._at: dict[str, tuple[int, int]] = {}
        self._end = 0

    def add(self, graph: str, ntriples: bytes) -> None:
        self._file.seek(self._end)
        self._file.write(ntriples)
        self._at[graph] = (self._end, len(ntriples))
        self._end += len(ntriples)

    def get(self, graph: str) -> bytes | None:
        """The graph's N-Triples as added (None: not added)."""
        where = self._at.get(graph)
        if where is None:
            return None
        self._file.seek(where[0])
        return self._file.read(where[1])

    def close(self) -> None:
        self._file.close()
