"""Export: Turtle of the whole graph by `kg export` against rdflib's Turtle serializer.

kg's time is ``kg.export.export("ttl", ...)`` end to end (open the store, read every quad,
write the file). rdflib's is ``Graph.serialize(format="turtle")`` of the same triples already
in memory (loading them is not counted, which favours rdflib). Both files are parsed back
with Oxigraph and their triple sets compared.
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.speed.memory import graph
from bench.speed.query import nquads
from bench.speed.harness import Context, Outcome, ratio

GOAL_SPEEDUP = 5.0


def _triples(path: Path) -> tuple[set[str], int]:
    """The file's triples (N-Triples form) without blank nodes, and how many hold one."""
    import pyoxigraph as ox

    hashes, blank = set(), 0
    for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
        if isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode):
            blank += 1
            continue
        hashes.add(str(triple))
    return hashes, blank


def _graph_triples(path: Path) -> tuple[set[str], int]:
    """The distinct triples of the store's N-Quads dump, over all its graphs."""
    import pyoxigraph as ox

    triples, blank = set(), set()
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        triple = ox.Triple(quad.subject, quad.predicate, quad.object)
        if isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode):
            blank.add(str(triple))
        else:
            triples.add(str(triple))
    return triples, len(blank)


def run(ctx: Context) -> list[Outcome]:
    from rdflib import Dataset, Graph

    from kg.export import export

    built = graph(ctx)
    dataset = Dataset()
    dataset.parse(str(nquads(ctx)), format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    del dataset
    folder = ctx.scratch("export")
    kg_file, rdf_file = folder / "kg.ttl", folder / "rdflib.ttl"
    kg_times, rdf_times = [], []
    for _ in range(1 if ctx.quick else 2):  # interleaved: kg, rdflib, kg, rdflib
        start = time.perf_counter()
        export("ttl", kg_file, output=built["output"])
        kg_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        union.serialize(destination=str(rdf_file), format="turtle")
        rdf_times.append(time.perf_counter() - start)
    kg_s, rdf_s = min(kg_times), min(rdf_times)
    kg_triples, kg_blank = _triples(kg_file)
    rdf_triples, rdf_blank = _triples(rdf_file)
    graph_triples, graph_blank = _graph_triples(nquads(ctx))
    # The reference is the store's own triples: rdflib rewrites some literals' lexical forms
    # (xsd:decimal "95000" becomes "95000.0"), which makes them other RDF terms.
    same = kg_triples == graph_triples and kg_blank == graph_blank
    rdflib_same = rdf_triples == graph_triples
    speedup = ratio(rdf_s, kg_s)
    return [Outcome(
        name="export",
        figure=kg_s,
        unit="s",
        goal=f"≥ {GOAL_SPEEDUP:g}x, same triples",
        passed=same and speedup is not None and speedup >= GOAL_SPEEDUP,
        baseline=rdf_s,
        baseline_label="rdflib Graph.serialize(turtle)",
        ratio=speedup,
        measured=(
            f"best of {len(kg_times)} wall times of `kg export --format ttl` of the whole graph "
            f"({len(union)} triples) through kg.export.export; baseline: rdflib's Turtle serializer "
            f"on the same triples already in an in-memory Graph; ratio = rdflib ÷ kg. Same triples as "
            f"the store: kg {'yes' if same else 'NO'}, rdflib {'yes' if rdflib_same else 'no'} "
            f"({len(rdf_triples - graph_triples)} rdflib triples differ, e.g. by a rewritten literal form; "
            f"files parsed back with Oxigraph; {kg_blank} blank-node triples compared by count only)."
        ),
        corpus=built["corpus"],
        details={"only_in_kg": sorted(kg_triples - graph_triples)[:5],
                 "missing_in_kg": sorted(graph_triples - kg_triples)[:5],
                 "rdflib_differs": sorted(rdf_triples - graph_triples)[:5], "rdflib_same_triples": rdflib_same,
                 "kg_s": kg_times, "rdflib_s": rdf_times, "triples": len(union), "same_triples": same,
                 "kg_triples": len(kg_triples) + kg_blank, "rdflib_triples": len(rdf_triples) + rdf_blank,
                 "kg_bytes": kg_file.stat().st_size, "rdflib_bytes": rdf_file.stat().st_size},
    )]
