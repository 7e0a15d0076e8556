"""The speed harness: corpora, windows, result files. No timed assertions: figures are not checked."""

from __future__ import annotations

import json

import pytest

from bench.speed import corpus
from bench.speed.growth import fifths_ratio, window_cost
from bench.speed.harness import Context, Outcome, markdown, run_all, run_info, write_results


def test_generator_is_deterministic_and_newsy():
    first = list(corpus.synthetic(3, seed=1))
    again = list(corpus.synthetic(3, seed=1))
    assert first == again
    assert len({a.id for a in first}) == 3
    assert all(corpus.word_count(a) > 150 for a in first)
    assert first != list(corpus.synthetic(3, seed=2))


def test_absent_datasets_fall_back_to_generated(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_BENCH_SHARED", str(tmp_path))
    loaded = corpus.load("bbc+reuters", limit=4)
    assert len(loaded.articles) == 4
    assert loaded.origin == "generated"
    assert "no bbc+reuters" in loaded.name


def test_reuters_corpus_reads_train_records_only(tmp_path, monkeypatch):
    import gzip

    folder = tmp_path / "datasets" / "reuters21578"
    folder.mkdir(parents=True)
    records = [
        {"newid": 1, "lewissplit": "TRAIN", "body": "Ruritania exported 10 tonnes of tin.", "date": "2-MAR-1987 10:00:00.00"},
        {"newid": 2, "lewissplit": "TEST", "body": "A measured story nobody reads.", "date": "2-MAR-1987 10:00:00.00"},
        {"newid": 3, "lewissplit": "NOT-USED", "body": "Another one.", "date": "2-MAR-1987 10:00:00.00"},
        {"newid": 4, "lewissplit": "TRAIN", "body": "Borduria imported 5 tonnes of tea.", "date": "3-MAR-1987 10:00:00.00"},
    ]
    with gzip.open(folder / "reuters21578.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in records)
    monkeypatch.setenv("KG_BENCH_SHARED", str(tmp_path))
    loaded = corpus.load("reuters")
    assert [a.id for a in loaded.articles] == ["reuters-1", "reuters-4"]


@pytest.mark.parametrize(("stamp", "day"), [
    ("26-FEB-1987 15:01:01.79", "1987-02-26"),
    ("5-MAR-1987 04:49:51.18", "1987-03-05"),  # a day of one digit: the date is one character shorter
    ("  7-APR-1987 00:07:06.44", "1987-04-07"),
])
def test_reuters_dates_are_read_whatever_the_width_of_the_day(stamp, day):
    assert corpus.reuters_article({"newid": 8, "body": "Wheat exports rose.", "date": stamp}).published == day


@pytest.mark.parametrize("stamp", ["", None, "not a date"])
def test_a_reuters_record_without_a_readable_date_is_undated(stamp):
    assert corpus.reuters_article({"newid": 8, "body": "Wheat exports rose.", "date": stamp}).published is None


def test_replicate_gives_fresh_ids_and_same_texts():
    base = list(corpus.synthetic(3))
    copies = list(corpus.replicate(base, 7))
    assert len({a.id for a in copies}) == 7
    assert [a.text for a in copies[3:6]] == [a.text for a in base]


def test_jsonl_round_trips_through_kg_reader(tmp_path):
    from kg.io import read_articles

    articles = list(corpus.synthetic(2))
    path = corpus.write_jsonl(articles, tmp_path / "a.jsonl")
    back = list(read_articles([path]))
    assert [(a.id, a.text, a.title, a.published) for a in back] == [
        (a.id, a.text, a.title, a.published) for a in articles]


def test_window_cost_uses_nearest_batch_marks():
    marks = [(0, 0.0, 0.0), (64, 1.0, 2.0), (128, 2.0, 4.0), (192, 5.0, 6.0), (256, 8.0, 9.0)]
    assert window_cost(marks, 0, 128) == pytest.approx(2.0 / 128)
    assert window_cost(marks, 128, 250) == pytest.approx(6.0 / 128)
    assert window_cost(marks, 0, 128, column=2) == pytest.approx(4.0 / 128)


def test_fifths_ratio_compares_the_last_fifth_with_the_first():
    # Articles written, process CPU, wall, thread CPU: 1 s per 100 articles, then 2 s.
    marks = [(0, 0.0, 0.0, 0.0), (100, 1.0, 1.0, 1.0), (400, 4.0, 4.0, 4.0), (500, 6.0, 6.0, 5.0)]
    assert fifths_ratio(marks, 500) == pytest.approx(2.0)


def test_a_failing_benchmark_is_reported_and_the_rest_run(tmp_path):
    def broken(ctx):
        raise RuntimeError("no store")

    def fine(ctx):
        return [Outcome("fine", 2.0, "s", "≥ 1x", True, "a figure", baseline=4.0, baseline_label="b", ratio=2.0,
                        corpus={"name": "synthetic", "articles": 1, "words": 9})]

    ctx = Context(quick=True, workdir=tmp_path, log=lambda message: None)
    outcomes = run_all({"broken": broken, "fine": fine}, ctx)
    assert [o.verdict for o in outcomes] == ["error", "pass"]
    assert "no store" in outcomes[0].measured


def test_each_finished_benchmark_is_handed_on_before_the_next_runs(tmp_path):
    seen: list[list[str]] = []

    def first(ctx):
        return [Outcome("first", 1.0, "s", "", True, "a figure")]

    def second(ctx):
        assert seen == [["first"]]  # the first result was out before this one started
        return [Outcome("second", 1.0, "s", "", True, "a figure")]

    ctx = Context(quick=True, workdir=tmp_path, log=lambda message: None)
    run_all({"first": first, "second": second}, ctx, after_each=lambda so_far: seen.append([o.name for o in so_far]))
    assert seen == [["first"], ["first", "second"]]


def test_results_are_well_formed_json_and_markdown(tmp_path):
    from datetime import datetime, timezone

    outcomes = [Outcome("extraction", 900.0, "words/s", "≥ 0.90", False, "what was timed", baseline=1000.0,
                        baseline_label="bare", ratio=0.9, corpus={"name": "synthetic", "articles": 2, "words": 10})]
    info = run_info(quick=True, command="python -m bench.speed extraction --quick", started=datetime.now(timezone.utc))
    json_path, md_path = write_results(outcomes, info, tmp_path)
    data = json.loads(json_path.read_text())
    assert data["mode"] == "quick"
    assert {"cpu", "cores", "ram_gb", "python", "spacy", "rdflib", "pyoxigraph"} <= set(data["machine"])
    (result,) = data["results"]
    assert result["verdict"] == "FAIL" and result["ratio"] == 0.9 and result["corpus"]["articles"] == 2
    text = md_path.read_text()
    (row,) = [line for line in text.splitlines() if line.startswith("| extraction |")]
    assert [cell.strip() for cell in row.strip("|").split("|")] == [
        "extraction", "900 words/s", "1,000 words/s", "0.9", "≥ 0.90", "FAIL", "synthetic, 2"]
    assert text == markdown(outcomes, info)


def test_memory_benchmark_runs_end_to_end_on_generated_news(tmp_path, monkeypatch):
    """One real benchmark on four generated articles: the child build runs and results are written."""
    pytest.importorskip("kg.nlp.pipeline")
    from bench.speed.__main__ import main

    monkeypatch.setenv("KG_BENCH_SHARED", str(tmp_path / "no-shared"))
    code = main(["memory", "--quick", "--articles", "4", "--results", str(tmp_path / "results")])
    data = json.loads((tmp_path / "results" / "speed.json").read_text())
    (result,) = data["results"]
    assert code == 0, result["measured"]
    assert result["status"] == "measured"
    assert result["corpus"]["articles"] == 4 and result["corpus"]["origin"] == "generated"
    assert result["details"]["full"]["report"]["articles_written"] == 4
    assert result["figure"] > 0 and result["baseline"] > 0
    assert (tmp_path / "results" / "speed.md").read_text().startswith("# kg speed benchmarks")
