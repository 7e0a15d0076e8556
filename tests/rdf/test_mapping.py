from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from rdflib import Dataset, Literal, URIRef
from rdflib.compare import isomorphic

from kg.model import Article, Extraction, Fact, Predicate
from kg.vocab.iri import article_iri, graph_iri
from kg.rdf.mapping import date_literal, decimal_literal, extraction_to_quads
from kg.vocab.namespaces import DCTERMS, KG, ORG, OWL, PROV, RDF, SCHEMA, SKOS, XSD
from kg.validate import validate
from rdf_sample import WD_FREEDONIA, sample_extraction, second_extraction


def _graph(quads):
    ds = Dataset()
    ds.addN(quads)
    return ds.graph(quads[0][3])


def test_every_quad_is_in_the_article_graph():
    extraction = sample_extraction()
    quads = extraction_to_quads(extraction)
    assert {q[3] for q in quads} == {graph_iri("port-safety")}
    assert len(quads) == len(set(quads))


def test_article_node():
    extraction = sample_extraction()
    g = _graph(extraction_to_quads(extraction))
    a = article_iri("port-safety")
    assert (a, RDF.type, KG.Article) in g
    assert g.value(a, KG.contentHash) == Literal(extraction.article.content_hash)
    assert g.value(a, DCTERMS.title) == Literal("Ventilator shipments rise")
    assert g.value(a, DCTERMS.date) == Literal("2020-04-06", datatype=XSD.date)
    assert g.value(a, DCTERMS.source) == URIRef("https://news.example.org/port-safety")


def test_entities_are_typed_labelled_and_linked():
    g = _graph(extraction_to_quads(sample_extraction()))
    ruiz = URIRef("https://w3id.org/kg-news/id/person/ana-ruiz")
    assert {KG.Official, SCHEMA.Person} <= set(g.objects(ruiz, RDF.type))
    bureau = URIRef("https://w3id.org/kg-news/id/organization/bureau-of-port-safety")
    assert {KG.Agency, SCHEMA.GovernmentOrganization, ORG.Organization} <= set(g.objects(bureau, RDF.type))
    assert g.value(bureau, SKOS.prefLabel) == Literal("Bureau of Port Safety")
    assert set(g.objects(bureau, SKOS.altLabel)) == {Literal("bureau")}
    country = URIRef("https://w3id.org/kg-news/id/place/Q999001")
    assert (country, OWL.sameAs, URIRef(WD_FREEDONIA)) in g
    assert (country, RDF.type, SCHEMA.Country) in g
    mentions = list(g.subjects(KG.refersTo, country))
    assert len(mentions) == 3
    for m in mentions:
        assert g.value(m, KG.anchorText) == Literal("Freedonia")
        assert g.value(m, PROV.wasDerivedFrom) == article_iri("port-safety")
        start, end = g.value(m, KG.startOffset).toPython(), g.value(m, KG.endOffset).toPython()
        assert sample_extraction().article.text[start:end] == "Freedonia"


def test_facts_carry_provenance():
    extraction = sample_extraction()
    g = _graph(extraction_to_quads(extraction))
    facts = list(g.subjects(RDF.type, KG.Fact))
    assert len(facts) == len(extraction.facts)
    for f in facts:
        assert g.value(f, PROV.wasDerivedFrom) == article_iri("port-safety")
        assert g.value(f, KG.confidence).datatype == XSD.decimal
        assert g.value(f, KG.modelVersion) == Literal("en_core_web_sm-3.8.0")
        assert g.value(f, KG.extractor) is not None
        start, end = g.value(f, KG.startOffset).toPython(), g.value(f, KG.endOffset).toPython()
        assert extraction.article.text[start:end] == str(g.value(f, KG.sentence))
        assert isinstance(f, URIRef) and "/id/fact/" in f
        # The article's identifier on the fact itself, the listings' inline sort key.
        assert g.value(f, KG.articleId) == Literal("port-safety")


_COUNTS = """
PREFIX kg: <https://w3id.org/kg-news/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?a (COUNT(DISTINCT ?e) AS ?entities) (COUNT(DISTINCT ?m) AS ?mentions) (COUNT(DISTINCT ?f) AS ?facts)
WHERE {
  ?a a kg:Article .
  OPTIONAL { ?a kg:mentions ?e }
  OPTIONAL { ?m a kg:Mention ; prov:wasDerivedFrom ?a }
  OPTIONAL { ?f a kg:Fact ; prov:wasDerivedFrom ?a }
} GROUP BY ?a
"""


