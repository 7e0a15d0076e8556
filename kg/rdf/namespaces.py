"""Namespaces as ``DefinedNamespace`` classes: a misspelt term fails at import, not in output."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/kg-news/"
ID = Namespace(BASE + "id/")
GRAPH = Namespace(BASE + "graph/")
WD = Namespace("http://www.wikidata.org/entity/")


class KG(DefinedNamespace):
    """kg's own ontology terms (declared in ontology/kg.ttl)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # Terms are added here as the ontology declares them.
    Article: str
    contentHash: str
