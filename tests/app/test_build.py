"""Build orchestration: incremental rebuilds, removal, linking switches, stores.

Most tests replace the NLP step with ``fake_extract``, which reads entities from a tiny line
format ("Agency: Ministry of Commerce / MOFCOM"), so that the build logic is tested in
milliseconds; the tests marked by the ``nlp`` fixture run the real pipeline.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib import Dataset

import kg.build
from conftest_store import oxigraph_server  # noqa: F401  (fixture)
from kg.build import build, build_dataset, remove
from kg.errors import KgError
from kg.model import Article, Entity, EntityType, Extraction, Fact, Predicate
from kg.vocab.iri import graph_iri
from kg.vocab.namespaces import ID, KG, SKOS
from kg.store import OxigraphStore, open_store

FAKE_MODEL = "fake-0.0"


def fake_extraction(article: Article) -> Extraction:
    """Entities from lines ``Type: Label / alias ...``; ``Agency@Country`` adds basedIn."""
    entities: list[Entity] = []
    facts: list[Fact] = []
    for number, line in enumerate(article.text.splitlines()):
        kind, _, names = line.partition(":")
        if not names.strip():
            continue
        kind, _, place = kind.partition("@")
        labels = [n.strip() for n in names.split("/") if n.strip()]
        key = f"e{number}"
        entities.append(Entity(key, EntityType(kind.strip()), labels[0], tuple(labels[1:])))
        if place:
            entities.append(Entity(key + "c", EntityType.COUNTRY, place.strip()))
            facts.append(Fact(key, Predicate.BASED_IN, article.id, line, 0, len(line), object=key + "c"))
    return Extraction(article, tuple(entities), tuple(facts), model=FAKE_MODEL)


def fake_extract(articles: Iterable[Article], **options: object) -> Iterator[Extraction]:
    for article in articles:
        yield fake_extraction(article)


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Article ids of every batch written to an embedded store, in order."""
    calls: list[list[str]] = []
    original = OxigraphStore.replace_articles

    def spy(self, batch):
        calls.append([article_id for article_id, _ in batch])
        return original(self, batch)

    monkeypatch.setattr(OxigraphStore, "replace_articles", spy)
    return calls


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


CORPUS = {
    "a1": "Agency@China: Ministry of Commerce / MOFCOM\nOfficial: Jiang Fan\n",
    "a2": "Agency: China's commerce ministry\nPerson: Jiang Fan\nProduct: face masks\n",
    "a3": "Organization: MOFCOM\nCountry: Kenya\n",
}


def labels(output: Path, node: URIRef) -> set[str]:
    with open_store(None, path=output / "store") as store:
        rows = store.query(f"SELECT DISTINCT ?l WHERE {{ <{node}> <{SKOS.prefLabel}>|<{SKOS.altLabel}> ?l }}").rows
    return {str(row[0]) for row in rows}


