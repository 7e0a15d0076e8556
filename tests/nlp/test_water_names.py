"""Names of waters and shores are places, whatever the model read them as; a body named after
waters stays a body (kg.nlp.water_names)."""

from __future__ import annotations

import pytest


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


@pytest.mark.parametrize(("text", "name"), [
    ("Freight rates for maize from the Texas Gulf to Rotterdam rose, brokers said.", "Texas Gulf"),
    ("Ontario shipped 1.8 mln tonnes of grain through the Welland Canal last season.", "Welland Canal"),
    ("Ships carried 900,000 tonnes of ore on the St Lawrence Seaway in May.", "St Lawrence Seaway"),
])
def test_a_water_name_is_a_place(nlp, text: str, name: str) -> None:
    assert _labels(nlp, text).get(name) == "Place"


@pytest.mark.parametrize(("text", "name"), [
    ("The Canadian Lake Carriers Association said shipping would resume in April.",
     "Canadian Lake Carriers Association"),
    ("Red River Trading Co sold 12,000 tonnes of sorghum to Mexico.", "Red River Trading Co"),
])
def test_a_body_named_after_waters_stays_a_body(nlp, text: str, name: str) -> None:
    assert _labels(nlp, text).get(name) == "Organization"


def test_terms_of_delivery_before_waters_make_no_place(nlp) -> None:
    labels = _labels(nlp, "Bunge sold 8,000 tonnes of sorghum at 81.20 dlrs FOB Gulf for May shipment.")
    assert labels.get("FOB Gulf") != "Place"
