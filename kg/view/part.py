"""Which part of the graph a view draws: around entities, of some kinds, from one article.

>>> part = select_part(scene, entities=["Ana Ruiz"], depth=1)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.errors import InputError
from kg.model import EntityType
from kg.view.scene import Scene

KINDS = {kind.value.lower(): kind.value for kind in EntityType}


def find_entities(scene: Scene, wanted: str) -> list[str]:
    """Ids of the nodes an ``--entity`` value names: an IRI, else a name (any case), else part of one."""
    if wanted in scene.nodes:
        return [wanted]
    folded = wanted.casefold().strip()
    exact = [n.id for n in scene.nodes.values() if any(name.casefold() == folded for name in n.names | {n.label})]
    if exact:
        return sorted(exact)
    return sorted(n.id for n in scene.nodes.values() if any(folded in name.casefold() for name in n.names | {n.label}))


def _around(scene: Scene, focus: set[str], depth: int) -> set[str]:
    near = scene.neighbours()
    kept, frontier = set(focus), set(focus)
    for _ in range(depth):
        frontier = {other for node in frontier for other in near.get(node, ())} - kept
        kept |= frontier
    return kept


def select_part(
    scene: Scene,
    *,
    entities: Sequence[str] = (),
    types: Sequence[str] = (),
    article: str | None = None,
    depth: int = 1,
    limit: int | None = None,
) -> Scene:
    """The part of ``scene`` to draw; with no choice at all, the whole graph.

    ``article`` keeps that article's entities and the edges it states; ``entities`` and
    ``types`` pick focus nodes, drawn with their neighbours ``depth`` edges away; ``limit``
    keeps that many nodes, the focus first, then the best connected.
    """
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}.")
    if article is not None:
        members = {n.id for n in scene.nodes.values() if article in n.articles}
        if not members:
            raise InputError(f"no article {article!r} in the graph; `kg query article-summary` lists them.")
        scene = scene.keep(members)
        scene.edges = {e: a for e, a in scene.edges.items() if article in a}
    focus: set[str] = set()
    for wanted in entities:
        found = find_entities(scene, wanted)
        if not found:
            raise InputError(f"no entity named {wanted!r} in the graph; `kg query entities` lists them.")
        focus.update(found)
    for name in types:
        kind = KINDS.get(name.lower().rstrip("s")) or KINDS.get(name.lower())
        if kind is None:
            raise InputError(f"unknown entity type {name!r}; use one of {', '.join(sorted(KINDS.values()))}.")
        focus.update(n.id for n in scene.nodes.values() if n.type == kind)
    if entities or types:
        scene = scene.keep(_around(scene, focus, depth))
    if limit is not None and len(scene.nodes) > limit:
        degree = {node: len(others) for node, others in scene.neighbours().items()}
        ranked = sorted(scene.nodes, key=lambda n: (n not in focus, -degree.get(n, 0), n))
        scene = scene.keep(ranked[:limit])
    return scene
