"""The named queries of two revisions side by side on one store: CPU and wall time, same rows?

```
python -m bench.speed.query_ab STORE [--against REV] [--runs N] [--only NAME ...] [--json PATH]
```

Each named query of this checkout (kg/queries/*.rq) and the same query as revision ``REV``
holds it (``git show REV:kg/queries/NAME.rq``; default ``main``) run on the Oxigraph store
at ``STORE`` (a ``kg build`` output's ``store`` folder, e.g. one the query benchmark kept
with ``--keep``), as first page (``kg.rdf.queries.page``, 100 rows) and whole, interleaved,
``N`` times each. Printed per query and part: the rows of both texts compared (same rows in
the same order?) and the medians of the calling thread's CPU time and of wall time of
``OxigraphStore.query``, what the query benchmark times. On a machine shared with other
work the wall time measures the contention too, so the CPU medians are the ones to compare.
A revision's text that does not run on the store (it needs terms the store lacks) is shown
as missing. ``--only`` times the named queries given alone: fewer texts between two runs
of one, so less of the machine's other work falls between them.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from kg.rdf.queries import DEFAULT_PAGE, QUERY_DIR, page

ROOT = Path(__file__).resolve().parents[2]


def texts_at(revision: str, names: list[str]) -> dict[str, str]:
    """Each named query's text as ``revision`` holds it (absent there: left out)."""
    out: dict[str, str] = {}
    for name in names:
        shown = subprocess.run(["git", "show", f"{revision}:kg/queries/{name}.rq"], cwd=ROOT,
                               capture_output=True, text=True)
        if shown.returncode == 0:
            out[name] = shown.stdout
    return out


def compare(store_path: Path, *, against: str = "main", runs: int = 15,
            only: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """``"NAME page"``/``"NAME full"`` -> rows, same_rows, and both sides' CPU and wall medians (ms)."""
    from kg.store import open_store

    names = sorted(only or (p.stem for p in QUERY_DIR.glob("*.rq")))
    sides = {"this": {n: (QUERY_DIR / f"{n}.rq").read_text(encoding="utf-8") for n in names},
             against: texts_at(against, names)}
    texts = {(name, part, side): (page(text, limit=DEFAULT_PAGE) if part == "page" else text)
             for side, by_name in sides.items() for name, text in by_name.items() for part in ("page", "full")}
    wall: dict[tuple[str, str, str], list[float]] = {key: [] for key in texts}
    cpu: dict[tuple[str, str, str], list[float]] = {key: [] for key in texts}
    rows: dict[tuple[str, str, str], list[tuple[str, ...]] | None] = {}
    with open_store("oxigraph", path=store_path, read_only=True) as store:
        for key, sparql in texts.items():
            try:
                rows[key] = [tuple(str(v) for v in row) for row in store.query(sparql)]
            except Exception:  # a revision's text that needs what this store lacks
                rows[key] = None
        for _ in range(runs):
            for key, sparql in texts.items():
                if rows[key] is None:
                    continue
                started_cpu, started = time.thread_time(), time.perf_counter()
                len(store.query(sparql))
                wall[key].append(time.perf_counter() - started)
                cpu[key].append(time.thread_time() - started_cpu)

    def ms(values: list[float]) -> float | None:
        return round(statistics.median(values) * 1000, 1) if values else None

    report: dict[str, dict[str, Any]] = {}
    for name in names:
        for part in ("page", "full"):
            mine, theirs = (name, part, "this"), (name, part, against)
            report[f"{name} {part}"] = {
                "rows": len(rows[mine] or []),
                "same_rows": rows.get(theirs) is not None and rows[theirs] == rows[mine],
                "cpu_ms": {against: ms(cpu.get(theirs, [])), "this": ms(cpu[mine])},
                "wall_ms": {against: ms(wall.get(theirs, [])), "this": ms(wall[mine])},
            }
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.speed.query_ab", description=__doc__.split("\n")[0])
    parser.add_argument("store", type=Path, help="an Oxigraph store folder (a kg build output's store/)")
    parser.add_argument("--against", default="main", help="the revision whose query texts to compare with")
    parser.add_argument("--runs", type=int, default=15, help="timed runs of each text (interleaved)")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="these named queries alone (default: all)")
    parser.add_argument("--json", type=Path, help="also write the report here")
    args = parser.parse_args(argv)
    report = compare(args.store, against=args.against, runs=args.runs, only=args.only)
    print(f"{'query':34s} {'rows':>5s} same  CPU ms {args.against} -> this   wall ms {args.against} -> this")
    for key, entry in report.items():
        cpu, wall = entry["cpu_ms"], entry["wall_ms"]
        print(f"{key:34s} {entry['rows']:5d} {'yes ' if entry['same_rows'] else 'NO  '}  "
              f"{cpu[args.against]!s:>7} -> {cpu['this']!s:>7}   {wall[args.against]!s:>7} -> {wall['this']!s:>7}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
