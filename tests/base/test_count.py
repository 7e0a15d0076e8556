"""Counting the articles of the inputs for a progress bar (``kg.io.count``)."""

from __future__ import annotations

import gzip
import json

from kg.io import read_articles
from kg.io.count import count_articles


def test_counts_agree_with_the_readers(tmp_path):
    (tmp_path / "a.txt").write_text("One.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.jsonl").write_text('{"text": "x"}\n\n{"text": "y"}\n{"text": "z"}', encoding="utf-8")
    with gzip.open(sub / "c.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.write('{"text": "x"}\n{"text": "y"}\n')
    (tmp_path / "d.json").write_text(json.dumps({"articles": [{"text": "p"}, {"text": "q"}]}), encoding="utf-8")
    (tmp_path / "e.json").write_text(json.dumps([{"text": "p"}]), encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    skipped = []
    assert count_articles([tmp_path]) == len(list(read_articles([tmp_path], on_error=skipped.append))) == 9
    assert [error.kind for error in skipped] == ["unsupported"]  # notes.md: reported, not counted
    assert count_articles([sub / "b.jsonl", tmp_path / "a.txt"]) == 4


def test_stdin_cannot_be_counted(tmp_path):
    assert count_articles(["-"]) is None
    assert count_articles([tmp_path / "missing.txt"]) == 0
