from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from kg.nlp.entities import holds_title, organization_type
from kg.nlp.pipeline import cached_pipeline


@pytest.fixture(scope="module")
def nlp():
    return cached_pipeline()


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def _span(text: str, start: int, end: int) -> Span:
    doc = spacy.blank("en")(text)
    return Span(doc, start, end, label="ORG")


def test_organization_type_by_head_word() -> None:
    assert organization_type(_span("Ministry of Foreign Affairs", 0, 4)) == "Agency"
    assert organization_type(_span("Food Safety Bureau", 0, 3)) == "Agency"
    assert organization_type(_span("Xinhua News Agency", 0, 3)) == "Organization"
    assert organization_type(_span("Acme Holdings Ltd", 0, 3)) == "Organization"
    assert organization_type(_span("WHO", 0, 1)) == "Organization"


def test_pre_modifier_title_makes_an_official(nlp) -> None:
    labels = _labels(nlp, "Tanzanian President John Magufuli opened the new bridge on Monday.")
    assert labels["John Magufuli"] == "Official"
    assert labels["Tanzanian"] == "NORP"
    assert labels["Monday"] == "DATE"


def test_apposition_title_makes_an_official(nlp) -> None:
    labels = _labels(nlp, "Maria Lopez, deputy director of the National Water Agency, said the dam was safe.")
    assert labels["Maria Lopez"] == "Official"
    assert labels["National Water Agency"] == "Agency"


def test_a_person_without_title_stays_a_person(nlp) -> None:
    doc = nlp("Peter Smith, a local farmer, sold his tractor.")
    person = next(e for e in doc.ents if e.text == "Peter Smith")
    assert person.label_ == "Person"
    assert not holds_title(person)


def test_agency_patterns_complete_the_model(nlp) -> None:
    labels = _labels(
        nlp,
        "The Department of Consumer Goods of the State Food and Drug Administration "
        "answered questions from the General Administration of Customs.",
    )
    assert labels["Department of Consumer Goods"] == "Agency"
    assert labels["General Administration of Customs"] == "Agency"


def test_owned_unit_and_national_body(nlp) -> None:
    doc = nlp("Ana Silva, an official with the FDA's drug evaluation office, said the Kenyan government agreed.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["drug evaluation office"] == "Agency"
    assert labels["government"] == "Agency"
    assert labels["Ana Silva"] == "Official"


def test_products_keep_their_modifiers(nlp) -> None:
    labels = _labels(
        nlp,
        "The country exported 2 million surgical gloves, 300 ventilators and some problematic "
        "masks last month.",
    )
    assert labels["surgical gloves"] == "Product"
    assert labels["ventilators"] == "Product"
    assert labels["masks"] == "Product"


def test_goods_nouns_outside_trade_are_no_products(nlp) -> None:
    labels = _labels(nlp, "She told reporters by phone that the car was parked outside.")
    assert "phone" not in labels and "car" not in labels


def test_diseases_and_numbers_are_never_people(nlp) -> None:
    doc = nlp("COVID-19 spread quickly, and 54 countries signed contracts worth $3 billion.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["COVID-19"] == "Disease"
    assert not any(e.label_ in {"Person", "Official", "Organization", "Agency"} for e in doc.ents)


def test_countries_and_places(nlp) -> None:
    labels = _labels(nlp, "Officials in Nairobi said Kenya and the U.S. signed the deal.")
    assert labels["Nairobi"] == "Place"
    assert labels["Kenya"] == "Country"
    assert labels["U.S."] == "Country"
    assert "Officials" not in labels
