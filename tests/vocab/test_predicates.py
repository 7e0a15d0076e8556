"""The predicate table is the one statement of each predicate's shape: the SHACL shapes, the
ontology, deduplication and the exact numbers all agree with it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

import kg
from kg.model import Fact, Predicate
from kg.vocab.predicates import BY_NAME, BY_PROPERTY, PREDICATES, QUALIFIERS, decimal_text, exact, identity, spec
from kg.rdf.mapping import ENTITY_CLASSES
from kg.vocab.namespaces import KG

ONTOLOGY = Path(kg.__file__).resolve().parent / "ontology"
DATATYPES = {"text": XSD.string, "number": XSD.decimal, "date": XSD.date, "flag": XSD.boolean}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(ONTOLOGY / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl")


def _node_shapes(g: Graph, cls: URIRef) -> list:
    return list(g.subjects(SH.targetClass, cls))


def _property_shapes(g: Graph, shape, path: URIRef) -> list:
    return [p for p in g.objects(shape, SH.property) if g.value(p, SH.path) == path]


def _class_options(g: Graph, node) -> list[set[URIRef]]:
    """Each way ``node``'s constraint admits a value: a set of classes it must all have."""
    options = []
    own = set(g.objects(node, SH["class"]))
    if own:
        options.append(own)
    for alternatives in g.objects(node, SH["or"]):
        for member in Collection(g, alternatives):
            options.append(set(g.objects(member, SH["class"])))
    return options


def _admits(g: Graph, node, classes: set[URIRef]) -> bool:
    options = _class_options(g, node)
    return not options or any(option <= classes for option in options)


def test_every_predicate_has_one_row():
    assert set(PREDICATES) == set(Predicate)
    assert len(BY_PROPERTY) == len(PREDICATES)  # one RDF property per predicate
    for name, row in BY_NAME.items():
        assert row.predicate.value == name
        assert spec(name) is row
        assert set(row.required) <= set(row.qualifiers) <= set(QUALIFIERS)
        assert set(row.identity) <= set(Fact.__dataclass_fields__)
        assert (row.objects is None) == (row.object_role is None and row.direct != "object")


def test_fact_shape_lists_every_property(shapes):
    props = [p for s in _node_shapes(shapes, KG.Fact) for p in _property_shapes(shapes, s, RDF.predicate)]
    lists = [shapes.value(p, SH["in"]) for p in props]
    listed = {term for items in lists if items is not None for term in Collection(shapes, items)}
    assert listed == set(BY_PROPERTY)


def test_node_class_shapes_match_the_table(shapes):
    classes = {row.node_class for row in PREDICATES.values() if row.node_class is not None}
    for cls in classes:
        rows = [r for r in PREDICATES.values() if r.node_class == cls]
        # The shapes that target only this class say which predicates it reifies.
        own = [s for s in _node_shapes(shapes, cls) if len(list(shapes.objects(s, SH.targetClass))) == 1]
        allowed: set[URIRef] = set()
        for p in (p for s in own for p in _property_shapes(shapes, s, RDF.predicate)):
            allowed |= set(shapes.objects(p, SH.hasValue))
            if (items := shapes.value(p, SH["in"])) is not None:
                allowed |= set(Collection(shapes, items))
        assert allowed == {r.property for r in rows}, cls
        for row in rows:
            for role, types in ((row.subject_role, row.subjects), (row.object_role, row.objects)):
                if role is None:
                    continue
                props = [p for s in _node_shapes(shapes, cls) for p in _property_shapes(shapes, s, role)]
                assert len(props) == 1, (cls, role)
                for t in types or ():
                    assert _admits(shapes, props[0], set(ENTITY_CLASSES[t])), (cls, role, t)


def test_direct_triples_have_domain_and_range_shapes(shapes):
    for row in PREDICATES.values():
        targets = list(shapes.subjects(SH.targetSubjectsOf, row.property))
        assert targets, f"no shape targets the subjects of {row.property}"
        for t in row.subjects:
            assert any(_admits(shapes, s, set(ENTITY_CLASSES[t])) for s in targets), (row.predicate, t)
        props = [p for s in targets for p in _property_shapes(shapes, s, row.property)]
        assert props, f"no shape constrains the values of {row.property}"
        if row.direct == "object":
            wanted = [set(ENTITY_CLASSES[t]) for t in row.objects or ()]
        elif row.direct == "value":
            wanted = [{node.cls} for node in row.value_nodes if node.anchor in row.required]
        else:
            wanted = [{row.node_class}]
        for classes in wanted:
            assert any(_admits(shapes, p, classes) for p in props), (row.predicate, classes)


def test_qualifiers_have_shapes_with_their_datatypes(shapes):
    for row in PREDICATES.values():
        for name in row.qualifiers:
            q = QUALIFIERS[name]
            holder = q.node.cls if q.node is not None else row.node_class
            props = [p for s in _node_shapes(shapes, holder) for p in _property_shapes(shapes, s, q.term)]
            assert props, f"{row.predicate.value}.{name}: no shape of {holder} constrains {q.term}"
            if q.kind in DATATYPES:
                assert any(shapes.value(p, SH.datatype) == DATATYPES[q.kind] for p in props), name
            else:
                assert any(shapes.value(p, SH.nodeKind) == SH.IRI or _class_options(shapes, p) for p in props), name


def test_ontology_declares_domain_and_range_of_every_table_term(ontology):
    for row in PREDICATES.values():
        terms = [row.subject_role, row.object_role, row.node_class]
        if str(row.property).startswith(str(KG._NS)):
            terms.append(row.property)
        for term in filter(None, terms):
            assert (term, RDF.type, None) in ontology, term
            if term != row.node_class:
                assert (term, RDFS.domain, None) in ontology, term
                assert (term, RDFS.range, None) in ontology, term
    for q in QUALIFIERS.values():
        if str(q.term).startswith(str(KG._NS)):
            assert (q.term, RDFS.range, None) in ontology, q.term


def _fact(**kwargs) -> Fact:
    base = {"subject": "china", "predicate": Predicate.EXPORTS, "article": "a", "sentence": "S.",
            "start": 0, "end": 2, "object": "masks"}
    return Fact(**{**base, **kwargs})


def test_identity_reads_the_row():
    assert identity(_fact(quantity=16000.0)) == identity(_fact(quantity=Decimal("16000"), confidence=0.9))
    assert identity(_fact(quantity=16000.0)) != identity(_fact(quantity=16000.0, unit="tonnes"))
    said = dict(predicate=Predicate.SAID, object=None)
    assert identity(_fact(quote="a", **said)) == identity(_fact(quote="b", **said))
    assert identity(_fact(quote="a", **said)) != identity(_fact(quote="a", sentence="T.", **said))
    post = dict(predicate=Predicate.HOLDS_POST, object="moc")
    assert identity(_fact(role="minister", **post)) != identity(_fact(role="spokesman", **post))


def test_numbers_are_exact():
    assert exact(1.07 * 1e9) == Decimal("1070000000")
    assert decimal_text(1.07 * 1e9) == "1070000000.0"
    assert decimal_text(Decimal("10.2E9")) == "10200000000.0"
    assert decimal_text(0.9) == "0.9"
    assert decimal_text(16000) == "16000.0"
    assert decimal_text(Decimal("0.125")) == "0.125"
