"""Query: median latency of every named query on the BBC + Reuters graph, kg vs rdflib in memory.

kg's figure is ``OxigraphStore.query_native`` (what `kg query` runs: SPARQL on the embedded
store, rows left in pyoxigraph's terms, which `kg query` prints unconverted). Each named query is timed as `kg query NAME` runs it by
default, its first page (``kg.rdf.queries.DEFAULT_PAGE`` rows in the query's order), and,
when it has more rows than a page, also in full (``--limit 0``). The baseline is the same
query on an rdflib ``Dataset(default_union=True)`` holding the same quads in memory, results
materialised: the same text, or its plain form (tests/data/queries) when that is faster on
rdflib. The baseline runs in a child process so that a query rdflib cannot
finish within the time limit is stopped (and reported as at least that limit) instead of
stalling the run.
"""

from __future__ import annotations

import argparse
import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.speed.memory import graph
from bench.speed.harness import Context, Outcome, median, ratio

GOAL_MS = 20.0
GOAL_SPEEDUP = 10.0
KG_BUDGET_S = 10.0


def nquads(ctx: Context) -> Path:
    """The graph dumped once as N-Quads (what the rdflib baselines load)."""
    if "nquads" not in ctx.shared:
        from kg.store import open_store

        built = graph(ctx)
        path = ctx.scratch("graph") / "graph.nq"
        with open_store("oxigraph", path=built["output"] / "store") as store:
            import pyoxigraph as ox

            store.ox.dump(str(path), format=ox.RdfFormat.N_QUADS)
        ctx.shared["nquads"] = path
    return ctx.shared["nquads"]


FULL = " (all rows)"
PLAIN = " [plain form]"
# Earlier, plainer texts of the named queries that were rewritten for Oxigraph's planner
# (pinned there by the tests, which check both give the same rows). A rewrite can be much
# slower on rdflib, so the rdflib baseline runs both texts and keeps the faster: a ratio
# never rests on rdflib running a text shaped for the other engine.
PLAIN_FORMS = Path(__file__).resolve().parents[2] / "tests" / "data" / "queries"


def _queries() -> dict[str, str]:
    """Key -> SPARQL: ``NAME`` is the default first page, ``NAME (all rows)`` the whole result."""
    from kg.rdf.queries import named_queries

    texts = {name: (entry[1] if isinstance(entry, tuple) else entry) for name, entry in sorted(named_queries().items())}
    return _paged(texts)


def _plain_queries() -> dict[str, str]:
    """The same keys marked ``PLAIN`` -> the plain forms' SPARQL, paged as the named texts are."""
    paths = sorted(PLAIN_FORMS.glob("*.rq")) if PLAIN_FORMS.is_dir() else []
    return _paged({path.stem: path.read_text(encoding="utf-8") for path in paths}, mark=PLAIN)


def _paged(texts: dict[str, str], *, mark: str = "") -> dict[str, str]:
    """Each text as its first page (``NAME``) and whole (``NAME (all rows)``), keys ending in ``mark``."""
    try:
        from kg.rdf.queries import DEFAULT_PAGE, page
    except ImportError:  # a kg without pages: every query is timed in full
        return {name + mark: text for name, text in texts.items()}
    out: dict[str, str] = {}
    for name, text in texts.items():
        out[name + mark] = page(text, limit=DEFAULT_PAGE)
        out[name + FULL + mark] = text
    return out


def _fastest(*records: dict[str, Any]) -> dict[str, Any]:
    """The record with the smaller median (a timeout counts as its limit)."""
    def cost(record: dict[str, Any]) -> float:
        return record["timeout"] if "timeout" in record else median(record["times"])
    return min((r for r in records if r), key=cost, default={})


def _time(call, *, repeats: int, budget: float = float("inf"), least: int = 1) -> tuple[list[float], int]:
    """Up to ``repeats`` timed calls; after ``least`` of them, stop once ``budget`` s are spent."""
    times, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = call()
        times.append(time.perf_counter() - start)
        if len(times) >= least and sum(times) > budget:
            break
    return times, rows


