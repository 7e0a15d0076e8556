"""kg.vocab.iris: the plain table of namespaces that rdflib's namespaces and the prefixes share."""

from kg.vocab import iris
from kg.vocab.namespaces import GRAPH, ID, KG, SCHEMA, SKOS, WD
from kg.vocab.prefixes import PREFIXES


def test_rdflib_namespaces_are_the_tables():
    assert str(KG) == iris.NAMESPACES["kg"] and str(SCHEMA) == iris.NAMESPACES["schema"]
    assert str(SKOS) == iris.NAMESPACES["skos"] and str(WD) == iris.NAMESPACES["wd"]
    assert str(GRAPH) == iris.NAMESPACES["graph"] and str(ID) == iris.ID


def test_prefixes_are_the_namespaces_then_the_families_of_minted_iris():
    assert list(PREFIXES) == [*iris.NAMESPACES, *iris.ID_FAMILIES]
    assert PREFIXES["person"] == str(ID) + "person/"
