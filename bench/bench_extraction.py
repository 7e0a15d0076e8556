"""Extraction: `kg build` words/s against bare ``nlp.pipe`` words/s, same model, same corpus.

Both run in this process, interleaved (bare, kg, bare, kg ...), after a warm-up that loads
the models, so model loading is not timed. kg's time is the whole ``kg.build.build`` call
(read the JSONL file, run kg's pipeline, extract, map to RDF, write the Oxigraph store and
the Turtle/TriG files) with ``--jobs 1``. A third, untimed-for-the-goal figure is kg's own
pipeline (the model plus kg's components) through ``nlp.pipe``, to show where time goes.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from bench.corpus import Corpus, load, write_jsonl
from bench.harness import Context, Outcome, interleave, ratio

GOAL = 0.90
BATCH = 64


def kg_build_seconds(path: Path, output: Path, *, jobs: int = 1) -> float:
    """Time one fresh ``kg build`` of ``path`` into ``output``."""
    from kg.build import build

    shutil.rmtree(output, ignore_errors=True)
    start = time.perf_counter()
    report = build([path], output=output, jobs=jobs, batch_size=BATCH)
    seconds = time.perf_counter() - start
    if report.articles_failed or not report.articles_written:
        raise RuntimeError(f"kg build wrote {report.articles_written} articles, errors: {report.errors[:3]}")
    return seconds


def pipe_seconds(nlp, texts: list[str]) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    return time.perf_counter() - start


def bench_corpus(ctx: Context, *, full: int, quick: int) -> Corpus:
    return load("bbc", limit=ctx.size(full, quick))


def run(ctx: Context) -> list[Outcome]:
    from kg.nlp.loading import DEFAULT_MODEL, load_statistical
    from kg.nlp.pipeline import cached_pipeline

    corpus = bench_corpus(ctx, full=300, quick=30)
    texts = [a.text for a in corpus.articles]
    folder = ctx.scratch("extraction")
    path = write_jsonl(corpus.articles, folder / "articles.jsonl")
    bare, kg_nlp = load_statistical(DEFAULT_MODEL), cached_pipeline(DEFAULT_MODEL)
    # Warm-up: the first Docs of a pipeline pay one-off costs (vocab growth, lazy imports).
    pipe_seconds(bare, texts[:8])
    kg_build_seconds(write_jsonl(corpus.articles[:8], folder / "warm.jsonl"), folder / "warm")
    times = interleave({
        "bare": lambda: pipe_seconds(bare, texts),
        "kg": lambda: kg_build_seconds(path, folder / "output"),
        "kg_pipeline": lambda: pipe_seconds(kg_nlp, texts),
    }, repeats=1 if ctx.quick else 2)
    best = {name: min(values) for name, values in times.items()}
    words = corpus.words
    kg_rate, bare_rate = words / best["kg"], words / best["bare"]
    share = ratio(kg_rate, bare_rate)
    return [Outcome(
        name="extraction",
        figure=kg_rate,
        unit="words/s",
        goal=f"≥ {GOAL:.2f}",
        passed=share is not None and share >= GOAL,
        baseline=bare_rate,
        baseline_label=f"bare {DEFAULT_MODEL} nlp.pipe",
        ratio=share,
        measured=(
            f"words/s of a fresh `kg build --jobs 1` (kg.build.build: read JSONL, kg pipeline, "
            f"extraction, RDF mapping, Oxigraph store, ttl+trig files; batch {BATCH}) divided by words/s "
            f"of bare nlp.pipe of the same texts with the same statistical model ({DEFAULT_MODEL} as "
            f"loaded by load_statistical), best of {len(times['kg'])} interleaved runs each, models "
            f"loaded before timing. kg's pipeline alone ran at {words / best['kg_pipeline']:,.0f} words/s."
        ),
        corpus=corpus.describe(),
        details={"seconds": times, "kg_pipeline_words_per_s": words / best["kg_pipeline"],
                 "kg_pipeline_components": list(kg_nlp.pipe_names), "bare_components": list(bare.pipe_names)},
    )]
