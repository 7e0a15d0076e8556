from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from kg.errors import GoldError
from kg.eval.gold import load_article, load_gold
from kg.model import EntityType, Predicate

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"


def test_load_gold_reads_entities_and_facts() -> None:
    gold = load_gold(DATA / "freedonia-trade.gold.json")
    assert gold.article_id == "freedonia-trade"
    assert gold.text_file == (DATA / "freedonia-trade.txt").resolve()
    assert gold.published == "2021-04-02"
    assert [e.id for e in gold.entities][:3] == ["lopez", "motrade", "freedonia"]
    assert gold.entity("lopez").type is EntityType.OFFICIAL
    assert gold.entity("lopez").names == ("Maria Lopez", "Lopez")
    assert gold.entity("goods").optional
    # Event is never required, even when the file forgets to say "optional".
    assert gold.entity("march").optional
    value = next(f for f in gold.facts if f.p is Predicate.EXPORT_VALUE)
    assert value.o is None and value.amount == 3.1e9 and value.currency == "USD"
    assert [f.optional for f in gold.facts].count(True) == 1


def test_load_article_from_text_file() -> None:
    article = load_article(load_gold(DATA / "freedonia-trade.gold.json"))
    assert article.id == "freedonia-trade"
    assert article.text.startswith("Maria Lopez, deputy minister")
    assert article.published == "2021-04-02"


def test_jsonl_source_with_line_and_field() -> None:
    gold = load_gold(DATA / "corpus-line.gold.json")
    assert gold.line == 1 and gold.field == "body"
    assert gold.article_id == "corpus-1"
    article = load_article(gold)
    assert article.id == "corpus-1"
    assert article.text == (DATA / "freedonia-trade.txt").read_text(encoding="utf-8")


def test_jsonl_gz_source(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "news.jsonl.gz", "wt", encoding="utf-8") as out:
        out.write(json.dumps({"text": "First."}) + "\n" + json.dumps({"text": "Second article."}) + "\n")
    data = _gold_data(text_file="news.jsonl.gz", line=1)
    gold = load_gold(_write(tmp_path, data))
    assert gold.article_id == "news-1"
    assert gold.field == "text"
    assert load_article(gold).text == "Second article."


def _gold_data(**changes: Any) -> dict[str, Any]:
    data = json.loads((DATA / "freedonia-trade.gold.json").read_text(encoding="utf-8"))
    data.update(changes)
    return data


def _write(folder: Path, data: dict[str, Any], name: str = "bad.gold.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"text_file": None}, "'text_file' is missing"),
        ({"text_file": "nowhere.txt"}, "does not exist"),
        ({"entities": {}}, "'entities' must be a list"),
        ({"entities": [{"id": "a", "type": "Robot", "names": ["A"]}]}, "type 'Robot'"),
        ({"entities": [{"id": "a", "type": "Person", "names": []}]}, "'names'"),
        ({"entities": [{"id": "a", "type": "Person", "names": ["A"]}] * 2}, "used twice"),
        ({"facts": [{"s": "nobody", "p": "said", "quote": "x"}]}, "subject 'nobody'"),
        ({"facts": [{"s": "lopez", "p": "likes", "o": "motrade"}]}, "predicate 'likes'"),
        ({"facts": [{"s": "lopez", "p": "holdsPost"}]}, "needs one"),
        ({"facts": [{"s": "lopez", "p": "said", "o": "motrade", "quote": "x"}]}, "has no object"),
        ({"facts": [{"s": "freedonia", "p": "exports", "o": "face_mask", "quantity": "many"}]}, "'quantity' must be"),
        ({"facts": [{"s": "lopez", "p": "said", "quote": "x", "optional": "yes"}]}, "'optional'"),
        ({"line": 3}, "'line' applies only"),
    ],
)
def test_malformed_gold_names_file_and_problem(tmp_path: Path, change: dict[str, Any], says: str) -> None:
    shutil.copy(DATA / "freedonia-trade.txt", tmp_path)
    path = _write(tmp_path, _gold_data(**change))
    with pytest.raises(GoldError) as caught:
        load_gold(path)
    assert str(path) in str(caught.value)
    assert says in str(caught.value)


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "broken.gold.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(GoldError, match="not valid UTF-8 JSON"):
        load_gold(path)


def test_jsonl_needs_a_line_that_exists(tmp_path: Path) -> None:
    shutil.copy(DATA / "corpus.jsonl", tmp_path)
    with pytest.raises(GoldError, match="needs 'line'"):
        load_gold(_write(tmp_path, _gold_data(text_file="corpus.jsonl")))
    gold = load_gold(_write(tmp_path, _gold_data(text_file="corpus.jsonl", line=7)))
    with pytest.raises(GoldError, match="has no line 7"):
        load_article(gold)
    gold = load_gold(_write(tmp_path, _gold_data(text_file="corpus.jsonl", line=0, field="body")))
    with pytest.raises(GoldError, match="field 'body'"):
        load_article(gold)


def test_reference_gold_loads(shared: Path) -> None:
    gold = load_gold(shared / "eval" / "medical-supplies-export.gold.json")
    assert gold.article_id == "medical-supplies-export"
    assert len(load_article(gold).text) > 1000
