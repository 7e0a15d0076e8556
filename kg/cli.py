"""The ``kg`` command: a thin shell over the library.

Each command parses its options, calls one library function and prints the result; library
errors become a one-line message and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import functools
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from kg.errors import KgError
from kg.nlp.loading import DEFAULT_MODEL

app = typer.Typer(
    name="kg",
    help="Turn news articles into an RDF knowledge graph, and question it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

OutputOpt = Annotated[Path, typer.Option("--output", "-o", help="Folder of the graph (store and graph files).", envvar="KG_OUTPUT")]
StoreOpt = Annotated[
    Optional[str],
    typer.Option("--store", help="Store: 'oxigraph' (on disk under --output, default), 'memory', or a SPARQL endpoint URL.", envvar="KG_STORE"),
]
ModelOpt = Annotated[str, typer.Option("--model", "-m", help="Installed spaCy pipeline (en_core_web_sm, _md, _lg, _trf).", envvar="KG_MODEL")]


def friendly_errors(command):
    """Turn kg's errors into a clear message and exit code instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KgError as error:
            err.print(f"[bold red]error:[/] {error}", highlight=False, soft_wrap=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            err.print("interrupted: what was written so far is kept; run the same command again to resume.")
            raise typer.Exit(130) from None

    return wrapper


@app.command()
@friendly_errors
def build(
    inputs: Annotated[list[str], typer.Argument(help="Articles: .txt, .jsonl, .json, .html files, folders, or - for stdin.")],
    output: OutputOpt = Path("output"),
    store: StoreOpt = None,
    model: ModelOpt = DEFAULT_MODEL,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes on this machine.")] = 1,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address (tcp://HOST:PORT) to extract on a cluster.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles per batch written to the store.")] = 64,
    files: Annotated[bool, typer.Option("--files/--no-files", help="Also write graph.ttl and graph.trig.")] = True,
    link: Annotated[bool, typer.Option("--link/--no-link", help="One node per official, agency, country or product across articles.")] = True,
    do_not_merge: Annotated[Optional[Path], typer.Option("--do-not-merge", help="File of 'Name A | Name B' lines that must never join; a lone name never links.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Read every article again, even unchanged ones.")] = False,
) -> None:
    """Read articles and add what they say to the graph; unchanged articles are skipped.

    Example: kg build examples/ -o output/
    """
    from kg.build import build as run_build

    report = run_build(inputs, output=output, store=store, model=model, jobs=jobs, scheduler=scheduler,
                       batch_size=batch_size, write_files=files, link=link, do_not_merge=do_not_merge, force=force)
    for message in report.errors:
        err.print(f"[yellow]skipped:[/] {message}", highlight=False, soft_wrap=True)
    out.print(
        f"{report.articles_read} articles read: {report.articles_written} written, "
        f"{report.articles_unchanged} unchanged, {report.articles_failed} failed; "
        f"{report.entities} entities, {report.facts} facts, {report.triples} triples -> {output}",
        highlight=False,
    )
    if report.articles_failed and not report.articles_written and not report.articles_unchanged:
        raise typer.Exit(1)


