from __future__ import annotations


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_a_known_name_ending_a_longer_model_name_yields_to_it(nlp) -> None:
    labels = _labels(nlp, "Analysts at Industrial Bank of Japan expect the yen to rise.")
    assert labels.get("Industrial Bank of Japan") == "Organization"
    assert "Bank of Japan" not in labels


def test_a_demonym_or_title_before_a_known_name_does_not_lengthen_it(nlp) -> None:
    assert _labels(nlp, "The Bank of Japan said it would act.")["Bank of Japan"] == "Agency"
    labels = _labels(nlp, "The Japanese Bank of Japan officials met.")
    assert "Japanese Bank of Japan" not in labels


def test_a_bilateral_body_keeps_its_name(nlp) -> None:
    labels = _labels(nlp, "She spoke to the Peru/Chile Chamber of Commerce on Monday.")
    assert labels["Peru/Chile Chamber of Commerce"] == "Organization"


def test_a_body_pattern_that_only_opens_a_longer_model_name_yields_to_it(nlp) -> None:
    labels = _labels(nlp, "Stocks rose in December, American Bureau Metal Statistics said.")
    assert labels.get("American Bureau Metal Statistics") == "Organization"
    assert "American Bureau" not in labels


def test_a_title_after_a_body_does_not_lengthen_it(nlp) -> None:
    labels = _labels(nlp, "Bank of Japan Governor Satoshi Sumita spoke on Monday.")
    assert labels["Bank of Japan"] == "Agency"
