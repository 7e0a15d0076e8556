"""What a SPARQL request may do here: read, and reach no other host unless told to.

Oxigraph (and so ``kg query`` and ``kg serve``) follows ``SERVICE <iri>`` to any host, and a
SPARQL update can ``LOAD`` any URL. Both are checked here, on the query text, before a store
sees it: the one guard used by ``kg query`` and ``kg serve``.

The check works on SPARQL tokens, not on substrings: a ``SERVICE`` inside a string, an IRI,
a comment or a prefixed name is no keyword, and a keyword hidden behind a ``\\u`` escape
(which SPARQL processes before parsing) is found all the same.

>>> check_query("SELECT * WHERE { ?s ?p ?o }")  # a plain query passes
>>> try:
...     check_query("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
... except QueryRefused as error:
...     print(str(error)[:20])
federation is off: t
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from kg.errors import QueryRefused

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
# Every keyword that starts or belongs only to a SPARQL 1.1 Update operation: none of them is
# a keyword of the query language, so finding one anywhere means the text is an update.
UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH", "USING"}
)

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Longest alternatives first: long strings before short ones, IRIs before the '<' operator,
# prefixed names before bare words (so `service:x` is a name, not the keyword).
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>(?:[^\W\d_][\w.\-]*)?:(?:[\w\-:%]|\\.|\.(?=[\w\-:%\\]))*)
  | (?P<word>[^\W\d]\w*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str


def unescape(sparql: str) -> str:
    """The text with ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes replaced, as SPARQL parsers do first."""

    def char(match: re.Match[str]) -> str:
        code = int(match.group(1) or match.group(2), 16)
        return chr(code) if code <= 0x10FFFF else match.group(0)

    return _ESCAPE.sub(char, sparql)


def tokens(sparql: str) -> Iterator[Token]:
    """The significant tokens of a SPARQL text (spaces and comments left out)."""
    for match in _TOKEN.finditer(unescape(sparql)):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group())


def is_update(sparql: str) -> bool:
    """Whether the text is (or holds) a SPARQL Update operation."""
    return any(t.kind == "word" and t.text.upper() in UPDATE_KEYWORDS for t in tokens(sparql))


def service_targets(sparql: str) -> list[str]:
    """The endpoint of each ``SERVICE`` clause, as an absolute IRI; ``?var`` for a variable one.

    >>> service_targets('PREFIX e: <http://a.example/> SELECT * { SERVICE SILENT e:q { ?s ?p ?o } }')
    ['http://a.example/q']
    """
    prefixes: dict[str, str] = {}
    base = ""
    found: list[str] = []
    items = list(tokens(sparql))
    for i, token in enumerate(items):
        word = token.text.upper() if token.kind == "word" else ""
        following = items[i + 1 : i + 4]
        if word == "BASE" and following and following[0].kind == "iri":
            base = urljoin(base, following[0].text[1:-1])
        elif word == "PREFIX" and len(following) >= 2 and following[0].kind == "pname" and following[1].kind == "iri":
            prefixes[following[0].text[:-1]] = urljoin(base, following[1].text[1:-1])
        elif word == "SERVICE":
            rest = following
            if rest and rest[0].kind == "word" and rest[0].text.upper() == "SILENT":
                rest = rest[1:]
            found.append(_target(rest[0] if rest else None, prefixes=prefixes, base=base))
    return found


def _target(token: Token | None, *, prefixes: dict[str, str], base: str) -> str:
    if token is None:
        return "?"
    if token.kind == "var":
        return token.text
    if token.kind == "iri":
        return urljoin(base, token.text[1:-1])
    if token.kind == "pname":
        prefix, _, local = token.text.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + re.sub(r"\\(.)", r"\1", local)
    # Something the parser will reject; refuse it as unknown rather than guess.
    return token.text


def _host_allowed(iri: str, allowed: set[str]) -> bool:
    parts = urlsplit(iri)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    host = parts.hostname.lower()
    with_port = f"{host}:{parts.port}" if parts.port else host
    return host in allowed or with_port in allowed


def check_query(sparql: str, *, allow_service: Iterable[str] = ()) -> None:
    """Refuse, with ``QueryRefused``, an update or a ``SERVICE`` call to a host not allowed.

    ``allow_service`` names hosts (``example.org``, or ``example.org:8890`` for one port)
    whose SPARQL endpoints a query may call. A ``SERVICE ?var`` is always refused: its host
    is known only while the query runs.
    """
    if is_update(sparql):
        raise QueryRefused(
            "updates are not allowed: kg only reads the graph here (INSERT, DELETE, LOAD, CLEAR, "
            "DROP and the other SPARQL Update operations are refused); change the graph with "
            "`kg build` and `kg remove`."
        )
    allowed = {host.strip().lower() for host in allow_service if host.strip()}
    for target in service_targets(sparql):
        if target.startswith(("?", "$")):
            raise QueryRefused(
                f"SERVICE {target} is not allowed: the endpoint must be a fixed IRI so that its "
                f"host can be checked; write SERVICE <http://HOST/...>."
            )
        if not allowed:
            raise QueryRefused(
                f"federation is off: the query asks SERVICE <{target}> to run part of it on "
                f"another host; `kg query --allow-service HOST` allows a host you trust "
                f"(`kg serve` allows none)."
            )
        if not _host_allowed(target, allowed):
            raise QueryRefused(
                f"SERVICE <{target}> is not allowed: its host is not among --allow-service "
                f"{' '.join(sorted(allowed))}."
            )
