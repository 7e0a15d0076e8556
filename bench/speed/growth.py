"""Growth: cost per article late in a big build against early in it (nothing quadratic).

Two measurements, both through ``kg.build.build`` with a progress callback timestamping
every batch:

* after-the-model: Docs of a base set of real articles are parsed once; ``build`` then
  reads N replicated articles (same texts, new ids) and gets their extractions from those
  cached Docs via ``kg.nlp.extract.extract``, so everything kg adds after spaCy is timed
  (extraction from Docs, change detection, RDF mapping, Oxigraph writes). Cost per
  article in the window of articles 1..W is compared with the last W of N (W = 1,000 and
  N = 20,000 in a full run).
* model-inclusive: the same windows on a smaller build that runs spaCy on every article.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from bench.speed.corpus import Corpus, load, replicate, write_jsonl
from bench.speed.harness import Context, Outcome, ratio

GOAL = 1.2
BATCH = 64


def cached_docs(docs: dict[str, object], model: str) -> tuple[Callable[[Iterable], Iterator], list[int]]:
    """An extractor for ``kg.build.build`` that reads cached Docs (keyed by text) instead of
    running spaCy, and the count of its calls."""
    from kg.nlp.extract import extract
    from kg.nlp.rules import RelationRules

    calls = [0]
    rules = RelationRules(next(iter(docs.values())).vocab) if docs else None

    def from_cache(articles: Iterable) -> Iterator:
        calls[0] += 1
        for article in articles:
            yield extract(docs[article.text], article, model=model, rules=rules)

    return from_cache, calls


# Articles written, then seconds since the start: CPU of the process (all threads), wall, and
# CPU of the building thread alone (the rest is the bulk loader's threads, which parse, sort and
# write the files of a load, and RocksDB's background flushes and compactions).
Mark = tuple[int, float, float, float]


def timed_build(path: Path, output: Path, *, batch: int = BATCH, extractor: Callable | None = None) -> list[Mark]:
    """A mark after every batch of a fresh build (CPU time: of this process, all threads)."""
    from kg.build import build

    shutil.rmtree(output, ignore_errors=True)
    marks: list[Mark] = [(0, 0.0, 0.0, 0.0)]
    cpu, wall, own = time.process_time(), time.perf_counter(), time.thread_time()

    def mark(report) -> None:
        marks.append((report.articles_written, time.process_time() - cpu, time.perf_counter() - wall,
                      time.thread_time() - own))

    build([path], output=output, batch_size=batch, write_files=False, progress=mark, extractor=extractor)
    return marks


def window_cost(marks: list[Mark], first: int, last: int, *, column: int = 1) -> float:
    """Seconds per article between the batch marks nearest to articles ``first`` and ``last``."""
    start = min(marks, key=lambda m: abs(m[0] - first))
    end = min(marks, key=lambda m: abs(m[0] - last))
    return (end[column] - start[column]) / max(1, end[0] - start[0])


def fifths_ratio(marks: list[Mark], total: int) -> float | None:
    """CPU per article over the last fifth of the build ÷ over its first fifth."""
    return ratio(window_cost(marks, total - total // 5, total), window_cost(marks, 0, total // 5))


def _outcome(name: str, marks, *, window: int, total: int, corpus: Corpus, base: Corpus, measured: str) -> Outcome:
    early = window_cost(marks, 0, window)
    late = window_cost(marks, total - window, total)
    growth = ratio(late, early)
    wall_growth = ratio(window_cost(marks, total - window, total, column=2), window_cost(marks, 0, window, column=2))
    # Diagnostics, not the goal: the building thread alone, and the late window against the
    # second one (the first starts on an empty store, whose writes are cheaper until its
    # first flush to disk).
    thread_growth = ratio(window_cost(marks, total - window, total, column=3), window_cost(marks, 0, window, column=3))
    second = window_cost(marks, window, 2 * window)
    after_first = ratio(late, second) if total >= 3 * window else None
    # New articles reach the store in bulk loads some 460 articles apart (the replicated BBC
    # set), and RocksDB compacts after every other one: a window of N/20 holds a load and a
    # compaction or neither, the first window never. Fifths of the build each hold several.
    fifths = fifths_ratio(marks, total)
    return Outcome(
        name=name,
        figure=late * 1000,
        unit="ms/article",
        goal=f"≤ {GOAL:g}",
        passed=growth is not None and growth <= GOAL,
        baseline=early * 1000,
        baseline_label=f"articles 1-{window:,}",
        ratio=growth,
        measured=measured + (f" Figure: CPU ms (this process, all threads) per article over articles "
                             f"{total - window + 1:,}-{total:,}; baseline: over articles 1-{window:,}; the base "
                             f"set was {len(base.articles)} {base.name} articles replicated with new ids. "
                             f"The same ratio on wall time: {wall_growth or 0:.2f}; on the building thread's CPU "
                             f"alone (without the bulk loader's threads and RocksDB's background ones): {thread_growth or 0:.2f}; last window "
                             f"÷ articles {window + 1:,}-{2 * window:,}: {after_first or 0:.2f}; the last fifth of the build "
                             f"÷ the first: {fifths or 0:.2f}."),
        corpus=corpus.describe(),
        details={"marks": marks[:: max(1, len(marks) // 200)], "wall_ratio": wall_growth,
                 "thread_ratio": thread_growth, "ratio_to_second_window": after_first, "fifths_ratio": fifths,
                 "mean_cpu_ms_per_article": marks[-1][1] / total * 1000,
                 "mean_wall_ms_per_article": marks[-1][2] / total * 1000},
    )


def run(ctx: Context) -> list[Outcome]:
    from kg.nlp.loading import DEFAULT_MODEL, model_id
    from kg.nlp.pipeline import cached_pipeline

    nlp = cached_pipeline(DEFAULT_MODEL)
    folder = ctx.scratch("growth")
    outcomes = []

    # After the model: cached Docs, 1,000 vs 20,000.
    base = load("bbc", limit=ctx.size(100, 20))
    total = ctx.options.get("growth") or (2000 if ctx.quick else 20000)
    window = max(2 * BATCH, total // 20)
    docs = {a.text: doc for doc, a in nlp.pipe(((a.text, a) for a in base.articles), as_tuples=True,
                                               batch_size=BATCH)}
    articles = tuple(replicate(base.articles, total))
    corpus = Corpus(f"{base.name} x{total // len(base.articles)}", articles, base.origin)
    path = write_jsonl(articles, folder / "replicated.jsonl")
    extractor, calls = cached_docs(docs, model_id(nlp))
    timed_build(write_jsonl(articles[:BATCH], folder / "warm.jsonl"), folder / "warm", extractor=extractor)
    marks = timed_build(path, folder / "post-model", extractor=extractor)
    if not calls[0]:
        raise RuntimeError("kg.build.build did not call the extractor it was given; adapt bench_growth")
    outcomes.append(_outcome(
        "growth (after model)", marks, window=window, total=total, corpus=corpus, base=base,
        measured=(f"per-article cost of a fresh `kg build` of {total:,} articles (write_files off, batch "
                  f"{BATCH}) whose extractions come from cached spaCy Docs: everything after the model "
                  f"(extraction from Docs, change detection, RDF mapping, Oxigraph writes)."),
    ))

    # Model-inclusive, smaller.
    small_base = load("bbc", limit=ctx.size(20, 5))
    total = ctx.options.get("growth_model") or (100 if ctx.quick else 1000)
    window, batch = max(10, total // 10), max(5, min(BATCH, total // 40))
    articles = tuple(replicate(small_base.articles, total))
    corpus = Corpus(f"{small_base.name} x{total // len(small_base.articles)}", articles, small_base.origin)
    marks = timed_build(write_jsonl(articles, folder / "model.jsonl"), folder / "with-model", batch=batch)
    outcomes.append(_outcome(
        "growth (with model)", marks, window=window, total=total, corpus=corpus, base=small_base,
        measured=(f"per-article cost of a fresh `kg build --jobs 1` of {total:,} articles (write_files off, "
                  f"batch {batch}) including spaCy."),
    ))
    return outcomes