def rdflib_baselines(path: Path, names: list[str], *, repeats: int, limit: float, log) -> dict[str, dict[str, Any]]:
    """Per query: rdflib times and rows, or ``{"timeout": limit}`` when one run took longer."""
    results: dict[str, dict[str, Any]] = {}
    pending = list(names)
    while pending:
        child = subprocess.Popen(
            [sys.executable, "-m", "bench.speed.query", "--rdflib", str(path), "--repeats", str(repeats),
             "--budget", str(limit), *pending],
            stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
        lines: queue.Queue[str | None] = queue.Queue()
        # The reader gets this child's pipe and queue as arguments: a closure would look them
        # up late and could end the next child's queue when this child is killed.
        threading.Thread(target=_forward, args=(child.stdout, lines), daemon=True).start()
        try:
            loaded = lines.get(timeout=max(600.0, limit))
            if loaded is None:
                raise RuntimeError("the rdflib baseline process exited before loading the graph")
            log(f"[bench] rdflib: {loaded.strip()}")
            while pending:
                line = lines.get(timeout=2 * limit + 5)
                if line is None:
                    raise RuntimeError(f"the rdflib baseline process died during {pending[0]!r}")
                record = json.loads(line)
                results[record["name"]] = record
                pending.remove(record["name"])
        except queue.Empty:
            name = pending.pop(0)
            log(f"[bench] rdflib: {name} took more than {limit:g} s; stopped")
            results[name] = {"name": name, "timeout": limit}
        finally:
            child.kill()
            child.wait()
    return results


def _forward(stream, lines: queue.Queue[str | None]) -> None:
    """Every line of ``stream`` into ``lines``, then None at its end."""
    for line in stream:
        lines.put(line)
    lines.put(None)


def run(ctx: Context) -> list[Outcome]:
    try:
        queries = _queries()
    except ImportError as error:
        return [Outcome("query", None, "ms", f"≤ {GOAL_MS:g} ms and ≥ {GOAL_SPEEDUP:g}x rdflib", None,
                        f"not measured: kg.rdf.queries is not available ({error})", status="skipped")]
    from kg.store import open_store

    built = graph(ctx)
    repeats = 5 if ctx.quick else 21
    limit = 10.0 if ctx.quick else 20.0
    timed: dict[str, tuple[list[float], int]] = {}
    with open_store("oxigraph", path=built["output"] / "store") as store:
        quads = len(store)
        for key, sparql in queries.items():
            name = key.removesuffix(FULL)
            if key.endswith(FULL) and name in timed and timed[name][1] < _page_size():
                continue  # the first page is the whole result: timed once, under its name
            store.query_native(sparql)  # warm caches, as a user's second query would find them
            # A slow query stops repeating after KG_BUDGET_S (at least three runs for a median).
            # query_native, as `kg query` prints rows: the store's own terms, never converted to rdflib's.
            timed[key] = _time(lambda: len(store.query_native(sparql)), repeats=repeats, budget=KG_BUDGET_S, least=3)
    plain = _plain_queries()
    # The plain form first: a rewrite that rdflib cannot finish then still leaves a figure.
    names = [n for key in timed for n in (key + PLAIN, key) if n in plain or n == key]
    baselines = rdflib_baselines(nquads(ctx), names, repeats=3, limit=limit, log=ctx.log)
    outcomes: list[Outcome] = []
    for key, (kg_times, kg_rows) in timed.items():
        kg_ms = median(kg_times) * 1000
        base = _fastest(baselines.get(key, {}), baselines.get(key + PLAIN, {}))
        form = "the plain form in tests/data/queries, faster there" if base.get("name", "").endswith(PLAIN) \
            else "the same text"
        if "timeout" in base:
            rdf_ms, rdf_note = base["timeout"] * 1000, f"rdflib did not finish one run in {base['timeout']:g} s"
        else:
            rdf_ms = median(base["times"]) * 1000
            rdf_note = f"median of {len(base['times'])} rdflib runs; rows: kg {kg_rows}, rdflib {base['rows']}"
        rdf_note += f"; rdflib ran {form}"
        speedup = ratio(rdf_ms, kg_ms)
        name = key.removesuffix(FULL)
        what = (f"the whole result of the named query {name!r} (`kg query {name} --limit 0`)" if key.endswith(FULL)
                else f"the named query {name!r} as `kg query {name}` runs it (its first {_page_size()} rows in "
                     f"the query's order; the store still evaluates and sorts the whole result)")
        outcomes.append(Outcome(
            name=f"query {key}",
            figure=kg_ms,
            unit="ms",
            goal=f"≤ {GOAL_MS:g} ms, ≥ {GOAL_SPEEDUP:g}x",
            passed=kg_ms <= GOAL_MS and speedup is not None and speedup >= GOAL_SPEEDUP,
            baseline=rdf_ms,
            baseline_label="rdflib in-memory Dataset",
            ratio=speedup,
            measured=(
                f"median wall time of {what} over {len(kg_times)} runs on the Oxigraph store ({quads:,} quads, "
                f"after one warm-up run), {kg_rows} rows in the store's own terms, as `kg query` prints them; baseline: the same query "
                f"(the faster of its text and its plain form, when it has one) on rdflib's in-memory Dataset "
                f"(union default graph) holding the same quads ({rdf_note}); ratio = rdflib ÷ kg."
            ),
            corpus=built["corpus"],
            details={"kg_ms": [round(t * 1000, 3) for t in kg_times], "kg_rows": kg_rows,
                     "rdflib": base, "quads": quads, "full_result": key.endswith(FULL) or kg_rows < _page_size()},
        ))
    if not outcomes:
        return [Outcome("query", None, "ms", "", None, "kg.rdf.queries has no named queries yet", status="skipped")]
    paged = [o for o in outcomes if not o.name.endswith(FULL)]
    full = [o for o in outcomes if o.name.endswith(FULL)]
    summaries = [_summary(paged, f"query (all {len(paged)}, as `kg query NAME` runs them)")]
    if full:
        summaries.append(_summary(full, f"query (the {len(full)} with more rows than a page, all rows)"))
    return [*summaries, *outcomes]


def _page_size() -> int:
    try:
        from kg.rdf.queries import DEFAULT_PAGE
    except ImportError:
        return 1 << 62
    return DEFAULT_PAGE


def _summary(outcomes: list[Outcome], title: str) -> Outcome:
    slowest = max(outcomes, key=lambda o: o.figure or 0.0)
    weakest = min(outcomes, key=lambda o: o.ratio or 0.0)
    passed = sum(bool(o.passed) for o in outcomes)
    return Outcome(
        name=title,
        figure=slowest.figure,
        unit="ms",
        goal=slowest.goal,
        passed=passed == len(outcomes),
        baseline=slowest.baseline,
        baseline_label="rdflib in-memory Dataset",
        ratio=weakest.ratio,
        measured=(f"the slowest query's median ({slowest.name.removeprefix('query ')}) and its rdflib "
                  f"time; ratio: the smallest speed-up of any of them ({weakest.name.removeprefix('query ')}); "
                  f"{passed} of {len(outcomes)} meet both goals."),
        corpus=slowest.corpus,
    )


def _rdflib_child(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench.speed.query")
    parser.add_argument("--rdflib", required=True, type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--budget", type=float, default=60.0)
    parser.add_argument("names", nargs="+")
    args = parser.parse_args(argv)
    from rdflib import Dataset

    start = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(str(args.rdflib), format="nquads")
    print(f"{len(dataset)} quads loaded in {time.perf_counter() - start:.1f} s", flush=True)
    queries = {**_queries(), **_plain_queries()}
    for name in args.names:
        times, rows = _time(lambda: len(list(dataset.query(queries[name]))), repeats=args.repeats,
                            budget=args.budget)
        print(json.dumps({"name": name, "times": times, "rows": rows}), flush=True)


if __name__ == "__main__":
    _rdflib_child(sys.argv[1:])
