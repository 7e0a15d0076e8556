from __future__ import annotations

from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, Namespace, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg.errors import QueryError
from kg.model import Article, Extraction
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.queries import QUERY_DIR, get_query, named_queries, page
from kg.rdf.statements import to_oxigraph
from rdf_sample import sample_extraction, second_extraction, trade_extraction

REQUIRED = {"officials-and-posts", "organization-hierarchy", "exports", "imports", "trade-flows", "statements",
            "entities-by-type", "article-summary", "high-confidence-facts"}


@pytest.fixture(scope="module")
def quads():
    return (extraction_to_quads(sample_extraction()) + extraction_to_quads(second_extraction())
            + extraction_to_quads(trade_extraction()))


@pytest.fixture(scope="module")
def dataset(quads):
    ds = Dataset(default_union=True)
    ds.addN(quads)
    return ds


@pytest.fixture(scope="module")
def store(quads):
    store = ox.Store()
    store.extend(to_oxigraph(quads))
    return store


def _rows(dataset, name):
    return [[None if v is None else v.toPython() for v in row] for row in dataset.query(get_query(name))]


def test_the_named_queries_are_shipped_with_descriptions():
    queries = named_queries()
    assert REQUIRED <= set(queries)
    assert len(queries) == len(list(QUERY_DIR.glob("*.rq")))
    for name, (description, text) in queries.items():
        assert description and text.startswith("# " + description), name


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_every_query_parses_and_runs_on_rdflib_and_oxigraph(name, dataset, store):
    text = get_query(name)
    prepareQuery(text)
    rdflib_rows = list(dataset.query(text))
    oxigraph_rows = list(store.query(text, use_default_graph_as_union=True))
    assert rdflib_rows, f"{name} found nothing in the sample graph"
    assert len(rdflib_rows) == len(oxigraph_rows)


def test_officials_and_posts(dataset):
    assert _rows(dataset, "officials-and-posts") == [[
        "https://w3id.org/kg-news/id/person/ana-ruiz", "Ana Ruiz", "deputy director",
        "https://w3id.org/kg-news/id/organization/bureau-of-port-safety", "Bureau of Port Safety",
        "port-safety",
    ]]


def test_organization_hierarchy(dataset):
    rows = _rows(dataset, "organization-hierarchy")
    assert [(r[1], r[3], r[4]) for r in rows] == [("Bureau of Port Safety", "Ministry of Transport", 1)]


def test_entities_by_type(dataset):
    counts = {r[0]: r[1] for r in _rows(dataset, "entities-by-type")}
    assert counts == {"Agency": 3, "Country": 2, "Official": 1, "Place": 1, "Product": 2}


def test_statements_and_exports(dataset):
    statements = _rows(dataset, "statements")
    assert {r[1] for r in statements} == {"Ana Ruiz", "Ministry of Transport"}
    exports = _rows(dataset, "exports")
    assert any(r[4] is not None and float(r[4]) == 1.2e6 and r[5] == "units" for r in exports)
    assert any(r[6] is not None and float(r[6]) == 3.5e9 and r[7] == "USD" for r in exports)


def test_imports_and_trade_flows(dataset):
    (goods, value) = _rows(dataset, "imports")
    assert goods[1:6] == ["Sylvania", "https://w3id.org/kg-news/id/product/wheat", "wheat", 40000, "tonnes"]
    assert goods[11:] == ["Freedonia", "March", date(2021, 3, 1), date(2021, 3, 31), False,
                          "https://w3id.org/kg-news/id/organization/sylvanian-customs-office",
                          "Sylvanian customs office"]
    assert value[3] == "wheat" and float(value[6]) == 2.5e9 and value[7] == "USD"
    assert value[12] == "this year" and value[15] is True and value[11] is None
    flows = _rows(dataset, "trade-flows")
    assert {(r[0], r[2], r[6]) for r in flows} == {
        ("export", "Freedonia", None), ("export", "Freedonia", "ventilators"),
        ("import", "Sylvania", "wheat"),
    }
    assert [r[4] for r in flows if r[0] == "import"] == [None, "Freedonia"]  # unbound sorts first


def test_high_confidence_facts_filter_on_confidence(dataset):
    rows = _rows(dataset, "high-confidence-facts")
    assert len(rows) == 3 and all(float(r[3]) >= 0.8 for r in rows)


def test_article_summary(dataset):
    rows = {r[0]: r for r in _rows(dataset, "article-summary")}
    assert rows["port-safety"][1] == "Ventilator shipments rise"
    assert rows["port-safety"][4:] == [6, 10, 9]


def test_unknown_query_is_a_query_error():
    with pytest.raises(QueryError, match="statements"):
        get_query("no-such-query")
    assert get_query("exports.rq") == get_query("exports")


# The join-then-count / label-first forms of the rewritten queries: slow on a large graph, but
# their rows are the specification the rewritten texts in kg/queries/ must reproduce.
PLAIN_FORMS = Path(__file__).resolve().parents[1] / "data" / "queries"


@pytest.fixture(scope="module")
def wider_quads(quads):
    """The sample graph plus an article with no entities, mentions or facts (counts of 0)."""
    bare = Extraction(Article(id="bare-note", text="Nothing happened.", title="A quiet day"))
    # A deeper hierarchy than the sample's: desk < division < bureau (< ministry).
    org, skos, ex = Namespace("http://www.w3.org/ns/org#"), Namespace("http://www.w3.org/2004/02/skos/core#"), \
        Namespace("https://w3id.org/kg-news/id/organization/")
    graph = URIRef("https://w3id.org/kg-news/graph/chain")
    chain = [(ex["desk"], org.subOrganizationOf, ex["division"], graph),
             (ex["division"], org.subOrganizationOf, ex["bureau-of-port-safety"], graph),
             (ex["desk"], skos.prefLabel, Literal("Desk"), graph),
             (ex["division"], skos.prefLabel, Literal("Division"), graph)]
    return quads + extraction_to_quads(bare) + chain


