"""Where a whole `kg build --jobs 1` spends its CPU: the model, kg's components, the rules, each stage after.

```
python -m bench.speed.build_stages [--articles 120] [--builds 3] [--results DIR]
```

The first ``N`` BBC articles of the shared corpus are written to JSONL and built afresh
``--builds`` times, as the extraction benchmark builds them (``kg.build.build``, batch 64,
store and graph files), after one warm-up build of 8 articles that loads the pipeline. Each
stage's function is wrapped in a process-CPU timer; a stage's time excludes the stages it
calls (the verdicts judged inside the writes count as verdicts, not writes), so the stages
add up to the build. Per stage, the minimum over the builds in ms an article; the whole
build's minimum too, its main thread's CPU alone (the rest is RocksDB's threads) and the
garbage collector's passes (inside whatever stage they land in). Results go to
``build_stages.json`` and ``build_stages.md``.

The stages: ``model`` is spaCy's tokenizer and statistical components (and its ``pipe``
machinery), ``kg_entities`` and ``kg_paragraphs`` kg's own components, ``rules`` extraction
from the Doc (``kg.nlp.extract.extract``), then ``linking``, ``mapping`` (extraction to
quads), ``store writes`` (terms to text, the transaction or queue), ``verdicts`` (judging
the graphs written), ``store close`` (the bulk load, publishing), ``graph files``, ``totals``,
``reading + change detection`` (reading JSONL, content hashes against the store), and
``rest`` (the build's own loop, report counts, opening the store).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench.speed.corpus import available, load, shared_dir, shown, write_jsonl
from bench.speed.harness import RESULTS, load_average, run_record

BATCH = 64
WHOLE = "whole build"
REST = "rest"


class StageClock:
    """Process CPU per stage, exclusive of the stages a stage calls (a stack of open stages)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = {}
        self._stack: list[list[Any]] = []  # [name, started, children's time]

    def enter(self, name: str) -> None:
        self._stack.append([name, time.process_time(), 0.0])

    def leave(self) -> None:
        name, started, inner = self._stack.pop()
        elapsed = time.process_time() - started
        self.spent[name] = self.spent.get(name, 0.0) + elapsed - inner
        if self._stack:
            self._stack[-1][2] += elapsed

    def function(self, name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.enter(name)
            try:
                return function(*args, **kwargs)
            finally:
                self.leave()
        return timed

    def generator(self, name: str, function: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
        """A generator function whose every step is timed (not the consumer's work between)."""
        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            iterator = function(*args, **kwargs)
            while True:
                self.enter(name)
                try:
                    item = next(iterator)
                except StopIteration:
                    return
                finally:
                    self.leave()
                yield item
        return timed


def stage_targets() -> list[tuple[str, object, str, bool]]:
    """(stage, the object holding the function, its attribute, whether it is a generator)."""
    import kg.build as build
    import kg.nlp.extract as extraction
    from kg.linking import Linker
    from kg.nlp.entities import EntityTyper
    from kg.store.oxigraph import OxigraphStore
    from kg.validate import WrittenGraphs

    return [
        ("reading + change detection", build, "_changed_articles", True),
        ("model", extraction, "_docs", True),
        ("kg_entities", EntityTyper, "__call__", False),
        ("rules", extraction, "extract", False),
        ("linking", Linker, "link", False),
        ("mapping", build, "extraction_to_quads", False),
        ("store writes", OxigraphStore, "replace_articles", False),
        ("verdicts", WrittenGraphs, "add", False),
        ("verdicts", WrittenGraphs, "verdicts", False),
        ("verdicts", build, "judge_written", False),
        ("store close", OxigraphStore, "close", False),
        ("graph files", build, "refresh_graph_files", False),
        ("totals", build, "published_totals", False),
    ]


@contextmanager
def timed_stages(clock: StageClock, nlp: Any) -> Iterator[None]:
    """Every stage's function wrapped in ``clock``; ``kg_paragraphs`` in ``nlp``'s own list."""
    targets = stage_targets()
    originals = [(owner, attribute, getattr(owner, attribute)) for _, owner, attribute, _ in targets]
    components = list(nlp._components)
    try:
        for (name, owner, attribute, steps), (_, _, original) in zip(targets, originals):
            wrap = clock.generator if steps else clock.function
            setattr(owner, attribute, wrap(name, original))
        nlp._components[:] = [(n, clock.function(n, proc) if n == "kg_paragraphs" else proc) for n, proc in components]
        yield
    finally:
        for owner, attribute, original in originals:
            setattr(owner, attribute, original)
        nlp._components[:] = components


def one_build(path: Path, output: Path, clock: StageClock) -> dict[str, float]:
    """One fresh build of ``path``; CPU seconds per stage, the whole, its main thread, the collector."""
    from kg.build import build

    shutil.rmtree(output, ignore_errors=True)
    collecting: list[float] = [0.0, 0.0]  # started, total

    def collector(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            collecting[0] = time.process_time()
        else:
            collecting[1] += time.process_time() - collecting[0]

    clock.spent.clear()
    gc.callbacks.append(collector)
    try:
        started, thread = time.process_time(), time.thread_time()
        clock.enter(REST)
        report = build([path], output=output, jobs=1, batch_size=BATCH)
        clock.leave()
        whole, main = time.process_time() - started, time.thread_time() - thread
    finally:
        gc.callbacks.remove(collector)
    if report.articles_failed or not report.articles_written:
        raise RuntimeError(f"kg build wrote {report.articles_written} articles, errors: {report.errors[:3]}")
    return {**clock.spent, WHOLE: whole, "main thread": main, "collector": collecting[1]}


def measure(articles: list[Any], folder: Path, *, builds: int) -> dict[str, Any]:
    """Warm up, then ``builds`` timed builds of ``articles``; per stage the minimum, ms an article."""
    from kg.nlp.loading import DEFAULT_MODEL
    from kg.nlp.pipeline import cached_pipeline

    nlp = cached_pipeline(DEFAULT_MODEL)
    path = write_jsonl(articles, folder / "articles.jsonl")
    clock = StageClock()
    with timed_stages(clock, nlp):
        one_build(write_jsonl(articles[:8], folder / "warm.jsonl"), folder / "warm", clock)
        per_build = [one_build(path, folder / "output", clock) for _ in range(builds)]
    ms = 1000 / max(1, len(articles))
    names = sorted({n for b in per_build for n in b}, key=lambda n: -max(b.get(n, 0.0) for b in per_build))
    return {"ms_per_article": {n: round(min(b.get(n, 0.0) for b in per_build) * ms, 3) for n in names},
            "per_build": [{n: round(v * ms, 3) for n, v in b.items()} for b in per_build],
            "articles": len(articles), "builds": builds}


TOTALS = (WHOLE, "main thread", "collector")


def table(result: dict[str, Any]) -> str:
    """The stages as a Markdown table, costliest first; the whole build and its parts last."""
    ms = result["ms_per_article"]
    lines = ["| stage | ms an article (min of builds) | each build |", "|---|---|---|"]
    stages = [n for n in ms if n not in TOTALS]
    for name in [*stages, *TOTALS]:
        each = " / ".join(f"{b.get(name, 0.0):.2f}" for b in result["per_build"])
        lines.append(f"| {name} | {ms[name]:.2f} | {each} |")
    return "\n".join(lines)


def write(result: dict[str, Any], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "build_stages.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (directory / "build_stages.md").write_text(
        f"# Where `kg build --jobs 1` spends its CPU\n\n`{result['command']}` ({result['corpus']['name']}, "
        f"{result['articles']} articles, load {result['load'][0]} → {result['load'][1]})\n\n{table(result)}\n",
        encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed.build_stages", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120, help="the first N BBC articles (default 120)")
    parser.add_argument("--builds", type=int, default=3, help="timed builds; each stage's minimum is kept")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for build_stages.json/.md")
    parser.add_argument("--scratch", type=Path, default=None, help="folder for the builds (default: a temporary one)")
    args = parser.parse_args(argv)
    if not available("bbc"):
        print(f"skipped: the BBC corpus is absent ({shown(shared_dir())}/datasets/bbc); "
              "it lives in ../shared/datasets.")
        return 0
    import tempfile

    corpus = load("bbc", limit=args.articles)
    started, before = datetime.now(timezone.utc), load_average()
    with tempfile.TemporaryDirectory(dir=args.scratch) as scratch:
        result = measure(list(corpus.articles), Path(scratch), builds=args.builds)
    result.update(run_record("bench.speed.build_stages", argv, started, before, corpus))
    print(table(result))
    print(f"load {result['load'][0]} → {result['load'][1]}")
    write(result, args.results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
