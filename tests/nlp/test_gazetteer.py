from __future__ import annotations

from kg.nlp import gazetteer


def test_every_sovereign_state_has_a_wikidata_item() -> None:
    states = gazetteer.countries()
    assert len(states) >= 193
    assert all(c.qid.startswith("Q") for c in states)
    assert len({c.qid for c in states}) == len(states)


def test_country_names_aliases_and_demonyms() -> None:
    assert gazetteer.country_of("PRC").qid == "Q148"
    assert gazetteer.country_of("U.S.").name == "United States"
    assert gazetteer.country_of("Tanzanian").name == "Tanzania"
    assert gazetteer.country_of("the Netherlands").name == "Netherlands"
    assert gazetteer.country_of_demonym("Chinese").iri == "http://www.wikidata.org/entity/Q148"
    assert gazetteer.country_of_demonym("China") is None
    assert gazetteer.country_of("Atlantis") is None


def test_cities() -> None:
    if gazetteer.city_names():
        assert gazetteer.is_city("Onitsha") and not gazetteer.is_city("Ministry")


def test_former_states_are_countries_with_their_adjectives() -> None:
    assert gazetteer.country_of("USSR").name == "Soviet Union"
    assert gazetteer.country_of_demonym("Soviet").qid == "Q15180"
    assert gazetteer.country_of_demonym("Yugoslav").name == "Yugoslavia"
    assert gazetteer.country_of("Germany").name == "Germany"


def test_the_two_yemens_before_1990_are_countries_apart_from_yemen() -> None:
    assert gazetteer.country_of("North Yemen").qid == "Q267584"
    assert gazetteer.country_of("Yemen Arab Republic").name == "North Yemen"
    assert gazetteer.country_of("South Yemen").qid == "Q199841"
    assert gazetteer.country_of("Yemen").name == "Yemen"


def test_the_wire_spelling_of_liechtenstein_is_its_name_but_an_ambiguous_one() -> None:
    assert gazetteer.country_of("Lichtenstein").name == "Liechtenstein"
    assert "lichtenstein" in gazetteer.ambiguous_countries()  # also a surname ("Roy Lichtenstein")


def test_renamed_states_keep_their_old_names() -> None:
    assert gazetteer.country_of("Zaire").name == "Democratic Republic of the Congo"
    assert gazetteer.country_of_demonym("Zairean").name == "Democratic Republic of the Congo"
    assert gazetteer.country_of("Upper Volta").name == "Burkina Faso"
    assert gazetteer.country_of("Dahomey").name == "Benin"
    assert gazetteer.country_of("Kampuchea").name == "Cambodia"
    assert gazetteer.country_of("Ceylon").name == "Sri Lanka"


def test_a_foreign_spelling_is_no_name_of_its_own() -> None:
    # The gazetteer holds English names only: one story's Spanish spelling is no rule
    assert gazetteer.country_of("Corea") is None


def test_a_divided_country_s_short_name_means_the_part_the_story_names() -> None:
    germany = gazetteer.country_of("German")
    story = "West German car exports fell, the German Automobile Industry Association said."
    assert gazetteer.part_meant(germany, story).name == "West Germany"
    # the whole country written by itself, or both parts named: the short name stays the whole
    assert gazetteer.part_meant(germany, "Germany and West German firms").name == "Germany"
    assert gazetteer.part_meant(germany, "West German and East German trade, German firms said").name == "Germany"
    assert gazetteer.part_meant(gazetteer.country_of("Sudan"), "Sudan and South Sudan").name == "Sudan"
    assert gazetteer.part_meant(gazetteer.country_of("Peru"), "Peru").name == "Peru"



def test_a_state_is_sovereign_only_from_its_independence() -> None:
    from kg.nlp.gazetteer import country_of, sovereign_on

    ukraine, france = country_of("Ukraine"), country_of("France")
    assert not sovereign_on(ukraine, "1987-03-10")
    assert sovereign_on(ukraine, "1995-01-01")
    assert sovereign_on(ukraine, None)  # no date: today's reading
    assert sovereign_on(france, "1987-03-10")


def test_a_republic_of_another_state_is_a_place_in_older_news(extracted) -> None:
    types = {e.label: e.type.value for e in extracted("Grain output in Kazakhstan fell, Poland said.").entities}
    assert types["Kazakhstan"] == "Place"
    assert types["Poland"] == "Country"


def test_a_name_written_without_its_apostrophe_is_the_country() -> None:
    assert gazetteer.country_of("Peoples Republic of China").name == "China"
    assert gazetteer.country_of("Cote dIvoire").name == "Ivory Coast"
