from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.nlp.datafiles import load, rule_data, rule_words


def test_one_loader_reads_every_format(tmp_path) -> None:
    (tmp_path / "words.txt").write_text("# a comment\nAlpha\n\n  # indented comment\n beta \n", encoding="utf-8")
    (tmp_path / "rows.tsv").write_text("# header comment\nname\ttype\nWHO\tOrganization\n", encoding="utf-8")
    (tmp_path / "table.json").write_text(json.dumps({"verbs": ["Say"]}), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text('# note\n{"id": 1}\n\n{"id": 2}\n', encoding="utf-8")
    assert load(str(tmp_path / "words.txt")) == ("Alpha", "beta")
    assert load(str(tmp_path / "rows.tsv")) == ({"name": "WHO", "type": "Organization"},)
    assert load(str(tmp_path / "table.json")) == {"verbs": ["Say"]}
    assert load(str(tmp_path / "lines.jsonl")) == ({"id": 1}, {"id": 2})


def test_packaged_files_come_first_and_relation_tables_are_read_through_it() -> None:
    assert "minister" in load("titles.txt")
    assert rule_data("speech") is load("relations/speech.json")
    assert "say" in rule_words("speech", "verbs")


def test_a_missing_lexicon_is_named() -> None:
    with pytest.raises(KgError, match="nowhere.txt"):
        load("nowhere.txt")


def test_a_key_given_twice_is_named(tmp_path) -> None:
    # json.loads would keep the second list silently, shadowing the first
    (tmp_path / "twice.json").write_text('{"flows": {"nouns": ["a"], "verbs": [], "nouns": ["b"]}}', encoding="utf-8")
    with pytest.raises(KgError, match="'nouns' twice"):
        load(str(tmp_path / "twice.json"))


def test_every_packaged_rule_table_loads() -> None:
    for name in ("currencies", "dates", "numbers", "periods", "places", "posts", "speech", "tables", "trade"):
        assert rule_data(name)
