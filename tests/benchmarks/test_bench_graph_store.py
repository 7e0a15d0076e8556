"""bench.speed.graph_store builds the query benchmark's corpus into the folder it is given."""

from __future__ import annotations

from types import SimpleNamespace

import bench.speed.graph_store as graph_store
from kg.model import Article


def test_the_benchmarks_corpus_is_built_into_the_folder(tmp_path, monkeypatch, capsys):
    asked, built = {}, {}

    def load(name, *, limit):
        asked.update(name=name, limit=limit)
        return SimpleNamespace(articles=(Article(id="a", text="One."), Article(id="b", text="Two.")))

    def measured_build(inputs, output):
        built.update(inputs=inputs, output=output)
        return {"report": {"graph": {"triples": 1234}}, "wall_seconds": 3.0}

    monkeypatch.setattr(graph_store, "load", load)
    monkeypatch.setattr(graph_store, "measured_build", measured_build)
    graph_store.main([str(tmp_path), "--articles", "2"])
    assert asked == {"name": graph_store.GRAPH_CORPUS, "limit": 2}
    assert built == {"inputs": [tmp_path / "articles.jsonl"], "output": tmp_path / "output"}
    assert (tmp_path / "articles.jsonl").read_text(encoding="utf-8").count("\n") == 2
    assert f"store at {tmp_path / 'output' / 'store'}" in capsys.readouterr().out
