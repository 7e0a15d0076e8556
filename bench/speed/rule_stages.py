"""The extraction rules' own cost, stage by stage, on Docs the model has already made.

```
python -m bench.speed.rule_stages [--articles 120] [--passes 3] [--calls] [--results DIR]
```

The first ``N`` BBC articles of the shared corpus are parsed once by kg's pipeline, as a
build parses them; then ``kg.nlp.extract.extract`` runs on those Docs ``--passes`` times with
a process-CPU timer around each stage: ``resolve_mentions`` and every rule-module function
``extract_facts`` calls (``flows``, ``speech``, ``tables.outside`` ...). Per stage, the
minimum of the passes in ms an article: the model's time is left out, so a change to one
rule module shows at its own scale (tenths of a millisecond) instead of inside the ~100 ms
an article of a whole build. "other" is the whole extraction less its stages (merging,
deduplication, the entities kept). ``--calls`` adds one pass under cProfile per stage:
function calls and spaCy Tokens made per article, counts that, unlike times, the load of a
shared machine does not move. Results go to ``rule_stages.json`` and ``rule_stages.md``.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import gc
import json
import pstats
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from types import ModuleType
from typing import Any

from spacy.tokens import Doc

from bench.speed.corpus import available, load, shared_dir, shown
from bench.speed.harness import RESULTS, load_average, run_record
from kg.model import Article

# The rule-module functions extract_facts may call; a stage is each one it does call.
ENTRY_POINTS = ("extract", "outside", "chained")
RESOLUTION = "resolve_mentions"
OTHER = "other"
WHOLE = "whole extraction"

Pairs = Sequence[tuple[Doc, Article]]


def parse(nlp: Any, articles: Sequence[Article]) -> list[tuple[Doc, Article]]:
    """Each article's Doc as a build makes it (reflowed, a long article read in parts)."""
    from kg.nlp.extract import _docs

    return list(_docs(nlp, list(articles)))


def stage_functions() -> dict[str, tuple[object, str]]:
    """Stage name -> (the object holding the function, its attribute), in the order they run.

    Read from ``extract_facts`` itself, so a rule module added there is timed without a
    change here.
    """
    import kg.nlp.extract as extraction
    import kg.nlp.relations as relations

    called = set(relations.extract_facts.__code__.co_names)
    modules: list[ModuleType] = list(relations._MODULES)
    modules += [value for name, value in vars(relations).items()
                if name in called and isinstance(value, ModuleType) and value not in modules]
    stages: dict[str, tuple[object, str]] = {RESOLUTION: (extraction, RESOLUTION)}
    for module in modules:
        short = module.__name__.rsplit(".", 1)[1]
        for function in ENTRY_POINTS:
            if function in called and callable(getattr(module, function, None)):
                stages[short if function == "extract" else f"{short}.{function}"] = (module, function)
    return stages


@contextmanager
def wrapped(stages: dict[str, tuple[object, str]],
            around: Callable[[str, Callable[..., Any]], Callable[..., Any]]) -> Iterator[None]:
    """Each stage's function replaced by ``around(name, function)``, put back on leaving."""
    originals = {name: getattr(owner, attribute) for name, (owner, attribute) in stages.items()}
    try:
        for name, (owner, attribute) in stages.items():
            setattr(owner, attribute, functools.wraps(originals[name])(around(name, originals[name])))
        yield
    finally:
        for name, (owner, attribute) in stages.items():
            setattr(owner, attribute, originals[name])


def extract_all(pairs: Pairs, rules: Any, model: str) -> None:
    from kg.nlp.extract import extract

    for doc, article in pairs:
        extract(doc, article, model=model, rules=rules)


