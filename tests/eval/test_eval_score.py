from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from kg.eval.gold import Gold, load_gold
from kg.eval.score import FileResult, score

DATA = Path(__file__).resolve().parents[1] / "data" / "eval"
ID = "https://w3id.org/kg-news/id/"
LOPEZ, MINISTRY, FREEDONIA = ID + "person/maria-lopez", ID + "organization/ministry-of-trade", ID + "place/freedonia"
MASKS, CUSTOMS = ID + "product/face-mask", ID + "organization/customs-office"


@pytest.fixture(scope="module")
def gold() -> Gold:
    return load_gold(DATA / "freedonia-trade.gold.json")


@pytest.fixture
def doc() -> dict[str, Any]:
    return json.loads((DATA / "freedonia-trade.facts.json").read_text(encoding="utf-8"))


def entity(doc: dict[str, Any], iri: str) -> dict[str, Any]:
    return next(e for e in doc["entities"] if e["iri"] == iri)


def fact(doc: dict[str, Any], p: str, s: str | None = None) -> dict[str, Any]:
    return next(f for f in doc["facts"] if f["p"] == p and (s is None or f["s"] == s))


def new_entity(doc: dict[str, Any], iri: str, type_: str, label: str, sentence_no: int = 0) -> dict[str, Any]:
    sentence = doc["entities"][0]["mentions"][0]["sentence"] if sentence_no == 0 else "Another sentence."
    made = {
        "iri": iri, "type": type_, "label": label, "names": [label], "same_as": [],
        "mentions": [{"article": "freedonia-trade", "start": 0, "end": 1, "text": label, "sentence": sentence}],
    }  # fmt: skip
    doc["entities"].append(made)
    return made


def figures(result: FileResult) -> dict[str, tuple[int, int, int]]:
    return {
        name: (c.tp, c.fp, c.fn)
        for name, c in (
            ("untyped", result.entities_untyped),
            ("typed", result.entities_typed),
            ("strict", result.facts_strict),
            ("loose", result.facts_loose),
        )
    }


PERFECT = {"untyped": (5, 0, 0), "typed": (5, 0, 0), "strict": (6, 0, 0), "loose": (6, 0, 0)}


def test_perfect_document_scores_one(gold: Gold, doc: dict[str, Any]) -> None:
    result = score(gold, doc)
    assert figures(result) == PERFECT
    for counts in (result.entities_untyped, result.entities_typed, result.facts_strict, result.facts_loose):
        assert counts.p == counts.r == counts.f1 == 1.0
    assert result.misses == [] and result.false_positives == []
    assert result.gold == str(gold.path) and result.article == "freedonia-trade"


def test_wrong_type_lowers_typed_not_untyped(gold: Gold, doc: dict[str, Any]) -> None:
    entity(doc, LOPEZ)["type"] = "Person"  # gold says Official
    result = score(gold, doc)
    assert figures(result)["untyped"] == (5, 0, 0)
    assert figures(result)["typed"] == (4, 1, 1)
    assert result.entities_typed.f1 == pytest.approx(0.8)
    assert figures(result)["strict"] == PERFECT["strict"]  # facts still reach the entity
    [wrong] = result.false_positives
    assert wrong["kind"] == "type" and wrong["gold"] == "lopez" and "Official" in wrong["reason"]


def test_duplicate_entity_is_a_false_positive(gold: Gold, doc: dict[str, Any]) -> None:
    new_entity(doc, ID + "organization/trade-ministry", "Agency", "Trade Ministry")
    result = score(gold, doc)
    assert figures(result)["untyped"] == (5, 1, 0)
    assert figures(result)["typed"] == (5, 1, 0)
    [dup] = result.false_positives
    assert dup["kind"] == "entity" and dup["label"] == "Trade Ministry"
    assert "second entity for gold 'motrade'" in dup["reason"]
    assert dup["sentence"].startswith("Maria Lopez, deputy minister")


def test_fact_on_unmatched_entity_is_a_false_positive(gold: Gold, doc: dict[str, Any]) -> None:
    new_entity(doc, ID + "person/john-roe", "Person", "John Roe")
    doc["facts"].append({**fact(doc, "holdsPost"), "s": ID + "person/john-roe"})
    result = score(gold, doc)
    assert figures(result)["untyped"] == (5, 1, 0)
    assert figures(result)["strict"] == (6, 1, 0)
    assert figures(result)["loose"] == (6, 1, 0)
    fp = next(f for f in result.false_positives if f["kind"] == "fact")
    assert fp["s"] == "John Roe" and "matches no gold entity" in fp["reason"] and fp["loose_match"] is False


def test_optional_entities_and_facts_neither_reward_nor_cost(gold: Gold, doc: dict[str, Any]) -> None:
    new_entity(doc, ID + "product/goods", "Product", "goods")
    new_entity(doc, ID + "event/march", "Event", "March")
    doc["facts"].append({**fact(doc, "holdsPost"), "p": "basedIn", "s": MINISTRY, "o": FREEDONIA})
    assert figures(score(gold, doc)) == PERFECT
    # leaving them out costs nothing either (the fixture document never had them)
    small = json.loads((DATA / "freedonia-trade.facts.json").read_text(encoding="utf-8"))
    assert figures(score(gold, small)) == PERFECT


