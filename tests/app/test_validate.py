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


def _variants() -> list[list[tuple]]:
    """The sample article, whole and broken in the ways a graph can break (each its own graph)."""
    import random

    from rdflib import RDF, RDFS, URIRef

    from kg.vocab.namespaces import DCTERMS

    base = extraction_to_quads(sample_extraction())
    first = lambda p: next(q for q in base if q[1] == p)  # noqa: E731
    label = first(SKOS.prefLabel)
    start = first(KG.startOffset)
    article = first(KG.contentHash)[0]

    def swap(p, value):
        return [(s, q, value if q == p else o, g) for s, q, o, g in base]

    variants = [
        base,
        [q for q in base if not (q[1] == SKOS.prefLabel and str(q[0]).endswith("/ana-ruiz"))],
        swap(KG.confidence, Literal("1.5", datatype=XSD.decimal)),
        swap(KG.confidence, Literal("abc", datatype=XSD.decimal)),
        swap(KG.contentHash, Literal("not a hash")),
        swap(KG.startOffset, Literal("5")),
        swap(KG.endOffset, Literal("0", datatype=XSD.integer)),
        swap(DCTERMS.date, Literal("2020-13-45", datatype=XSD.date)),
        swap(DCTERMS.date, Literal("0000-01-01", datatype=XSD.date)),
        swap(KG.refersTo, Literal("a literal")),
        swap(RDF.predicate, URIRef("https://example.org/nothing")),
        swap(SKOS.altLabel, Literal("")),
        [q for q in base if q[1] != ORG.postIn],
        base + [(label[0], SKOS.prefLabel, Literal("another name"), label[3])],
        base + [(start[0], KG.startOffset, Literal(-1), start[3])],
        base + [(URIRef(KG.Official), RDFS.subClassOf, URIRef(KG.Article), label[3])],
        [q for q in base if not (q[1] == RDF.type and "Official" in str(q[2]))],
        # An entity its mentions reach (sh:node) but no type targets, with a second label.
        [q for q in base if not (q[0] == label[0] and q[1] == RDF.type)]
        + [(label[0], SKOS.prefLabel, Literal("another name"), label[3])],
        # Values that would break a shape, on a node no shape targets: conforms.
        base + [(article, SKOS.prefLabel, Literal(""), label[3]), (article, KG.startOffset, Literal("x"), label[3]),
                (article, KG.endOffset, Literal(1), label[3]), (article, KG.startOffset, Literal(2), label[3])],
        # The end of a span at its start (sh:lessThan), and a second start (sh:maxCount).
        [(s, p, start[2] if (s, p) == (start[0], KG.endOffset) else o, g) for s, p, o, g in base],
        base + [(start[0], KG.startOffset, Literal(int(start[2]) + 1), start[3])],
    ]
    rng = random.Random(14)
    for _ in range(25):  # quads taken out at random: every kind of missing piece
        variants.append(rng.sample(base, len(base) - rng.randint(1, 6)))
    for _ in range(10):  # objects swapped at random: wrong kinds, types and values
        objects = [q[2] for q in base]
        variants.append([(s, p, rng.choice(objects) if rng.random() < 0.05 else o, g) for s, p, o, g in base])
    return variants


def test_the_sparql_screen_gives_pyshacls_report_on_every_graph(tmp_path):
    from rdflib import BNode

    from kg.store import open_store
    from kg.validate import _screen, validate_store
    from kg.vocab.iri import graph_iri

    assert _screen() is not None, "the shapes use SHACL that kg.rdf.shapes_sparql does not compile"
    batch = []
    for number, quads in enumerate(_variants()):
        graph = graph_iri(f"v{number:02d}")
        batch.append((f"v{number:02d}", [(s, p, o, graph) for s, p, o, _ in quads]))
    with open_store("oxigraph", path=tmp_path / "store") as store:
        store.replace_articles(batch)
        reference = validate(list(store.quads()))
    result = validate_store(output=tmp_path)
    assert not reference.conforms and reference.violations > 30
    assert (result.conforms, result.violations, result.focus_nodes, result.text) == \
        (reference.conforms, reference.violations, reference.focus_nodes, reference.text)
    # The reports hold the same statements up to blank nodes (rdflib's isomorphism test takes
    # minutes on this many results).
    def shape(report):
        return sorted((str(p), o.n3() if not isinstance(o, BNode) else "_") for _, p, o in report)

    assert len(result.report) == len(reference.report) and shape(result.report) == shape(reference.report)
    # Again, as a new process would: from the verdicts the first run stored.
    import kg.validate

    kg.validate._screen.cache_clear()
    kg.validate._shape_labels.cache_clear()
    kg.validate._load.cache_clear()
    again = validate_store(output=tmp_path)
    assert (again.conforms, again.violations, again.focus_nodes, again.text) == \
        (reference.conforms, reference.violations, reference.focus_nodes, reference.text)
    assert len(again.report) == len(reference.report) and shape(again.report) == shape(reference.report)


def test_the_screen_passes_a_conforming_store(tmp_path):
    from kg.store import open_store
    from kg.validate import validate_store

    with open_store("oxigraph", path=tmp_path / "store") as store:
        store.replace_articles([(sample_extraction().article.id, extraction_to_quads(sample_extraction()))])
        reference = validate(list(store.quads()))
    result = validate_store(output=tmp_path)
    assert result.conforms and reference.conforms
    assert (result.text, result.focus_nodes, len(result.report)) == (reference.text, reference.focus_nodes, len(reference.report))


def test_the_screen_names_graphs_by_their_focus_nodes_values():
    """The screen finds broken values from the values themselves (``shapes_sparql.found``) and
    names a graph only where such a value belongs to a focus node: by a target class, or
    through sh:node alone (an entity typed nowhere that a mention refers to)."""
    import pyoxigraph as ox

    from kg.store.terms import to_ox
    from kg.validate import _screen

    variants = _variants()
    named = {"whole": variants[0], "sh:node": variants[17], "not a focus node": variants[18],
             "lessThan": variants[19], "two starts": variants[20]}
    store = ox.Store()
    for name, quads in named.items():
        graph = ox.NamedNode(f"https://example.org/{name.replace(' ', '-').replace(':', '-')}")
        store.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), graph) for s, p, o, _ in quads)
    screened = {row[0].value.rsplit("/", 1)[1] for query in _screen().queries for row in store.query(query)}
    assert screened == {"sh-node", "lessThan", "two-starts"}
    for name, quads in named.items():
        assert validate(quads).conforms == (name in ("whole", "not a focus node")), name
