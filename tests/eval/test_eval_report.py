from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.eval import evaluate, render_report, to_json
from kg.eval.score import EvalResult

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"
FIGURES = {"p", "r", "f1", "tp", "fp", "fn"}


def _doc() -> dict[str, Any]:
    return json.loads((DATA / "freedonia-trade.facts.json").read_text(encoding="utf-8"))


def _flawed_result() -> EvalResult:
    doc = _doc()
    doc["facts"] = [f for f in doc["facts"] if f["p"] != "exportValue"]
    doc["entities"][0]["type"] = "Person"
    doc["facts"][0]["role"] = "minister"
    return evaluate([DATA / "freedonia-trade.gold.json"], facts_for=lambda articles, *, model: doc)


def _check_scores(part: dict[str, Any]) -> None:
    assert set(part) == {"entities", "facts"}
    assert set(part["entities"]) == {"untyped", "typed"}
    for key in ("untyped", "typed"):
        assert set(part["entities"][key]) == FIGURES
    assert set(part["facts"]) == {"strict", "loose", "full"}
    assert set(part["facts"]["strict"]) == FIGURES | {"per_predicate"}
    assert set(part["facts"]["loose"]) == FIGURES
    for pred in part["facts"]["strict"]["per_predicate"].values():
        assert set(pred) == FIGURES
    for key in ("untyped", "typed"):
        figures = part["entities"][key]
        assert all(isinstance(figures[k], int) and not isinstance(figures[k], bool) for k in ("tp", "fp", "fn"))
        assert all(isinstance(figures[k], float) and 0.0 <= figures[k] <= 1.0 for k in ("p", "r", "f1"))


def test_json_shape_is_the_documented_one() -> None:
    out = to_json(_flawed_result())
    json.dumps(out)  # plain JSON types only
    assert set(out) == {"files", "total"}
    [entry] = out["files"]
    assert set(entry) == {"gold", "entities", "facts", "misses", "false_positives"}
    assert entry["gold"].endswith("freedonia-trade.gold.json")
    _check_scores({k: entry[k] for k in ("entities", "facts")})
    _check_scores(out["total"])


def test_json_figures() -> None:
    out = to_json(_flawed_result())
    entry = out["files"][0]
    assert entry["entities"]["typed"] == pytest.approx({"p": 0.8, "r": 0.8, "f1": 0.8, "tp": 4, "fp": 1, "fn": 1})
    strict = entry["facts"]["strict"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (4, 1, 2)
    assert strict["per_predicate"]["exportValue"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 1}
    assert strict["per_predicate"]["holdsPost"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert strict["per_predicate"]["said"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 3, "fp": 0, "fn": 0}
    assert entry["facts"]["loose"]["fn"] == 1
    assert {m["p"] for m in entry["misses"] if m["kind"] == "fact"} == {"exportValue", "holdsPost"}
    assert out["total"]["facts"]["strict"]["tp"] == 4


def test_total_is_micro_averaged() -> None:
    doc = _doc()
    two = evaluate(
        [DATA / "freedonia-trade.gold.json", DATA / "freedonia-trade.gold.json"],
        facts_for=lambda articles, *, model: doc,
    )
    total = to_json(two)["total"]
    assert total["entities"]["untyped"]["tp"] == 10
    assert total["facts"]["strict"]["f1"] == 1.0


def test_human_report_shows_scores_misses_and_false_positives() -> None:
    text = render_report(_flawed_result(), width=400)
    assert "freedonia-trade.gold.json" in text
    assert "entities typed" in text and "0.800" in text
    assert "exportValue" in text and "said" in text
    assert "Misses in freedonia-trade.gold.json (2)" in text
    assert "role 'minister', gold 'deputy minister'" in text
    assert "typed Person, but gold entity 'lopez' is of type Official" in text
    assert "False positives in freedonia-trade.gold.json (2)" in text


def test_report_without_details() -> None:
    text = render_report(_flawed_result(), details=False)
    assert "facts strict" in text and "Misses" not in text
