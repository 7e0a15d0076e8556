"""Render SPARQL SELECT/ASK results as a terminal table, CSV, TSV or SPARQL-JSON.

Values come from article text and may hold control characters: the table and CSV show them
as visible escapes, TSV writes terms as N-Triples (which escapes them), JSON as JSON does.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Sequence
from typing import Any

from rdflib import BNode, Literal, URIRef

from kg.vocab.prefixes import shorten
from kg.clean import terminal_text

FORMATS = ("table", "csv", "tsv", "json")


def term_text(term: Any, *, keep_lines: bool = True) -> str:
    """Plain text of a term, as a person reads it (CSV/table), control characters escaped."""
    return "" if term is None else terminal_text(str(term), keep_lines=keep_lines)


def table_text(term: Any) -> str:
    """Like ``term_text`` on one line, an IRI as a prefixed name a query takes back (``person:ana-ruiz``).

    Tables only; CSV, TSV and JSON keep full IRIs for tools. An IRI no kg prefix covers is
    printed in angle brackets, which a query also takes as it is. The caller shows the text
    as plain text (``rich.text.Text``), not as Rich markup.
    """
    if isinstance(term, URIRef):
        text = str(term)
        short = shorten(text)
        return terminal_text(short if short != text else f"<{text}>", keep_lines=False)
    return term_text(term, keep_lines=False)


# N-Triples string escapes: the four the syntax needs, and \uXXXX for every other control
# character, so that no value can split a TSV row or reach a terminal raw.
_NT_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_NT_NAMED = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _nt_string(text: str) -> str:
    return '"' + _NT_ESCAPE.sub(lambda m: _NT_NAMED.get(m.group()) or f"\\u{ord(m.group()):04X}", text) + '"'


def _nt(term: Any) -> str:
    # TSV follows the SPARQL 1.1 TSV results format: terms in N-Triples syntax.
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        if term.language:
            return f"{_nt_string(str(term))}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{_nt_string(str(term))}^^<{term.datatype}>"
        return _nt_string(str(term))
    return str(term)


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
