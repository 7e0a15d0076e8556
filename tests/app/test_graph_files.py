"""Graph files follow the store: stale files are rewritten, failed writes say so, scratch goes."""

from __future__ import annotations

import json

import pytest

import kg.build
from kg.build import build
from kg.errors import OutputError
from kg.export import export
from kg.graph_files import STAMP, check_files, clean_scratch, refresh_graph_files
from kg.store import open_store
from test_build import fake_extract, write_corpus

THREE = {f"g{i}": f"Agency: Office of Trade {i}\nPerson: Official Number{i}\n" for i in range(3)}
FOUR = {**THREE, "g3": "Country: Kenya\nAgency: Tea Board of Kenya\n"}


@pytest.fixture(autouse=True)
def fake_nlp(monkeypatch):
    monkeypatch.setattr(kg.build, "extract_stream", fake_extract)


def state(output):
    with open_store(None, path=output / "store", read_only=True) as store:
        return store.state_token


def test_files_carry_a_stamp_of_the_state_they_show(tmp_path):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", THREE)], output=out)
    stamp = json.loads((out / STAMP).read_text())
    assert stamp["state"] == state(out)
    assert stamp["files"]["graph.ttl"]["bytes"] == (out / "graph.ttl").stat().st_size
    assert check_files(out, state(out), hashes=True).fresh
    assert refresh_graph_files(out) == []  # nothing to do


def test_files_another_process_overwrote_are_rewritten_by_the_next_build(tmp_path):
    three, four = write_corpus(tmp_path / "three", THREE), write_corpus(tmp_path / "four", FOUR)
    out = tmp_path / "out"
    build([three], output=out)
    expected = (out / "graph.trig").read_bytes()
    build([four], output=out, store="memory")  # same folder, another store: four articles in the files
    assert b"Kenya" in (out / "graph.trig").read_bytes()
    report = build([three], output=out)
    assert report.articles_unchanged == 3 and report.articles_written == 0
    assert (out / "graph.trig").read_bytes() == expected


def test_a_failed_write_is_an_error_and_the_next_build_writes_the_files(tmp_path):
    corpus = write_corpus(tmp_path / "in", THREE)
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.trig").mkdir()  # something in the way: the file cannot be put there
    with pytest.raises(OutputError, match="cannot write the graph files.*kg repair"):
        build([corpus], output=out)
    assert not (out / STAMP).exists()
    (out / "graph.trig").rmdir()
    report = build([corpus], output=out)
    assert report.articles_unchanged == 3
    assert check_files(out, state(out), hashes=True).fresh


def test_export_rewrites_stale_files_on_the_way(tmp_path):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", THREE)], output=out)
    expected = (out / "graph.ttl").read_bytes()
    (out / "graph.ttl").write_bytes(b"# truncated\n")
    export("nt", tmp_path / "graph.nt", output=out)
    assert (out / "graph.ttl").read_bytes() == expected


def test_scratch_of_killed_writers_is_removed_by_the_next_run(tmp_path):
    out = tmp_path / "out"
    corpus = write_corpus(tmp_path / "in", THREE)
    build([corpus], output=out)
    (out / ".kg-sort.abc123").mkdir()
    (out / ".kg-sort.abc123" / "run-0.txt").write_text("x\n")
    (out / ".graph.trig.xyz.tmp").write_text("half")
    (out / f".{STAMP}.q1.tmp").write_text("{")
    (out / "notes.txt").write_text("mine")
    build([corpus], output=out)
    assert sorted(p.name for p in out.iterdir()) == [".graph-files.lock", STAMP, "graph.trig", "graph.ttl",
                                                     "notes.txt", "store"]
    assert clean_scratch(out) == []


def test_a_stamp_for_another_state_is_stale(tmp_path):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", THREE)], output=out)
    check = check_files(out, "another-state")
    assert not check.fresh and "another state" in check.problems[0]
    assert not check_files(out, None).fresh  # a store being written matches no files


def test_the_graphs_a_build_wrote_go_into_the_files_from_their_dumps_in_hand(tmp_path, monkeypatch):
    from kg.store.graph_texts import GraphTexts
    from kg.vocab.iri import graph_iri
    from test_build import CORPUS

    given = []
    original = GraphTexts.get

    def get(self, graph):
        data = original(self, graph)
        if data is not None:
            given.append(graph)
        return data

    monkeypatch.setattr(GraphTexts, "get", get)
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", dict(list(CORPUS.items())[:2]))], extractor=fake_extract, output=out)
    build([write_corpus(tmp_path / "in2", CORPUS)], extractor=fake_extract, output=out)  # the rest, in hand
    assert str(graph_iri("a3")) in given  # a1, a2 as well when linking rewrote them
    files = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}
    assert refresh_graph_files(out, force=True)  # every graph read back from the store
    assert files == {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.trig")}
