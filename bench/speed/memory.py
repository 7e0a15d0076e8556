"""Memory: peak RSS of `kg build` in a child process, at a quarter of the corpus and at all of it.

The same child build makes the graph that the query and export benchmarks read, so a run
builds the big graph once. Peak RSS is the larger of the child's own ``ru_maxrss`` and the
sum over its process tree sampled every 0.2 s with psutil (so worker processes count).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from bench.speed.corpus import Corpus, load, write_jsonl
from bench.speed.harness import Context, Outcome, ratio

GOAL_BYTES = 1.5 * 2**30
FLAT_LIMIT = 1.2  # peak at the full corpus ÷ peak at a quarter of it
GRAPH_CORPUS = "bbc+reuters"


def _sample_tree(pid: int, peak: list[int], stop: threading.Event) -> None:
    try:
        import psutil
    except ImportError:
        return
    try:
        root = psutil.Process(pid)
    except psutil.Error:
        return
    while not stop.is_set():
        try:
            total = root.memory_info().rss
            for child in root.children(recursive=True):
                try:
                    total += child.memory_info().rss
                except psutil.Error:
                    pass
            peak[0] = max(peak[0], total)
        except psutil.Error:
            return
        stop.wait(0.2)


def measured_build(inputs: list[Path], output: Path, *, jobs: int = 1) -> dict[str, Any]:
    """Run ``kg.build.build`` in a child process; its report, seconds and peak memory."""
    command = [sys.executable, "-m", "bench.speed.memory", "--output", str(output), "--jobs", str(jobs),
               *map(str, inputs)]
    peak, stop = [0], threading.Event()
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             cwd=Path(__file__).resolve().parents[2])
    sampler = threading.Thread(target=_sample_tree, args=(child.pid, peak, stop), daemon=True)
    sampler.start()
    stdout, stderr = child.communicate()
    stop.set()
    sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"the build child failed ({child.returncode}): {stderr[-2000:]}")
    result = json.loads(stdout.strip().splitlines()[-1])
    result["wall_seconds"] = round(time.perf_counter() - start, 2)
    result["tree_peak_bytes"] = peak[0]
    result["peak_bytes"] = max(peak[0], result["hwm_bytes"] or 0) or result["maxrss_bytes"]
    return result


def graph(ctx: Context) -> dict[str, Any]:
    """The BBC + Reuters graph (built once per run): output folder, corpus and build figures."""
    if "graph" not in ctx.shared:
        corpus = load(GRAPH_CORPUS, limit=ctx.size(None, 200))
        ctx.shared["graph"] = _build_corpus(ctx, corpus, "graph", jobs=ctx.options.get("graph_jobs") or 1)
    return ctx.shared["graph"]


def _build_corpus(ctx: Context, corpus: Corpus, name: str, *, jobs: int = 1) -> dict[str, Any]:
    folder = ctx.scratch(name)
    path = write_jsonl(corpus.articles, folder / "articles.jsonl")
    ctx.log(f"[bench] building {corpus.name}: {len(corpus.articles)} articles in a child process")
    built = measured_build([path], folder / "output", jobs=jobs)
    return {"output": folder / "output", "corpus": corpus.describe(), "build": built, "jobs": jobs}


def run(ctx: Context) -> list[Outcome]:
    full_graph = graph(ctx)
    articles = full_graph["corpus"]["articles"]
    quarter = load(GRAPH_CORPUS, limit=max(1, articles // 4))
    small = _build_corpus(ctx, quarter, "memory-quarter", jobs=full_graph["jobs"])
    big_peak, small_peak = full_graph["build"]["peak_bytes"], small["build"]["peak_bytes"]
    flat = ratio(big_peak, small_peak)
    gib = 2**30
    return [Outcome(
        name="memory",
        figure=big_peak / gib,
        unit="GiB",
        goal="≤ 1.5 GiB; full ÷ quarter ≤ 1.2",
        passed=big_peak <= GOAL_BYTES and flat is not None and flat <= FLAT_LIMIT,
        baseline=small_peak / gib,
        baseline_label="peak RSS at a quarter of the corpus",
        ratio=flat,
        measured=(
            f"peak RSS of `kg build` (--jobs {full_graph['jobs']}, default Oxigraph store, graph files "
            "written) run as a child process, on the whole corpus (figure) and on its first quarter "
            "(baseline); the ratio shows how memory grows with corpus size. Peak = max(the child's "
            "VmHWM, psutil sum of RSS over its process tree sampled every 0.2 s). The largest RSS "
            f"seen between batches, before the graph files are written: "
            f"{full_graph['build'].get('streaming_rss_bytes', 0) / gib:.2f} GiB (full), "
            f"{small['build'].get('streaming_rss_bytes', 0) / gib:.2f} GiB (quarter)."
        ),
        corpus=full_graph["corpus"],
        details={"streaming_rss_gib": {"full": full_graph["build"].get("streaming_rss_bytes", 0) / gib,
                                       "quarter": small["build"].get("streaming_rss_bytes", 0) / gib},
                 "full": full_graph["build"], "quarter": small["build"], "quarter_corpus": quarter.describe()},
    )]


def _child(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench.speed.memory")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--output", required=True)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    from dataclasses import asdict

    from kg.build import build

    streaming = [0]

    def progress(_report) -> None:  # RSS between batches: memory before the graph files are written
        streaming[0] = max(streaming[0], _vm("VmRSS") or 0)

    start = time.perf_counter()
    report = asdict(build(args.inputs, output=args.output, jobs=args.jobs, progress=progress))
    seconds = time.perf_counter() - start
    report["errors"] = report.get("errors", [])[:5]
    # ru_maxrss of a process started by fork + exec also counts the parent's pages it had
    # before exec, so the peak of this process's own address space is read from VmHWM.
    self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(json.dumps({"report": report, "build_seconds": round(seconds, 2), "hwm_bytes": _vm("VmHWM"),
                      "streaming_rss_bytes": streaming[0],
                      "maxrss_bytes": self_kib * 1024, "children_maxrss_bytes": children_kib * 1024}))


def _vm(field: str) -> int | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


if __name__ == "__main__":
    _child(sys.argv[1:])
