"""How roles are written: the title as in the text, hyphenated words whole."""

from __future__ import annotations

import pytest
from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import posts

HOLDS = Predicate.HOLDS_POST


def _posts(facts):
    return sorted((f.subject, f.object, f.role) for f in only(facts, HOLDS))


def test_hyphenated_prefix_stays_in_the_role(parser) -> None:
    text = "Ann Lowe, co-owner of the Blue Door Cafe, said sales fell."
    table = {"Ann Lowe": ("lowe", T.PERSON), "Blue Door Cafe": ("cafe", T.ORGANIZATION)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("lowe", "cafe", "co-owner")]


def test_vice_president_in_apposition(parser) -> None:
    text = "Paul Grant, vice-president of Acme Corp, disagreed."
    table = {"Paul Grant": ("grant", T.PERSON), "Acme Corp": ("acme", T.ORGANIZATION)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("grant", "acme", "vice-president")]


def test_hyphenated_title_after_the_head(parser) -> None:
    text = "Mary Hall, the editor-in-chief of the Daily Star, wrote the piece."
    table = {"Mary Hall": ("hall", T.PERSON), "Daily Star": ("star", T.ORGANIZATION)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("hall", "star", "editor-in-chief")]


def test_spaced_dash_is_not_part_of_the_role(parser) -> None:
    text = "Mary Hall, the editor of the Daily Star - a tabloid - wrote the piece."
    table = {"Mary Hall": ("hall", T.PERSON), "Daily Star": ("star", T.ORGANIZATION)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("hall", "star", "editor")]


def test_unknown_named_body_stops_the_search(parser) -> None:
    text = "Ann Lowe, a co-owner of Italian restaurant Trattoria Rosa in Traverse City, said so."
    table = {"Ann Lowe": ("lowe", T.PERSON), "Traverse City": ("tc", T.PLACE)}
    assert _posts(facts_of(parser, text, table, module=posts)) == []


