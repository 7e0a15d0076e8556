"""bench.speed.query_ab: both revisions' texts run on one store, rows compared. No timed assertions."""

from __future__ import annotations

import pytest

from bench.speed import query_ab
from kg.rdf.mapping import extraction_to_quads
from kg.store import open_store
from rdf_sample import sample_extraction, second_extraction, trade_extraction


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("ab") / "store"
    with open_store("oxigraph", path=path) as store:
        store.replace_articles([(e.article.id, extraction_to_quads(e))
                                for e in (sample_extraction(), second_extraction(), trade_extraction())])
    return path


def test_the_same_texts_give_the_same_rows_and_other_texts_are_told_apart(store_path, monkeypatch):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in query_ab.QUERY_DIR.glob("*.rq")}
    other = dict(texts)
    # One text that gives other rows (its first row only) and one that does not run.
    other["statements"] = texts["statements"].rstrip() + "\nLIMIT 1\n"
    other["places"] = "SELECT nothing that parses"
    monkeypatch.setattr(query_ab, "texts_at", lambda revision, names: {n: other[n] for n in names})
    report = query_ab.compare(store_path, against="before", runs=1)
    assert set(report) == {f"{name} {part}" for name in texts for part in ("page", "full")}
    assert report["statements full"]["same_rows"] is False and report["statements full"]["rows"] > 1
    assert report["places page"]["same_rows"] is False and report["places page"]["cpu_ms"]["before"] is None
    same = {key for key, entry in report.items() if entry["same_rows"]}
    # More than one statement row: the cut text's first page (one row) differs too.
    assert same == set(report) - {"statements full", "statements page", "places page", "places full"}
    entry = report["fact-provenance page"]
    assert entry["rows"] > 0 and entry["cpu_ms"]["this"] is not None and entry["wall_ms"]["before"] is not None


def test_texts_at_reads_a_revision(tmp_path):
    # HEAD holds every shipped query (the checkout's own history).
    held = query_ab.texts_at("HEAD", ["statements", "no-such-query"])
    assert set(held) <= {"statements"}
    if held:
        assert held["statements"].startswith("# Who said what")


def test_only_the_named_queries_asked_for_are_timed(store_path, monkeypatch):
    monkeypatch.setattr(query_ab, "texts_at", lambda revision, names: {})
    report = query_ab.compare(store_path, against="before", runs=1, only=["statements", "entities"])
    assert set(report) == {f"{name} {part}" for name in ("entities", "statements") for part in ("page", "full")}
