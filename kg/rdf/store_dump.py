"""Turtle and N-Triples of an Oxigraph store's merged default graph, sorted, without Python terms.

kg's store keeps its default graph as the merge (set union) of the article graphs, so a
triple format (which merges all graphs anyway) is that one graph. Oxigraph writes it as
N-Triples in Rust; only the lines are sorted in Python (bytes sort as the text would: UTF-8
keeps code point order), then Oxigraph turns them into Turtle. The result is byte for byte
what ``kg.rdf.serialize.serialize(store, format=...)`` gives, several times faster.
"""

from __future__ import annotations

import pyoxigraph as ox

from kg.rdf.serialize import PREFIXES, sorted_prefix_header

TRIPLE_FORMATS = ("ttl", "nt")


def sorted_ntriples(store: ox.Store) -> bytes | None:
    """The merged default graph as sorted N-Triples, or None when this shortcut cannot apply.

    None when the default graph is empty (an empty store, or one whose default graph is
    not kept merged) or may hold blank nodes (their labels must be made canonical first).
    """
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    if not data or b"_:" in data:
        return None
    lines = data.split(b"\n")
    lines.sort()
    # The dump ends with a newline, so the first line after sorting is the empty one.
    return b"\n".join(lines[1:] if not lines[0] else lines) + b"\n"


def store_triples(store: ox.Store, *, format: str) -> bytes | None:
    """The store's triples as deterministic ``format`` (ttl or nt), or None (use the slow path)."""
    if format not in TRIPLE_FORMATS:
        raise ValueError(f"store_triples writes {' or '.join(TRIPLE_FORMATS)}, not {format!r}")
    data = sorted_ntriples(store)
    if data is None or format == "nt":
        return data
    out = ox.serialize(ox.parse(data, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                       prefixes=PREFIXES)
    return sorted_prefix_header(out)
