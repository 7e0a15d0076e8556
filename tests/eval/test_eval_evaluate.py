from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kg.eval import evaluate
from kg.model import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"


def _doc() -> dict[str, Any]:
    return json.loads((DATA / "freedonia-trade.facts.json").read_text(encoding="utf-8"))


def _moved(doc: dict[str, Any], article: str) -> dict[str, Any]:
    """The same facts document, as if the article had another id."""
    for entity in doc["entities"]:
        for mention in entity["mentions"]:
            mention["article"] = article
    for fact in doc["facts"]:
        fact["article"] = article
    doc["articles"] = [{"id": article, "title": None, "published": None}]
    return doc


def test_all_articles_built_in_one_pass() -> None:
    calls: list[tuple[list[Article], str]] = []
    doc = _doc()
    moved = _moved(_doc(), "corpus-1")
    # one node per entity, mentioned in both articles, as a facts document has it
    for entity, twin in zip(doc["entities"], moved["entities"]):
        entity["mentions"] += twin["mentions"]
    both = {**doc, "articles": doc["articles"] + moved["articles"], "facts": doc["facts"] + moved["facts"]}

    def facts_for(articles: list[Article], *, model: str) -> dict[str, Any]:
        calls.append((articles, model))
        return both

    paths = [DATA / "freedonia-trade.gold.json", DATA / "corpus-line.gold.json"]
    paths.append(paths[0])
    result = evaluate(paths, model="some_model", facts_for=facts_for)
    [(articles, model)] = calls
    assert model == "some_model"
    assert [a.id for a in articles] == ["freedonia-trade", "corpus-1"]
    assert articles[0].text == articles[1].text
    assert [f.gold for f in result.files] == [str(p) for p in paths]
    assert [f.article for f in result.files] == ["freedonia-trade", "corpus-1", "freedonia-trade"]
    # each file sees only its own article's facts, though the document holds both
    for file in result.files:
        assert (file.facts_strict.tp, file.facts_strict.fp, file.facts_strict.fn) == (6, 0, 0)
        assert (file.entities_typed.tp, file.entities_typed.fp) == (5, 0)
    assert result.total.facts_strict.tp == 18


def test_jsonl_gold_scores_against_its_line_id() -> None:
    result = evaluate([DATA / "corpus-line.gold.json"], facts_for=lambda articles, *, model: _doc())
    [file] = result.files
    assert file.article == "corpus-1"
    # the document speaks of "freedonia-trade", not of line 1 of corpus.jsonl: nothing found
    assert (file.entities_untyped.tp, file.entities_untyped.fn) == (0, 5)
    assert file.facts_strict.r == 0.0


@pytest.mark.model
@pytest.mark.slow
def test_reference_article_end_to_end(shared: Path) -> None:
    pytest.importorskip("kg.build")
    result = evaluate([shared / "eval" / "medical-supplies-export.gold.json"])
    [file] = result.files
    assert file.entities_untyped.tp > 0
    assert 0.0 <= file.facts_strict.f1 <= file.facts_loose.f1 <= 1.0
