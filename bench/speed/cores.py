"""Cores: `kg build --jobs 2` against `--jobs 1`, and against bare ``nlp.pipe(n_process=2)``.

Four runs on the same corpus, interleaved in this process: ``kg build --jobs 1``, ``kg build
--jobs 2``, bare ``nlp.pipe`` of the same texts with the same model in one process and in
two (``n_process=2``). All are wall clock: parallel work can only be measured so. Worker
start-up is part of each timed run, as it is for a user (kg's workers start and load the
model; spaCy's are forked from a process that holds it). The bare pair says how far this
machine lets two processes scale the model at all, which bounds what kg can reach. The
machine's core count and load average are recorded: on a machine whose cores are busy with
other work, the speed-ups measure the contention as much as kg.
"""

from __future__ import annotations

import os

from bench.speed.corpus import write_jsonl
from bench.speed.extraction import bench_corpus, kg_build, pipe
from bench.speed.harness import Context, Outcome, interleave, load_average, ratio

GOAL = 1.7  # --jobs 2 ÷ --jobs 1
GOAL_BARE = 0.85  # --jobs 2 ÷ bare nlp.pipe(n_process=2)


def run(ctx: Context) -> list[Outcome]:
    from kg.distributed import TASK_SIZE
    from kg.nlp.loading import DEFAULT_MODEL, load_statistical
    from kg.nlp.pipeline import cached_pipeline

    corpus = bench_corpus(ctx, full=200, quick=40)
    texts = [a.text for a in corpus.articles]
    folder = ctx.scratch("cores")
    path = write_jsonl(corpus.articles, folder / "articles.jsonl")
    bare = load_statistical(DEFAULT_MODEL)
    cached_pipeline(DEFAULT_MODEL)  # the parent's model load is not what this measures
    pipe(bare, texts[:8])
    kg_build(write_jsonl(corpus.articles[:8], folder / "warm.jsonl"), folder / "warm")
    load_before = load_average()
    runs = interleave({
        "jobs1": lambda: kg_build(path, folder / "jobs1", jobs=1).wall,
        "jobs2": lambda: kg_build(path, folder / "jobs2", jobs=2).wall,
        "bare1": lambda: pipe(bare, texts).wall,
        "bare2": lambda: pipe(bare, texts, n_process=2, batch_size=TASK_SIZE).wall,
    }, repeats=1 if ctx.quick else 2)
    load_after = load_average()
    words = corpus.words
    rate = {name: words / min(seconds) for name, seconds in runs.items()}
    speedup = ratio(rate["jobs2"], rate["jobs1"])
    share = ratio(rate["jobs2"], rate["bare2"])
    bare_speedup = ratio(rate["bare2"], rate["bare1"])
    cores = os.cpu_count()
    machine = (
        f"on a {cores}-core machine whose 1-minute load average was {load_before} before the runs and "
        f"{load_after} after (above {cores} means other work competed for the cores)"
    )
    details = {"seconds": runs, "words_per_s": rate, "cores": cores, "load_before": load_before,
               "load_after": load_after, "bare_speedup": bare_speedup}
    bare_note = (f"Bare nlp.pipe: {rate['bare1']:,.0f} words/s in one process, {rate['bare2']:,.0f} with "
                 f"n_process=2 ({bare_speedup:.2f}x: what this machine gives two processes of the model).")
    return [
        Outcome(
            name="cores",
            figure=rate["jobs2"],
            unit="words/s",
            goal=f"≥ {GOAL:g}",
            passed=speedup is not None and speedup >= GOAL,
            baseline=rate["jobs1"],
            baseline_label="kg build --jobs 1",
            ratio=speedup,
            measured=(
                f"words/s of a fresh `kg build --jobs 2` divided by words/s of `kg build --jobs 1`, same "
                f"corpus, best of {len(runs['jobs1'])} interleaved runs each, {machine}. {bare_note}"
            ),
            corpus=corpus.describe(),
            details=details,
        ),
        Outcome(
            name="cores (vs nlp.pipe n_process=2)",
            figure=rate["jobs2"],
            unit="words/s",
            goal=f"≥ {GOAL_BARE:g}",
            passed=share is not None and share >= GOAL_BARE,
            baseline=rate["bare2"],
            baseline_label=f"bare {DEFAULT_MODEL} nlp.pipe(n_process=2)",
            ratio=share,
            measured=(
                f"words/s of a fresh `kg build --jobs 2` (the whole build: read, extract, link, map, write the "
                f"store, verdicts, graph files) divided by words/s of bare nlp.pipe(n_process=2, batch_size="
                f"{TASK_SIZE}) of the same texts with the same statistical model ({DEFAULT_MODEL} as loaded by "
                f"load_statistical; spaCy forks its two workers from this process, which holds the model), "
                f"wall clock, best of {len(runs['jobs2'])} interleaved runs each, {machine}. {bare_note}"
            ),
            corpus=corpus.describe(),
            details=details,
        ),
    ]
