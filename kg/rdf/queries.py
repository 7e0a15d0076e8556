"""The named SPARQL queries shipped in kg/queries/*.rq (first line: ``# description``).

They read the union of all article graphs (no GRAPH clause), so they run unchanged on a
Turtle export, an rdflib Dataset with a union default graph, or an Oxigraph store queried
with its default graph as the union.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kg.errors import QueryError

QUERY_DIR = Path(__file__).resolve().parent.parent / "queries"


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
