from __future__ import annotations

import networkx as nx

from kg.rdf.graphml import graphml_bytes, to_networkx, write_graphml
from kg.rdf.mapping import extraction_to_quads
from rdf_sample import sample_extraction, second_extraction

RUIZ = "https://w3id.org/kg-news/id/person/ana-ruiz"
BUREAU = "https://w3id.org/kg-news/id/organization/bureau-of-port-safety"
FREEDONIA = "https://w3id.org/kg-news/id/place/Q999001"


def _quads():
    return extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())


def test_entities_are_nodes_and_facts_are_typed_edges():
    g = to_networkx(_quads())
    assert isinstance(g, nx.MultiDiGraph)
    assert g.nodes[RUIZ]["type"] == "Official" and g.nodes[RUIZ]["label"] == "Ana Ruiz"
    assert g.nodes[FREEDONIA]["names"] == "Freedonia | Republic of Freedonia"
    edges = list(g.get_edge_data(RUIZ, BUREAU).values())
    assert [(e["predicate"], e["role"]) for e in edges] == [("holdsPost", "deputy director")]
    exports = [d for _, _, d in g.out_edges(FREEDONIA, data=True) if d["predicate"] == "exports"]
    assert sorted(d.get("quantity", 0.0) for d in exports) == [0.0, 1.2e6]  # two articles, two edges
    assert g.number_of_edges() == 10


def test_statements_and_amounts_become_nodes():
    g = to_networkx(_quads())
    kinds = [d["type"] for _, d in g.nodes(data=True)]
    assert kinds.count("Statement") == 2 and kinds.count("MonetaryAmount") == 1
    said = [v for _, v, d in g.out_edges(RUIZ, data=True) if d["predicate"] == "said"]
    assert g.nodes[said[0]]["label"] == "Freedonia shipped 1.2 million ventilators last month"


def test_graphml_loads_back_with_networkx(tmp_path):
    path = write_graphml(_quads(), tmp_path / "graph.graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    original = to_networkx(_quads())
    assert back.number_of_nodes() == original.number_of_nodes()
    assert back.number_of_edges() == original.number_of_edges()
    assert back.nodes[RUIZ]["type"] == "Official"
    assert any(d.get("role") == "deputy director" for _, _, d in back.edges(data=True))
    assert any(d.get("confidence") == 0.9 for _, _, d in back.edges(data=True))


def test_only_graph_tool_attribute_types():
    g = to_networkx(_quads())
    values = [v for _, d in g.nodes(data=True) for v in d.values()]
    values += [v for _, _, d in g.edges(data=True) for v in d.values()]
    assert values and all(type(v) in (str, int, float, bool) for v in values)


def test_graphml_is_deterministic():
    assert graphml_bytes(_quads()) == graphml_bytes(list(reversed(_quads())))


def test_control_characters_in_names_still_give_wellformed_graphml():
    from dataclasses import replace

    from lxml import etree

    extraction = sample_extraction()
    hostile = "Ana\x00 Ruiz\x07 \x1b[31m"
    entities = tuple(replace(e, label=hostile, names=(hostile,)) if e.key == "ruiz" else e for e in extraction.entities)
    data = graphml_bytes(extraction_to_quads(replace(extraction, entities=entities)))
    root = etree.fromstring(data)  # lxml refuses a NUL or a BEL outright
    assert "Ana Ruiz " in {t.text for t in root.iter() if t.text}
