"""Turning scores into a report for people (Rich tables) or for scripts (``kg eval --json``)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from kg.eval.score import Counts, EvalResult, FileResult
from kg.vocab.predicates import QUALIFIERS


def _figures(counts: Counts) -> dict[str, Any]:
    return {"p": counts.p, "r": counts.r, "f1": counts.f1, "tp": counts.tp, "fp": counts.fp, "fn": counts.fn}


def _scores(result: FileResult) -> dict[str, Any]:
    strict = _figures(result.facts_strict)
    # counts as well as ratios, so that scripts can add predicates up (the four trade ones)
    strict["per_predicate"] = {pred: _figures(c) for pred, c in result.strict_by_predicate.items()}
    full = _figures(result.facts_full)
    full["per_predicate"] = {pred: _figures(c) for pred, c in result.full_by_predicate.items()}
    return {
        "entities": {"untyped": _figures(result.entities_untyped), "typed": _figures(result.entities_typed)},
        "facts": {"strict": strict, "loose": _figures(result.facts_loose), "full": full},
    }


def to_json(result: EvalResult) -> dict[str, Any]:
    """The object ``kg eval --json`` prints (the shape the gold format documents)."""
    files = []
    for f in result.files:
        entry: dict[str, Any] = {"gold": f.gold}
        entry.update(_scores(f))
        entry["misses"] = list(f.misses)
        entry["false_positives"] = list(f.false_positives)
        files.append(entry)
    return {"files": files, "total": _scores(result.total)}


def _row(name: str, c: Counts) -> list[str]:
    return [name, f"{c.p:.3f}", f"{c.r:.3f}", f"{c.f1:.3f}", str(c.tp), str(c.fp), str(c.fn)]


def _scores_table(result: EvalResult) -> Table:
    table = Table(title="Scores per file (micro-averaged total)")
    table.add_column("file", overflow="fold")
    table.add_column("score", no_wrap=True)
    for column in ("P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(column, justify="right", no_wrap=True)
    rows = [*result.files, result.total] if len(result.files) != 1 else list(result.files)
    for n, f in enumerate(rows):
        parts = (
            ("entities untyped", f.entities_untyped),
            ("entities typed", f.entities_typed),
            ("facts strict", f.facts_strict),
            ("facts loose", f.facts_loose),
            ("facts full", f.facts_full),
        )
        for k, (name, counts) in enumerate(parts):
            last = k == len(parts) - 1 and n < len(rows) - 1
            table.add_row(Path(f.gold).name if k == 0 else "", *_row(name, counts), end_section=last)
    return table


def _predicate_table(total: FileResult) -> Table:
    table = Table(title="Facts per predicate (all files)")
    table.add_column("predicate", no_wrap=True)
    # Full shows F1 alone: the table stays within an 80-column terminal.
    for column in ("gold", "found", "strict P/R/F1", "loose P/R/F1", "full F1"):
        table.add_column(column, justify="right", no_wrap=True)
    for pred in sorted(set(total.strict_by_predicate) | set(total.loose_by_predicate)):
        s = total.strict_by_predicate.get(pred, Counts())
        lo = total.loose_by_predicate.get(pred, Counts())
        fu = total.full_by_predicate.get(pred, Counts())
        table.add_row(
            pred, str(s.tp + s.fn), str(s.tp + s.fp),
            f"{s.p:.2f}/{s.r:.2f}/{s.f1:.2f}", f"{lo.p:.2f}/{lo.r:.2f}/{lo.f1:.2f}", f"{fu.f1:.2f}",
        )  # fmt: skip
    return table


def _describe(item: dict[str, Any]) -> str:
    if item.get("kind") == "fact":
        args = ", ".join(str(item[k]) for k in ("s", "o") if item.get(k) is not None)
        quals = ", ".join(
            f"{k}={item[k]!r}" for k in QUALIFIERS if k in item
        )
        return f"{item.get('p')}({args})" + (f" [{quals}]" if quals else "")
    names = item.get("names") or []
    head = item.get("id") or item.get("label") or item.get("iri")
    return f"{head} ({item.get('type')}): " + " | ".join(str(n) for n in names)


def _items_table(title: str, items: list[dict[str, Any]]) -> Table:
    table = Table(title=title, show_lines=True)
    table.add_column("what", ratio=3)
    table.add_column("why", ratio=3)
    table.add_column("sentence", ratio=4)
    for item in items:
        # Text, not markup: names and quotes may hold square brackets.
        cells = (_describe(item), str(item.get("reason", "")), str(item.get("sentence") or "").strip())
        table.add_row(*(Text(cell) for cell in cells))
    return table


def print_report(result: EvalResult, *, console: Console | None = None, details: bool = True) -> None:
    """Print the scores, the figures per predicate and (with ``details``) misses and false positives."""
    console = console or Console()
    console.print(_scores_table(result))
    console.print(_predicate_table(result.total))
    if not details:
        return
    for f in result.files:
        name = Path(f.gold).name
        if f.misses:
            console.print(_items_table(f"Misses in {name} ({len(f.misses)})", f.misses))
        if f.false_positives:
            console.print(_items_table(f"False positives in {name} ({len(f.false_positives)})", f.false_positives))
        if not f.misses and not f.false_positives:
            console.print(f"{name}: no misses and no false positives.")


def render_report(result: EvalResult, *, width: int = 160, details: bool = True) -> str:
    """The report as plain text (what ``print_report`` shows), e.g. for tests and logs."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    print_report(result, console=console, details=details)
    return console.export_text()
