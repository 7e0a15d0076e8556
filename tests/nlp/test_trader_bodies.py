"""Traders' bodies written in lower case (kg.nlp.trader_bodies) and their country
(kg.nlp.relations.trader_bodies), on sentences written for these tests."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Article, Predicate
from kg.nlp.relations import trader_bodies
from kg.nlp.trader_bodies import trader_body_phrases

_TEXT = ("The joint committee of Korea's maize\nimporters awarded a contract to Cargill Ltd of Chicago, "
         "a committee spokesman said.")


def test_lower_case_traders_body_with_its_country(parser) -> None:
    [(mention, phrase, country)] = trader_body_phrases(parser(_TEXT))
    assert mention.text == "joint committee"
    assert " ".join(phrase.text.split()) == "joint committee of Korea's maize importers"
    assert phrase.doc[country].text == "Korea"


def test_bare_or_named_bodies_are_not_read(parser) -> None:
    assert trader_body_phrases(parser("A committee of exporters met in the capital on Monday.")) == []
    # a capitalised name is the model's to find
    assert trader_body_phrases(parser("The Association of Chilean Fruit Exporters met on Monday.")) == []


def test_the_body_is_an_organization_that_speaks(nlp) -> None:
    from kg.nlp.extract import extract_articles

    extraction = next(extract_articles([Article(id="t", text=_TEXT, published="1987-03-10")]))
    bodies = [e for e in extraction.entities if "joint committee of Korea's maize importers" in e.all_names]
    assert len(bodies) == 1 and bodies[0].type.value == "Organization"


def test_the_body_is_based_in_its_country(parser) -> None:
    table = {"joint committee": ("committee", T.ORGANIZATION), "Korea": ("korea", T.COUNTRY),
             "Cargill Ltd": ("cargill", T.ORGANIZATION), "Chicago": ("chicago", T.PLACE)}
    facts = facts_of(parser, _TEXT, table, module=trader_bodies)
    assert [(f.subject, f.object) for f in only(facts, Predicate.BASED_IN)] == [("committee", "korea")]
