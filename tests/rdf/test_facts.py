from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from rdflib import Dataset

from kg.model import Predicate
from kg.rdf.facts import facts_document
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.serialize import serialize
from kg.rdf.statements import from_oxigraph, to_oxigraph
from rdf_sample import WD_FREEDONIA, sample_extraction, second_extraction, trade_extraction

RUIZ = "https://w3id.org/kg-news/id/person/ana-ruiz"
BUREAU = "https://w3id.org/kg-news/id/organization/bureau-of-port-safety"
FREEDONIA = "https://w3id.org/kg-news/id/place/Q999001"
FACT_KEYS = {"s", "p", "o", "role", "quantity", "unit", "amount", "currency", "quote", "partner",
             "period", "period_start", "period_end", "forecast", "source",
             "article", "sentence", "start", "end", "confidence"}


def _document():
    return facts_document(extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction()))


def test_shape_of_the_document():
    doc = _document()
    assert set(doc) == {"articles", "entities", "facts"}
    assert doc["articles"] == [
        {"id": "freedonia-aid", "title": None, "published": None},
        {"id": "port-safety", "title": "Ventilator shipments rise", "published": "2020-04-06"},
    ]
    for entity in doc["entities"]:
        assert set(entity) == {"iri", "type", "label", "names", "same_as", "mentions"}
        assert entity["names"][0] == entity["label"]
        for mention in entity["mentions"]:
            assert set(mention) == {"article", "start", "end", "text", "sentence"}
    for fact in doc["facts"]:
        assert set(fact) <= FACT_KEYS
        assert {"s", "p", "article", "sentence", "start", "end", "confidence"} <= set(fact)
    json.dumps(doc)  # plain JSON


def test_entities_are_typed_by_their_most_specific_class():
    types = {e["iri"]: e["type"] for e in _document()["entities"]}
    assert types[RUIZ] == "Official"
    assert types[BUREAU] == "Agency"
    assert types[FREEDONIA] == "Country"
    assert types["https://w3id.org/kg-news/id/place/port-royal"] == "Place"
    assert types["https://w3id.org/kg-news/id/product/ventilators"] == "Product"


def test_entity_across_articles_is_merged():
    doc = _document()
    freedonia = [e for e in doc["entities"] if e["iri"] == FREEDONIA]
    assert len(freedonia) == 1
    entity = freedonia[0]
    assert entity["label"] == "Freedonia"
    assert entity["names"] == ["Freedonia", "Republic of Freedonia"]
    assert entity["same_as"] == [WD_FREEDONIA]
    assert [(m["article"], m["start"]) for m in entity["mentions"]] == [
        ("freedonia-aid", 0), ("freedonia-aid", 26), ("port-safety", 108), ("port-safety", 162),
        ("port-safety", 286),
    ]


def test_facts_and_qualifiers_read_back():
    facts = _document()["facts"]
    by_p: dict[str, list[dict]] = {}
    for fact in facts:
        by_p.setdefault(fact["p"], []).append(fact)
    assert len(facts) == 10
    post = by_p["holdsPost"][0]
    assert (post["s"], post["o"], post["role"], post["confidence"]) == (RUIZ, BUREAU, "deputy director", 0.9)
    assert post["sentence"].startswith("Ana Ruiz, deputy director")
    assert (post["article"], post["start"], post["end"]) == ("port-safety", 0, 161)
    exports = sorted(by_p["exports"], key=lambda f: f["article"])
    assert "quantity" not in exports[0]  # freedonia-aid names no quantity
    assert (exports[1]["quantity"], exports[1]["unit"]) == (1.2e6, "units")
    value = by_p["exportValue"][0]
    assert (value["s"], value["amount"], value["currency"]) == (FREEDONIA, 3.5e9, "USD")
    assert "o" not in value
    quotes = {f["quote"] for f in by_p["said"]}
    assert "Freedonia shipped 1.2 million ventilators last month" in quotes
    assert all("o" not in f for f in by_p["said"])
    assert {f["p"] for f in facts} == {"holdsPost", "subOrganizationOf", "basedIn", "locatedIn",
                                       "nationality", "exports", "exportValue", "said"}


