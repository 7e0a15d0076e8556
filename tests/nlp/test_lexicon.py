from __future__ import annotations

from kg.nlp import lexicon


def test_every_sovereign_state_has_a_wikidata_item() -> None:
    states = lexicon.countries()
    assert len(states) >= 193
    assert all(c.qid.startswith("Q") for c in states)
    assert len({c.qid for c in states}) == len(states)


def test_country_names_aliases_and_demonyms() -> None:
    assert lexicon.country_of("PRC").qid == "Q148"
    assert lexicon.country_of("U.S.").name == "United States"
    assert lexicon.country_of("Tanzanian").name == "Tanzania"
    assert lexicon.country_of("the Netherlands").name == "Netherlands"
    assert lexicon.country_of_demonym("Chinese").iri == "http://www.wikidata.org/entity/Q148"
    assert lexicon.country_of_demonym("China") is None
    assert lexicon.country_of("Atlantis") is None


def test_titles_with_modifiers() -> None:
    assert lexicon.is_title("deputy director")
    assert lexicon.is_title("Acting Deputy Director")
    assert lexicon.is_title("secretary of state")
    assert lexicon.is_title("spokeswoman")
    assert not lexicon.is_title("reporter")
    assert not lexicon.is_title("deputy")


def test_product_kinds_merge_synonyms() -> None:
    kits = lexicon.product_kind("COVID-19 testing kits")
    assert kits is not None and kits.concept == "testing kits"
    assert lexicon.product_kind("detection kits") == kits
    assert lexicon.product_kind("medical protective suits").concept == "protective suits"
    assert lexicon.product_kind("protective clothing").concept == "protective suits"
    assert lexicon.product_kind("news conference") is None
    assert "mask" in lexicon.product_heads()


def test_organizations_and_agency_heads() -> None:
    who = lexicon.known_organization("WHO")
    assert who is not None and who.name == "World Health Organization"
    assert "ministry" in lexicon.agency_heads()
    assert "department" in lexicon.agency_units()
    assert "university" in lexicon.organization_cues()
    assert lexicon.is_generic("Officials")


def test_private_titles_and_cities() -> None:
    from kg.nlp import lexicon

    assert lexicon.is_private_title("Tesla CEO")
    assert lexicon.is_private_title("head coach")
    assert not lexicon.is_private_title("deputy director")
    if lexicon.city_names():
        assert lexicon.is_city("Onitsha") and not lexicon.is_city("Ministry")


def test_former_states_are_countries_with_their_adjectives() -> None:
    assert lexicon.country_of("USSR").name == "Soviet Union"
    assert lexicon.country_of_demonym("Soviet").qid == "Q15180"
    assert lexicon.country_of_demonym("Yugoslav").name == "Yugoslavia"
    assert lexicon.country_of("Germany").name == "Germany"
