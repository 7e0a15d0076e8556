"""Render SPARQL SELECT/ASK results as a terminal table, CSV, TSV or SPARQL-JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rdflib import BNode, Literal, URIRef

from kg.vocab.prefixes import shorten

FORMATS = ("table", "csv", "tsv", "json")


def term_text(term: Any) -> str:
    """Plain text of a term, as a person reads it (CSV/table)."""
    return "" if term is None else str(term)


def table_text(term: Any) -> str:
    """Like ``term_text``, an IRI as a prefixed name a query takes back (``person:ana-ruiz``).

    Tables only; CSV, TSV and JSON keep full IRIs for tools. An IRI no kg prefix covers is
    printed in angle brackets, which a query also takes as it is.
    """
    if isinstance(term, URIRef):
        text = str(term)
        short = shorten(text)
        return short if short != text else f"<{text}>"
    return term_text(term)


def _nt(term: Any) -> str:
    # TSV follows the SPARQL 1.1 TSV results format: terms in N-Triples syntax.
    if term is None:
        return ""
    return term.n3() if hasattr(term, "n3") else str(term)


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype:
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "literal", "value": str(term)}


def render(variables: Sequence[str], rows: Sequence[Sequence[Any]], *, format: str = "table") -> str:
    """Text of a SELECT result in ``format`` (one of ``FORMATS``)."""
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(variables)
        writer.writerows([term_text(t) for t in row] for row in rows)
        return buffer.getvalue()
    if format == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join(_nt(t) for t in row) for row in rows]
        return "\n".join(lines) + "\n"
    if format == "json":
        bindings = [
            {v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows
        ]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}}, indent=2) + "\n"
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")


def render_boolean(value: bool, *, format: str = "table") -> str:
    if format == "json":
        return json.dumps({"head": {}, "boolean": value}) + "\n"
    return ("true" if value else "false") + "\n"