def time_stages(pairs: Pairs, rules: Any, model: str, *, passes: int) -> dict[str, Any]:
    """Per stage, and for the whole extraction, the minimum over ``passes`` in ms an article."""
    spent: dict[str, float] = {}

    def timer(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.process_time() - started
        return timed

    stages = stage_functions()
    per_pass: list[dict[str, float]] = []
    with wrapped(stages, timer):
        extract_all(pairs, rules, model)  # warm-up: lazily built matchers and caches are not timed
        for _ in range(passes):
            spent.clear()
            gc.collect()
            started = time.process_time()
            extract_all(pairs, rules, model)
            per_pass.append({WHOLE: time.process_time() - started, **spent})
    ms = 1000 / max(1, len(pairs))
    best = {name: min(p.get(name, 0.0) for p in per_pass) * ms for name in [*stages, WHOLE]}
    # "other" from the fastest whole pass and its own stages, so it is never below zero by
    # mixing passes.
    fastest = min(per_pass, key=lambda p: p[WHOLE])
    best[OTHER] = max(0.0, fastest[WHOLE] - sum(v for k, v in fastest.items() if k != WHOLE)) * ms
    return {"ms_per_article": {name: round(value, 3) for name, value in best.items()},
            "whole_per_pass": [round(p[WHOLE] * ms, 3) for p in per_pass]}


def count_calls(pairs: Pairs, rules: Any, model: str) -> dict[str, dict[str, int]]:
    """Per stage, function calls and spaCy Tokens made an article, in one profiled pass."""
    profiles: dict[str, cProfile.Profile] = {}

    def profiled(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        profile = profiles.setdefault(name, cProfile.Profile())

        def counted(*args: Any, **kwargs: Any) -> Any:
            profile.enable()
            try:
                return function(*args, **kwargs)
            finally:
                profile.disable()
        return counted

    stages = stage_functions()
    with wrapped(stages, profiled):
        extract_all(pairs, rules, model)
    articles = max(1, len(pairs))
    counts: dict[str, dict[str, int]] = {}
    for name in stages:
        if name not in profiles or not profiles[name].getstats():
            counts[name] = {"calls": 0, "tokens": 0}
            continue
        stats = pstats.Stats(profiles[name]).stats  # type: ignore[attr-defined]
        # spaCy's Token constructor shows as "cinit" in token.pyx when its profiling hooks are built in.
        tokens = sum(entry[1] for (path, _, function), entry in stats.items() if function == "cinit" and "token" in path)
        counts[name] = {"calls": round(sum(entry[1] for entry in stats.values()) / articles),
                        "tokens": round(tokens / articles)}
    return counts


def measure(articles: Sequence[Article], *, passes: int, calls: bool = False) -> dict[str, Any]:
    """Parse ``articles`` once, then time (and optionally count) each stage of extraction."""
    from kg.nlp.loading import DEFAULT_MODEL, model_id
    from kg.nlp.pipeline import cached_pipeline
    from kg.nlp.rules import RelationRules

    nlp = cached_pipeline(DEFAULT_MODEL)
    pairs = parse(nlp, articles)
    rules, model = RelationRules(nlp.vocab), model_id(nlp)
    # The Docs live through every pass: frozen, the collector does not walk them at each sweep.
    # gc.unfreeze() thaws everything, the pipeline cached_pipeline froze too, so that is frozen
    # again once the Docs are gone.
    gc.collect()
    gc.freeze()
    try:
        result = time_stages(pairs, rules, model, passes=passes)
        if calls:
            result["calls_per_article"] = count_calls(pairs, rules, model)
    finally:
        gc.unfreeze()
    result.update(articles=len(pairs), passes=passes, words=sum(len(doc) for doc, _ in pairs))
    del pairs
    gc.collect()
    gc.freeze()
    return result


def table(result: dict[str, Any]) -> str:
    """The stages as a Markdown table, costliest first; the whole extraction last."""
    ms, counted = result["ms_per_article"], result.get("calls_per_article", {})
    lines = ["| stage | ms an article | calls (Tokens made) an article |" if counted else "| stage | ms an article |",
             "|---|---|---|" if counted else "|---|---|"]
    stages = sorted((n for n in ms if n != WHOLE), key=lambda n: (n == OTHER, -ms[n]))
    for name in [*stages, WHOLE]:
        row = f"| {name} | {ms[name]:.2f} |"
        if counted:
            entry = counted.get(name)
            row += f" {entry['calls']:,} ({entry['tokens']:,}) |" if entry else " |"
        lines.append(row)
    return "\n".join(lines)


def write(result: dict[str, Any], directory: Path) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "rule_stages.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    passes = " / ".join(f"{v:.2f}" for v in result["whole_per_pass"])
    (directory / "rule_stages.md").write_text(
        f"# The extraction rules' own cost\n\n`{result['command']}` ({result['corpus']['name']}, "
        f"{result['articles']} articles, load {result['load'][0]} → {result['load'][1]}; whole extraction "
        f"per pass {passes} ms)\n\n{table(result)}\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.speed.rule_stages", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120, help="the first N BBC articles (default 120)")
    parser.add_argument("--passes", type=int, default=3, help="timed passes; each stage's minimum is kept")
    parser.add_argument("--calls", action="store_true", help="also count calls and Tokens made per stage (cProfile)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for rule_stages.json/.md")
    args = parser.parse_args(argv)
    if not available("bbc"):
        # Generated news would time the rules on text they were not written for: no figure.
        print(f"skipped: the BBC corpus is absent ({shown(shared_dir())}/datasets/bbc); "
              "it lives in ../shared/datasets.")
        return 0
    corpus = load("bbc", limit=args.articles)
    started, before = datetime.now(timezone.utc), load_average()
    result = measure(corpus.articles, passes=args.passes, calls=args.calls)
    result.update(run_record("bench.speed.rule_stages", argv, started, before, corpus))
    print(table(result))
    print(f"whole extraction per pass (ms an article): {result['whole_per_pass']}; "
          f"load {result['load'][0]} → {result['load'][1]}")
    write(result, args.results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
