"""The whole-corpus run's ``kg validate`` step, on a store small enough for a test."""

from __future__ import annotations

from bench.speed.scale_run import run_validate
from kg.store import open_store
from kg.vocab.iri import graph_iri
from kg.vocab.namespaces import KG
from kg.workspace import store_path


def test_validate_runs_as_a_user_runs_it_and_reports_what_does_not_conform(tmp_path):
    out = tmp_path / "out"
    with open_store("oxigraph", path=store_path(out)) as store:  # an article with nothing said of it
        store.update(f"INSERT DATA {{ GRAPH {graph_iri('bare').n3()} {{ <https://example.org/bare> a {KG.Article.n3()} }} }}")
    result = run_validate(out, runs=2)
    assert result["runs"] == 2 and result["seconds"] > 0 and result["cpu_seconds"] > 0
    assert not result["conforms"] and result["violations"] >= 1


def _fake_shared(tmp_path, monkeypatch):
    """A shared folder with two BBC articles and Reuters records of every split."""
    import gzip
    import json

    bbc = tmp_path / "datasets" / "bbc"
    bbc.mkdir(parents=True)
    stories = [{"id": "world/001", "title": "Tin", "text": "Ruritania sold tin to Borduria."},
               {"id": "world/002", "title": "Tea", "text": "Borduria bought tea from Syldavia."}]
    (bbc / "bbc_fulltext.jsonl").write_text("".join(json.dumps(s) + "\n" for s in stories), encoding="utf-8")
    reuters = tmp_path / "datasets" / "reuters21578"
    reuters.mkdir(parents=True)
    records = [
        {"newid": 11, "lewissplit": "TRAIN", "body": "Syldavia shipped 4 tonnes of zinc.", "date": "4-MAR-1987 09:00:00.00"},
        {"newid": 12, "lewissplit": "TEST", "body": "A measured story the build never sees.", "date": "4-MAR-1987 09:00:00.00"},
        {"newid": 13, "lewissplit": "NOT-USED", "body": "Nor this one.", "date": "4-MAR-1987 09:00:00.00"},
    ]
    with gzip.open(reuters / "reuters21578.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    monkeypatch.setenv("KG_BENCH_SHARED", str(tmp_path))


def _ids(path):
    from kg.io import read_articles

    return [a.id for a in read_articles([path])]


def test_scale_inputs_read_train_records_only(tmp_path, monkeypatch):
    from bench.speed.scale_run import scale_inputs

    _fake_shared(tmp_path, monkeypatch)
    path, corpus = scale_inputs(None, tmp_path / "all.jsonl")
    assert _ids(path) == ["world-001", "world-002", "reuters-11"]
    assert "TRAIN (3 articles)" in corpus and "replica" not in corpus
    path, corpus = scale_inputs(2, tmp_path / "two.jsonl")
    assert _ids(path) == ["world-001", "world-002"] and "first 2" in corpus


def test_scale_inputs_beyond_the_corpus_replicate_with_new_ids(tmp_path, monkeypatch):
    from bench.speed.scale_run import scale_inputs

    _fake_shared(tmp_path, monkeypatch)
    path, corpus = scale_inputs(7, tmp_path / "seven.jsonl")
    ids = _ids(path)
    assert len(ids) == 7 and len(set(ids)) == 7
    assert not any(i.startswith(("reuters-12", "reuters-13")) for i in ids)
    assert "replicated to 7" in corpus and "4 replicas" in corpus
