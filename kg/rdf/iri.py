"""The one place that mints IRIs. Deterministic: same entity, same IRI, every article and run."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

from rdflib import URIRef

from kg.model import Entity, EntityType
from kg.rdf.namespaces import GRAPH, ID

_NON_SLUG = re.compile(r"[^a-z0-9]+")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


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
        return key[:120]
    return quote(text.replace(" ", "-"), safe="-")[:200] or "unnamed"


def entity_iri(entity: Entity) -> URIRef:
    """``…/id/<family>/<slug>``; an entity linked to Wikidata is keyed by its item instead."""
    family = entity.type.family
    for link in entity.same_as:
        if link.startswith("http://www.wikidata.org/entity/Q"):
            return ID[f"{family}/{link.rsplit('/', 1)[1]}"]
    return ID[f"{family}/{slug(entity.label)}"]


def named_iri(entity_type: EntityType, label: str) -> URIRef:
    """IRI for an entity known only by type and label."""
    return ID[f"{entity_type.family}/{slug(label)}"]


def article_key(article_id: str) -> str:
    return quote(article_id, safe="-._~")


def article_iri(article_id: str) -> URIRef:
    return ID[f"article/{article_key(article_id)}"]


def graph_iri(article_id: str) -> URIRef:
    """The named graph that holds everything read from one article."""
    return GRAPH[article_key(article_id)]