@app.command()
@friendly_errors
def query(
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL text, a .rq file, or the name of a shipped query.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries shipped with kg.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", help="Rows to show (default: 100 for a named query, all for other queries; 0: all).")] = None,
    offset: Annotated[int, typer.Option("--offset", help="Rows to skip first, in the query's order (the next page: --offset 100).")] = 0,
    output: OutputOpt = Path("output"),
    store: StoreOpt = None,
) -> None:
    """Ask a SPARQL question of the graph.

    A named query shows its first 100 rows unless given --limit (0 for all) or --offset.

    Example: kg query officials-and-posts --format csv --limit 20 --offset 40
    """
    from kg.rdf.queries import DEFAULT_PAGE, named_queries
    from kg.results import FORMATS, render, render_boolean, table_text

    if list_:
        table = Table("name", "what it answers")
        for name, (description, _) in sorted(named_queries().items()):
            table.add_row(name, description)
        out.print(table)
        return
    if not sparql:
        raise KgError("give a SPARQL query, a .rq file or a query name (see `kg query --list`).")
    if format not in FORMATS:
        raise KgError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}.")
    from kg.query import run_query

    if (limit is not None and limit < 0) or offset < 0:
        raise KgError(f"--limit and --offset must be 0 or more, not {limit} and {offset}.")
    size = limit if limit is not None else (DEFAULT_PAGE if sparql in named_queries() else 0)
    # One row past the page tells whether there is more to show.
    result = run_query(sparql, output=output, store=store, limit=size + 1 if size else None, offset=offset)
    more = bool(size) and result.kind != "ask" and len(result) > size
    if more:
        result = replace(result, rows=result.rows[:size], triples=result.triples[:size])
    if more and format != "table":
        err.print(f"rows {offset + 1}-{offset + size} shown; more with --offset {offset + size}, "
                  "all with --limit 0", style="dim")
    if result.kind == "ask":
        sys.stdout.write(render_boolean(bool(result.boolean), format=format))
        return
    if result.kind == "graph":
        from kg.rdf.serialize import triples_to_text

        sys.stdout.write(triples_to_text(result.triples))
        return
    if format == "table":
        from rich.text import Text

        table = Table(*result.vars)
        for row in result.rows:
            # Text, not markup: a "[bold]" in a name is shown, not obeyed.
            table.add_row(*(Text(table_text(t)) for t in row))
        out.print(table)
        note = f"; more with --offset {offset + size}, all with --limit 0" if more else ""
        out.print(f"{len(result.rows)} rows{note}", style="dim")
        return
    sys.stdout.write(render(result.vars, result.rows, format=format))


@app.command()
@friendly_errors
def export(
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="ttl, trig, nt, nq, jsonld, graphml or facts (default: from the file name, else ttl).")] = None,
    to: Annotated[Optional[Path], typer.Option("--to", "-t", help="File to write (default: standard output).")] = None,
    output: OutputOpt = Path("output"),
    store: StoreOpt = None,
) -> None:
    """Export the whole graph for graph tools (Protégé, GraphDB, Gephi, Cytoscape, networkx).

    Example: kg export --format graphml --to output/graph.graphml
    """
    from kg.export import export as run_export

    written = run_export(format, to, output=output, store=store)
    if written is not None:
        err.print(f"wrote {written}", highlight=False)


@app.command()
@friendly_errors
def validate(output: OutputOpt = Path("output"), store: StoreOpt = None) -> None:
    """Check the graph against kg's SHACL shapes; exit 1 when it does not conform.

    Example: kg validate
    """
    from kg.validate import validate_store

    result = validate_store(output=output, store=store)
    if result.conforms:
        out.print(f"conforms: {result.focus_nodes} nodes checked against the shapes, no violations.", highlight=False)
        return
    out.print(result.text, highlight=False, markup=False)
    err.print(f"[bold red]does not conform:[/] {result.violations} violations", highlight=False)
    raise typer.Exit(1)


@app.command("eval")
@friendly_errors
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (JSON) to score against.")],
    model: ModelOpt = DEFAULT_MODEL,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Build each gold file's article in memory and score it: entity and fact P/R/F1.

    Example: kg eval tests/gold/*.gold.json
    """
    from kg.eval import evaluate
    from kg.eval.report import print_report, to_json

    result = evaluate(gold, model=model)
    if as_json:
        sys.stdout.write(json.dumps(to_json(result), indent=2) + "\n")
    else:
        print_report(result, console=out)


@app.command()
@friendly_errors
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of the articles to take out.")],
    output: OutputOpt = Path("output"),
    store: StoreOpt = None,
) -> None:
    """Take articles out of the graph, with what only they said.

    Example: kg remove trade-ministry
    """
    from kg.build import remove as run_remove

    missing = run_remove(article_ids, output=output, store=store)
    for article_id in missing:
        err.print(f"[yellow]not in the graph:[/] {article_id}", highlight=False)
    out.print(f"removed {len(article_ids) - len(missing)} articles", highlight=False)
    if missing and len(missing) == len(article_ids):
        raise typer.Exit(1)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
