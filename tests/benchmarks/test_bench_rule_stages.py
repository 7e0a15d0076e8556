"""bench.speed.rule_stages on two short stories of its own. No timed assertions: figures are not checked."""

from __future__ import annotations

import json

import pytest

import kg.nlp.extract as extraction
import kg.nlp.relations as relations
from bench.speed import rule_stages
from kg.model import Article
from kg.nlp.resolve import resolve_mentions

STORIES = (
    Article(id="stages-1", published="1987-03-10", text=(
        "Maria Lindqvist, the finance minister of Sweden, said on Tuesday that exports of paper "
        "rose to 4.2 billion crowns in January. The Swedish Trade Council expects growth to slow.")),
    Article(id="stages-2", published="1987-03-11", text=(
        "Harbor Freight Lines Inc said it won a contract worth 12 mln dlrs from the city of Oslo. "
        "Its chief executive, Tom Berge, said Norway imported more steel from Japan last year.")),
)


@pytest.fixture(scope="module")
def result(nlp):
    return rule_stages.measure(STORIES, passes=2, calls=True)


def test_every_stage_extract_facts_calls_is_timed():
    stages = rule_stages.stage_functions()
    assert next(iter(stages)) == "resolve_mentions"
    assert {m.__name__.rsplit(".", 1)[1] for m in relations._MODULES} <= set(stages)
    assert {"tables.outside", "places.chained", "contracts", "learned_figures"} <= set(stages)


def test_each_stage_has_a_time_and_counts_and_the_functions_are_put_back(result):
    names = set(rule_stages.stage_functions())
    assert set(result["ms_per_article"]) == names | {rule_stages.WHOLE, rule_stages.OTHER}
    assert all(value >= 0 for value in result["ms_per_article"].values())
    assert len(result["whole_per_pass"]) == 2 and result["articles"] == 2
    assert set(result["calls_per_article"]) == names
    assert result["calls_per_article"]["resolve_mentions"]["calls"] > 0
    # the timers are gone: a later extraction runs the rules themselves
    assert extraction.resolve_mentions is resolve_mentions
    assert not hasattr(relations.flows.extract, "__wrapped__")


def test_the_table_names_every_stage_and_ends_with_the_whole(result):
    lines = rule_stages.table(result).splitlines()
    assert lines[-1].startswith(f"| {rule_stages.WHOLE} |")
    assert len(lines) == 2 + len(result["ms_per_article"])


def test_without_the_corpus_it_says_so_and_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KG_BENCH_SHARED", str(tmp_path / "absent"))
    assert rule_stages.main(["--results", str(tmp_path / "results")]) == 0
    assert "skipped: the BBC corpus is absent" in capsys.readouterr().out
    assert not (tmp_path / "results").exists()


def test_results_are_written_as_json_and_markdown(result, tmp_path):
    recorded = {**result, "command": "python -m bench.speed.rule_stages", "load": (0.5, 0.6),
                "corpus": {"name": "two stories"}}
    rule_stages.write(recorded, tmp_path)
    assert json.loads((tmp_path / "rule_stages.json").read_text())["passes"] == 2
    assert "| whole extraction |" in (tmp_path / "rule_stages.md").read_text()
