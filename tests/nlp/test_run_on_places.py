"""Places the model ran into another name (kg.nlp.run_on_places)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kg.nlp.run_on_places import places_apart


def _parts(text: str, start: int, end: int, label: str = "ORG") -> list[tuple[str, str]]:
    doc = spacy.blank("en")(text)
    return [(s.text, s.label_) for s in places_apart(Span(doc, start, end, label=label))]


def test_a_title_before_a_known_place_is_no_entity() -> None:
    assert _parts("the embassy's Attache in Nairobi said so", 3, 6) == [("Nairobi", "GPE")]


def test_a_name_before_a_known_place_keeps_its_label() -> None:
    assert _parts("They met the Green Eagles in Lagos today", 3, 7) == [("Green Eagles", "ORG"), ("Lagos", "GPE")]


def test_two_places_joined_by_and_one_of_them_known_are_two() -> None:
    assert _parts("bound for Antwerp and Zeebrugge later", 2, 5) == [("Antwerp", "GPE"), ("Zeebrugge", "GPE")]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Trinidad and Tobago exported oil", 0, 3),  # one country's name
    ("the Ministry of Trade and Industry said", 1, 6),  # a body's fields
    ("Marks and Spencer said", 0, 3),  # no known place
    ("the Bank of Nova Scotia in Halifax said", 1, 5),  # no link inside the span
    ("Smith and Jones in Lagos", 0, 3),  # two unknowns joined by "and"
])
def test_names_that_run_no_place_in_stay_whole(text, start, end) -> None:
    doc = spacy.blank("en")(text)
    span = Span(doc, start, end, label="ORG")
    assert places_apart(span) == [span]


def test_the_pipeline_reads_the_place_apart(nlp) -> None:
    labels = {e.text: e.label_ for e in nlp("The U.S. Agriculture Department's Attache in Nairobi said "
                                             "maize imports would fall.").ents}
    assert labels.get("Nairobi") == "Place"
    assert not any(" in " in name for name in labels)


def test_a_country_after_the_one_told_opens_the_reported_clause(nlp) -> None:
    doc = nlp("Brokers told Reuters Kenya had suspended the licences.")
    span = next(e for e in doc.ents if e.text.startswith("Reuters"))
    assert span.text == "Reuters"
    assert ("Kenya", "Country") in [(e.text, e.label_) for e in doc.ents]
    blank = spacy.blank("en")("Officials told Reuters Kenya had agreed")
    blank[1].lemma_ = "tell"
    assert [s.text for s in places_apart(Span(blank, 2, 4, label="ORG"))] == ["Reuters", "Kenya"]
    assert [s.text for s in places_apart(Span(blank, 0, 1, label="ORG"))] == ["Officials"]
