"""The one place that mints IRIs. Deterministic: same entity, same IRI, every article and run."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.model import Entity, EntityType
from kg.vocab.namespaces import GRAPH, ID

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

# Slugs are kept short enough to read; a longer one ends in a hash of the whole, so two long
# names that share their first words still get two IRIs.
MAX_SLUG = 120
_HASH_CHARS = 12


# Entity names repeat within and across articles (every mention, link and post asks again):
# each is worked out once. Bounded, so a long build keeps no more than this many.
@lru_cache(maxsize=50_000)
def slug(name: str) -> str:
    """A readable, IRI-safe key: ``"Ministry of Commerce" -> "ministry-of-commerce"``.

    Names with no ASCII letters or digits (other scripts) are percent-encoded instead of
    being lost, so that distinct names never share a slug by accident.
    """
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).strip().lower()
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"'s\b", "s", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    key = _NON_SLUG.sub("-", ascii_text).strip("-")
    if key and len(ascii_text) >= len(text) * 0.5:
        return _bounded(key, MAX_SLUG)
    return _bounded(quote(text.replace(" ", "-"), safe="-"), 200) or "unnamed"


def _bounded(key: str, limit: int) -> str:
    """``key`` if short enough, else its head (never half a %XX escape) and a hash of all of it."""
    if len(key) <= limit:
        return key
    cut = limit - _HASH_CHARS - 1
    escape = key.rfind("%", cut - 2, cut)
    if escape != -1:
        cut = escape
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:_HASH_CHARS]
    return f"{key[:cut].rstrip('-')}-{digest}"


# What an IRI may not hold as it is (RFC 3987): spaces, controls and these marks. Everything
# non-ASCII is percent-encoded too, so the IRI is also a plain URI every tool reads.
_URL_SAFE = ":/?#@!$&'()*+,;=%~-._[]"
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def source_iri(url: str) -> URIRef | None:
    """The IRI of an article's web address, made valid; None if it is no http(s) address.

    ``https://example.org/a>b`` becomes ``https://example.org/a%3Eb``: the same address as a
    browser sends it. An address no encoding can make an IRI (a broken host) gives None,
    and the caller keeps it as text.
    """
    url = url.strip()
    if not re.match(r"^https?://", url, flags=re.IGNORECASE):
        return None
    encoded = _BAD_PERCENT.sub("%25", quote(url, safe=_URL_SAFE))
    # One fragment only: a second "#" is part of the fragment's text.
    head, hash_mark, fragment = encoded.partition("#")
    encoded = head + hash_mark + fragment.replace("#", "%23")
    scheme, rest = encoded.split("://", 1)
    host, slash, path = rest.partition("/")
    # Brackets belong in an IPv6 host only.
    encoded = f"{scheme}://{host}{slash}{path.replace('[', '%5B').replace(']', '%5D')}"
    return URIRef(encoded) if valid_iri(encoded) else None


def valid_iri(iri: str) -> bool:
    """Whether Oxigraph, the strictest IRI parser kg writes to, takes ``iri``."""
    import pyoxigraph

    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        return False
    return True


def entity_iri(entity: Entity) -> URIRef:
    """``…/id/<family>/<slug>``; an entity linked to Wikidata is keyed by its item instead.

    An IRI chosen by cross-article resolution (``entity.iri``) wins over both.
    """
    if entity.iri:
        return URIRef(entity.iri)
    family = entity.type.family
    for link in entity.same_as:
        if link.startswith("http://www.wikidata.org/entity/Q"):
            return ID[f"{family}/{link.rsplit('/', 1)[1]}"]
    return ID[f"{family}/{_own_slug(entity)}"]


def _own_slug(entity: Entity) -> str:
    """The label's slug, or the numbered key resolution gave: two entities of one article whose
    labels slug alike ("😀 Emoji Ministry", "Emoji Ministry") were told apart by their keys
    ("organization:emoji-ministry-2") and must not become one node with two prefLabels."""
    name = slug(entity.label)
    numbered = entity.key.partition(":")[2]
    suffix = numbered.removeprefix(name + "-")
    return numbered if suffix != numbered and suffix.isdigit() else name


def named_iri(entity_type: EntityType, label: str) -> URIRef:
    """IRI for an entity known only by type and label."""
    return ID[f"{entity_type.family}/{slug(label)}"]


def article_key(article_id: str) -> str:
    return quote(article_id, safe="-._~")


# An article's graph and node are asked for by every quad mapped for it: one term each, so
# the store recognizes the graph by identity instead of comparing rdflib terms (bounded).
@lru_cache(maxsize=4096)
def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_key(article_id)}"]


@lru_cache(maxsize=4096)
def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything read from one article."""
    return GRAPH[article_key(article_id)]


def article_id_of(graph: str) -> str | None:
    """The article id (as given to :func:`graph_iri`) a named graph belongs to, or None for a graph that is not an article's."""
    prefix = str(GRAPH)
    if not graph.startswith(prefix) or len(graph) == len(prefix):
        return None
    return unquote(graph[len(prefix):])


def minted_iri(family: str, *parts: object) -> URIRef:
    """``…/id/<family>/<hash>`` for nodes with no name of their own (facts, mentions, posts).

    The hash covers every part, so the same content gives the same IRI in every run and
    different content never shares one by accident.
    """
    h = hashlib.sha256()
    for part in parts:
        text = part if isinstance(part, str) else "" if part is None else repr(part)
        h.update(text.encode("utf-8"))
        h.update(b"\x1f")
    return ID[f"{family}/{h.hexdigest()[:20]}"]


def mention_iri(article_id: str, start: int, end: int, entity: URIRef) -> URIRef:
    return minted_iri("mention", article_id, start, end, str(entity))


def post_iri(holder: URIRef, organization: URIRef, role: str | None) -> URIRef:
    """A post is one holder's office in one body: shared by every article that reports it."""
    return minted_iri("post", str(holder), str(organization), slug(role) if role else "")


def fact_iri(article_id: str, *content: object) -> URIRef:
    return minted_iri("fact", article_id, *content)
