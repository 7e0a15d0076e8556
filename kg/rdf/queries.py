"""The named SPARQL queries shipped in kg/queries/*.rq (first line: ``# description``).

They read the union of all article graphs (no GRAPH clause), so they run unchanged on a
Turtle export, an rdflib Dataset with a union default graph, or an Oxigraph store queried
with its default graph as the union.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"

# `kg query NAME` shows this many rows unless told otherwise: listings (entities, facts,
# statements, articles) grow with the graph, and a first page is what a reader looks at.
DEFAULT_PAGE = 100

_COMMENT = re.compile(r"#[^\n]*")
_FORM = re.compile(r"\b(SELECT|CONSTRUCT|DESCRIBE|ASK)\b", re.IGNORECASE)
# The query's own LIMIT and OFFSET, in either order, at its end (comments may follow).
_TAIL = re.compile(
    r"\b(LIMIT|OFFSET)\s+(\d+)(?:\s+(LIMIT|OFFSET)\s+(\d+))?\s*(?:#[^\n]*\s*)*\Z", re.IGNORECASE
)
# What comes before the query form (PREFIX and BASE declarations, IRIs) can hold words such
# as "ask" (PREFIX ask: <...>); it is blanked out before the form is looked for.
_PROLOGUE_PARTS = re.compile(r"<[^<>\s]*>|\b(?:PREFIX\s+[\w.-]*:|BASE\b)", re.IGNORECASE)
# A line holding only this comment closes the sub-SELECT that picks a page's rows by their
# sort keys alone; paging puts a LIMIT there too (see ``page``).
PAGE_MARK = "# page"
_PAGE_MARK = re.compile(r"^[ \t]*" + re.escape(PAGE_MARK) + r"[ \t]*$", re.MULTILINE)


@lru_cache(maxsize=1)
def named_queries() -> dict[str, tuple[str, str]]:
    """name -> (description, SPARQL text), sorted by name."""
    queries: dict[str, tuple[str, str]] = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.split("\n", 1)[0]
        description = first[1:].strip() if first.startswith("#") else ""
        queries[path.stem] = (description, text)
    return queries


def get_query(name: str) -> str:
    """The SPARQL text of a named query.

    >>> get_query("statements").startswith("# Who said what")
    True
    """
    queries = named_queries()
    key = name[:-3] if name.endswith(".rq") else name
    if key not in queries:
        raise QueryError(f"no query named {name!r}: choose one of {', '.join(queries)}")
    return queries[key][1]


def page(sparql: str, *, limit: int | None = None, offset: int = 0) -> str:
    """The query cut to ``limit`` rows after the first ``offset``, in the order its ORDER BY gives.

    The page holds exactly those rows of the full result. A plain query is evaluated and
    sorted whole, and only the page is handed over. A query whose sub-SELECT orders its rows'
    keys and ends at a line ``# page`` gets ``LIMIT offset + limit`` there too, so only the
    page's rows are joined to the other columns: the page stays exact when that sub-SELECT
    holds every required pattern of the query (each of its rows gives at least one row) and
    the outer query orders by the same keys. Every line ``# page`` gets that LIMIT, so a
    query may also cut the candidates for its page by a first, cheap key (the listings do):
    a sub-SELECT that sorts one key alone and ends at ``# page`` gives, as its MAX (or MIN),
    the last value of that key the page can reach, provided each of its rows stands for at
    least one row of the result (a fact, an article, a distinct key); without a page it is
    the last value of all, and nothing is cut.

    >>> page("SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s", limit=10, offset=20)[-19:]
    'LIMIT 10 OFFSET 20\\n'
    """
    if limit is None and not offset:
        return sparql
    if (limit is not None and limit < 0) or offset < 0:
        raise QueryError(f"--limit and --offset must be 0 or more, not {limit} and {offset}.")
    form = _FORM.search(_PROLOGUE_PARTS.sub(" ", _COMMENT.sub("", _strip_iris_comments(sparql))))
    if form is None or form.group(1).upper() == "ASK":
        return sparql  # one answer, no rows: nothing to page
    tail = _TAIL.search(sparql)
    if tail is not None:
        # Its own window, cut to the page asked for: rows offset .. offset + limit of it.
        own = {tail.group(1).upper(): int(tail.group(2))}
        if tail.group(3):
            own[tail.group(3).upper()] = int(tail.group(4))
        own_limit, own_offset = own.get("LIMIT"), own.get("OFFSET", 0)
        if own_limit is not None:
            limit = max(own_limit - offset, 0) if limit is None else max(min(own_limit - offset, limit), 0)
        offset += own_offset
        sparql = sparql[: tail.start()]
    elif limit is not None:
        # The keys of rows offset .. offset + limit - 1 are among the first offset + limit.
        sparql = _PAGE_MARK.sub(f"LIMIT {offset + limit}", sparql)
    modifiers = (f"LIMIT {limit} " if limit is not None else "") + (f"OFFSET {offset}" if offset else "")
    return f"{sparql.rstrip()}\n{modifiers.strip()}\n"


def _strip_iris_comments(sparql: str) -> str:
    # IRIs may hold '#', which is not a comment there.
    return re.sub(r"<[^<>\s]*>", "<>", sparql)