def test_optional_entity_with_wrong_core_type_is_a_typing_error(gold: Gold, doc: dict[str, Any]) -> None:
    new_entity(doc, ID + "organization/goods", "Organization", "goods")
    new_entity(doc, ID + "thing/march", "Other", "March")  # not a core type: no error
    result = score(gold, doc)
    assert figures(result)["untyped"] == (5, 0, 0)
    assert figures(result)["typed"] == (5, 1, 0)


def test_unmatched_entity_of_other_type_is_not_counted(gold: Gold, doc: dict[str, Any]) -> None:
    new_entity(doc, ID + "event/summit", "Event", "the Summit")
    new_entity(doc, ID + "place/atlantis", "Place", "Atlantis")
    result = score(gold, doc)
    assert figures(result)["untyped"] == (5, 1, 0)
    assert [f["label"] for f in result.false_positives] == ["Atlantis"]


def test_missing_entity_and_its_facts(gold: Gold, doc: dict[str, Any]) -> None:
    doc["entities"] = [e for e in doc["entities"] if e["iri"] != CUSTOMS]
    doc["facts"] = [f for f in doc["facts"] if f["s"] != CUSTOMS]
    result = score(gold, doc)
    assert figures(result)["untyped"] == (4, 0, 1)
    assert figures(result)["strict"] == (5, 0, 1)
    entity_miss = next(m for m in result.misses if m["kind"] == "entity")
    assert entity_miss["id"] == "customs" and entity_miss["names"] == ["Customs Office"]
    fact_miss = next(m for m in result.misses if m["kind"] == "fact")
    assert fact_miss["s"] == "customs" and fact_miss["quote"] == "Freedonia exported goods worth"
    assert "subject 'customs' was not found" in fact_miss["reason"]


def test_matching_is_maximum(gold: Gold, doc: dict[str, Any]) -> None:
    # One extracted entity carries the names of two gold entities: it must take the gold
    # entity nobody else can take, so that both are found.
    entity(doc, CUSTOMS)["names"] = ["Customs Office", "Ministry of Trade"]
    doc["entities"].sort(key=lambda e: e["iri"], reverse=True)
    result = score(gold, doc)
    assert figures(result) == PERFECT


def test_quote_containment(gold: Gold, doc: dict[str, Any]) -> None:
    said = fact(doc, "said", CUSTOMS)
    said["sentence"] = "FREEDONIA  exported goods \u2014 worth 3.1 billion dollars, the Customs Office said."
    assert figures(score(gold, doc)) == PERFECT
    said["sentence"] = "Freedonia sold goods worth 3.1 billion dollars, the Customs Office said."
    result = score(gold, doc)
    assert figures(result)["strict"] == (5, 1, 1)
    assert figures(result)["loose"] == (6, 0, 0)
    [miss] = result.misses
    assert miss["loose_match"] is True and "not in the sentence" in miss["reason"]
    assert miss["sentence"].startswith("Freedonia sold goods")
    [fp] = result.false_positives
    assert fp["p"] == "said" and fp["loose_match"] is True


@pytest.mark.parametrize(
    ("value", "agrees"),
    [(2_500_000, True), (2_512_500, True), (2_512_501, False), (2_487_500, True), (2_487_499, False)],
)
def test_quantity_tolerance_edges(gold: Gold, doc: dict[str, Any], value: float, agrees: bool) -> None:
    fact(doc, "exports")["quantity"] = value
    result = score(gold, doc)
    assert figures(result)["strict"] == ((6, 0, 0) if agrees else (5, 1, 1))
    assert figures(result)["loose"] == (6, 0, 0)


@pytest.mark.parametrize(
    ("amount", "currency", "agrees"),
    [
        (3.1155e9, "USD", True),
        (3.1156e9, "USD", False),
        (3.0845e9, "USD", True),
        (3.1e9, "usd", False),
        (3.1e9, None, False),
    ],
)
def test_amount_and_currency(
    gold: Gold, doc: dict[str, Any], amount: float, currency: str | None, agrees: bool
) -> None:
    value = fact(doc, "exportValue")
    value["amount"] = amount
    if currency is None:
        del value["currency"]
    else:
        value["currency"] = currency
    assert figures(score(gold, doc))["strict"] == ((6, 0, 0) if agrees else (5, 1, 1))


def test_role_compared_as_a_name(gold: Gold, doc: dict[str, Any]) -> None:
    fact(doc, "holdsPost")["role"] = "Deputy  Ministers"
    assert figures(score(gold, doc))["strict"] == (6, 0, 0)
    fact(doc, "holdsPost")["role"] = "minister"
    result = score(gold, doc)
    assert figures(result)["strict"] == (5, 1, 1)
    assert "role 'minister', gold 'deputy minister'" in result.misses[0]["reason"]


