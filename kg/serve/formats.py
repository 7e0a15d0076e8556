"""Which result format a SPARQL client gets: content negotiation on the Accept header.

SELECT and ASK results come as SPARQL JSON (the default), XML, CSV or TSV; CONSTRUCT and
DESCRIBE results as Turtle (the default), N-Triples, RDF/XML or JSON-LD. A ``format`` (or
``output``) request parameter, which many endpoints and clients use, names one directly.

>>> choose("select", "text/csv;q=0.9, application/sparql-results+xml")
'application/sparql-results+xml'
>>> choose("graph", "*/*")
'text/turtle'
"""

from __future__ import annotations

from typing import Literal

Kind = Literal["select", "graph"]

# media type -> pyoxigraph format name, in the order of preference for a */* client.
SOLUTION_TYPES: dict[str, str] = {
    "application/sparql-results+json": "JSON",
    "application/sparql-results+xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
    "application/json": "JSON",
    "application/xml": "XML",
    "text/xml": "XML",
}
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
    "application/ld+json": "JSON_LD",
    "text/plain": "N_TRIPLES",
    "application/xml": "RDF_XML",
}
# Short names of the `format` parameter.
_SHORT = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdf": "application/rdf+xml",
    "rdf+xml": "application/rdf+xml",
    "n3": "text/turtle",
}
_GRAPH_FOR_SOLUTION = {
    "application/sparql-results+json": "application/ld+json",
    "application/sparql-results+xml": "application/rdf+xml",
}


class NotAcceptable(ValueError):
    """No format the client accepts fits the result."""


def _accepted(accept: str) -> list[tuple[str, float]]:
    ranges: list[tuple[str, float, int]] = []
    for position, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q, position))
    # Highest q first; among equals, the client's own order.
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, q) for media, q, _ in ranges if q > 0]


def choose(kind: Kind, accept: str | None, *, format: str | None = None) -> str:
    """The media type to answer with, for a result of ``kind`` ("select" covers ASK too)."""
    types = SOLUTION_TYPES if kind == "select" else GRAPH_TYPES
    if format:
        media = _SHORT.get(format.lower(), format.lower())
        if kind == "graph":
            media = _GRAPH_FOR_SOLUTION.get(media, media)
        if media in types:
            return media
        raise NotAcceptable(f"format {format!r} does not fit a {kind} result; use one of {', '.join(types)}")
    default = next(iter(types))
    if not accept:
        return default
    for media, _ in _accepted(accept):
        if media in types:
            return media
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            return next((t for t in types if prefix == "*" or t.startswith(prefix)), default)
    raise NotAcceptable(f"none of {accept!r} fits a {kind} result; accepted: {', '.join(types)}")


def format_name(kind: Kind, media: str) -> str:
    """pyoxigraph's name (``QueryResultsFormat.X`` or ``RdfFormat.X``) for a chosen media type."""
    return (SOLUTION_TYPES if kind == "select" else GRAPH_TYPES)[media]


def content_type(media: str) -> str:
    """The Content-Type header of an answer in ``media``."""
    return f"{media}; charset=utf-8"