def test_rerun_writes_nothing_and_changed_article_replaces_its_graph(tmp_path, writes):
    corpus = write_corpus(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    first = build([corpus], extractor=fake_extract, output=out, batch_size=2)
    assert (first.articles_read, first.articles_written) == (3, 3)
    assert writes == [["a1", "a2"], ["a3"]]
    trig = (out / "graph.trig").read_bytes()
    stamp = (out / "graph.trig").stat().st_mtime_ns

    again = build([corpus], extractor=fake_extract, output=out, batch_size=2)
    assert (again.articles_written, again.articles_unchanged) == (0, 3)
    assert writes == [["a1", "a2"], ["a3"]]  # not one more write
    assert (out / "graph.trig").stat().st_mtime_ns == stamp

    (corpus / "a3.txt").write_text("Organization: MOFCOM\nCountry: Tanzania\n", encoding="utf-8")
    changed = build([corpus], extractor=fake_extract, output=out, batch_size=2)
    assert (changed.articles_written, changed.articles_unchanged) == (1, 2)
    assert writes[-1] == ["a3"]
    after = (out / "graph.trig").read_text(encoding="utf-8")
    assert "Tanzania" in after and "Kenya" not in after
    assert after != trig.decode()


def test_one_node_per_agency_with_every_surface_form(tmp_path):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", CORPUS)], extractor=fake_extract, output=out)
    node = ID["organization/ministry-of-commerce"]
    assert labels(out, node) == {"Ministry of Commerce", "MOFCOM", "China's commerce ministry"}
    assert labels(out, ID["person/jiang-fan"]) == {"Jiang Fan"}
    with open_store(None, path=out / "store") as store:
        why = store.query(
            f"SELECT ?g ?name WHERE {{ GRAPH ?g {{ ?r <{KG.resolvedTo}> <{node}> ; <{KG.matchedName}> ?name }} }}"
        ).rows
        assert sorted((str(g), str(n)) for g, n in why) == [
            (str(graph_iri("a2")), "China's commerce ministry"), (str(graph_iri("a3")), "MOFCOM")]
        assert not store.query(f"ASK {{ <{ID['organization/mofcom']}> ?p ?o }}")


def test_no_link_and_do_not_merge_rebuild_only_the_merged_articles(tmp_path, writes):
    corpus = write_corpus(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    build([corpus], extractor=fake_extract, output=out)
    rules = tmp_path / "rules.txt"
    rules.write_text("MOFCOM | Ministry of Commerce\n", encoding="utf-8")
    undone = build([corpus], extractor=fake_extract, output=out, do_not_merge=rules)
    assert writes[-1] == ["a3"] and undone.articles_unchanged == 2
    assert "MOFCOM" in labels(out, ID["organization/mofcom"])
    assert build([corpus], extractor=fake_extract, output=out, do_not_merge=rules).articles_written == 0  # rules applied once

    unlinked = build([corpus], extractor=fake_extract, output=out, link=False)
    assert writes[-1] == ["a2"] and unlinked.articles_unchanged == 2
    assert labels(out, ID["organization/chinas-commerce-ministry"]) == {"China's commerce ministry"}
    with open_store(None, path=out / "store") as store:
        assert not store.query(f"ASK {{ ?r a <{KG.Resolution}> }}")

    relinked = build([corpus], extractor=fake_extract, output=out, force=True)
    assert relinked.articles_written == 3
    assert labels(out, ID["organization/chinas-commerce-ministry"]) == set()


def test_remove_takes_out_only_what_the_article_alone_held(tmp_path):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", CORPUS)], extractor=fake_extract, output=out)
    assert remove(["a2", "nope"], output=out) == ["nope"]
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert "face mask" not in trig and "China's commerce ministry" not in trig
    assert labels(out, ID["person/jiang-fan"]) == {"Jiang Fan"}  # a1 still names him
    with open_store(None, path=out / "store") as store:
        assert store.article_ids() == ["a1", "a3"]


def test_duplicate_ids_are_reported_and_skipped(tmp_path):
    one = write_corpus(tmp_path / "one", {"a1": CORPUS["a1"]})
    two = write_corpus(tmp_path / "two", {"a1": CORPUS["a2"]})
    report = build([one, two], extractor=fake_extract, output=tmp_path / "out")
    assert (report.articles_written, report.articles_failed) == (1, 1)
    assert "already read" in report.errors[0]


def test_build_dataset_links_across_articles():
    articles = [Article(k, v) for k, v in CORPUS.items()]
    dataset = build_dataset(articles, extractor=fake_extract)
    node = ID["organization/ministry-of-commerce"]
    names = {str(o) for _, _, o, _ in dataset.quads((node, SKOS.altLabel, None, None))}
    assert names == {"MOFCOM", "China's commerce ministry"}
    plain = build_dataset(articles, extractor=fake_extract, link=False)
    assert {str(o) for _, _, o, _ in plain.quads((node, SKOS.altLabel, None, None))} == {"MOFCOM"}


ARTICLES = {
    "trade-ministry": (
        "Jiang Fan, an official with the Ministry of Commerce, said on Monday that exports of "
        "face masks had doubled. China exported 3.86 billion face masks in March.\n"
    ),
    "kenya-tea": "Kenya exported 40,000 tonnes of tea in May, the Tea Board of Kenya said.\n",
}


def test_real_pipeline_to_a_real_oxigraph_server(tmp_path, nlp, oxigraph_server):  # noqa: F811
    corpus = write_corpus(tmp_path / "in", ARTICLES)
    out = tmp_path / "out"
    url = oxigraph_server
    first = build([corpus], output=out, store=url)
    assert first.articles_written == 2 and first.entities > 0
    again = build([corpus], output=out, store=url)
    assert (again.articles_written, again.articles_unchanged) == (0, 2)

    (corpus / "kenya-tea.txt").write_text(ARTICLES["kenya-tea"].replace("May", "June"), encoding="utf-8")
    changed = build([corpus], output=out, store=url)
    assert (changed.articles_written, changed.articles_unchanged) == (1, 1)
    with open_store(url) as store:
        assert store.article_ids() == ["kenya-tea", "trade-ministry"]
        rows = store.query(f"SELECT ?h WHERE {{ GRAPH ?g {{ ?a <{KG.contentHash}> ?h }} }}").rows
        assert len(rows) == 2  # the changed article replaced its graph, nothing doubled
        assert store.query(f'ASK {{ ?e <{SKOS.prefLabel}> "Ministry of Commerce" }}')

    # The files written from the server hold the same graph as the server.
    written = Dataset()
    written.parse(out / "graph.trig", format="trig")
    on_file = {tuple(str(getattr(t, "identifier", t)) for t in quad) for quad in written.quads((None, None, None, None))}
    with open_store(url) as store:
        on_server = {tuple(str(t) for t in quad) for quad in store.quads()}
    assert on_file == on_server
    assert {q[3] for q in on_server} == {str(graph_iri('kenya-tea')), str(graph_iri('trade-ministry'))}

    assert remove(["trade-ministry"], output=out, store=url) == []
    with open_store(url) as store:
        assert store.article_ids() == ["kenya-tea"]
        assert not store.query(f'ASK {{ ?e <{SKOS.prefLabel}> "Ministry of Commerce" }}')


def test_build_streams_in_bounded_batches(tmp_path, monkeypatch):
    produced = 0

    def endless_reader(inputs, *, on_error):
        nonlocal produced
        for i in range(60):
            produced += 1
            yield Article(f"s{i:03d}", f"Agency: Body Number {i}\nProduct: goods {i}\n")

    read_when_written: list[int] = []
    spy = OxigraphStore.replace_articles

    def record(self, batch):
        read_when_written.append(produced)
        return spy(self, batch)

    monkeypatch.setattr(kg.build, "read_articles", endless_reader)
    monkeypatch.setattr(OxigraphStore, "replace_articles", record)
    report = build(["-"], extractor=fake_extract, output=tmp_path / "out", batch_size=5, write_files=False)
    assert report.articles_written == 60 and len(read_when_written) == 12
    # Each batch is written before more than one further article is read.
    assert all(read <= 5 * (n + 1) + 1 for n, read in enumerate(read_when_written))


def test_report_counts_by_kind_ticks_per_article_and_totals_the_graph(tmp_path):
    corpus = write_corpus(tmp_path / "in", CORPUS)
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    out = tmp_path / "out"
    seen: list[int] = []
    stages: list[str] = []
    report = build([corpus], extractor=fake_extract, output=out, batch_size=2, on_article=lambda r: seen.append(kg.build.articles_done(r)),
                   on_stage=stages.append)
    assert seen == [1, 2, 3, 4]  # every article, the skipped file too, before its batch is written
    # Verdicts, files and totals all read the state the store published as it closed.
    assert stages == ["validating the graphs written", "writing graph.ttl, graph.trig", "counting the graph"]
    assert report.entities_by_type == {"Agency": 2, "Country": 2, "Official": 1, "Person": 1, "Product": 1, "Organization": 1}
    assert report.facts_by_predicate == {"basedIn": 1}
    assert report.graph["articles"] == 3 and report.graph["triples"] > 0
    again = build([corpus], extractor=fake_extract, output=out, on_article=lambda r: seen.append(kg.build.articles_done(r)))
    assert again.articles_written == 0 and again.graph == report.graph  # totals on a rebuild too


def test_a_first_build_that_writes_nothing_leaves_no_store(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    report = build([bad], extractor=fake_extract, output=tmp_path / "new")
    assert report.articles_failed == 1 and not (tmp_path / "new").exists()
    existing = tmp_path / "existing"
    existing.mkdir()
    build([bad], extractor=fake_extract, output=existing)
    assert existing.is_dir() and not (existing / "store").exists() and not (existing / "graph.ttl").exists()


def test_a_first_build_that_fails_leaves_no_store(tmp_path):
    def failing(articles):
        raise KgError("the model cannot be loaded")
        yield  # pragma: no cover

    corpus = write_corpus(tmp_path / "in", CORPUS)
    with pytest.raises(KgError):
        build([corpus], extractor=failing, output=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_a_store_written_with_an_older_graph_shape_is_read_again(tmp_path, writes, monkeypatch):
    import kg.model

    corpus = write_corpus(tmp_path / "in", CORPUS)
    out = tmp_path / "out"
    monkeypatch.setattr(kg.model, "GRAPH_SHAPE", "kg-graph-shape-older")
    build([corpus], extractor=fake_extract, output=out, batch_size=2)
    monkeypatch.undo()
    upgraded = build([corpus], extractor=fake_extract, output=out, batch_size=2)
    assert (upgraded.articles_written, upgraded.articles_unchanged) == (3, 0)
