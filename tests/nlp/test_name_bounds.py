from __future__ import annotations


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_a_foreign_particle_joins_the_halves_of_one_name(nlp) -> None:
    labels = _labels(nlp, "An economist at Bank fuer Landwirtschaft in Bonn expects lower rates.")
    assert "Bank fuer Landwirtschaft" in labels


def test_a_country_after_a_foreign_particle_is_not_joined() -> None:
    import spacy
    from spacy.tokens import Span

    from kg.nlp.name_bounds import mended_bounds

    doc = spacy.blank("en")("A unit , Banco Sud do Canada , said so .")
    assert [s.text for s in mended_bounds([Span(doc, 3, 5, label="Organization")])] == ["Banco Sud"]
    doc = spacy.blank("en")("A unit , Banco Sud do Comercio , said so .")
    assert [s.text for s in mended_bounds([Span(doc, 3, 5, label="Organization")])] == ["Banco Sud do Comercio"]


def test_an_english_preposition_joins_no_names(nlp) -> None:
    labels = _labels(nlp, "Siemens sold turbines to Fiat for Alitalia last year.")
    assert not any(" for " in name for name in labels)


def test_a_turkish_bank_head_takes_the_capitalised_words_before_it(nlp) -> None:
    labels = _labels(nlp, "Bursa-based Turkiye Halk Bankasi said its lending rose.")
    assert labels.get("Turkiye Halk Bankasi") == "Organization"
    assert "Turkiye" not in labels
    labels = _labels(nlp, "Turkiye Emlak Bankasi AS said profits rose.")
    assert labels.get("Turkiye Emlak Bankasi AS") == "Organization"


def test_a_country_adjective_opens_a_national_bank_name(nlp) -> None:
    labels = _labels(nlp, "Czech National Bank head Pavel Novak was quoted by CTK as saying so.")
    assert "Czech National Bank" in labels
    assert "National Bank" not in labels


def test_a_country_adjective_before_another_body_stays_apart(nlp) -> None:
    labels = _labels(nlp, "Polish officials met the Export Credits Board on Monday.")
    assert not any(name.startswith("Polish ") for name in labels)


def test_a_legal_form_after_a_known_firm_is_the_firms(nlp) -> None:
    labels = _labels(nlp, "The wheat was sold to Richco Grain Ltd of Boston, dealers said.")
    assert labels.get("Richco Grain Ltd") == "Organization"
    assert labels.get("Boston") == "Place"


def test_a_club_of_described_members_ends_at_the_club(nlp) -> None:
    labels = _labels(nlp, "The Paris Club of Western creditor nations agreed to reschedule the loans.")
    assert "Paris Club" in labels
    assert not any("Western" in name for name in labels)


def test_a_group_of_a_number_keeps_its_name(nlp) -> None:
    labels = _labels(nlp, "The Group of Seven leading industrial democracies met in Rome.")
    assert "Group of Seven" in labels
