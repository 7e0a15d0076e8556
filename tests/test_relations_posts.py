from __future__ import annotations

from relations_tables import T, facts_of, only, parser  # noqa: F401 (fixture)

from kg.model import Predicate
from kg.nlp.relations import posts

HOLDS = Predicate.HOLDS_POST


def _posts(facts):
    return sorted((f.subject, f.object, f.role) for f in only(facts, HOLDS))


def test_apposition_post_is_in_the_first_body(parser) -> None:
    text = ("Zhang Qi, deputy director of the Department of Medical Device Regulation of the "
            "National Medical Products Administration, said so.")  # fmt: skip
    table = {"Zhang Qi": ("zhang", T.PERSON),
             "Department of Medical Device Regulation": ("dmdr", T.AGENCY),
             "National Medical Products Administration": ("nmpa", T.AGENCY)}  # fmt: skip
    facts = facts_of(parser, text, table, module=posts)
    assert _posts(facts) == [("zhang", "dmdr", "deputy director")]
    assert facts[0].extractor == "post-apposition" and facts[0].confidence == 0.9


def test_official_with_a_possessed_department(parser) -> None:
    text = "Jiang Fan, an official with the MOC's foreign trade department, said those reports were wrong."
    table = {"Jiang Fan": ("jiang", T.PERSON), "MOC": ("mofcom", T.AGENCY),
             "foreign trade department": ("ftd", T.AGENCY)}  # fmt: skip
    assert _posts(facts_of(parser, text, table, module=posts)) == [("jiang", "ftd", "official")]


def test_premodifier_with_demonym_gives_post_in_country_and_nationality(parser) -> None:
    text = "Tanzanian President John Magufuli visited Dodoma."
    table = {"John Magufuli": ("magufuli", T.PERSON), "Tanzanian": ("tz", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=posts)
    assert _posts(facts) == [("magufuli", "tz", "President")]
    assert [(f.subject, f.object) for f in only(facts, Predicate.NATIONALITY)] == [("magufuli", "tz")]


def test_premodifier_with_body_name(parser) -> None:
    text = "Commerce Ministry spokesman Gao Feng spoke on Thursday."
    table = {"Gao Feng": ("gao", T.PERSON), "Commerce Ministry": ("mofcom", T.AGENCY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("gao", "mofcom", "spokesman")]


def test_relative_clause_and_place(parser) -> None:
    text = "Sergei Sobyanin, who is the mayor of Moscow, said the city was ready."
    table = {"Sergei Sobyanin": ("sobyanin", T.PERSON), "Moscow": ("moscow", T.PLACE)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("sobyanin", "moscow", "mayor")]


def test_title_without_a_body_gives_no_post(parser) -> None:
    text = "Secretary of State Mike Pompeo met reporters."
    assert _posts(facts_of(parser, text, {"Mike Pompeo": ("pompeo", T.PERSON)}, module=posts)) == []


def test_field_of_a_title_stays_in_the_role(parser) -> None:
    text = "Spain's minister of sport Jaime Lissavetzky backed the decision."
    table = {"Jaime Lissavetzky": ("jl", T.PERSON), "Spain": ("spain", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("jl", "spain", "minister of sport")]
