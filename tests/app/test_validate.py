from __future__ import annotations

from rdflib import Dataset, Literal

from kg.rdf.mapping import extraction_to_quads
from kg.vocab.namespaces import KG, ORG, SKOS, XSD
from kg.validate import SHAPES_PATH, ValidationResult, validate
from rdf_sample import sample_extraction


def test_mapping_output_conforms():
    result = validate(extraction_to_quads(sample_extraction()))
    assert isinstance(result, ValidationResult)
    assert result.conforms and bool(result)
    assert result.violations == 0
    assert "Conforms: True" in result.text


def test_missing_label_is_a_violation():
    quads = [q for q in extraction_to_quads(sample_extraction())
             if not (q[1] == SKOS.prefLabel and str(q[0]).endswith("/ana-ruiz"))]
    result = validate(quads)
    assert not result.conforms
    assert result.violations >= 1
    assert "prefLabel" in result.text


def test_confidence_out_of_range_is_a_violation():
    quads = [(s, p, Literal("1.5", datatype=XSD.decimal) if p == KG.confidence else o, g)
             for s, p, o, g in extraction_to_quads(sample_extraction())]
    result = validate(quads)
    assert not result.conforms
    assert result.violations == 9  # one per fact
    assert "MaxInclusive" in result.text


def test_post_without_body_or_jurisdiction_is_a_violation():
    quads = [q for q in extraction_to_quads(sample_extraction()) if q[1] != ORG.postIn]
    assert not validate(quads).conforms


def test_each_named_graph_is_checked_on_its_own():
    # Types live in the article's graph: a fact in another graph cannot borrow them.
    quads = extraction_to_quads(sample_extraction())
    ds = Dataset()
    for s, p, o, g in quads:
        ds.add((s, p, o, g if p != KG.extractor else KG.Fact))  # any other graph IRI
    assert validate(ds).conforms  # extractor is optional, so moving it keeps both graphs valid
    moved = Dataset()
    for s, p, o, g in quads:
        moved.add((s, p, o, g if p != SKOS.prefLabel else KG.Fact))
    assert not validate(moved).conforms


def test_shapes_file_is_shipped():
    assert SHAPES_PATH.is_file()


def test_union_mode_checks_the_merged_graph():
    quads = extraction_to_quads(sample_extraction())
    moved = [(s, p, o, g if p != SKOS.prefLabel else KG.Fact) for s, p, o, g in quads]
    assert validate(moved, per_graph=False).conforms
    assert not validate(moved).conforms
