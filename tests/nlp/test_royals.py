from __future__ import annotations

from kg.nlp.royals import reigns, royal_names


def _royals(nlp, text: str) -> dict[str, str]:
    return {s.text: s.label_ for s in royal_names(nlp(text))}


def test_styles_say_who_reigns() -> None:
    assert reigns("Emir") is True
    assert reigns("crown prince") is False
    assert reigns("governor") is None


def test_a_monarch_is_an_official_and_keeps_the_style(nlp) -> None:
    labels = {e.text: e.label_ for e in nlp("Queen Margrethe received King Hussein in Copenhagen on Monday.").ents}
    assert labels["Queen Margrethe"] == "Official"
    assert labels["King Hussein"] == "Official"


def test_a_former_monarch_is_an_official_too(nlp) -> None:
    assert _royals(nlp, "Two sultans came before him: Sultan Omar visited in 1960.") == {"Sultan Omar": "Official"}


def test_royals_without_office_are_persons(nlp) -> None:
    labels = {e.text: e.label_ for e in nlp("Spain's Princess Elena and Prince Felipe toured the harbour.").ents}
    assert labels["Princess Elena"] == "Person"
    assert labels["Prince Felipe"] == "Person"


def test_a_regnal_number_belongs_to_the_name(nlp) -> None:
    assert _royals(nlp, "King Juan Carlos I opened the fair.") == {"King Juan Carlos I": "Official"}


def test_places_ships_and_surnames_are_no_royals(nlp) -> None:
    assert _royals(nlp, "Prince Edward Island farmers sold more potatoes.") == {}
    assert _royals(nlp, "Passengers left the Queen Mary at Long Beach.") == {}
    assert _royals(nlp, "Flights to King Khalid International Airport resumed.") == {}
    assert _royals(nlp, "Bank governor Mervyn King said rates would stay.") == {}
    assert _royals(nlp, "The king said the talks had failed.") == {}


def _facts(extracted, text: str) -> set[tuple[str, str, str, str | None]]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return {(names.get(f.subject, f.subject), f.predicate.value, names.get(f.object, f.object), f.role)
            for f in x.facts if f.predicate.value in {"holdsPost", "nationality"}}


def test_a_monarch_of_a_country_holds_its_throne(extracted) -> None:
    facts = _facts(extracted, "King Hussein of Jordan arrived in Paris on Monday. Norway's King Olav met him.")
    assert ("King Hussein", "holdsPost", "Jordan", "King") in facts
    assert ("King Olav", "holdsPost", "Norway", "King") in facts
    assert not any(f[1] == "nationality" for f in facts)


def test_another_royal_of_a_country_is_its_national(extracted) -> None:
    facts = _facts(extracted, "Spain's Princess Elena toured the harbour on Monday.")
    assert ("Princess Elena", "nationality", "Spain", None) in facts