def _plain(rows):
    return [[None if v is None else v.toPython() for v in row] for row in rows]


def _ox_plain(results):
    return [[None if v is None else str(v) for v in row] for row in results]


@pytest.mark.parametrize("name", sorted(p.stem for p in PLAIN_FORMS.glob("*.rq")))
def test_rewritten_queries_give_the_rows_of_their_plain_forms(name, wider_quads):
    plain, fast = (PLAIN_FORMS / f"{name}.rq").read_text(encoding="utf-8"), get_query(name)
    assert plain != fast
    ds = Dataset(default_union=True)
    ds.addN(wider_quads)
    expected = _plain(ds.query(plain))
    assert expected, name
    assert _plain(ds.query(fast)) == expected
    store = ox.Store()
    store.extend(to_oxigraph(wider_quads))
    ox_expected = _ox_plain(store.query(plain, use_default_graph_as_union=True))
    assert _ox_plain(store.query(fast, use_default_graph_as_union=True)) == ox_expected
    assert len(ox_expected) == len(expected)


def test_article_summary_counts_zero_for_an_article_without_entities(wider_quads):
    ds = Dataset(default_union=True)
    ds.addN(wider_quads)
    rows = {r[0]: r for r in _plain(ds.query(get_query("article-summary")))}
    assert rows["bare-note"][1] == "A quiet day" and rows["bare-note"][4:] == [0, 0, 0]


@pytest.mark.parametrize("name", ["statements", "fact-provenance", "entities", "article-summary", "high-confidence-facts"])
def test_a_page_is_the_slice_of_the_full_ordered_result(name, wider_quads):
    store = ox.Store()
    store.extend(to_oxigraph(wider_quads))
    text = get_query(name)
    full = _ox_plain(store.query(text, use_default_graph_as_union=True))
    assert len(full) >= 2, name
    for limit, offset in [(2, 0), (2, 1), (1, len(full) - 1), (5, len(full))]:
        paged = _ox_plain(store.query(page(text, limit=limit, offset=offset), use_default_graph_as_union=True))
        assert paged == full[offset:offset + limit]
    assert page(text) == text
    assert _ox_plain(store.query(page(text, offset=1), use_default_graph_as_union=True)) == full[1:]


def test_paging_works_on_a_query_with_its_own_limit_and_offset(wider_quads):
    store = ox.Store()
    store.extend(to_oxigraph(wider_quads))
    base = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    full = _ox_plain(store.query(base, use_default_graph_as_union=True))
    assert len(full) > 12
    for own, window in [("LIMIT 6", full[:6]), ("OFFSET 3 LIMIT 6", full[3:9]), ("LIMIT 6 OFFSET 3  # six", full[3:9]),
                        ("OFFSET 4", full[4:])]:
        for limit, offset in [(2, 0), (2, 1), (10, 0), (3, 5), (None, 2), (0, 0)]:
            paged = page(f"{base} {own}", limit=limit, offset=offset)
            got = _ox_plain(store.query(paged, use_default_graph_as_union=True))
            expected = window[offset:] if limit is None else window[offset:offset + limit]
            assert got == expected, (own, limit, offset, paged)


def test_an_ask_is_left_whole_and_a_prefix_named_ask_is_no_ask():
    assert page("ASK { ?s ?p ?o }", limit=2) == "ASK { ?s ?p ?o }"
    text = "PREFIX ask: <http://example.org/ask#>\nSELECT ?s WHERE { ?s ask:p ?o }"
    assert page(text, limit=2).endswith("LIMIT 2\n")
    with pytest.raises(QueryError, match="0 or more"):
        page("SELECT ?s WHERE { ?s ?p ?o }", limit=-1)
    prepareQuery(page(get_query("entities"), limit=10, offset=5))


def test_a_page_mark_cuts_the_sub_select_to_the_rows_up_to_the_page():
    text = "SELECT ?s WHERE {\n  { SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s\n    # page\n  }\n}\nORDER BY ?s\n"
    paged = page(text, limit=10, offset=20)
    assert "ORDER BY ?s\nLIMIT 30\n  }" in paged and paged.endswith("LIMIT 10 OFFSET 20\n")
    assert "# page" not in paged and page(text) == text
    assert "LIMIT" not in page(text, offset=5).split("}")[0]  # no limit: the sub-SELECT stays whole


@pytest.mark.parametrize("name", sorted(p.stem for p in PLAIN_FORMS.glob("*.rq") if "# page" in get_query(p.stem)))
def test_pages_of_marked_queries_are_the_pages_of_their_plain_forms(name, wider_quads):
    plain, fast = (PLAIN_FORMS / f"{name}.rq").read_text(encoding="utf-8"), get_query(name)
    ds = Dataset(default_union=True)
    ds.addN(wider_quads)
    store = ox.Store()
    store.extend(to_oxigraph(wider_quads))
    count = len(list(ds.query(plain)))
    assert count >= 2, name
    for limit, offset in [(1, 0), (1, 1), (2, count - 1), (2, count), (count, 0)]:
        expected = _plain(ds.query(page(plain, limit=limit, offset=offset)))
        assert _plain(ds.query(page(fast, limit=limit, offset=offset))) == expected, (limit, offset)
        ox_expected = _ox_plain(store.query(page(plain, limit=limit, offset=offset), use_default_graph_as_union=True))
        assert _ox_plain(store.query(page(fast, limit=limit, offset=offset), use_default_graph_as_union=True)) \
            == ox_expected, (limit, offset)
