"""kg's prefixes: the Turtle files', declared for every query, used in tables, named in errors.

One table (``PREFIXES``) for the writers (``kg.rdf.formats``) and for SPARQL, so an IRI a
table prints (``person:ana-ruiz``, ``place:Q114``, ``skos:prefLabel``) can be pasted back
into a query as it is.
"""

from __future__ import annotations

import re

from kg.vocab.iris import ID, ID_FAMILIES, NAMESPACES

# The canonical prefixes, always in this order; one per family of minted IRIs. Plain strings
# (``kg.vocab.iris``): reading a store needs no rdflib.
PREFIXES: dict[str, str] = {**NAMESPACES, **{family: f"{ID}{family}/" for family in ID_FAMILIES}}

# A local name SPARQL and Turtle read without escapes: letters, digits, _ - and inner dots.
_SAFE_LOCAL = re.compile(r"^\w(?:[\w.-]*[\w-])?$")
# Longest namespace first, so that ``person:`` wins over a shorter namespace it starts with.
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0]))
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_POSITION = re.compile(r"error at (\d+):(\d+): ?(.*)", re.DOTALL)
_PREFIXED = re.compile(r"([A-Za-z][\w.-]*)?:[\w]*$")
# A parser's list of what it expected can run to hundreds of Unicode ranges: a few suffice.
_EXPECTED_SHOWN = 8


def shorten(iri: str) -> str:
    """``iri`` as a prefixed name when a kg prefix covers it and the rest needs no escape.

    >>> shorten("https://w3id.org/kg-news/id/person/ana-ruiz")
    'person:ana-ruiz'
    >>> shorten("http://example.org/x")
    'http://example.org/x'
    """
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if _SAFE_LOCAL.match(local):
                return f"{prefix}:{local}"
            break
    return iri


def declared(sparql: str) -> set[str]:
    """The prefixes a query declares itself."""
    return {match.group(1) or "" for match in _DECLARED.finditer(sparql)}


def with_prefixes(sparql: str) -> str:
    """``sparql`` with kg's prefixes it does not declare itself, all on one first line.

    One line, so that a parser's line numbers are the query's own plus one.

    >>> with_prefixes("SELECT * WHERE { ?s a kg:Article }").splitlines()[1]
    'SELECT * WHERE { ?s a kg:Article }'
    """
    own = declared(sparql)
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in own]
    return (" ".join(missing) + "\n" + sparql) if missing else sparql


def added_lines(sparql: str, prefixed: str) -> int:
    """How many lines :func:`with_prefixes` put before ``sparql``."""
    return prefixed.count("\n") - sparql.count("\n")


def short_syntax_error(message: str, sparql: str, *, line_offset: int = 0) -> str | None:
    """A parser's ``error at L:C: ...`` as a short message on the query's own line and column.

    Returns None for a message without a position (then the caller keeps its own).
    """
    match = _POSITION.search(message)
    if match is None:
        return None
    line, column, detail = int(match.group(1)) - line_offset, int(match.group(2)), match.group(3)
    lines = sparql.splitlines() or [""]
    text = lines[line - 1] if 1 <= line <= len(lines) else ""
    where = f"line {line}, column {column}"
    if "Prefix not found" in detail:
        name = _PREFIXED.search(text[: max(column, 0)].rstrip(" .;,}"))
        prefix = (name.group(1) or "") if name else "?"
        known = " ".join(f"{p}:" for p in PREFIXES)
        return (f"SPARQL syntax error at {where}: the prefix {prefix}: is not declared; declare it "
                f"with PREFIX {prefix}: <...> or use one of kg's own: {known}")
    detail = " ".join(detail.split())
    if detail.startswith("expected one of "):
        options = _split_options(detail[len("expected one of "):])
        more = len(options) - _EXPECTED_SHOWN
        detail = "expected one of " + ", ".join(options[:_EXPECTED_SHOWN]) + (f" (and {more} more)" if more > 0 else "")
    pointer = " " * max(min(column - 1, len(text)), 0) + "^"
    return f"SPARQL syntax error at {where}: {detail}\n  {text}\n  {pointer}"


def _split_options(text: str) -> list[str]:
    """Split ``A, B, ['x' | 'y'], C`` at top-level commas."""
    options, depth, current = [], 0, []
    for char in text:
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        if char == "," and depth == 0:
            options.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    if "".join(current).strip():
        options.append("".join(current).strip())
    return options
