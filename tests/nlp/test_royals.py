from __future__ import annotations

from kg.nlp.royals import reigns, royal_names, styled_name


def _royals(nlp, text: str) -> dict[str, str]:
    return {s.text: s.label_ for s in royal_names(nlp(text))}


def test_styles_say_who_reigns() -> None:
    assert reigns("Emir") is True
    assert reigns("crown prince") is False
    assert reigns("governor") is None


def test_a_monarch_is_an_official_named_after_the_style(nlp) -> None:
    doc = nlp("Queen Margrethe received King Hussein in Copenhagen on Monday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Margrethe"] == "Official"
    assert labels["Hussein"] == "Official"
    assert {styled_name(e) for e in doc.ents} >= {"Queen Margrethe", "King Hussein"}


def test_a_former_monarch_is_an_official_too(nlp) -> None:
    assert _royals(nlp, "Two sultans came before him: Sultan Omar visited in 1960.") == {"Omar": "Official"}


def test_royals_without_office_are_persons(nlp) -> None:
    labels = {e.text: e.label_ for e in nlp("Spain's Princess Elena and Prince Felipe toured the harbour.").ents}
    assert labels["Elena"] == "Person"
    assert labels["Felipe"] == "Person"


def test_a_regnal_number_belongs_to_the_name(nlp) -> None:
    assert _royals(nlp, "King Juan Carlos I opened the fair.") == {"Juan Carlos I": "Official"}


def test_places_ships_and_surnames_are_no_royals(nlp) -> None:
    assert _royals(nlp, "Prince Edward Island farmers sold more potatoes.") == {}
    assert _royals(nlp, "Passengers left the Queen Mary at Long Beach.") == {}
    assert _royals(nlp, "Flights to King Khalid International Airport resumed.") == {}
    assert _royals(nlp, "Bank governor Mervyn King said rates would stay.") == {}
    assert _royals(nlp, "The king said the talks had failed.") == {}


def test_the_entity_goes_by_its_styled_name_and_holds_the_throne(extracted) -> None:
    x = extracted("King Hussein of Jordan arrived in Paris on Monday. Britain's Prince Andrew met him.")
    by_label = {e.label: e for e in x.entities}
    assert "King Hussein" in by_label["Hussein"].names
    assert by_label["Hussein"].type.value == "Official"
    assert by_label["Andrew"].type.value == "Person" and "Prince Andrew" in by_label["Andrew"].names
    posts = {(f.subject, f.role) for f in x.facts if f.predicate.value == "holdsPost"}
    assert (by_label["Hussein"].key, "King") in posts
    assert not any(s == by_label["Andrew"].key for s, _ in posts)


def test_a_monarch_of_a_country_is_its_national_too(extracted) -> None:
    x = extracted("Sultan Qaboos of Oman met oil ministers in Muscat on Tuesday.")
    keys = {e.label: e.key for e in x.entities}
    facts = {(f.predicate.value, f.subject, f.object) for f in x.facts}
    assert ("holdsPost", keys["Qaboos"], keys["Oman"]) in facts
    assert ("nationality", keys["Qaboos"], keys["Oman"]) in facts


def test_a_royal_style_takes_no_country_from_elsewhere_in_the_sentence(extracted) -> None:
    x = extracted("King Olav will visit France with his trade and oil ministers next week.")
    assert not [f for f in x.facts if f.predicate.value in {"holdsPost", "nationality"}]


def test_a_style_inside_a_persons_name_is_a_surname(parser) -> None:
    # the model reads "Martin Luther King Jnr" as one person: "King" is no style there
    assert {s.text for s in royal_names(parser("The choir sang at the memorial for Martin Luther King Jnr in Atlanta."))} == set()


def test_a_royal_after_his_countrys_demonym_stays_a_royal(parser) -> None:
    # the model reads "Belgian King Baudouin" as one person; "Belgian" is no first name
    assert {s.text for s in royal_names(parser("1930 - Belgian King Baudouin I born."))} == {"Baudouin I"}


def test_a_site_named_after_a_royal_is_no_royal(parser) -> None:
    assert {s.text for s in royal_names(parser("Trains left London's Queen Anne station late."))} == set()
    assert {s.text for s in royal_names(parser("Doctors at the Prince Albert hospital went on strike."))} == set()


def test_a_royal_before_a_verb_stays_a_royal(parser) -> None:
    assert {s.text for s in royal_names(parser("King Hussein met Prince Charles in London on Monday."))} == {
        "Hussein", "Charles"}