def test_articles_carry_the_counts_sparql_would_count():
    # An entity named twice under two keys is one node, mentioned once: counted once.
    twice = sample_extraction()
    twice = replace(twice, entities=[*twice.entities, replace(twice.entities[0], key="again")])
    bare = Extraction(Article(id="quiet", text="Nothing happened."))
    for extraction in (sample_extraction(), second_extraction(), twice, bare):
        g = _graph(extraction_to_quads(extraction))
        a = article_iri(extraction.article.id)
        ((_, entities, mentions, facts),) = list(g.query(_COUNTS))
        assert (g.value(a, KG.entityCount), g.value(a, KG.mentionCount), g.value(a, KG.factCount)) \
            == (entities, mentions, facts)
        assert all(g.value(a, p).datatype == XSD.integer for p in (KG.entityCount, KG.mentionCount, KG.factCount))
    g = _graph(extraction_to_quads(sample_extraction()))
    assert g.value(article_iri("port-safety"), KG.factCount).toPython() == len(sample_extraction().facts) > 0
    assert g.value(article_iri("port-safety"), KG.mentionCount).toPython() > 0
    g = _graph(extraction_to_quads(bare))
    assert [g.value(article_iri("quiet"), p).toPython() for p in (KG.entityCount, KG.mentionCount, KG.factCount)] \
        == [0, 0, 0]


def test_post_holding_uses_w3c_org():
    g = _graph(extraction_to_quads(sample_extraction()))
    ruiz = URIRef("https://w3id.org/kg-news/id/person/ana-ruiz")
    bureau = URIRef("https://w3id.org/kg-news/id/organization/bureau-of-port-safety")
    post = g.value(ruiz, ORG.holds)
    assert (post, RDF.type, ORG.Post) in g
    assert g.value(post, ORG.postIn) == bureau
    assert g.value(post, SKOS.prefLabel) == Literal("deputy director")
    assert (ruiz, KG.holdsPostIn, bureau) in g
    holding = g.value(None, KG.post, post)
    assert (holding, RDF.type, KG.PostHolding) in g


def test_roles_written_two_ways_make_one_post_with_one_label():
    base = sample_extraction()
    holding = next(f for f in base.facts if f.predicate is Predicate.HOLDS_POST)
    again = replace(holding, role=holding.role.title(), start=holding.start + 1)  # "Deputy Director"
    extraction = replace(base, facts=(*base.facts, again))
    g = _graph(extraction_to_quads(extraction))
    post = g.value(URIRef("https://w3id.org/kg-news/id/person/ana-ruiz"), ORG.holds)
    assert list(g.objects(post, SKOS.prefLabel)) == [Literal("deputy director")]
    assert validate(extraction_to_quads(extraction)).conforms


def test_office_of_a_country_uses_jurisdiction():
    base = sample_extraction()
    fact = replace(base.facts[0], object="freedonia", role="president")
    extraction = replace(base, facts=(fact,))
    g = _graph(extraction_to_quads(extraction))
    post = g.value(URIRef("https://w3id.org/kg-news/id/person/ana-ruiz"), ORG.holds)
    assert g.value(post, KG.jurisdiction) == URIRef("https://w3id.org/kg-news/id/place/Q999001")
    assert g.value(post, ORG.postIn) is None
    assert validate(extraction_to_quads(extraction)).conforms


def test_exports_and_values_and_statements():
    g = _graph(extraction_to_quads(sample_extraction()))
    flows = set(g.subjects(RDF.type, KG.ExportFlow))
    assert len(flows) == 2
    quantities = [g.value(f, KG.quantity) for f in flows if g.value(f, KG.quantity)]
    assert len(quantities) == 1
    assert g.value(quantities[0], SCHEMA.value) == Literal("1200000.0", datatype=XSD.decimal)
    assert g.value(quantities[0], SCHEMA.unitText) == Literal("units")
    amounts = [g.value(f, KG.value) for f in flows if g.value(f, KG.value)]
    assert g.value(amounts[0], SCHEMA.currency) == Literal("USD")
    assert g.value(amounts[0], SCHEMA.value).toPython() == 3500000000
    statements = set(g.subjects(RDF.type, KG.Statement))
    quotes = {str(g.value(s, KG.quote)) for s in statements}
    assert "Freedonia shipped 1.2 million ventilators last month" in quotes
    ruiz = URIRef("https://w3id.org/kg-news/id/person/ana-ruiz")
    said = [s for s in statements if g.value(s, KG.speaker) == ruiz]
    assert (ruiz, KG.said, said[0]) in g
    assert g.value(said[0], DCTERMS.date) == Literal("2020-04-06", datatype=XSD.date)


