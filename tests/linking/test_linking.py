"""Cross-article entity resolution on hand-built extractions (no model needed)."""

from __future__ import annotations

from rdflib import Literal, URIRef

from kg.linking import AliasIndex, base_key, name_keys, read_do_not_merge, resolution_quads, resolve
from kg.model import Article, Entity, EntityType, Extraction, Fact, Predicate
from kg.vocab.iri import entity_iri, graph_iri
from kg.rdf.mapping import extraction_to_quads
from kg.vocab.namespaces import ID, KG, SKOS
from kg.store import open_store

A, O, C, P, OFF, PER, PROD = (EntityType.AGENCY, EntityType.ORGANIZATION, EntityType.COUNTRY, EntityType.PLACE,
                              EntityType.OFFICIAL, EntityType.PERSON, EntityType.PRODUCT)


def extraction(article_id: str, *entities: Entity, based_in: tuple[str, str] | None = None) -> Extraction:
    facts = ()
    if based_in:
        facts = (Fact(based_in[0], Predicate.BASED_IN, article_id, "s.", 0, 2, object=based_in[1]),)
    return Extraction(Article(article_id, f"text of {article_id}"), entities, facts, model="test")


def iris(result: Extraction) -> dict[str, str]:
    return {e.key: str(entity_iri(e)) for e in result.entities}


def test_keys_normalize_case_articles_dots_possessives_and_of_phrases():
    assert name_keys("the Ministry of Commerce", "organization") == ["ministry of commerce", "commerce ministry"]
    assert name_keys("China's commerce ministry", "organization") == ["china commerce ministry"]
    assert "china commerce ministry" in name_keys("Ministry of Commerce", "organization", qualifiers=["China"])
    assert name_keys("U.S.", "place") == ["us"] and base_key("U.S.") == base_key("US")
    assert name_keys("Mr. Jiang Fan", "person") == ["jiang fan"]
    assert name_keys("Jiang", "person") == []  # a surname alone never joins two articles
    assert name_keys("face masks", "product") == name_keys("face mask", "product")
    assert name_keys("measles", "disease") == []  # only people, organizations, places, products link


def test_one_agency_under_every_surface_form_across_three_articles():
    index = AliasIndex()
    first, records = resolve(extraction(
        "a1", Entity("m", A, "Ministry of Commerce", ("MOFCOM",)), Entity("c", C, "China"), based_in=("m", "c"),
    ), index)
    assert records == []
    node = iris(first)["m"]
    second, records2 = resolve(extraction("a2", Entity("x", A, "China's commerce ministry")), index)
    third, records3 = resolve(extraction("a3", Entity("y", O, "MOFCOM")), index)
    assert iris(second)["x"] == node and iris(third)["y"] == node
    assert [(r.name, r.key) for r in records2] == [("China's commerce ministry", "china commerce ministry")]
    assert records3[0].unresolved == str(ID["organization/mofcom"]) and records3[0].target == node
    # The node keeps one canonical label; the other surface forms become alternative labels.
    linked = second.entities[0]
    assert linked.label == "Ministry of Commerce" and linked.names == ("China's commerce ministry",)
    quads = extraction_to_quads(second) + resolution_quads("a2", records2)
    g = graph_iri("a2")
    assert (URIRef(node), SKOS.prefLabel, Literal("Ministry of Commerce"), g) in quads
    assert (URIRef(node), SKOS.altLabel, Literal("China's commerce ministry"), g) in quads
    explained = {(p, o) for s, p, o, _ in quads if (s, URIRef(str(KG.resolvedTo)), URIRef(node), g) in quads}
    assert (KG.matchedName, Literal("China's commerce ministry")) in explained
    assert (KG.unresolvedIri, ID["organization/chinas-commerce-ministry"]) in explained


def test_merges_stay_within_a_family():
    index = AliasIndex()
    resolve(extraction("a1", Entity("p", PER, "Jordan Lee"), Entity("g", A, "Georgia Ports Authority")), index)
    # An Official meets the Person of the same name; an agency with a person's name does not.
    result, records = resolve(extraction(
        "a2", Entity("o", OFF, "Mr Jordan Lee"), Entity("q", A, "Jordan Lee"), Entity("pl", P, "Georgia"),
    ), index)
    found = iris(result)
    assert found["o"] == str(ID["person/jordan-lee"])
    assert found["q"] == str(ID["organization/jordan-lee"])
    assert found["pl"] == str(ID["place/georgia"])
    assert [r.entity for r in records] == ["o"]
    # Country ~ Place: the same place family.
    later, _ = resolve(extraction("a3", Entity("c", C, "georgia")), index)
    assert iris(later)["c"] == str(ID["place/georgia"]) and later.entities[0].label == "Georgia"


