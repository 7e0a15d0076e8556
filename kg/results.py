"""Render SPARQL SELECT/ASK results as a terminal table, CSV, TSV or SPARQL-JSON.

Values come from article text and may hold control characters: the table and CSV show them
as visible escapes, TSV writes terms as N-Triples (which escapes them), JSON as JSON does.

Rows may hold rdflib terms or pyoxigraph's (``kg.store.query_native``); both give the same
text, and pyoxigraph's are read without converting them. A typed literal's text is its
value where rdflib would write the same (Oxigraph keeps valid integers and decimals in
canonical form, which rdflib leaves as it is), else rdflib's own.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox

from kg.vocab.prefixes import shorten
from kg.clean import terminal_text

FORMATS = ("table", "csv", "tsv", "json")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"
# Canonical lexical forms, which rdflib's literal normalization leaves unchanged.
_CANONICAL = {
    _XSD_STRING: None,
    _XSD + "integer": re.compile(r"0|-?[1-9][0-9]*"),
    _XSD + "decimal": re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?"),
}


def _parts(term: Any) -> tuple[str, str, str | None, str | None]:
    """(kind, text, language, datatype) of an rdflib or pyoxigraph term, as rdflib reads it:
    kind is uri, bnode, literal or other; an xsd:string literal has no datatype."""
    kind = type(term)
    if kind is ox.NamedNode:
        return "uri", term.value, None, None
    if kind is ox.Literal:
        if term.language:
            return "literal", term.value, term.language, None
        datatype = term.datatype.value
        pattern = _CANONICAL.get(datatype, False)
        if pattern is None or (pattern and pattern.fullmatch(term.value)):
            text = term.value
        else:  # a literal rdflib may rewrite: rdflib says how (loaded for these only)
            from rdflib import Literal, URIRef

            text = str(Literal(term.value, datatype=URIRef(datatype)))
        return "literal", text, None, None if datatype == _XSD_STRING else datatype
    if kind is ox.BlankNode:
        return "bnode", term.value, None, None
    return _rdflib_parts(term)


def _rdflib_parts(term: Any) -> tuple[str, str, str | None, str | None]:
    # Not a pyoxigraph term: an rdflib term, if rdflib was loaded at all (then it costs nothing).
    if "rdflib" not in sys.modules:
        return "other", str(term), None, None
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return "uri", str(term), None, None
    if isinstance(term, BNode):
        return "bnode", str(term), None, None
    if isinstance(term, Literal):
        return "literal", str(term), term.language, str(term.datatype) if term.datatype else None
    return "other", str(term), None, None


def term_text(term: Any, *, keep_lines: bool = True) -> str:
    """Plain text of a term, as a person reads it (CSV/table), control characters escaped."""
    return "" if term is None else terminal_text(_parts(term)[1], keep_lines=keep_lines)


def table_text(term: Any) -> str:
    """Like ``term_text`` on one line, an IRI as a prefixed name a query takes back (``person:ana-ruiz``).

    Tables only; CSV, TSV and JSON keep full IRIs for tools. An IRI no kg prefix covers is
    printed in angle brackets, which a query also takes as it is. The caller shows the text
    as plain text (``rich.text.Text``), not as Rich markup.
    """
    if term is not None and _parts(term)[0] == "uri":
        text = _parts(term)[1]
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
    kind, text, language, datatype = _parts(term)
    if kind == "uri":
        return f"<{text}>"
    if kind == "bnode":
        return f"_:{text}"
    if kind == "literal":
        if language:
            return f"{_nt_string(text)}@{language}"
        if datatype and datatype != _XSD_STRING:
            return f"{_nt_string(text)}^^<{datatype}>"
        return _nt_string(text)
    return text


def _json_term(term: Any) -> dict[str, str]:
    kind, text, language, datatype = _parts(term)
    if kind in ("uri", "bnode"):
        return {"type": kind, "value": text}
    out = {"type": "literal", "value": text}
    if language:
        out["xml:lang"] = language
    elif datatype:
        out["datatype"] = datatype
    return out


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
