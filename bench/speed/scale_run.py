"""A whole-corpus build, twice: throughput, size, memory and merges, then a no-op rebuild,
then ``kg validate`` on what it built.

    python -m bench.speed.scale_run                     # BBC + Reuters-21578 TRAIN (15,796 articles)
    python -m bench.speed.scale_run --limit 500 --jobs 2
    python -m bench.speed.scale_run --limit 20000       # more than the corpora hold: replicas, new ids

Only Reuters records of the TRAIN split are read (``bench.speed.corpus``): TEST and NOT-USED
are the accuracy measure. A size beyond what BBC and TRAIN hold cycles through them again with
fresh ids, so the store sees distinct articles, and the output says how many are replicas.

Each build runs in a child process (``kg.build.build``), so its peak memory is its own. The
second build reads the same input and must write nothing. ``kg validate --output`` then runs
as a user runs it, a new process each time (median of three, wall and CPU). The output folder
lives in a temporary directory (several GB on the whole corpus) until validation is done.
Results go to ``bench/results/scale.json`` and ``scale.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.speed.corpus import dataset_paths, load, replicate, write_jsonl

RESULTS = Path(__file__).resolve().parents[1] / "results"  # bench/results, beside the others
VALIDATE_RUNS = 3

# Runs in the child: one build, its report and the graph's size as JSON on stdout.
_CHILD = """
import json, sys
from kg.build import build
from kg.workspace import store_path
from kg.store import open_store
inputs, output, jobs = json.loads(sys.argv[1])
report = build(inputs, output=output, jobs=jobs)
with open_store(None, path=store_path(output)) as store:
    count = lambda q: int(store.query(q).rows[0][0])
    quads = count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    merges = count("PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?r a kg:Resolution } }")
    merged = count("PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?r a kg:Resolution ; kg:resolvedTo ?e } }")
    entities = count("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e skos:prefLabel ?l }")
# The inputs left out, as counts by kind: each one is an object, and may quote its article.
figures = {k: v for k, v in vars(report).items() if k not in ("errors", "skipped")}
print(json.dumps({"report": figures, "skipped_by_kind": report.skipped_by_kind(),
                  "errors": len(report.errors), "quads": quads, "resolutions": merges,
                  "merged_nodes": merged, "entity_nodes": entities}))
"""


def run_build(inputs: list[str], output: Path, *, jobs: int) -> dict:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, json.dumps([inputs, str(output), jobs])],
                          capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # Peak resident memory of the largest child so far (kB on Linux).
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    result["seconds"] = seconds
    return result


def run_validate(output: Path, *, runs: int = VALIDATE_RUNS) -> dict:
    """``kg validate --output`` in a new process ``runs`` times: median wall and CPU seconds,
    and whether the graph conforms (exit 0) or not (exit 1, with its count of violations)."""
    walls, cpus, done = [], [], None
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kg", "validate", "--output", str(output)],
                              capture_output=True, text=True)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if done.returncode not in (0, 1):
            raise SystemExit(f"kg validate failed:\n{done.stderr[-3000:]}")
    assert done is not None
    checked = re.search(r"(\d+) nodes checked", done.stdout)
    violations = re.search(r"(\d+) violations", done.stderr)
    return {"conforms": done.returncode == 0, "violations": int(violations[1]) if violations else 0,
            "nodes_checked": int(checked[1]) if checked else None,
            "runs": runs, "seconds": round(statistics.median(walls), 2),
            "cpu_seconds": round(statistics.median(cpus), 2)}


def scale_inputs(limit: int | None, path: Path) -> tuple[Path, str]:
    """BBC then Reuters TRAIN articles (the first ``limit``; all without one) as JSON Lines at
    ``path``, and how the corpus is described. A ``limit`` beyond what they hold replicates
    them: every article then gets a copy number in its id (``replicate``), so none repeats."""
    articles = load("bbc+reuters").articles  # BBC, then Reuters: load() reads TRAIN records only
    held = len(articles)
    corpus = f"BBC full text + Reuters-21578 TRAIN ({held:,} articles)"
    if limit is None:
        chosen = articles
    elif limit <= held:
        chosen, corpus = articles[:limit], f"{corpus}, first {limit:,}"
    else:
        chosen = tuple(replicate(articles, limit))
        corpus = f"{corpus} replicated to {limit:,} with new ids ({limit - held:,} replicas)"
    write_jsonl(chosen, path)
    return path, corpus


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="build N articles: the first N, or all of them replicated with new ids up to N")
    parser.add_argument("--keep", type=Path, default=None, help="build into this folder and keep it")
    args = parser.parse_args(argv)
    paths = dataset_paths()
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        print(f"skipped: the corpora are absent ({', '.join(missing)}); they live in ../shared/datasets.")
        return 0
    with tempfile.TemporaryDirectory(prefix="kg-scale-") as tmp:
        sample, corpus = scale_inputs(args.limit, Path(tmp) / "articles.jsonl")
        print(f"corpus: {corpus}", flush=True)
        inputs = [str(sample)]
        output = args.keep or Path(tmp) / "output"
        first = run_build(inputs, output, jobs=args.jobs)
        trig = output / "graph.trig"
        stamp = trig.stat().st_mtime_ns if trig.exists() else None
        second = run_build(inputs, output, jobs=args.jobs)
        unchanged_files = trig.exists() and trig.stat().st_mtime_ns == stamp
        validated = run_validate(output)
    report = first["report"]
    summary = {
        "corpus": corpus,
        "machine": {"python": platform.python_version(), "cpus": __import__("os").cpu_count(), "system": platform.platform()},
        "jobs": args.jobs,
        "articles_read": report["articles_read"],
        "articles_written": report["articles_written"],
        "articles_failed": report["articles_failed"],
        "seconds": round(first["seconds"], 1),
        "articles_per_s": round(report["articles_written"] / first["seconds"], 2),
        "words_per_s": round(report["words"] / first["seconds"], 1),
        "words": report["words"],
        "entities_extracted": report["entities"],
        "facts": report["facts"],
        "quads": first["quads"],
        "entity_nodes": first["entity_nodes"],
        "merges": first["resolutions"],
        "merged_nodes": first["merged_nodes"],
        "peak_rss_mb": round(first["peak_rss_mb"], 1),
        "rebuild": {"articles_written": second["report"]["articles_written"],
                    "articles_unchanged": second["report"]["articles_unchanged"],
                    "quads": second["quads"], "seconds": round(second["seconds"], 1),
                    "graph_files_untouched": unchanged_files},
        "validate": validated,
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    rows = [(k, v) for k, v in summary.items() if k not in ("machine", "rebuild", "validate")]
    rows += [(f"rebuild: {k}", v) for k, v in summary["rebuild"].items()]
    rows += [(f"kg validate: {k}", v) for k, v in summary["validate"].items()]
    table = "| figure | value |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in rows)
    (RESULTS / "scale.md").write_text(f"# Whole-corpus build\n\n`python -m bench.speed.scale_run --jobs {args.jobs}{f' --limit {args.limit}' if args.limit else ''}`\n\n{table}\n", encoding="utf-8")
    print(table)
    return 0 if summary["rebuild"]["articles_written"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