def test_unknown_named_body_is_not_the_country(parser) -> None:
    text = ("Kenya is large. Kenya is dry. Kenya is hot. Dr. Paul Otieno, now president of the "
            "Otieno Research Center, helped.")  # fmt: skip
    table = {"Paul Otieno": ("otieno", T.PERSON), "Kenya": ("kenya", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == []


def test_body_after_a_second_title(parser) -> None:
    text = "Dr. Paul Otieno, now president and director emeritus of the Otieno Research Center, helped."
    table = {"Paul Otieno": ("otieno", T.PERSON), "Otieno Research Center": ("orc", T.ORGANIZATION)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [
        ("otieno", "orc", "president and director emeritus")
    ]


def test_minister_without_a_body_is_an_office_of_the_country(parser) -> None:
    text = "China grew. China built. China sold. Health minister Anna Berg said exports fell."
    table = {"Anna Berg": ("berg", T.PERSON), "China": ("china", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("berg", "china", "Health minister")]


def test_minister_in_a_sentence_naming_another_country_is_left_alone(parser) -> None:
    text = "China grew. China built. China sold. Health minister Anna Berg visited Kenya."
    table = {"Anna Berg": ("berg", T.PERSON), "China": ("china", T.COUNTRY), "Kenya": ("kenya", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == []


def test_courtesy_titles_are_no_part_of_a_role(parser) -> None:
    text = "BBC director-general Sir John Birt said the plans were sound."
    table = {"BBC": ("bbc", T.ORGANIZATION), "John Birt": ("birt", T.PERSON)}
    facts = [f for f in facts_of(parser, text, table, module=posts) if f.predicate is HOLDS]
    assert [(f.subject, f.object, f.role) for f in facts] == [("birt", "bbc", "director-general")]


def test_a_company_post_of_a_country_is_a_name_cut_short(parser) -> None:
    text = "The chief finance officer of United States, John Doe, resigned."
    table = {"United States": ("us", T.COUNTRY), "John Doe": ("doe", T.PERSON)}
    facts = facts_of(parser, text, table, module=posts)
    assert [f for f in facts if f.predicate in (Predicate.HOLDS_POST, Predicate.NATIONALITY)] == []


def test_courtesy_title_before_the_name_leaves_the_role(parser) -> None:
    text = "Acme Corp chairman Mr Paul Grant said the plans were sound."
    table = {"Acme Corp": ("acme", T.ORGANIZATION), "Paul Grant": ("grant", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("grant", "acme", "chairman")]


def test_courtesy_title_that_opens_the_post_stays_in_it(parser) -> None:
    text = "The Pellham Council's Lord Provost Lord Tom Grant opened the bridge."
    table = {"Pellham Council": ("council", T.AGENCY), "Tom Grant": ("grant", T.PERSON)}
    roles = [f.role for f in only(facts_of(parser, text, table, module=posts), HOLDS) if f.role]
    assert roles == ["Lord Provost"]


def test_a_ministers_party_is_no_body_of_the_post(parser) -> None:
    text = "Labour minister Ann Lowe said the plan would work."
    table = {"Labour": ("labour", T.ORGANIZATION), "Ann Lowe": ("lowe", T.PERSON)}
    assert [f for f in _posts(facts_of(parser, text, table, module=posts)) if f[1] == "labour"] == []


def test_a_party_leader_holds_a_post_in_the_party(parser) -> None:
    text = "Labour leader Ann Lowe said the plan would work."
    table = {"Labour": ("labour", T.ORGANIZATION), "Ann Lowe": ("lowe", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("lowe", "labour", "leader")]


def test_a_region_before_the_title_is_the_posts_portfolio(parser) -> None:
    text = "Norway's Europe Director Tom Brook will lead the talks."
    table = {"Norway": ("no", T.COUNTRY), "Europe": ("eu", T.PLACE), "Tom Brook": ("brook", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("brook", "no", "Europe Director")]


def test_a_ticker_in_angle_brackets_is_no_part_of_the_role(parser) -> None:
    text = "Acme Bank <ACMB.L> chief dealer Tom Reid said rates would fall."
    table = {"Acme Bank": ("acme", T.ORGANIZATION), "Tom Reid": ("reid", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("reid", "acme", "chief dealer")]


def test_a_title_the_parser_split_from_the_name_still_opens_it(parser) -> None:
    # "Will" read as an auxiliary: title and name are two subjects of "said"
    text = "<Pacific Trust Ltd> chief economist Will Carver said the surplus was welcome."
    table = {"Pacific Trust Ltd": ("pt", T.ORGANIZATION), "Will Carver": ("carver", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("carver", "pt", "chief economist")]


@pytest.mark.parametrize("text", [
    "Ann Wu, a Pacific Growers Association (PGA) spokesman, told reporters.",
    "John Hart, a Prairie Grain Board (PGB) spokesman, told reporters.",
])
def test_a_short_name_in_brackets_between_body_and_title(parser, text) -> None:
    body = next(n for n in ("Pacific Growers Association", "Prairie Grain Board") if n in text)
    person = text.split(",")[0]
    table = {body: ("body", T.ORGANIZATION), person: ("p", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("p", "body", "spokesman")]


def test_a_short_name_in_brackets_before_no_title_makes_no_post(parser) -> None:
    text = "Ann Wu, a Pacific Growers Association (PGA) farmer since 1980, told reporters."
    table = {"Pacific Growers Association": ("body", T.ORGANIZATION), "Ann Wu": ("p", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == []


@pytest.mark.parametrize(("words", "role"), [
    ("market-oriented Prime Minister", "Prime Minister"),
    ("popular Prime Minister", "Prime Minister"),
    ("deputy Prime Minister", "deputy Prime Minister"),
    ("acting Prime Minister", "acting Prime Minister"),
])  # fmt: skip
def test_a_lower_case_description_before_a_capitalised_title_is_no_part_of_it(parser, words, role) -> None:
    text = f"Ruritania's {words} Karl Brandt opened the fair."
    table = {"Karl Brandt": ("brandt", T.PERSON), "Ruritania": ("ru", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("brandt", "ru", role)]


def test_a_portfolio_list_is_the_whole_role(parser) -> None:
    text = "Ana Ruiz, Chile's Minister of Health, Social Welfare and Sport, said costs rose."
    table = {"Ana Ruiz": ("ruiz", T.PERSON), "Chile": ("chile", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [
        ("ruiz", "chile", "Minister of Health, Social Welfare and Sport")]


def test_a_portfolio_list_drops_no_names_after_it(extracted) -> None:
    x = extracted("Li Wen, China's Minister of Mining, Rural Welfare and Fisheries, said costs rose.")
    assert sorted(e.label for e in x.entities) == ["China", "Li Wen"]
    assert sorted((f.predicate.value, f.role) for f in x.facts if f.predicate.value == "holdsPost") == [
        ("holdsPost", "Minister of Mining, Rural Welfare and Fisheries")]
