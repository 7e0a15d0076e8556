"""Cores: `kg build --jobs 2` against `--jobs 1`, same corpus, one process each, interleaved.

Worker start-up (each worker loads the model) is part of the timed build, as it is for a
user. The machine's core count and load average are recorded: on a machine whose cores are
busy with other work, the speed-up measures the contention as much as kg.
"""

from __future__ import annotations

import os

from bench.speed.extraction import bench_corpus, kg_build
from bench.speed.corpus import write_jsonl
from bench.speed.harness import Context, Outcome, interleave, load_average, ratio

GOAL = 1.7


def run(ctx: Context) -> list[Outcome]:
    from kg.nlp.loading import DEFAULT_MODEL
    from kg.nlp.pipeline import cached_pipeline

    corpus = bench_corpus(ctx, full=200, quick=40)
    folder = ctx.scratch("cores")
    path = write_jsonl(corpus.articles, folder / "articles.jsonl")
    cached_pipeline(DEFAULT_MODEL)  # the parent's model load is not what this measures
    kg_build(write_jsonl(corpus.articles[:8], folder / "warm.jsonl"), folder / "warm")
    load_before = load_average()
    times = interleave({
        "jobs1": lambda: kg_build(path, folder / "jobs1", jobs=1).wall,
        "jobs2": lambda: kg_build(path, folder / "jobs2", jobs=2).wall,
    }, repeats=1)
    words = corpus.words
    rate1, rate2 = words / min(times["jobs1"]), words / min(times["jobs2"])
    speedup = ratio(rate2, rate1)
    cores = os.cpu_count()
    return [Outcome(
        name="cores",
        figure=rate2,
        unit="words/s",
        goal=f"≥ {GOAL:g}",
        passed=speedup is not None and speedup >= GOAL,
        baseline=rate1,
        baseline_label="kg build --jobs 1",
        ratio=speedup,
        measured=(
            f"words/s of a fresh `kg build --jobs 2` divided by words/s of `kg build --jobs 1`, same "
            f"corpus, run one after the other in this process on a {cores}-core machine whose 1-minute "
            f"load average was {load_before} before the runs (above {cores} means other work competed "
            f"for the cores)."
        ),
        corpus=corpus.describe(),
        details={"seconds": times, "cores": cores, "load_before": load_before},
    )]
