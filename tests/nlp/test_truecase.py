"""Stories written in lower case get their capitals back before the model reads them
(kg.nlp.truecase); text of normal case passes through untouched."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles
from kg.nlp.truecase import case_is_lowered, restore_case

LOWERED = ("chile's copper exports to japan rose to 120,000 tonnes in february, the state\n"
           "copper company codelco said.\n"
           "    The mining minister told reporters in santiago that chile would also sell\n"
           "copper to west germany and the united states this year.\n")


def test_a_story_written_in_lower_case_gets_its_names_capitalized() -> None:
    restored = restore_case(LOWERED)
    assert restored.startswith("Chile's copper exports to Japan rose")
    assert "Santiago that Chile would" in restored
    assert "West Germany and the United States" in restored


def test_restoring_changes_only_the_case_of_letters() -> None:
    restored = restore_case(LOWERED)
    assert restored != LOWERED
    assert len(restored) == len(LOWERED)
    assert restored.lower() == LOWERED.lower()


def test_text_of_normal_case_is_returned_as_it_is() -> None:
    text = ("Chile's copper exports to Japan rose to 120,000 tonnes in February, the state "
            "copper company Codelco said. The mining minister spoke in Santiago.")
    assert not case_is_lowered(text)
    assert restore_case(text) is text


def test_a_story_with_a_few_names_in_lower_case_is_not_touched() -> None:
    text = ("Chile's copper exports to Japan rose to 120,000 tonnes in February, the state "
            "copper company Codelco said. Shipments to west germany and Canada fell, while "
            "sales to Brazil, Argentina and Peru were steady, the Mining Ministry in Santiago said.")
    assert not case_is_lowered(text)
    assert restore_case(text) is text


def test_a_table_of_common_words_in_lower_case_is_not_read_as_lowered() -> None:
    text = "wheat 120.5 118.0\nbarley 80.2 79.9\ncorn 200.1 199.5\ntotal 400.8 397.4\n"
    assert restore_case(text) is text


@pytest.mark.model
def test_a_lower_case_story_gives_its_entities_and_flows(nlp) -> None:
    (x,) = extract_articles([Article(id="t", text=LOWERED, published="1987-03-10")], nlp=nlp)
    names = {e.label for e in x.entities}
    assert {"Chile", "Japan", "West Germany", "United States"} <= names
    labels = {e.key: e.label for e in x.entities}
    flows = {(labels.get(f.subject), f.quantity, labels.get(f.partner))
             for f in x.facts if f.predicate.value == "exports"}
    assert ("Chile", Decimal("120000"), "Japan") in flows


def test_letter_counts_agree_with_str_methods_on_ascii_and_other_text():
    from kg.nlp.truecase import letters_and_capitals

    for text in ["Ruritania SHIPPED 12,000 tonnes, said Mr Vlk.", "zürich ÄRGER über São Tomé", "", "1986/87 - 42"]:
        assert letters_and_capitals(text) == (sum(c.isalpha() for c in text), sum(c.isupper() for c in text))
