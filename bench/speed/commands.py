"""Commands as a user runs them: `kg query NAME` and `kg validate`, each a new process.

Both are timed on the CPU seconds of the child process (user + system, from
``RUSAGE_CHILDREN``), interleaved with their baselines, median of the runs:

- `kg query entities --format csv --limit 0` against Oxigraph's own `oxigraph query` CLI on
  the same store and query (the CLI is installed with pyoxigraph's ``oxigraph`` package; without
  it, a bare Python process that opens the store with pyoxigraph and writes CSV);
- `kg validate` against the reference it must agree with: pySHACL over every article graph
  (``kg.validate.validate`` of the store's quads) in a new process; both reports are compared.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
from pathlib import Path

from bench.speed.corpus import load
from bench.speed.harness import Context, Outcome, interleave, median, ratio
from bench.speed.memory import _build_corpus

QUERY = "entities"
GOAL_QUERY = 5.0  # kg ÷ oxigraph CLI, at most
GOAL_VALIDATE = 20.0  # reference ÷ kg, at least

_BARE = """
import csv, sys, pyoxigraph as ox
result = ox.Store(sys.argv[1]).query(open(sys.argv[2], encoding="utf-8").read())
out = csv.writer(sys.stdout, lineterminator="\\n")
out.writerow([v.value for v in result.variables])
for row in result:
    out.writerow(["" if t is None else t.value for t in row])
"""

_REFERENCE = """
import sys
from kg.store import open_store
from kg.validate import validate
with open_store("oxigraph", path=sys.argv[1]) as store:
    result = validate(list(store.quads()))
sys.stdout.write(f"{result.conforms} {result.violations} {result.focus_nodes}\\n{result.text}")
"""


def _cpu(command: list[str]) -> tuple[float, str]:
    """CPU seconds of one child process running ``command``, and what it printed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, done.stdout


def _kg() -> list[str]:
    return [sys.executable, "-m", "kg"]


def run(ctx: Context) -> list[Outcome]:
    from kg.rdf.queries import get_query

    corpus = load("bbc", limit=ctx.size(150, 20))
    built = _build_corpus(ctx, corpus, "commands")
    output = built["output"]
    store = output / "store"
    folder = ctx.scratch("commands")
    query_file = folder / f"{QUERY}.rq"
    query_file.write_text(get_query(QUERY), encoding="utf-8")
    repeats = 3 if ctx.quick else 9

    oxigraph = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which("oxigraph")
    if oxigraph:
        # The CLI holds the store's lock: it reads a copy, so the two never meet.
        copy = folder / "store-copy"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(store, copy)
        baseline_command = [oxigraph, "query", "--location", str(copy), "--query-file", str(query_file),
                            "--results-format", "csv"]
        baseline_label = "`oxigraph query` CLI"
    else:
        baseline_command = [sys.executable, "-c", _BARE, str(store), str(query_file)]
        baseline_label = "bare Python + pyoxigraph (no oxigraph CLI found)"
    kg_command = [*_kg(), "query", QUERY, "--format", "csv", "--limit", "0", "--output", str(output)]
    bare_command = [sys.executable, "-c", _BARE, str(store), str(query_file)]
    runs = interleave({"kg": lambda: _cpu(kg_command), "baseline": lambda: _cpu(baseline_command),
                       "bare": lambda: _cpu(bare_command)}, repeats=repeats)
    kg_s = median([cpu for cpu, _ in runs["kg"]])
    base_s = median([cpu for cpu, _ in runs["baseline"]])
    bare_s = median([cpu for cpu, _ in runs["bare"]])
    rows = runs["kg"][0][1].count("\n") - 1
    slower = ratio(kg_s, base_s)
    outcomes = [Outcome(
        name=f"kg query {QUERY} (new process, csv, all rows)",
        figure=kg_s * 1000,
        unit="ms",
        goal=f"≤ {GOAL_QUERY:g}x the oxigraph CLI",
        passed=slower is not None and slower <= GOAL_QUERY,
        baseline=base_s * 1000,
        baseline_label=baseline_label,
        ratio=slower,
        measured=(
            f"median CPU of {repeats} runs (interleaved) of `kg query {QUERY} --format csv --limit 0` "
            f"as a new process ({rows} rows), against {baseline_label} on the same store and query; "
            f"ratio = kg ÷ baseline (lower is better). A bare Python process with pyoxigraph that "
            f"writes the same CSV: {bare_s * 1000:.0f} ms ({ratio(bare_s, base_s) or 0:.2f}x)."
        ),
        corpus=built["corpus"],
        details={"kg_cpu_s": [c for c, _ in runs["kg"]], "baseline_cpu_s": [c for c, _ in runs["baseline"]],
                 "bare_cpu_s": [c for c, _ in runs["bare"]], "rows": rows},
    )]

    validate_command = [*_kg(), "validate", "--output", str(output)]
    reference_command = [sys.executable, "-c", _REFERENCE, str(store)]
    checks = interleave({"kg": lambda: _cpu(validate_command), "reference": lambda: _cpu(reference_command)},
                        repeats=1 if ctx.quick else 3)
    kg_v = median([cpu for cpu, _ in checks["kg"]])
    ref_v = median([cpu for cpu, _ in checks["reference"]])
    # Same verdict, counts and text: the reference prints them; kg prints its text or a summary.
    reference_out = checks["reference"][0][1]
    head, _, reference_text = reference_out.partition("\n")
    kg_out = checks["kg"][0][1]
    conforms = head.startswith("True")
    # The terminal writer expands tabs: texts are compared word for word.
    words = " ".join(reference_text.split())
    same = (words in " ".join(kg_out.split())) if not conforms else ("conforms:" in kg_out and head.split()[2] in kg_out)
    speedup = ratio(ref_v, kg_v)
    outcomes.append(Outcome(
        name="kg validate (new process)",
        figure=kg_v,
        unit="s",
        goal=f"same report, ≥ {GOAL_VALIDATE:g}x",
        passed=same and speedup is not None and speedup >= GOAL_VALIDATE,
        baseline=ref_v,
        baseline_label="pySHACL on every article graph",
        ratio=speedup,
        measured=(
            f"median CPU of {len(checks['kg'])} runs (interleaved) of `kg validate` as a new process, against "
            f"the reference in a new process: pySHACL over every article graph of the same store "
            f"(kg.validate.validate of its quads); ratio = reference ÷ kg. Same report: "
            f"{'yes' if same else 'NO'} (reference: conforms {conforms}, {head.split()[1]} violations, "
            f"{head.split()[2]} focus nodes)."
        ),
        corpus=built["corpus"],
        details={"kg_cpu_s": [c for c, _ in checks["kg"]], "reference_cpu_s": [c for c, _ in checks["reference"]],
                 "same_report": same},
    ))
    return outcomes
