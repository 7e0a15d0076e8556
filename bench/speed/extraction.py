"""Extraction: `kg build` words/s against bare ``nlp.pipe`` words/s, same model, same corpus.

Both run in this process, interleaved (bare, kg, bare, kg ...), after a warm-up that loads
the models, so model loading is not timed. kg's time is the whole ``kg.build.build`` call
(read the JSONL file, run kg's pipeline, extract, map to RDF, link across articles, write
the Oxigraph store and the Turtle/TriG files) with ``--jobs 1``. A third figure, not part of
the goal, is kg's own pipeline (the model plus kg's components) through ``nlp.pipe``, to show
where the time goes. The ratio is taken on CPU seconds of this process (all threads), which
the other work on a shared machine does not inflate; wall figures are in the details.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.speed.corpus import Corpus, load, write_jsonl
from bench.speed.harness import Clock, Context, Outcome, clock, interleave, ratio

GOAL = 0.90
BATCH = 64


def kg_build(path: Path, output: Path, *, jobs: int = 1) -> Clock:
    """Time one fresh ``kg build`` of ``path`` into ``output``."""
    from kg.build import build

    shutil.rmtree(output, ignore_errors=True)
    with clock() as measured:
        report = build([path], output=output, jobs=jobs, batch_size=BATCH)
    if report.articles_failed or not report.articles_written:
        raise RuntimeError(f"kg build wrote {report.articles_written} articles, errors: {report.errors[:3]}")
    return measured[0]


def pipe(nlp, texts: list[str], *, n_process: int = 1, batch_size: int = BATCH) -> Clock:
    with clock() as measured:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
    return measured[0]


def bench_corpus(ctx: Context, *, full: int, quick: int) -> Corpus:
    return load("bbc", limit=ctx.size(full, quick))


def run(ctx: Context) -> list[Outcome]:
    from kg.nlp.loading import DEFAULT_MODEL, load_statistical
    from kg.nlp.pipeline import cached_pipeline

    corpus = bench_corpus(ctx, full=120, quick=20)
    texts = [a.text for a in corpus.articles]
    folder = ctx.scratch("extraction")
    path = write_jsonl(corpus.articles, folder / "articles.jsonl")
    bare, kg_nlp = load_statistical(DEFAULT_MODEL), cached_pipeline(DEFAULT_MODEL)
    # Warm-up: the first Docs of a pipeline pay one-off costs (vocab growth, lazy imports).
    pipe(bare, texts[:8])
    kg_build(write_jsonl(corpus.articles[:8], folder / "warm.jsonl"), folder / "warm")
    runs = interleave({
        "bare": lambda: pipe(bare, texts),
        "kg": lambda: kg_build(path, folder / "output"),
        "kg_pipeline": lambda: pipe(kg_nlp, texts),
    }, repeats=1 if ctx.quick else 2)
    cpu = {name: min(c.cpu for c in clocks) for name, clocks in runs.items()}
    wall = {name: min(c.wall for c in clocks) for name, clocks in runs.items()}
    words = corpus.words
    kg_rate, bare_rate = words / cpu["kg"], words / cpu["bare"]
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
            f"words per CPU second of a fresh `kg build --jobs 1` (kg.build.build: read JSONL, kg pipeline, "
            f"extraction, RDF mapping, linking, Oxigraph store, ttl+trig files; batch {BATCH}) divided by "
            f"words per CPU second of bare nlp.pipe of the same texts with the same statistical model "
            f"({DEFAULT_MODEL} as loaded by load_statistical); best of {len(runs['kg'])} interleaved runs "
            f"each, models loaded before timing. kg's pipeline alone (model + kg components, no build): "
            f"{words / cpu['kg_pipeline']:,.0f} words/CPU s. Wall-clock: kg {words / wall['kg']:,.0f}, bare "
            f"{words / wall['bare']:,.0f} words/s (ratio {wall['bare'] / wall['kg']:.2f})."
        ),
        corpus=corpus.describe(),
        details={"cpu_s": {k: [c.cpu for c in v] for k, v in runs.items()},
                 "wall_s": {k: [c.wall for c in v] for k, v in runs.items()},
                 "kg_pipeline_words_per_cpu_s": words / cpu["kg_pipeline"],
                 "wall_ratio": wall["bare"] / wall["kg"],
                 "kg_pipeline_components": list(kg_nlp.pipe_names), "bare_components": list(bare.pipe_names)},
    )]
