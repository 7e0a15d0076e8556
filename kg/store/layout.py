"""Where a kg store keeps its statements: each article's in its named graph, once.

Reads see every statement through the default graph, which a query reads as the union of
the store's graphs (``use_default_graph_as_union``); the stored default graph holds
nothing kg writes. Stores written by kg before this layout also kept a merged copy of the
article graphs in their default graph (every quad written twice). They are recognised by
the absence of the layout file ``KG-LAYOUT`` beside a default graph that holds statements:

- readers read such a store as before, its stored default graph as the merge (the union
  would see each statement twice);
- the first write to it migrates it: the default graph's copies of statements that a named
  graph holds are deleted, a few hundred article graphs per transaction, then the layout
  file is written. A statement only the default graph held (written there by a SPARQL
  update) is kept, and reads still see it: the union includes the default graph.

A query that names its own dataset (``FROM``, ``FROM NAMED``) is answered on that dataset,
not on the union.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

LAYOUT_FILE = "KG-LAYOUT"
LAYOUT = "article-graphs-only 2"
MIGRATE_GRAPHS_PER_UPDATE = 500

# FROM or FROM NAMED before the query's WHERE. Strings, IRIs and comments are cut first so
# that a literal saying "from <x>" does not count.
_SKIP = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*')
_FROM = re.compile(r"(?i)(?<![\w:?$])FROM(?![\w:])")


def names_dataset(sparql: str) -> bool:
    """Whether ``sparql`` names its own dataset (FROM / FROM NAMED): then it is answered on
    that dataset, as SPARQL says, not on the union of the store's graphs."""
    return bool(_FROM.search(_SKIP.sub(" ", sparql)))


def write_marker(path: Path) -> None:
    """Say, in the store folder ``path``, that the store holds each statement once."""
    from kg.store.snapshots import write_small  # the snapshot module knows durable small files

    write_small(path / LAYOUT_FILE, LAYOUT + "\n")


def has_marker(path: Path) -> bool:
    return (path / LAYOUT_FILE).is_file()


def default_graph_empty(store: Any) -> bool:
    """Whether the stored default graph of a pyoxigraph store holds no statement (one seek)."""
    import pyoxigraph as ox

    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


def reads_union(store: Any, folder: Path) -> bool:
    """Whether queries on ``store`` (opened from ``folder``) read the union of its graphs:
    yes unless it is an older store whose default graph holds the merged copy."""
    return has_marker(folder) or default_graph_empty(store)


def unmerge_update(graphs: list[str]) -> str:
    """One SPARQL update that deletes from the default graph the statements ``graphs`` hold."""
    values = " ".join(f"<{g}>" for g in graphs)
    return f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"


def migrate(store: Any, path: Path) -> int:
    """Migrate an older store (merged copy in the default graph) to this layout, in
    transactions of ``MIGRATE_GRAPHS_PER_UPDATE`` article graphs: a kill between them
    leaves a store the next writer finishes (the copies left are recognised again).
    Returns the number of default-graph statements deleted; the layout file is written last.
    """
    import pyoxigraph as ox

    before = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
    for start in range(0, len(graphs), MIGRATE_GRAPHS_PER_UPDATE):
        store.update(unmerge_update(graphs[start:start + MIGRATE_GRAPHS_PER_UPDATE]))
    after = sum(1 for _ in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    store.flush()
    write_marker(path)
    return before - after
