from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import organizations, parent_companies


def _units(parser, text, table, module=parent_companies):
    facts = facts_of(parser, text, table, module=module)
    return sorted((f.subject, f.object) for f in only(facts, Predicate.SUB_ORGANIZATION_OF))


def test_described_unit_with_the_parents_name(parser) -> None:
    text = "Orion Trading Ltd, a Mitsui unit, said it sold 20,000 tonnes of sugar to Egypt."
    table = {"Orion Trading Ltd": ("orion", T.ORGANIZATION), "Mitsui": ("mitsui", T.ORGANIZATION)}
    assert _units(parser, text, table) == [("orion", "mitsui")]


def test_described_unit_with_a_ticker(parser) -> None:
    text = "Halden Oil Inc, a Norsk Kemi <NKM> subsidiary, will build a plant in Ghana."
    table = {"Halden Oil Inc": ("halden", T.ORGANIZATION), "Norsk Kemi": ("norsk", T.ORGANIZATION)}
    assert _units(parser, text, table) == [("halden", "norsk")]


def test_a_description_naming_no_parent_makes_no_unit(parser) -> None:
    text = "Orion Trading Ltd, a large trading unit, said it sold sugar to Egypt, and Mitsui bought it."
    table = {"Orion Trading Ltd": ("orion", T.ORGANIZATION), "Mitsui": ("mitsui", T.ORGANIZATION)}
    assert _units(parser, text, table) == []


def test_owner_possessive_before_the_units_name(parser) -> None:
    text = "Bank of Lisbon's small Argentine commercial bank subsidiary Banco Lisboa SA expects growth."
    table = {"Bank of Lisbon": ("bol", T.ORGANIZATION), "Banco Lisboa SA": ("banco", T.ORGANIZATION)}
    assert _units(parser, text, table) == [("banco", "bol")]


def test_owner_possessive_with_a_verb_between_makes_no_unit(parser) -> None:
    text = "Bank of Lisbon's chairman said the subsidiary Banco Lisboa SA expects growth."
    table = {"Bank of Lisbon": ("bol", T.ORGANIZATION), "Banco Lisboa SA": ("banco", T.ORGANIZATION)}
    assert _units(parser, text, table) == []


def test_parent_company_named_both_ways(parser) -> None:
    table = {"Allied Holdings Inc": ("allied", T.ORGANIZATION), "Texaco": ("texaco", T.ORGANIZATION)}
    text = "The refinery will be sold by Texaco's parent company, the Allied Holdings Inc, next month."
    assert _units(parser, text, table) == [("texaco", "allied")]
    text = "Allied Holdings Inc, the parent company of Texaco, said it would sell the refinery."
    assert _units(parser, text, table) == [("texaco", "allied")]


def test_a_parents_name_in_a_description_places_no_unit_in_its_country(parser) -> None:
    # "British" opens the parent's name: it says nothing of where the unit is
    text = "Kaiser Metals NV, a British Petroleum subsidiary, will build a plant in Jamaica."
    table = {"Kaiser Metals NV": ("kaiser", T.ORGANIZATION), "British Petroleum": ("bp", T.ORGANIZATION)}
    facts = facts_of(parser, text, table, module=organizations)
    assert [f for f in only(facts, Predicate.BASED_IN) if f.subject == "kaiser"] == []


def test_based_word_in_an_apposition_places_the_named_body(parser) -> None:
    text = "Samil Motor Co, the Pusan-based joint venture between Samil Group and Ford, said it will buy more parts."
    table = {"Samil Motor Co": ("samil", T.ORGANIZATION), "Pusan": ("pusan", T.PLACE), "Samil Group": ("group", T.ORGANIZATION),
             "Ford": ("ford", T.ORGANIZATION)}
    facts = facts_of(parser, text, table, module=organizations)
    assert ("samil", "pusan") in [(f.subject, f.object) for f in only(facts, Predicate.BASED_IN)]


def test_a_forum_named_after_a_city_is_not_based_there(parser) -> None:
    text = "Paris hosted the talks. Nigeria reached an agreement with the Paris Club on its debt."
    table = {"Paris": ("paris", T.PLACE), "Nigeria": ("nigeria", T.COUNTRY), "Paris Club": ("club", T.ORGANIZATION)}
    facts = facts_of(parser, text, table, module=organizations)
    assert [f for f in only(facts, Predicate.BASED_IN) if f.subject == "club"] == []
    text = "Paris hosted the talks. Nigeria reached an agreement with the Paris Chamber of Commerce."
    table = {"Paris": ("paris", T.PLACE), "Nigeria": ("nigeria", T.COUNTRY),
             "Paris Chamber of Commerce": ("chamber", T.ORGANIZATION)}
    facts = facts_of(parser, text, table, module=organizations)
    assert [(f.subject, f.object) for f in only(facts, Predicate.BASED_IN)] == [("chamber", "paris")]
