"""``kg view``: the graph, or a part of it, drawn in one self-contained HTML file.

Cytoscape.js draws it (laid out by fCoSE, fast enough for thousands of nodes), coloured by
entity kind, with labels, edge names, a search box and a side panel of an entity's facts and
the sentences they were read from.

>>> report = view(output="output", to="output/graph.html", entities=["Ana Ruiz"])  # doctest: +SKIP
>>> report.nodes, report.edges  # doctest: +SKIP
(4, 3)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, QueryError
from kg.files import write_atomic
from kg.guard import check_query
from kg.query import resolve_query
from kg.store import open_store
from kg.view.page import render_page
from kg.view.part import select_part
from kg.view.scene import read_scene, scene_from_triples
from kg.workspace import DEFAULT_OUTPUT, existing_store_path

DEFAULT_LIMIT = 5000


@dataclass(frozen=True)
class ViewReport:
    path: Path
    nodes: int
    edges: int
    total_nodes: int


def view(
    *,
    output: str | Path = DEFAULT_OUTPUT,
    store: str | None = None,
    to: str | Path | None = None,
    entities: Sequence[str] = (),
    types: Sequence[str] = (),
    article: str | None = None,
    query: str | None = None,
    depth: int = 1,
    limit: int | None = DEFAULT_LIMIT,
) -> ViewReport:
    """Write the view of the graph under ``output`` to ``to`` (default ``output/graph.html``).

    ``query`` (SPARQL text, a .rq file or a named query) must be a CONSTRUCT or DESCRIBE:
    its triples are what is drawn. The other choices are those of ``select_part``.
    """
    if limit is not None and limit < 1:
        raise InputError(f"--limit must be 1 or more, not {limit}.")
    with open_store(store, path=existing_store_path(output, store), read_only=True) as graph_store:
        scene = read_scene(graph_store)
        total = len(scene.nodes)
        if query is not None:
            sparql = resolve_query(query)
            check_query(sparql)
            result = graph_store.query(sparql)
            if result.kind != "graph":
                raise QueryError("--query must be a CONSTRUCT or DESCRIBE query: its triples are what is drawn.")
            scene = scene_from_triples(result.triples, scene)
    part = select_part(scene, entities=entities, types=types, article=article, depth=depth, limit=limit)
    if not part.nodes:
        raise InputError("nothing to draw: the graph (or the part chosen) has no entities.")
    note = f"{len(part.nodes)} of {len(scene.nodes)} shown" if len(part.nodes) < len(scene.nodes) else ""
    target = Path(to) if to is not None else Path(output) / "graph.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    text = render_page(part, title=_title(entities, types, article, query), note=note)
    write_atomic(target, text.encode("utf-8"))
    return ViewReport(target, len(part.nodes), len(part.edges), total)


def _title(entities: Sequence[str], types: Sequence[str], article: str | None, query: str | None) -> str:
    parts = [*entities, *(f"type {t}" for t in types)]
    if article:
        parts.append(f"article {article}")
    if query:
        parts.append("query")
    return "kg graph" + (" — " + ", ".join(parts) if parts else "")
