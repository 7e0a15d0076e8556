"""A goods word opening a sentence before its flow noun ("Rice imports rose") is goods, whatever
the model read it as; a name opening a sentence stays a name (kg.nlp.retype_other_kinds)."""

from __future__ import annotations

import pytest


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


@pytest.mark.parametrize("text", [
    "Rice imports rose to 61.3 billion Malagasy francs in the first half of last year, the ministry said.",
    "Tea exports fell to 12,400 tonnes in May from 15,100 a year earlier, the board said.",
    "Sugar output rose to 1.9 mln tonnes, the industry said.",
])
def test_a_goods_word_before_its_flow_noun_is_goods(nlp, text: str) -> None:
    word = text.split()[0]
    assert _labels(nlp, text).get(word) == "Product"


@pytest.mark.parametrize(("text", "name"), [
    ("Rice said on Tuesday that the talks with Manila would resume next week.", "Rice"),
    ("Sugar Ray Leonard said he would fight again in Las Vegas.", "Sugar Ray Leonard"),
])
def test_a_name_opening_a_sentence_stays_a_name(nlp, text: str, name: str) -> None:
    labels = _labels(nlp, text)
    assert labels.get(name) == "Person"
    assert "Product" not in labels.values()


def test_the_opening_goods_are_the_flows_goods(extracted) -> None:
    x = extracted("Kenya's maize crop was good.\n"
                  "    Rice imports increased to 61.3 billion Kenya shillings in the first half of last year, "
                  "the ministry said.")
    names = {e.key: e.label for e in x.entities}
    values = [(names.get(f.subject), names.get(f.object)) for f in x.facts if f.predicate.value == "importValue"]
    assert values and all(v == ("Kenya", "Rice") or v[1] and v[1].lower() == "rice" for v in values)
