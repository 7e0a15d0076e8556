"""Query: median latency of every named query on the BBC + Reuters graph, kg vs rdflib in memory.

kg's figure is ``OxigraphStore.query`` (what `kg query` runs: SPARQL on the embedded store,
results converted to rdflib terms). The baseline is the same SPARQL text on an rdflib
``Dataset(default_union=True)`` holding the same quads in memory, results materialised.
"""

from __future__ import annotations

import time
from typing import Any

from bench.bench_memory import graph
from bench.harness import Context, Outcome, median, ratio

GOAL_MS = 20.0
GOAL_SPEEDUP = 10.0
RDFLIB_BUDGET_S = 60.0  # stop repeating an rdflib query once it has cost this much


def rdflib_dataset(ctx: Context):
    """The graph's quads in an rdflib in-memory Dataset (loaded once per run, not timed)."""
    if "rdflib" not in ctx.shared:
        from rdflib import Dataset

        from kg.store import open_store

        built = graph(ctx)
        dataset = Dataset(default_union=True)
        start = time.perf_counter()
        with open_store("oxigraph", path=built["output"] / "store") as store:
            dataset.addN(store.quads())
        ctx.shared["rdflib"] = dataset
        ctx.shared["rdflib_load_s"] = round(time.perf_counter() - start, 1)
        ctx.log(f"[bench] rdflib dataset: {len(dataset)} quads loaded in {ctx.shared['rdflib_load_s']} s")
    return ctx.shared["rdflib"]


def _time(call, *, repeats: int, budget: float = float("inf")) -> tuple[list[float], int]:
    times, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = call()
        times.append(time.perf_counter() - start)
        if sum(times) > budget:
            break
    return times, rows


def run(ctx: Context) -> list[Outcome]:
    try:
        from kg.rdf.queries import named_queries
    except ImportError as error:
        return [Outcome("query", None, "ms", f"≤ {GOAL_MS:g} ms and ≥ {GOAL_SPEEDUP:g}x rdflib", None,
                        f"not measured: kg.rdf.queries is not available ({error})", status="skipped")]
    from kg.store import open_store

    built = graph(ctx)
    dataset = rdflib_dataset(ctx)
    repeats = 5 if ctx.quick else 21
    outcomes: list[Outcome] = []
    with open_store("oxigraph", path=built["output"] / "store") as store:
        for name, entry in sorted(named_queries().items()):
            sparql = entry[1] if isinstance(entry, tuple) else entry
            store.query(sparql)  # warm caches, as a user's second query would find them
            kg_times, kg_rows = _time(lambda: len(store.query(sparql)), repeats=repeats)
            rdf_times, rdf_rows = _time(lambda: len(list(dataset.query(sparql))), repeats=max(3, repeats // 4),
                                        budget=RDFLIB_BUDGET_S)
            kg_ms, rdf_ms = median(kg_times) * 1000, median(rdf_times) * 1000
            speedup = ratio(rdf_ms, kg_ms)
            outcomes.append(Outcome(
                name=f"query {name}",
                figure=kg_ms,
                unit="ms",
                goal=f"≤ {GOAL_MS:g} ms, ≥ {GOAL_SPEEDUP:g}x",
                passed=kg_ms <= GOAL_MS and speedup is not None and speedup >= GOAL_SPEEDUP,
                baseline=rdf_ms,
                baseline_label="rdflib in-memory Dataset",
                ratio=speedup,
                measured=(
                    f"median wall time of the named query {name!r} over {len(kg_times)} runs on the "
                    f"Oxigraph store (after one warm-up run), results converted to rdflib terms; baseline: "
                    f"median of {len(rdf_times)} runs of the same SPARQL on rdflib's in-memory Dataset "
                    f"(union default graph) holding the same quads; ratio = rdflib ÷ kg "
                    f"(rows: kg {kg_rows}, rdflib {rdf_rows})."
                ),
                corpus=built["corpus"],
                details={"kg_ms": [round(t * 1000, 3) for t in kg_times],
                         "rdflib_ms": [round(t * 1000, 3) for t in rdf_times],
                         "rows": {"kg": kg_rows, "rdflib": rdf_rows},
                         "quads": len(store), "rdflib_load_s": ctx.shared.get("rdflib_load_s")},
            ))
    if not outcomes:
        outcomes.append(Outcome("query", None, "ms", "", None, "kg.rdf.queries has no named queries yet",
                                status="skipped"))
    return outcomes