def test_a_key_two_nodes_claim_links_nothing():
    index = AliasIndex()
    resolve(extraction("a1", Entity("a", A, "Ministry of Health", ("MOH",))), index)
    resolve(extraction("a2", Entity("b", A, "Ministry of Housing", ("MOH",))), index)
    result, records = resolve(extraction("a3", Entity("c", A, "MOH")), index)
    assert records == [] and iris(result)["c"] == str(ID["organization/moh"])


def test_do_not_merge_rules(tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text("# never these two\nMOFCOM | Ministry of Commerce\nCommerce\n", encoding="utf-8")
    names, pairs = read_do_not_merge(rules)
    index = AliasIndex(blocked_names=names, blocked_pairs=pairs)
    resolve(extraction("a1", Entity("m", A, "Ministry of Commerce")), index)
    result, records = resolve(extraction("a2", Entity("x", O, "MOFCOM"), Entity("y", A, "commerce ministry")), index)
    assert iris(result)["x"] == str(ID["organization/mofcom"])
    assert iris(result)["y"] == str(ID["organization/ministry-of-commerce"])  # not blocked
    assert [r.entity for r in records] == ["y"]


def test_same_input_order_same_result_and_store_index_equals_memory_index():
    articles = [
        extraction("a1", Entity("m", A, "Ministry of Commerce", ("MOFCOM",)), Entity("c", C, "China"),
                   Entity("j", OFF, "Jiang Fan"), based_in=("m", "c")),
        extraction("a2", Entity("x", A, "China's commerce ministry"), Entity("k", PER, "Jiang Fan")),
        extraction("a3", Entity("y", O, "MOFCOM"), Entity("mask", PROD, "face masks")),
        extraction("a4", Entity("z", PROD, "Face mask"), Entity("c", C, "the People's Republic of China")),
    ]
    runs = []
    for _ in range(2):
        index = AliasIndex()
        runs.append([resolve(x, index) for x in articles])
    assert runs[0] == runs[1]

    # Resume after the first two articles: the index read from the store links the rest
    # exactly as the index kept in memory did.
    with open_store("memory") as store:
        for linked, records in runs[0][:2]:
            store.replace_article(linked.article.id, extraction_to_quads(linked) + resolution_quads(linked.article.id, records))
        index = AliasIndex.from_store(store)
        resumed = [resolve(x, index) for x in articles[2:]]
    assert resumed == runs[0][2:]


def test_linked_graphs_conform_to_the_shapes():
    from kg.validate import validate

    index = AliasIndex()
    quads = []
    for x in (extraction("a1", Entity("m", A, "Ministry of Commerce")), extraction("a2", Entity("x", O, "the Ministry of Commerce"))):
        linked, records = resolve(x, index)
        quads += extraction_to_quads(linked) + resolution_quads(x.article.id, records)
    result = validate(quads)
    assert result.conforms, result.text


def test_demonyms_possessives_and_of_phrases_meet_and_countries_keep_bodies_apart():
    assert name_keys("Kenyan agriculture ministry", "organization") == ["kenya agriculture ministry"]
    assert "kenya agriculture ministry" in name_keys("Ministry of Agriculture", "organization", qualifiers=["Kenya"])
    index = AliasIndex()
    first, _ = resolve(extraction(
        "k1", Entity("m", A, "Ministry of Agriculture"), Entity("c", C, "Kenya"), based_in=("m", "c")), index)
    node = iris(first)["m"]
    second, records = resolve(extraction("k2", Entity("x", A, "Kenyan agriculture ministry", ("Kenya's agriculture ministry",))), index)
    third, _ = resolve(extraction("k3", Entity("y", A, "Kenyan Ministry of Agriculture")), index)
    assert iris(second)["x"] == iris(third)["y"] == node
    assert records[0].key == "kenya agriculture ministry"
    # India's ministry of the same name is another body, and after it the bare name links nothing.
    india, _ = resolve(extraction(
        "i1", Entity("m", A, "Ministry of Agriculture"), Entity("c", C, "India"), based_in=("m", "c")), index)
    assert iris(india)["m"] == str(ID["organization/india-ministry-of-agriculture"])
    again, why = resolve(extraction(
        "i2", Entity("m", A, "Indian Ministry of Agriculture")), index)
    assert iris(again)["m"] == iris(india)["m"] and why[0].target == iris(india)["m"]