def test_per_predicate_figures(gold: Gold, doc: dict[str, Any]) -> None:
    doc["facts"].remove(fact(doc, "said", CUSTOMS))
    doc["facts"].append({**fact(doc, "exports"), "o": FREEDONIA})  # wrong object
    result = score(gold, doc)
    said, exports = result.strict_by_predicate["said"], result.strict_by_predicate["exports"]
    assert (said.tp, said.fp, said.fn) == (2, 0, 1)
    assert said.p == 1.0 and said.r == pytest.approx(2 / 3) and said.f1 == pytest.approx(0.8)
    assert (exports.tp, exports.fp, exports.fn) == (1, 1, 0)
    assert exports.p == 0.5 and exports.r == 1.0
    assert "basedIn" not in result.strict_by_predicate  # only optional gold facts
    assert list(result.strict_by_predicate) == sorted(result.strict_by_predicate)
    assert result.loose_by_predicate["said"].fn == 1


def test_duplicate_fact_is_a_false_positive(gold: Gold, doc: dict[str, Any]) -> None:
    doc["facts"].append(copy.deepcopy(fact(doc, "holdsPost")))
    assert figures(score(gold, doc))["strict"] == (6, 1, 0)


def test_other_articles_are_ignored(gold: Gold, doc: dict[str, Any]) -> None:
    other = new_entity(doc, ID + "place/atlantis", "Place", "Atlantis")
    other["mentions"][0]["article"] = "another-article"
    doc["facts"].append({**fact(doc, "holdsPost"), "article": "another-article", "s": other["iri"]})
    doc["facts"].append({**fact(doc, "exports"), "article": "another-article", "quantity": 7})
    assert figures(score(gold, doc)) == PERFECT


def test_entity_named_only_by_a_fact_counts(gold: Gold, doc: dict[str, Any]) -> None:
    other = new_entity(doc, ID + "place/atlantis", "Place", "Atlantis")
    other["mentions"] = []
    doc["facts"].append({**fact(doc, "holdsPost"), "p": "basedIn", "s": MINISTRY, "o": other["iri"]})
    result = score(gold, doc)
    assert figures(result)["untyped"] == (5, 1, 0)
    assert figures(result)["strict"] == (6, 1, 0)


def test_scoring_is_deterministic(gold: Gold, doc: dict[str, Any]) -> None:
    new_entity(doc, ID + "organization/trade-ministry", "Agency", "Trade Ministry")
    doc["facts"].append(copy.deepcopy(fact(doc, "said", LOPEZ)))
    first = score(gold, doc)
    doc["entities"].reverse()
    doc["facts"].reverse()
    second = score(gold, doc)
    assert first == second


def test_miss_reasons_point_at_the_near_miss(gold: Gold, doc: dict[str, Any]) -> None:
    fact(doc, "said", CUSTOMS)["s"] = LOPEZ  # the statement given to the wrong speaker
    fact(doc, "holdsPost")["o"] = FREEDONIA  # the post placed in the country
    result = score(gold, doc)
    reasons = {m["p"]: m["reason"] for m in result.misses}
    assert reasons["said"] == "the statement is attributed to 'Maria Lopez'"
    assert reasons["holdsPost"] == "extracted with object 'Freedonia' instead"


def test_a_miss_whose_entities_are_linked_by_fewer_facts_says_so(gold: Gold, doc: dict[str, Any]) -> None:
    post = next(g for g in gold.facts if g.p.value == "holdsPost")
    second_post = dataclasses.replace(post, role="deputy minister")  # a second post, only one extracted
    result = score(dataclasses.replace(gold, facts=(*gold.facts, second_post)), doc)
    reasons = [m["reason"] for m in result.misses if m["p"] == "holdsPost"]
    assert reasons == ["only 1 extracted holdsPost fact links these entities, taken by other gold facts"]


def test_report_cells_are_not_markup(gold: Gold, doc: dict[str, Any]) -> None:
    from kg.eval import render_report
    from kg.eval.score import EvalResult

    doc["facts"].remove(fact(doc, "said", CUSTOMS))
    text = render_report(EvalResult([score(gold, doc)]), width=300)
    assert "said(customs) [quote='Freedonia exported goods worth']" in text


def test_second_node_for_an_optional_entity_costs_nothing(gold: Gold, doc: dict[str, Any]) -> None:
    new_entity(doc, ID + "product/goods", "Product", "goods")
    new_entity(doc, ID + "product/good", "Product", "good")
    new_entity(doc, ID + "organization/goods", "Organization", "Goods")  # wrong type: a typing error
    result = score(gold, doc)
    assert figures(result)["untyped"] == (5, 0, 0)
    assert figures(result)["typed"] == (5, 1, 0)
    assert [f["kind"] for f in result.false_positives] == ["type"]


def test_facts_restating_optional_gold_facts_are_ignored(gold: Gold, doc: dict[str, Any]) -> None:
    based = {**fact(doc, "holdsPost"), "p": "basedIn", "s": MINISTRY, "o": FREEDONIA}
    del based["role"]
    doc["facts"] += [based, {**based, "sentence": "Another sentence."}]
    assert figures(score(gold, doc)) == PERFECT