def test_a_fact_reifies_its_direct_triple_and_a_statement_is_not_its_own_object():
    g = _graph(extraction_to_quads(sample_extraction()))
    for f in g.subjects(RDF.type, KG.Fact):
        s, p, o = g.value(f, RDF.subject), g.value(f, RDF.predicate), g.value(f, RDF.object)
        if (f, RDF.type, KG.Statement) in g:
            assert o is None and (s, p, f) in g
        else:
            assert o is not None and o != f and (s, p, o) in g
    (flow,) = [f for f in g.subjects(RDF.type, KG.ExportFlow) if g.value(f, KG.value)]
    assert g.value(flow, RDF.object) == g.value(flow, KG.value)


def test_numbers_are_written_exactly():
    base = sample_extraction()
    noisy = 1.07 * 1e9  # 1070000000.0000001 as a float
    exact = Decimal("1070000000")
    values = []
    for amount in (noisy, exact):
        facts = tuple(replace(f, amount=amount) if f.predicate is Predicate.EXPORT_VALUE else f for f in base.facts)
        g = _graph(extraction_to_quads(replace(base, facts=facts)))
        values.append({g.value(v, SCHEMA.value) for v in g.subjects(RDF.type, SCHEMA.MonetaryAmount)})
    assert values[0] == values[1] == {Literal("1070000000.0", datatype=XSD.decimal)}


def test_mapping_is_deterministic():
    assert extraction_to_quads(sample_extraction()) == extraction_to_quads(sample_extraction())


def test_same_content_same_fact_iri_other_content_other_iri():
    a = extraction_to_quads(sample_extraction())
    b = extraction_to_quads(sample_extraction("another-article"))
    facts_a = {q[0] for q in a if q[1] == RDF.type and q[2] == KG.Fact}
    facts_b = {q[0] for q in b if q[1] == RDF.type and q[2] == KG.Fact}
    assert len(facts_a) == len(facts_b) == 9 and not facts_a & facts_b


def test_facts_that_break_their_signature_or_name_unknown_entities_are_dropped():
    base = sample_extraction()
    bad = (
        Fact("ventilator", Predicate.NATIONALITY, base.article.id, "s", 0, 1, object="freedonia"),
        Fact("ruiz", Predicate.HOLDS_POST, base.article.id, "s", 0, 1, object="nobody"),
        Fact("freedonia", Predicate.EXPORT_VALUE, base.article.id, "s", 0, 1),
    )
    quads = extraction_to_quads(replace(base, facts=bad))
    assert not any(q[2] == KG.Fact for q in quads)


def test_two_articles_conform_together():
    quads = extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())
    ds = Dataset()
    ds.addN(quads)
    result = validate(ds)
    assert result.conforms, result.text
    assert result.violations == 0


def test_literal_helpers():
    assert decimal_literal(0.9) == Literal("0.9", datatype=XSD.decimal)
    assert decimal_literal(3.86e9) == Literal("3860000000.0", datatype=XSD.decimal)
    assert decimal_literal(1e22) == Literal("10000000000000000000000.0", datatype=XSD.decimal)
    assert date_literal("2020-04-06T10:00:00Z").datatype == XSD.dateTime
    assert date_literal("April 2020") == Literal("April 2020")


def test_mapping_round_trips_isomorphic_through_turtle():
    from rdflib import Graph

    g = _graph(extraction_to_quads(sample_extraction()))
    back = Graph().parse(data=g.serialize(format="turtle"), format="turtle")
    assert isomorphic(g, back)


def test_integer_literals_are_made_once_and_stay_xsd_integers() -> None:
    from rdflib import Literal
    from rdflib.namespace import XSD

    from kg.rdf.mapping import _integer

    assert _integer(42) == Literal("42", datatype=XSD.integer)
    assert _integer(42) is _integer(42)
    assert _integer(7.0) == Literal("7", datatype=XSD.integer)
