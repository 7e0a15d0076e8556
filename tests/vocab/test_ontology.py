"""The ontology is complete, and every term kg uses is declared or belongs to a known vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD

import kg
from kg.vocab import namespaces
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.queries import named_queries
from rdf_sample import sample_extraction, second_extraction

PACKAGE = Path(kg.__file__).resolve().parent
ONTOLOGY = PACKAGE / "ontology" / "kg.ttl"
SHAPES = PACKAGE / "ontology" / "shapes.ttl"
KG_NS = str(namespaces.KG._NS)
KGSH_NS = "https://w3id.org/kg-news/shapes#"
KNOWN = {"rdf": RDF, "rdfs": RDFS, "owl": OWL, "xsd": XSD, "skos": SKOS, "schema": SDO,
         "org": ORG, "prov": PROV, "dcterms": DCTERMS, "sh": SH}
# Objects of these are references to documents or other vocabularies, not terms kg uses.
REFERENCES = {RDFS.seeAlso, DCTERMS.license, OWL.versionIRI, OWL.imports}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


@pytest.fixture(scope="module")
def declared(ontology) -> set[URIRef]:
    return {s for s in ontology.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(KG_NS)}


def _problem(term: URIRef, declared: set[URIRef]) -> str | None:
    """Why ``term`` is not allowed, or None."""
    text = str(term)
    if text.startswith(KG_NS):
        return None if term in declared else "not declared in ontology/kg.ttl"
    for prefix, ns in KNOWN.items():
        base = str(ns._NS) if hasattr(ns, "_NS") else str(ns)
        if text.startswith(base):
            return None if term in ns else f"not a term of {prefix}:"
    return "not in a known vocabulary"


def _check(terms, declared) -> list[str]:
    return sorted(f"{t}: {why}" for t in set(terms) if (why := _problem(t, declared)))


def test_ontology_header(ontology):
    header = URIRef("https://w3id.org/kg-news/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) is not None
    assert ontology.value(header, DCTERMS.title) is not None
    assert ontology.value(header, DCTERMS.license) is not None


def test_every_term_is_labelled_commented_and_typed(ontology, declared):
    assert len(declared) >= 30
    for term in declared:
        assert ontology.value(term, RDFS.label) is not None, term
        assert ontology.value(term, RDFS.comment) is not None, term
        kinds = set(ontology.objects(term, RDF.type))
        if OWL.Class in kinds:
            assert ontology.value(term, RDFS.subClassOf) is not None, f"{term} ties to no standard class"
        else:
            assert kinds & {OWL.ObjectProperty, OWL.DatatypeProperty}, term
            assert ontology.value(term, RDFS.domain) is not None, f"{term} has no domain"
            assert ontology.value(term, RDFS.range) is not None, f"{term} has no range"


def test_kg_classes_specialize_the_standards(ontology):
    kg_ = namespaces.KG
    assert (kg_.Official, RDFS.subClassOf, SDO.Person) in ontology
    assert (kg_.Agency, RDFS.subClassOf, SDO.GovernmentOrganization) in ontology
    assert (kg_.Agency, RDFS.subClassOf, ORG.Organization) in ontology
    assert (kg_.Fact, RDFS.subClassOf, PROV.Entity) in ontology


def test_python_namespace_matches_the_ontology(declared):
    in_code = {URIRef(KG_NS + name) for name in namespaces.KG.__annotations__}
    assert in_code == declared


def _own(term: URIRef) -> bool:
    """kg's shapes and ontology documents: not vocabulary terms."""
    return str(term).startswith("https://w3id.org/kg-news/") and not str(term).startswith(KG_NS)


def test_ontology_and_shapes_use_only_known_terms(ontology, declared):
    shapes = Graph().parse(SHAPES)
    terms = []
    for graph in (ontology, shapes):
        for s, p, o in graph:
            nodes = (s, p) if p in REFERENCES else (s, p, o)
            terms += [n for n in nodes if isinstance(n, URIRef) and not _own(n)]
    assert len(terms) > 100
    assert _check(terms, declared) == []


def test_the_lint_catches_unknown_terms(declared):
    bad = [URIRef(KG_NS + "holdsPosition"), URIRef(str(SDO) + "nationalty"), URIRef("http://example.org/x")]
    assert len(_check(bad, declared)) == 3


def test_shapes_target_what_the_mapping_writes():
    shapes = Graph().parse(SHAPES)
    targeted = set(shapes.objects(None, SH.targetClass))
    quads = extraction_to_quads(sample_extraction())
    written = {o for _, p, o, _ in quads if p == RDF.type}
    assert written <= targeted | {SDO.GovernmentOrganization}


def test_mapping_output_uses_only_known_terms(declared):
    quads = extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())
    terms = [p for _, p, _, _ in quads] + [o for _, p, o, _ in quads if p in (RDF.type, RDF.predicate)]
    assert _check(terms, declared) == []


_PREFIXED = re.compile(r"(?<![\w<#/])(rdf|rdfs|owl|xsd|skos|schema|org|prov|dcterms|sh|kg):([A-Za-z_][\w-]*)")
_CODE = re.compile(r"\b(KG|SCHEMA|SDO|ORG|PROV|SKOS|DCTERMS|OWL|RDF|RDFS|XSD|SH)\.([A-Za-z_]\w*)\b")
_CODE_NS = {"KG": namespaces.KG, "SCHEMA": SDO, "SDO": SDO, "ORG": ORG, "PROV": PROV, "SKOS": SKOS,
            "DCTERMS": DCTERMS, "OWL": OWL, "RDF": RDF, "RDFS": RDFS, "XSD": XSD, "SH": SH}
_NOT_TERMS = {"_NS", "_fail", "uri", "term"}


def test_named_queries_use_only_known_terms(declared):
    bases = {prefix: str(ns._NS) if hasattr(ns, "_NS") else str(ns) for prefix, ns in KNOWN.items()}
    bases["kg"] = KG_NS
    terms = []
    for name, (_, text) in named_queries().items():
        body = "\n".join(line for line in text.splitlines() if not line.startswith(("PREFIX", "#")))
        terms += [URIRef(bases[p] + local) for p, local in _PREFIXED.findall(body)]
    assert terms
    assert _check(terms, declared) == []


def test_kg_code_uses_only_known_terms(declared):
    terms = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for ns_name, local in _CODE.findall(path.read_text(encoding="utf-8")):
            if local in _NOT_TERMS or local.startswith("__"):
                continue
            ns = _CODE_NS[ns_name]
            base = str(ns._NS) if hasattr(ns, "_NS") else str(ns)
            terms.append(URIRef(base + local))
    assert terms
    assert _check(terms, declared) == []
