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
from typing import Annotated, Any, Optional

import typer

from kg.errors import InputError, KgError
from kg.nlp.loading import DEFAULT_MODEL

EXIT_CODES = (
    "Exit codes: 0 done (every article written or unchanged); 1 error, nothing written, or a check "
    "failed; 2 usage error (bad option, query or input name); 3 partial: some articles written, some skipped."
)
app = typer.Typer(
    name="kg",
    help="Turn news articles into an RDF knowledge graph, and question it.\n\nExample: kg build examples/ -o output/",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class _Console:
    """A rich Console made on first use: importing rich is a third of what `kg query` takes
    to print a CSV, and only tables, colour and progress need it."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Any = None

    def get(self) -> Any:
        """The Console itself (for library functions that take one)."""
        if self._console is None:
            from rich.console import Console

            console = Console(**self._options)
            if not console.is_terminal:
                console.width = PIPE_WIDTH
            self._console = console
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


out = _Console()
err = _Console(stderr=True)
settings = {"quiet": False, "verbose": False}
# Piped output is for files and other programs: lines and tables are not wrapped to 80 columns.
PIPE_WIDTH = 10_000

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


def _version(value: bool) -> None:
    if value:
        from kg import __version__

        out.print(f"kg {__version__}", highlight=False)
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Show kg's version and exit.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only: no progress, no summary.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Say more: every skipped input, kg's log.")] = False,
) -> None:
    """Turn news articles into an RDF knowledge graph, and question it.

    Example: kg build examples/ -o output/ && kg stats
    """
    settings.update(quiet=quiet, verbose=verbose)
    if verbose:
        import logging

        logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")


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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only (as kg --quiet).")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every skipped input (as kg --verbose).")] = False,
) -> None:
    """Read articles and add what they say to the graph; unchanged articles are skipped.

    Shows progress on a terminal, then a summary; exits 3 when some articles were skipped.

    Example: kg build examples/ -o output/
    """
    from kg.console import build_shown
    from kg.errors import EXIT_ERROR, EXIT_PARTIAL

    report = build_shown(inputs, console=out.get(), err=err.get(), quiet=settings["quiet"] or quiet,
                         verbose=settings["verbose"] or verbose, output=output, store=store, model=model, jobs=jobs,
                         scheduler=scheduler, batch_size=batch_size, write_files=files, link=link,
                         do_not_merge=do_not_merge, force=force)
    if not report.articles_written and not report.articles_unchanged:
        raise typer.Exit(EXIT_ERROR)
    if report.articles_failed:
        raise typer.Exit(EXIT_PARTIAL)


@app.command()
@friendly_errors
def query(
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL text, a .rq file, or the name of a shipped query.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries shipped with kg.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", help="Rows to show (default: all; a named query's table shows 100; 0: all).")] = None,
    offset: Annotated[int, typer.Option("--offset", help="Rows to skip first, in the query's order (the next page: --offset 100).")] = 0,
    output: OutputOpt = Path("output"),
    store: StoreOpt = None,
    allow_service: Annotated[Optional[list[str]], typer.Option("--allow-service", help="A host whose endpoint SERVICE may call (repeat for more); federation is off otherwise.")] = None,
    timeout: Annotated[float, typer.Option("--timeout", min=0, help="Stop the query after this many seconds (0: no bound).")] = 300,
    max_memory: Annotated[int, typer.Option("--max-memory", min=0, help="Stop the query past this many MiB (0: no bound).")] = 4096,
) -> None:
    """Ask a SPARQL question of the graph; kg's prefixes (kg:, skos:, person:, ...) come declared.

    csv, tsv and json give every row unless --limit; a named query's table shows 100 (--limit 0: all).
    Updates are refused; SERVICE only reaches hosts given with --allow-service.

    Example: kg query 'SELECT ?name WHERE { ?p a kg:Official ; skos:prefLabel ?name }' --format csv
    """
    from kg.rdf.queries import DEFAULT_PAGE, named_queries
    from kg.results import FORMATS, render, render_boolean, table_text

    if list_:
        from rich.table import Table

        table = Table("name", "what it answers")
        for name, (description, _) in sorted(named_queries().items()):
            table.add_row(name, description)
        out.print(table)
        return
    if not sparql:
        raise KgError("give a SPARQL query, a .rq file or a query name (see `kg query --list`).")
    if format not in FORMATS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}.")
    from kg.query import run_query

    if (limit is not None and limit < 0) or offset < 0:
        raise InputError(f"--limit and --offset must be 0 or more, not {limit} and {offset}.")
    size = limit if limit is not None else (DEFAULT_PAGE if format == "table" and sparql in named_queries() else 0)
    # One row past the page tells whether there is more to show.
    result = run_query(sparql, output=output, store=store, limit=size + 1 if size else None, offset=offset,
                       allow_service=allow_service or (), timeout=timeout or None,
                       max_memory=max_memory or None,
                       native=True)  # the store's own terms: they print as rdflib's, unconverted
    more = bool(size) and result.kind != "ask" and len(result) > size
    if more:
        result = replace(result, rows=result.rows[:size], triples=result.triples[:size])
    if result.kind == "ask":
        sys.stdout.write(render_boolean(bool(result.boolean), format=format))
        return
    if result.kind == "graph":
        from kg.rdf.serialize import triples_to_text

        sys.stdout.write(triples_to_text(result.triples))
        return
    if format == "table":
        from rich.table import Table
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
    dataset: Annotated[bool, typer.Option("--dataset", help="JSON-LD: one named graph per article, not the merged graph.")] = False,
    statements: Annotated[bool, typer.Option("--statements", help="GraphML: each statement a node joined to its speaker.")] = False,
) -> None:
    """Export the whole graph for graph tools (Protégé, GraphDB, Gephi, Cytoscape, networkx).

    Example: kg export --format graphml --to output/graph.graphml
    """
    from kg.export import export as run_export

    written = run_export(format, to, output=output, store=store, dataset=dataset, statements=statements)
    if written is not None:
        err.print(f"wrote {written}", highlight=False)


@app.command()
@friendly_errors
def stats(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    top: Annotated[int, typer.Option("--top", min=1, help="Entries in each ranking.")] = 10,
    output: OutputOpt = Path("output"),
    store: StoreOpt = None,
) -> None:
    """Figures of the graph as a network: counts, most central entities, communities.

    Counts by kind; central officials, agencies, countries; components; who appears with whom.

    Example: kg stats --format json --top 5
    """
    from kg.stats import stats as graph_stats

    if format not in ("table", "json"):
        raise InputError(f"unknown format {format!r}; choose table or json.")
    figures = graph_stats(output=output, store=store, top=top)
    if format == "json":
        sys.stdout.write(json.dumps(figures, indent=2, ensure_ascii=False) + "\n")
        return
    from kg.console import print_stats

    print_stats(figures, console=out.get())


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
        print_report(result, console=out.get())


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


@app.command()
@friendly_errors
def serve(
    output: OutputOpt = Path("output"),
    host: Annotated[str, typer.Option(help="Address to listen on; the default keeps the endpoint to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 7878,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds a query may run before it is stopped.")] = 30.0,
    workers: Annotated[int, typer.Option(min=1, help="Queries answered at once (one process each).")] = 2,
) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint, with a query page for the browser.

    Updates, Graph Store writes, SERVICE and LOAD are refused. Example: kg serve --port 7878
    """
    from kg.serve import LOOPBACK, serve as run_serve

    if host not in LOOPBACK:
        err.print(f"[yellow]warning:[/] listening on {host}: other machines can query the graph.", highlight=False)
    run_serve(output=output, host=host, port=port, timeout=timeout, workers=workers,
              on_ready=lambda url: out.print(f"serving {output} at {url} (SPARQL endpoint {url}sparql); Ctrl-C stops",
                                             highlight=False, soft_wrap=True))


@app.command()
@friendly_errors
def view(
    to: Annotated[Optional[Path], typer.Option("--to", "-t", help="HTML file to write (default: graph.html under --output).")] = None,
    entity: Annotated[Optional[list[str]], typer.Option("--entity", "-e", help="Draw this entity (name or IRI) and its neighbours; repeat for more.")] = None,
    type_: Annotated[Optional[list[str]], typer.Option("--type", help="Draw entities of this kind (official, agency, country...) and their neighbours.")] = None,
    article: Annotated[Optional[str], typer.Option("--article", "-a", help="Draw only what this article says.")] = None,
    query: Annotated[Optional[str], typer.Option("--query", "-q", help="Draw the triples of a CONSTRUCT query (text, .rq file or named query).")] = None,
    depth: Annotated[int, typer.Option(min=0, help="How many edges away from --entity/--type to draw.")] = 1,
    limit: Annotated[int, typer.Option(min=1, help="Most nodes to draw (the best connected are kept).")] = 5000,
    output: OutputOpt = Path("output"),
    store: StoreOpt = None,
) -> None:
    """Draw the graph, or a part of it, in one HTML file that works offline.

    Example: kg view --entity "Ana Ruiz" --depth 2 --to ruiz.html
    """
    from kg.view import view as run_view

    report = run_view(output=output, store=store, to=to, entities=entity or (), types=type_ or (), article=article,
                      query=query, depth=depth, limit=limit)
    out.print(f"wrote {report.path}: {report.nodes} entities, {report.edges} relations "
              f"(of {report.total_nodes} entities in the graph)", highlight=False, soft_wrap=True)


@app.command()
@friendly_errors
def verify(output: OutputOpt = Path("output"), store: StoreOpt = None) -> None:
    """Read the whole store through every index and check the graph files; exit 1 on a fault.

    Example: kg verify --output output/
    """
    from kg.verify import verify as run_verify

    report = run_verify(output=output, store=store)
    for problem in report.problems:
        err.print(f"[bold red]fault:[/] {problem}", highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)
    out.print(f"ok: {report.quads} quads in {report.graphs} graphs ({report.articles} articles) read through "
              f"every index of {report.read}; graph files match the store.", highlight=False)


@app.command()
@friendly_errors
def repair(output: OutputOpt = Path("output"), store: StoreOpt = None) -> None:
    """Rewrite graph files that do not match the store, remove scratch of killed runs.

    Example: kg repair --output output/
    """
    from kg.verify import repair as run_repair

    report = run_repair(output=output, store=store)
    done = [f"rewrote {path}" for path in report.files_written]
    done += ["published the store's state for readers again"] if report.published else []
    out.print("; ".join(done) if done else "nothing to repair: the graph files match the store.", highlight=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
