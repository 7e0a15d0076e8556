"""Every namespace kg names, as plain strings: the one table the others derive from.

``kg.vocab.namespaces`` makes rdflib namespaces of these (and checks rdflib's own against
them); ``kg.vocab.prefixes`` makes the prefixes of queries, tables and files. Plain strings,
so that the reading path (``kg query``) can declare prefixes and shorten IRIs without
importing rdflib (a third of that command's start-up).
"""

from __future__ import annotations

BASE = "https://w3id.org/kg-news/"
ID = BASE + "id/"

# The canonical prefixes of the vocabularies, always in this order.
NAMESPACES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "schema": "https://schema.org/",
    "kg": BASE + "ontology#",
    "wd": "http://www.wikidata.org/entity/",
    "graph": BASE + "graph/",
}

# One family of minted IRIs each, under ID (``person:ana-ruiz``).
ID_FAMILIES = (
    "article", "person", "organization", "place", "product", "disease", "event", "thing",
    "fact", "post", "mention", "quantity", "amount", "resolution",
)
