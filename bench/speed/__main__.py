"""`python -m bench.speed [names...] [--articles N] [--quick]`: kg's speed benchmarks.

Each benchmark times kg and its baseline in one process and writes the table to
bench/results/speed.json and speed.md (see bench/speed/SPEED.md for what each figure means).
"""

from __future__ import annotations

import argparse
import importlib
import shlex
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

from bench.speed.harness import Context, Outcome, merge_previous, print_table, run_all, run_info, write_results

# Run order matters: memory builds the BBC + Reuters graph that query and export then read.
BENCHMARKS = {
    "extraction": "bench.speed.extraction",
    "cores": "bench.speed.cores",
    "growth": "bench.speed.growth",
    "memory": "bench.speed.memory",
    "query": "bench.speed.query",
    "export": "bench.speed.export",
    "commands": "bench.speed.commands",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", metavar="name",
                        help=f"benchmarks to run (default: all): {', '.join(BENCHMARKS)}")
    parser.add_argument("--articles", type=int, default=None, help="read at most N real articles per corpus (growth still replicates to its sizes)")
    parser.add_argument("--quick", action="store_true", help="small corpora, few repeats (minutes, not hours)")
    parser.add_argument("--growth", type=int, default=None,
                        help="articles in the after-model growth build (default 20,000; window = N/20)")
    parser.add_argument("--growth-model", type=int, default=None,
                        help="articles in the model-inclusive growth build (default 1,000; window = N/10)")
    parser.add_argument("--graph-jobs", type=int, default=1,
                        help="--jobs of the child build that makes the query/export graph (memory uses it)")
    parser.add_argument("--merge", action="store_true",
                        help="keep the results file's rows of benchmarks not run now (rerun a subset)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (graphs, stores) for a look")
    parser.add_argument("--results", type=Path, default=None, help="folder for speed.json/speed.md")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}")
    chosen = [n for n in BENCHMARKS if n in args.names] if args.names else list(BENCHMARKS)
    started = datetime.now(timezone.utc)
    ctx = Context(quick=args.quick, articles=args.articles,
                  options={"growth": args.growth, "growth_model": args.growth_model, "graph_jobs": args.graph_jobs})
    benchmarks = {name: importlib.import_module(BENCHMARKS[name]).run for name in chosen}
    command = "python -m bench.speed " + shlex.join(argv if argv is not None else sys.argv[1:])
    directory = [args.results] if args.results else []

    def write_partial(so_far: list[Outcome]) -> None:
        # A long run killed late still leaves what it measured (speed.partial.*); the
        # complete results replace speed.json/speed.md only at the end.
        info = run_info(quick=args.quick, command=command.strip(), started=started)
        info["finished"] = f"not yet: {len({o.benchmark for o in so_far})} of {len(chosen)} benchmarks done"
        write_results(so_far, info, *directory, stem="speed.partial")

    try:
        outcomes = run_all(benchmarks, ctx, after_each=write_partial)
    finally:
        if args.keep:
            print(f"scratch kept in {ctx.workdir}", file=sys.stderr)
        else:
            shutil.rmtree(ctx.workdir, ignore_errors=True)
    info = run_info(quick=args.quick, command=command.strip(), started=started)
    for outcome in outcomes:
        outcome.run = info["started"]
    if args.merge:
        outcomes = merge_previous(outcomes, *([args.results] if args.results else []))
        order = list(BENCHMARKS)
        outcomes.sort(key=lambda o: order.index(o.benchmark) if o.benchmark in order else len(order))
    print_table(outcomes, info)
    paths = write_results(outcomes, info, *directory)
    for partial in paths[0].parent.glob("speed.partial.*"):
        partial.unlink()
    print(f"wrote {paths[0]} and {paths[1]}", file=sys.stderr)
    return 1 if any(o.status == "error" for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
