"""What a view draws: entities, edges and facts read from a store, and the part chosen."""

from __future__ import annotations

import pytest
from graph_sample import build_sample

from kg.errors import InputError
from kg.store import OxigraphStore
from kg.view.part import find_entities, select_part
from kg.view.scene import kind_of, read_scene, scene_from_triples


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    output = build_sample(tmp_path_factory.mktemp("scene"))
    with OxigraphStore(output / "store") as store:
        return read_scene(store)


def by_label(scene, label):
    return next(n for n in scene.nodes.values() if n.label == label)


def test_entities_are_nodes_of_their_most_specific_kind(scene):
    kinds = {n.label: n.type for n in scene.nodes.values()}
    assert kinds["Ana Ruiz"] == "Official"
    assert kinds["Bureau of Port Safety"] == "Agency"
    assert kinds["Freedonia"] == "Country"
    assert kinds["Port Royal"] == "Place"
    assert kinds["ventilators"] == "Product"
    assert kind_of(["https://schema.org/Person"]) == "Person"
    # One node for Freedonia, named two ways across the two articles.
    freedonia = by_label(scene, "Freedonia")
    assert "Republic of Freedonia" in freedonia.names
    assert freedonia.articles == {"port-safety", "freedonia-aid"}


def test_facts_between_entities_are_named_edges(scene):
    named = {(scene.nodes[e.source].label, e.label, scene.nodes[e.target].label) for e in scene.edges}
    assert ("Ana Ruiz", "deputy director", "Bureau of Port Safety") in named
    assert ("Bureau of Port Safety", "subOrganizationOf", "Ministry of Transport") in named
    assert ("Freedonia", "exports", "ventilators") in named
    assert scene.edges[next(e for e in scene.edges if e.label == "exports")] == {"port-safety", "freedonia-aid"}


def test_each_entity_keeps_its_facts_with_their_sentences(scene):
    ruiz = by_label(scene, "Ana Ruiz").to_json()
    said = next(f for f in ruiz["facts"] if f["predicate"] == "said")
    assert said["value"] == "“Freedonia shipped 1.2 million ventilators last month”"
    assert said["sentence"].startswith("Ana Ruiz, deputy director of the Bureau of Port Safety")
    assert said["article"] == "port-safety" and said["confidence"] == "0.85"
    bureau = by_label(scene, "Bureau of Port Safety").to_json()
    incoming = next(f for f in bureau["facts"] if f["direction"] == "in")
    assert incoming["other"] == "Ana Ruiz" and incoming["role"] == "deputy director"
    value = next(f for f in by_label(scene, "Freedonia").facts if f["predicate"] == "exportValue")
    assert value["value"] == "3500000000 USD"
    port = by_label(scene, "Port Royal").to_json()
    assert all(m["sentence"] not in {f["sentence"] for f in port["facts"]} for m in port["mentions"])


def test_entity_choice_draws_the_neighbourhood(scene):
    assert find_entities(scene, "ana ruiz") == [by_label(scene, "Ana Ruiz").id]
    assert find_entities(scene, "Republic of Freedonia") == [by_label(scene, "Freedonia").id]
    near = select_part(scene, entities=["Ana Ruiz"], depth=1)
    assert {n.label for n in near.nodes.values()} == {"Ana Ruiz", "Bureau of Port Safety", "Freedonia"}
    farther = select_part(scene, entities=["Ana Ruiz"], depth=2)
    assert {"Ministry of Transport", "Port Royal", "ventilators"} <= {n.label for n in farther.nodes.values()}
    assert set(select_part(scene, entities=["Ana Ruiz"], depth=0).nodes) == {by_label(scene, "Ana Ruiz").id}
    with pytest.raises(InputError, match="no entity named"):
        select_part(scene, entities=["Nobody"])


def test_type_article_and_limit_choices(scene):
    agencies = select_part(scene, types=["agency"], depth=0)
    assert {n.type for n in agencies.nodes.values()} == {"Agency"}
    assert len(agencies.edges) == 1  # the bureau under the ministry
    aid = select_part(scene, article="freedonia-aid")
    assert {n.label for n in aid.nodes.values()} == {"Freedonia", "ventilators"}
    assert [e.label for e in aid.edges] == ["exports"]
    top = select_part(scene, limit=2)
    assert len(top.nodes) == 2
    with pytest.raises(InputError, match="unknown entity type"):
        select_part(scene, types=["spaceship"])
    with pytest.raises(InputError, match="no article"):
        select_part(scene, article="missing")


def test_construct_triples_become_a_scene(scene):
    from rdflib import Literal, URIRef

    ruiz = URIRef(by_label(scene, "Ana Ruiz").id)
    other = URIRef("http://example.org/thing")
    part = scene_from_triples([
        (ruiz, URIRef("http://example.org/knows"), other),
        (other, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef("https://schema.org/Country")),
        (other, URIRef("http://example.org/note"), Literal("hello")),
    ], scene)
    assert part.nodes[str(ruiz)].label == "Ana Ruiz" and part.nodes[str(ruiz)].facts
    assert part.nodes[str(other)].type == "Country"
    assert part.nodes[str(other)].facts[0]["value"] == "hello"
    assert [e.label for e in part.edges] == ["knows"]
