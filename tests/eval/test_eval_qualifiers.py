"""Scoring trade facts: imports, a value fact's product, and the full score's partner,
period and forecast (eval README, rule 3), on hand-made gold files and facts documents."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from kg.errors import GoldError
from kg.eval.gold import Gold, load_gold
from kg.eval.report import render_report, to_json
from kg.eval.score import EvalResult, FileResult, score

TEXT = (
    "Sylvania imported 40,000 tonnes of wheat from Freedonia in March, customs said. "
    "Sylvania expects coffee imports worth 2.5 billion dollars this year. "
    "Sylvania exported 300 tonnes of tea to Freedonia in the first quarter."
)
SENTENCES = [s if s.endswith(".") else s + "." for s in TEXT.split(". ")]
ID = "https://w3id.org/kg-news/id/"
SYLVANIA, FREEDONIA, CUSTOMS = ID + "place/sylvania", ID + "place/freedonia", ID + "organization/customs"
WHEAT, COFFEE, TEA = ID + "product/wheat", ID + "product/coffee", ID + "product/tea"
ENTITIES = [
    ("sylvania", "Country", "Sylvania", SYLVANIA),
    ("freedonia", "Country", "Freedonia", FREEDONIA),
    ("customs", "Agency", "customs", CUSTOMS),
    ("wheat", "Product", "wheat", WHEAT),
    ("coffee", "Product", "coffee", COFFEE),
    ("tea", "Product", "tea", TEA),
]
GOLD_FACTS = [
    {"s": "sylvania", "p": "imports", "o": "wheat", "quantity": 40000, "partner": "freedonia", "period": "March"},
    {"s": "sylvania", "p": "importValue", "o": "coffee", "amount": 2.5e9, "currency": "USD",
     "period": "this year", "forecast": True},
    {"s": "sylvania", "p": "exports", "o": "tea", "quantity": 300, "partner": "freedonia",
     "period": "the first quarter"},
]


def write_gold(folder: Path, facts: list[dict[str, Any]] | None = None) -> Path:
    (folder / "sylvania.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "text_file": "sylvania.txt",
        "published": "2021-04-02",
        "entities": [{"id": i, "type": t, "names": [name]} for i, t, name, _ in ENTITIES],
        "facts": GOLD_FACTS if facts is None else facts,
    }
    path = folder / "sylvania.gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    return path


def _fact(p: str, s: str, sentence: int, **extra: Any) -> dict[str, Any]:
    start = TEXT.index(SENTENCES[sentence])
    return {"s": s, "p": p, **extra, "article": "sylvania", "sentence": SENTENCES[sentence],
            "start": start, "end": start + len(SENTENCES[sentence]), "confidence": 0.8}


def perfect_document() -> dict[str, Any]:
    entities = []
    for _, kind, name, iri in ENTITIES:
        start = TEXT.index(name)
        sentence = next(s for s in SENTENCES if name in s)
        entities.append({"iri": iri, "type": kind, "label": name, "names": [name], "same_as": [], "mentions": [
            {"article": "sylvania", "start": start, "end": start + len(name), "text": name, "sentence": sentence}]})
    facts = [
        _fact("imports", SYLVANIA, 0, o=WHEAT, quantity=40000.0, unit="tonnes", partner=FREEDONIA,
              period="March", period_start="2021-03-01", period_end="2021-03-31", forecast=False, source=CUSTOMS),
        _fact("importValue", SYLVANIA, 1, o=COFFEE, amount=2.5e9, currency="USD", period="this year",
              forecast=True),
        _fact("exports", SYLVANIA, 2, o=TEA, quantity=300.0, unit="tonnes", partner=FREEDONIA,
              period="first quarter", forecast=False),
    ]
    return {"articles": [{"id": "sylvania", "title": None, "published": "2021-04-02"}],
            "entities": entities, "facts": facts}


@pytest.fixture
def gold(tmp_path: Path) -> Gold:
    return load_gold(write_gold(tmp_path))


def counts(result: FileResult) -> dict[str, tuple[int, int, int]]:
    return {name: (c.tp, c.fp, c.fn) for name, c in (
        ("strict", result.facts_strict), ("loose", result.facts_loose), ("full", result.facts_full))}


def edited(predicate: str, **changes: Any) -> dict[str, Any]:
    doc = perfect_document()
    fact = next(f for f in doc["facts"] if f["p"] == predicate)
    for key, value in changes.items():
        if value is None:
            fact.pop(key, None)
        else:
            fact[key] = value
    return doc


def test_perfect_trade_document_scores_one_on_every_score(gold: Gold) -> None:
    result = score(gold, perfect_document())
    assert counts(result) == {"strict": (3, 0, 0), "loose": (3, 0, 0), "full": (3, 0, 0)}
    assert result.misses == [] and result.false_positives == []
    assert set(result.full_by_predicate) == {"exports", "importValue", "imports"}


def test_a_wrong_partner_fails_only_the_full_score(gold: Gold) -> None:
    result = score(gold, edited("imports", partner=CUSTOMS))
    assert counts(result) == {"strict": (3, 0, 0), "loose": (3, 0, 0), "full": (2, 1, 1)}
    (miss,) = result.misses
    assert miss["p"] == "imports" and miss["full_match"] is False and "partner" in miss["reason"]
    (fp,) = result.false_positives
    assert fp["full_match"] is False and fp["partner"] == "customs" and "not in full" in fp["reason"]


def test_a_partner_on_one_side_only_disagrees(gold: Gold) -> None:
    assert counts(score(gold, edited("imports", partner=None)))["full"] == (2, 1, 1)
    assert counts(score(gold, edited("importValue", partner=FREEDONIA)))["full"] == (2, 1, 1)


def test_a_partner_known_only_by_a_demonym_matches_by_its_names(gold: Gold) -> None:
    # "wheat from Freedonia" written "Freedonian wheat": the partner node has no mention in
    # the article, only the demonym among its names, and is still the gold partner
    doc = perfect_document()
    freedonia = next(e for e in doc["entities"] if e["iri"] == FREEDONIA)
    freedonia["mentions"], freedonia["names"] = [], ["Freedonia", "Freedonian"]
    result = score(gold, doc)
    assert counts(result)["full"] == (3, 0, 0)
    assert result.false_positives == []


@pytest.mark.parametrize("period, agrees", [
    ("first quarter", True), ("the first quarter", True), ("in the first quarter of 1987", True),
    ("quarter", True), ("second quarter", False), (None, False),
])
def test_periods_agree_when_one_contains_the_other(gold: Gold, period: str | None, agrees: bool) -> None:
    full = counts(score(gold, edited("exports", period=period)))["full"]
    assert full == ((3, 0, 0) if agrees else (2, 1, 1))


def test_a_period_only_the_extraction_gives_disagrees(tmp_path: Path) -> None:
    facts = copy.deepcopy(GOLD_FACTS)
    del facts[2]["period"]
    gold = load_gold(write_gold(tmp_path, facts))
    assert counts(score(gold, perfect_document()))["full"] == (2, 1, 1)


def test_forecast_absent_reads_as_false(gold: Gold) -> None:
    assert counts(score(gold, edited("imports", forecast=None)))["full"] == (3, 0, 0)
    assert counts(score(gold, edited("imports", forecast=True)))["full"] == (2, 1, 1)
    assert counts(score(gold, edited("importValue", forecast=None)))["full"] == (2, 1, 1)


def test_the_product_of_a_value_fact_is_strict(gold: Gold) -> None:
    missing = score(gold, edited("importValue", o=None))
    assert counts(missing) == {"strict": (2, 1, 1), "loose": (3, 0, 0), "full": (2, 1, 1)}
    assert "o None, gold 'coffee'" in missing.misses[0]["reason"]
    wrong = score(gold, edited("importValue", o=WHEAT))
    assert counts(wrong)["strict"] == (2, 1, 1) and counts(wrong)["loose"] == (3, 0, 0)


def test_a_value_fact_without_a_gold_product_takes_any(tmp_path: Path) -> None:
    facts = copy.deepcopy(GOLD_FACTS)
    del facts[1]["o"]
    gold = load_gold(write_gold(tmp_path, facts))
    assert counts(score(gold, perfect_document()))["strict"] == (3, 0, 0)
    assert counts(score(gold, edited("importValue", o=None)))["strict"] == (3, 0, 0)


def test_an_import_is_not_an_export(gold: Gold) -> None:
    result = score(gold, edited("imports", p="exports"))
    assert counts(result)["loose"] == (2, 1, 1)


@pytest.mark.parametrize("change, message", [
    ({"partner": "nowhere"}, "partner 'nowhere' is not the id"),
    ({"forecast": "yes"}, "'forecast' must be true or false"),
    ({"period": ""}, "'period' must be a non-empty string"),
    ({"o": "nothing"}, "object 'nothing' is not the id"),
])
def test_gold_trade_qualifiers_are_checked(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    facts = copy.deepcopy(GOLD_FACTS)
    facts[1].update(change)
    with pytest.raises(GoldError, match=message):
        load_gold(write_gold(tmp_path, facts))


def test_report_and_json_carry_the_full_score(gold: Gold) -> None:
    result = EvalResult([score(gold, edited("imports", partner=CUSTOMS), label="sylvania.gold.json")])
    text = render_report(result)
    assert "facts full" in text and "full F1" in text and "not in full" in text
    data = to_json(result)
    full = data["files"][0]["facts"]["full"]
    assert (full["tp"], full["fp"], full["fn"]) == (2, 1, 1)
    assert data["total"]["facts"]["full"]["per_predicate"]["imports"]["r"] == 0.0


def test_a_full_miss_is_explained_by_its_closest_match_not_a_crossed_one(tmp_path: Path) -> None:
    # Two equal figures for two partners: the strict pairing may cross them; the explanation
    # of the full miss must name what the closest extracted fact got wrong (its period), not
    # blame the partner of the other one.
    tea = {"s": "sylvania", "p": "exports", "o": "tea", "quantity": 300}
    gold = load_gold(write_gold(tmp_path, [{**tea, "partner": "customs"},
                                           {**tea, "partner": "freedonia", "period": "the first quarter"}]))
    doc = perfect_document()
    right = next(f for f in doc["facts"] if f["p"] == "exports")
    doc["facts"] = [right, {**right, "partner": CUSTOMS, "period": "March"}]
    result = score(gold, doc)
    assert counts(result)["full"] == (1, 1, 1)
    (miss,) = [m for m in result.misses if m.get("full_match") is False]
    assert miss["partner"] == "customs" and "period" in miss["reason"] and "partner" not in miss["reason"]
    (fp,) = result.false_positives
    assert "partner" not in fp["reason"].split("not in full")[1]