def test_same_document_from_a_dataset_and_from_a_serialization():
    quads = extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())
    ds = Dataset()
    ds.addN(quads)
    expected = facts_document(quads)
    assert facts_document(ds) == expected
    back = Dataset().parse(data=serialize(quads, format="trig"), format="trig")
    assert facts_document(back) == expected
    assert facts_document(from_oxigraph(to_oxigraph(quads))) == expected
    import pyoxigraph as ox

    store = ox.Store()
    store.extend(to_oxigraph(quads))
    assert facts_document(store) == expected  # decimals normalized by the store read the same


def test_document_does_not_depend_on_quad_order():
    quads = extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())
    assert facts_document(list(reversed(quads))) == facts_document(quads)


def test_with_iris_names_each_fact_node():
    doc = facts_document(extraction_to_quads(sample_extraction()), with_iris=True)
    assert all(f["iri"].startswith("https://w3id.org/kg-news/id/fact/") for f in doc["facts"])
    assert len({f["iri"] for f in doc["facts"]}) == len(doc["facts"])


def _trade_extraction():
    base = sample_extraction()
    facts = []
    for f in base.facts:
        if f.predicate is Predicate.EXPORTS:
            f = replace(f, partner="port-royal", period="last month", period_start="2020-03-01",
                        period_end="2020-03-31", source="bureau")
        elif f.predicate is Predicate.EXPORT_VALUE:
            f = replace(f, object="ventilator", amount=Decimal("3.5E9"), period="this year", forecast=True)
        facts.append(f)
    return replace(base, facts=tuple(facts))


def test_trade_qualifiers_read_back():
    from kg.validate import validate

    quads = extraction_to_quads(_trade_extraction())
    ds = Dataset()
    ds.addN(quads)
    assert validate(ds).conforms
    facts = {f["p"]: f for f in facts_document(quads)["facts"] if f["p"] in ("exports", "exportValue")}
    goods, value = facts["exports"], facts["exportValue"]
    assert goods["partner"] == "https://w3id.org/kg-news/id/place/port-royal"
    assert (goods["period"], goods["period_start"], goods["period_end"]) == ("last month", "2020-03-01", "2020-03-31")
    assert goods["forecast"] is False
    assert goods["source"] == BUREAU
    assert value["o"] == "https://w3id.org/kg-news/id/product/ventilators"
    assert (value["amount"], value["period"], value["forecast"]) == (3.5e9, "this year", True)
    assert "partner" not in value and "source" not in value


def test_a_flow_for_another_period_is_another_fact():
    base = _trade_extraction()
    (goods,) = [f for f in base.facts if f.predicate is Predicate.EXPORTS]
    again = replace(goods, period="last year", period_start=None, period_end=None)
    doc = facts_document(extraction_to_quads(replace(base, facts=(*base.facts, again))))
    periods = [f["period"] for f in doc["facts"] if f["p"] == "exports"]
    assert periods == ["last month", "last year"]
    quads = extraction_to_quads(replace(base, facts=(again, *base.facts)))
    assert facts_document(quads) == doc  # in one order, whatever the input's


def test_imports_map_validate_and_read_back():
    from kg.validate import validate

    quads = extraction_to_quads(trade_extraction())
    ds = Dataset()
    ds.addN(quads)
    assert validate(ds).conforms
    facts = {f["p"]: f for f in facts_document(quads)["facts"]}
    assert set(facts) == {"imports", "importValue"}
    goods, value = facts["imports"], facts["importValue"]
    assert (goods["s"], goods["o"], goods["quantity"], goods["unit"]) == (
        "https://w3id.org/kg-news/id/place/sylvania", "https://w3id.org/kg-news/id/product/wheat", 40000.0, "tonnes")
    assert (goods["partner"], goods["period"], goods["forecast"]) == (FREEDONIA, "March", False)
    assert (value["o"], value["amount"], value["currency"], value["forecast"]) == (
        "https://w3id.org/kg-news/id/product/wheat", 2.5e9, "USD", True)
