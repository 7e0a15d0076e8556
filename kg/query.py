"""Ask SPARQL questions of the graph: a query text, a ``.rq`` file, or a named query."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kg.bounded import Bounds, OverMemory, OverTime, run_bounded
from kg.errors import QueryError
from kg.guard import check_query, is_update
from kg.rdf.queries import named_queries, page
from kg.store import QueryResult, open_store, query_native
from kg.vocab.prefixes import added_lines, short_syntax_error, with_prefixes
from kg.workspace import DEFAULT_OUTPUT, existing_store_path


def resolve_query(text_or_name: str) -> str:
    """The SPARQL text for a named query, a path to a ``.rq`` file, or a query given inline."""
    named = named_queries()
    if text_or_name in named:
        return named[text_or_name][1]
    if text_or_name.endswith((".rq", ".sparql")):
        path = Path(text_or_name)
        if not path.is_file():
            raise QueryError(f"{path}: no such query file.")
        return path.read_text(encoding="utf-8")
    if is_update(text_or_name):
        check_query(text_or_name)  # says that updates are not allowed
    if not any(word in text_or_name.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise QueryError(
            f"{text_or_name!r} is neither a SPARQL query nor a named query; "
            f"see `kg query --list` for the named ones ({', '.join(sorted(named))})."
        )
    return text_or_name


def run_query(
    text_or_name: str,
    *,
    output: str | Path = DEFAULT_OUTPUT,
    store: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    allow_service: Sequence[str] = (),
    timeout: float | None = None,
    max_memory: int | None = None,
    native: bool = False,
) -> QueryResult:
    """Run a query on the store and return its result (variables + rows, or a boolean).

    ``limit`` and ``offset`` give one page of the rows (see ``kg.rdf.queries.page``); by
    default every row comes back. kg's prefixes (``kg:``, ``skos:``, ``person:``, ...) are
    declared unless the query declares them itself; a syntax error names the query's own
    line and column. Updates are refused, and so is ``SERVICE`` unless its host is in
    ``allow_service`` (see ``kg.guard``): a question must not reach other hosts unasked.
    ``timeout`` (seconds) and ``max_memory`` (MiB) bound the query: it then runs in a child
    process (see ``kg.bounded``), and going past a bound is a ``QueryError`` saying which.
    ``native=True`` leaves the rows in the store's own terms (see ``kg.store.query_native``):
    for printing them with ``kg.results``, unconverted.

    >>> result = run_query("officials-and-posts", limit=20, timeout=60)  # doctest: +SKIP
    >>> result.vars[:2]  # doctest: +SKIP
    ['person', 'name']
    """
    text = resolve_query(text_or_name)
    if is_update(text):
        check_query(text)  # says that updates are not allowed, before paging says anything
    # kg's prefixes come declared: a query may say person:ana-ruiz or skos:prefLabel as is.
    paged = page(text, limit=limit, offset=offset)
    sparql = with_prefixes(paged)
    # Checked as it will run: a SERVICE IRI may be written with one of those prefixes.
    check_query(sparql, allow_service=allow_service)
    path = existing_store_path(output, store)
    try:
        if timeout is None and max_memory is None:
            return _query(sparql, store, path, native)
        return run_bounded(_query, sparql, store, path, native, bounds=Bounds(timeout, max_memory))
    except OverTime:
        raise QueryError(f"the query ran longer than {timeout:g} s and was stopped; narrow it (a LIMIT, "
                         f"more specific patterns) or allow it more time with --timeout.") from None
    except OverMemory:
        raise QueryError(f"the query needed more than {max_memory} MiB and was stopped; narrow it (a LIMIT, "
                         f"fewer joined patterns) or allow it more memory with --max-memory.") from None
    except QueryError as error:
        short = short_syntax_error(str(error), paged, line_offset=added_lines(paged, sparql))
        if short is None:
            raise
        raise QueryError(short) from error


def _query(sparql: str, store: str | None, path: Path, native: bool = False) -> QueryResult:
    if native:
        return query_native(store, sparql, path=path)
    with open_store(store, path=path, read_only=True) as graph_store:
        return graph_store.query(sparql)
