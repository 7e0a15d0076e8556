"""What kg prints for people: a build's progress bar and summary, and the tables of ``kg stats``.

Progress goes to standard error and only to a terminal, so piped or captured output holds
the summary alone. Nothing here decides anything: it renders a ``BuildReport`` or the plain
data of ``kg.stats``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from kg.build import articles_done, build
from kg.clean import terminal_text
from kg.io.count import count_articles
from kg.model import BuildReport
from kg.vocab.prefixes import shorten

# Without --verbose a build lists this many skipped inputs and counts the rest.
SKIPPED_SHOWN = 10


class _RateColumn(ProgressColumn):
    """Articles per second, over the last few seconds."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} articles/s" if speed else "– articles/s", style="progress.data.speed")


class BuildProgress:
    """The callbacks a build reports to (``on_article``, ``on_stage`` of ``kg.build.build``)."""

    def __init__(self, progress: Progress | None = None, task: Any = None) -> None:
        self._progress, self._task = progress, task

    def on_article(self, report: BuildReport) -> None:
        if self._progress is not None:
            self._progress.update(self._task, completed=articles_done(report))

    def on_stage(self, what: str) -> None:
        if self._progress is not None:
            self._progress.update(self._task, description=what)


@contextmanager
def build_progress(console: Console, *, total: int | None, enabled: bool = True) -> Iterator[BuildProgress]:
    """A progress bar for a build, shown only when ``enabled`` and ``console`` is a terminal.

    Otherwise its callbacks do nothing. With ``total`` None (standard input) it shows the
    count and rate without an end.
    """
    if not enabled or not console.is_terminal:
        yield BuildProgress()
        return
    columns = [SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), _RateColumn(),
               TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn()]
    with Progress(*columns, console=console, transient=True) as progress:
        yield BuildProgress(progress, progress.add_task("building", total=total))


def _print_skipped(messages: Sequence[str], err: Console) -> None:
    # A message quotes file names and article text: shown as plain text, never as Rich
    # markup, with control characters made visible.
    for message in messages:
        err.print(Text.assemble(("skipped: ", "yellow"), terminal_text(message)), highlight=False, soft_wrap=True)


def _counts(counts: dict[str, int]) -> str:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ", ".join(f"{name} {count}" for name, count in ordered)


def print_build_summary(report: BuildReport, *, output: str | Path, console: Console, err: Console,
                        verbose: bool = False) -> None:
    """What a build did: articles, entities by type, facts by predicate, skips, the graph's totals."""
    skipped = report.errors if verbose else report.errors[:SKIPPED_SHOWN]
    _print_skipped(skipped, err)
    if len(report.errors) > len(skipped):
        err.print(f"[yellow]skipped:[/] {len(report.errors) - len(skipped)} more (--verbose lists them all)",
                  highlight=False)
    why = f" ({_counts(report.skipped_by_kind())})" if report.skipped else ""
    console.print(
        f"{report.articles_read} articles read: {report.articles_written} written, "
        f"{report.articles_unchanged} unchanged, {report.articles_failed} skipped{why}",
        highlight=False, soft_wrap=True,
    )
    if report.articles_reread:
        console.print(f"  {report.articles_reread} articles read again: {report.reread_reason}",
                      highlight=False, soft_wrap=True)
    if report.articles_written:
        # Counted per article: an entity named by three articles counts three times here,
        # once in the graph's totals below.
        console.print(f"  entities in them: {report.entities} ({_counts(report.entities_by_type)})",
                      highlight=False, soft_wrap=True)
        console.print(f"  facts in them:    {report.facts} ({_counts(report.facts_by_predicate)}), "
                      f"{report.triples} triples", highlight=False, soft_wrap=True)
    if report.graph:
        totals = report.graph
        state = "" if report.articles_written else " (unchanged)"
        console.print(f"  the graph:        {totals['articles']} articles, {totals['entities']} entities, "
                      f"{totals['facts']} facts, {totals['triples']} triples in {output}{state}",
                      highlight=False, soft_wrap=True)
    elif not report.articles_written:
        console.print(f"  nothing written: no graph in {output}", highlight=False, soft_wrap=True)


def build_shown(inputs: Sequence[str | Path], *, console: Console, err: Console, quiet: bool = False,
                verbose: bool = False, **options: Any) -> BuildReport:
    """``kg.build.build`` with a progress bar on ``err`` (a terminal) and a summary on ``console``.

    ``quiet`` shows neither, only what was skipped; ``verbose`` lists every skipped input.
    ``options`` go to ``kg.build.build``.
    """
    total = count_articles(inputs) if err.is_terminal and not quiet else None
    with build_progress(err, total=total, enabled=not quiet) as shown:
        report = build(inputs, on_article=shown.on_article, on_stage=shown.on_stage, **options)
    if quiet:
        _print_skipped(report.errors, err)
    else:
        print_build_summary(report, output=options.get("output", "output"), console=console, err=err,
                            verbose=verbose)
    return report


def _table(*columns: str) -> Table:
    table = Table(*columns)
    for column in table.columns[1:]:
        column.justify = "right"
    return table


def _show(console: Console, title: str, table: Table) -> None:
    # A heading line of its own: a table's title is padded to the table's width with spaces.
    console.print(Text(title, style="bold"))
    console.print(table)


def print_stats(figures: dict[str, Any], *, console: Console) -> None:
    """The tables of ``kg stats`` (the same data ``--format json`` prints)."""
    totals, network = figures["graph"], figures["network"]
    console.print(f"{totals['articles']} articles, {totals['entities']} entities, {totals['facts']} facts, "
                  f"{totals['triples']} triples", highlight=False)
    kinds = _table("type", "entities")
    for name, count in figures["entities_by_type"].items():
        kinds.add_row(name, str(count))
    predicates = _table("predicate", "facts")
    for name, count in figures["facts_by_predicate"].items():
        predicates.add_row(name, str(count))
    _show(console, "Entities by type", kinds)
    _show(console, "Facts by predicate", predicates)
    console.print(
        f"Entity network: {network['nodes']} nodes, {network['edges']} edges ({network['fact_edges']} with facts, "
        f"{network['co_mention_edges']} co-mentions), {network['isolated']} isolated, {network['components']} "
        f"components (largest {network['largest_component']}), {network['communities']} communities",
        highlight=False, soft_wrap=True,
    )
    for group, rows in figures["central"].items():
        if not rows:
            continue
        table = _table("name", "id", "type", "articles", "degree", "PageRank", "betweenness")
        table.columns[1].justify = table.columns[2].justify = "left"
        for row in rows:
            table.add_row(row["label"], shorten(row["iri"]), row["type"], str(row["articles"]), str(row["degree"]),
                          f"{row['pagerank']:.4f}", f"{row['betweenness']:.4f}")
        _show(console, f"Most central {group}", table)
    communities = _table("size", "most central members")
    communities.columns[0].justify, communities.columns[1].justify = "right", "left"
    for community in figures["communities"]:
        communities.add_row(str(community["size"]), ", ".join(community["members"]))
    _show(console, "Communities", communities)
    pairs = _table("entity", "with", "articles", "relations")
    pairs.columns[1].justify, pairs.columns[3].justify = "left", "left"
    for pair in figures["appear_together"]:
        pairs.add_row(pair["a"], pair["b"], str(pair["articles"]), pair["relations"])
    _show(console, "Who appears with whom", pairs)
