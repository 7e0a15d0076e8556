"""Titles as wire copy writes them: a stock ticker after the employer, a demonym of two
words, a country before a capitalised title with its "of" phrase, and a title over a list
of portfolios (sentences written for these tests)."""

from __future__ import annotations

import pytest
from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import posts
from kg.nlp.relations.titles import in_ticker

HOLDS = Predicate.HOLDS_POST


def _posts(parser, text, table):
    return sorted((f.subject, f.object, f.role) for f in only(facts_of(parser, text, table, module=posts), HOLDS))


@pytest.mark.model
def test_a_ticker_after_the_employer_is_no_part_of_the_role(extracted) -> None:
    x = extracted("Rice exports will rise, said Peter Wong, Hongkong Bank <HKBH.HK> chief economist.")
    names = {e.key: e.label for e in x.entities}
    assert [(names[f.subject], names[f.object], f.role) for f in only(x.facts, HOLDS)] == [
        ("Peter Wong", "Hongkong Bank", "chief economist")]


@pytest.mark.parametrize("text", ["Harbour Bank <HRBK.HK> senior dealer", "Harbour Bank <HRBK> senior dealer"])
def test_ticker_tokens_are_known_however_tokenized(parser, text) -> None:
    doc = parser.make_doc(text)
    inside = "".join(t.text for t in doc if in_ticker(t))
    assert inside.strip("<>").strip() in ("HRBK.HK", "HRBK") and not in_ticker(doc[-1])


def test_a_demonym_of_two_words_is_no_part_of_the_role(parser) -> None:
    text = "Saudi Arabian Oil Minister Faisal Omar said output would be cut."
    table = {"Faisal Omar": ("omar", T.PERSON), "Saudi": ("sa", T.COUNTRY), "Saudi Arabia": ("sa", T.COUNTRY)}
    assert _posts(parser, text, table) == [("omar", "sa", "Oil Minister")]


def test_a_demonym_before_a_capitalised_title_with_its_field_gives_the_country(parser) -> None:
    text = "Malaysian Chief Inspector of Mines Omar Rahim told Reuters that output would be capped."
    table = {"Omar Rahim": ("rahim", T.PERSON), "Malaysia": ("my", T.COUNTRY)}
    assert _posts(parser, text, table) == [("rahim", "my", "Chief Inspector of Mines")]


def test_a_possessive_country_before_a_capitalised_title_with_its_field(parser) -> None:
    text = "Output will be capped, Ghana's Chief Inspector of Mines Kofi Mensah told Reuters."
    table = {"Kofi Mensah": ("mensah", T.PERSON), "Ghana": ("gh", T.COUNTRY)}
    assert _posts(parser, text, table) == [("mensah", "gh", "Chief Inspector of Mines")]


def test_a_title_over_a_list_of_portfolios(parser) -> None:
    text = "Ghana's Mines, Energy and Steel Minister Kofi Mensah said gold exports fell."
    table = {"Kofi Mensah": ("mensah", T.PERSON), "Ghana": ("gh", T.COUNTRY)}
    assert _posts(parser, text, table) == [("mensah", "gh", "Mines, Energy and Steel Minister")]


def test_a_list_of_countries_before_a_title_is_no_portfolio(parser) -> None:
    text = "Gold exports to Ghana, Togo and Benin rose, Trade Minister Kofi Mensah said."
    table = {"Kofi Mensah": ("mensah", T.PERSON), "Ghana": ("gh", T.COUNTRY),
             "Togo": ("tg", T.COUNTRY), "Benin": ("bj", T.COUNTRY)}  # fmt: skip
    assert all(role == "Trade Minister" for _, _, role in _posts(parser, text, table))


def test_a_noun_ending_the_body_name_before_a_title_stands_for_that_body(parser) -> None:
    text = "The Lima Stock Exchange will open a new session, exchange president Omar Rahim said."
    table = {"Omar Rahim": ("rahim", T.PERSON), "Lima Stock Exchange": ("lse", T.ORGANIZATION)}
    assert _posts(parser, text, table) == [("rahim", "lse", "president")]


def test_a_noun_of_bodies_before_a_title_stands_for_the_body_named_last(parser) -> None:
    text = "Norsk Hydro will cut output by ten pct, company chairman Omar Rahim said."
    table = {"Omar Rahim": ("rahim", T.PERSON), "Norsk Hydro": ("hydro", T.ORGANIZATION)}
    assert _posts(parser, text, table) == [("rahim", "hydro", "chairman")]


def test_a_noun_naming_no_body_of_the_story_gives_no_post(parser) -> None:
    text = "Norsk Hydro will cut output by ten pct, exchange president Omar Rahim said."
    table = {"Omar Rahim": ("rahim", T.PERSON), "Norsk Hydro": ("hydro", T.ORGANIZATION)}
    assert _posts(parser, text, table) == []


def test_a_noun_of_another_kind_of_body_stands_for_no_company(parser) -> None:
    text = "Norsk Hydro will cut 900 jobs, union leader Omar Rahim said."
    table = {"Omar Rahim": ("rahim", T.PERSON), "Norsk Hydro": ("hydro", T.ORGANIZATION)}
    assert _posts(parser, text, table) == []


def test_a_noun_of_companies_stands_for_no_government_body(parser) -> None:
    text = "The Trade Ministry will cut tariffs, company chairman Omar Rahim said."
    table = {"Omar Rahim": ("rahim", T.PERSON), "Trade Ministry": ("ministry", T.AGENCY)}
    assert _posts(parser, text, table) == []


def test_two_titles_joined_before_the_name_are_one_post(parser) -> None:
    text = "Gas prices will fall, Statoil director and senior vice-president Omar Rahim said."
    table = {"Omar Rahim": ("rahim", T.PERSON), "Statoil": ("statoil", T.ORGANIZATION)}
    assert _posts(parser, text, table) == [("rahim", "statoil", "director and senior vice-president")]


def test_two_joined_titles_each_with_its_body_are_two_posts(parser) -> None:
    text = "ATPC chairman and Ghana's Mines and Energy Minister Kofi Mensah pledged support for the curb."
    table = {"Kofi Mensah": ("mensah", T.PERSON), "ATPC": ("atpc", T.ORGANIZATION), "Ghana": ("gh", T.COUNTRY)}
    assert _posts(parser, text, table) == [("mensah", "atpc", "chairman"), ("mensah", "gh", "Mines and Energy Minister")]


def test_a_possessive_pronoun_body_gives_the_post_and_only_facts(parser) -> None:
    # the pronoun's evidence tokens are the fact's evidence, never facts of their own
    text = "Britain said its trade minister John Carver would visit Japan."
    table = {"John Carver": ("carver", T.PERSON), "Britain": ("gb", T.COUNTRY), "Japan": ("jp", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=posts)
    assert all(hasattr(f, "predicate") for f in facts)
    assert _posts(parser, text, table) == [("carver", "gb", "trade minister")]


def test_a_capitalised_title_of_a_body_with_its_short_name_before_the_name(parser) -> None:
    text = ("Chile has no set target for its copper exports, President of the Chilean Copper "
            "Commission, CCC, Luis Mora said.")
    table = {"Luis Mora": ("mora", T.PERSON), "Chilean Copper Commission": ("ccc", T.AGENCY),
             "CCC": ("ccc", T.AGENCY), "Chile": ("cl", T.COUNTRY)}  # fmt: skip
    assert _posts(parser, text, table) == [("mora", "ccc", "President")]


def test_a_list_of_countries_before_a_name_is_no_title(parser) -> None:
    text = "Copper went to France, UK, and Italy, Luis Mora said."
    table = {"Luis Mora": ("mora", T.PERSON), "France": ("fr", T.COUNTRY), "UK": ("uk", T.COUNTRY),
             "Italy": ("it", T.COUNTRY)}  # fmt: skip
    assert _posts(parser, text, table) == []


def test_a_title_for_a_portfolio_at_a_body_is_held_in_that_body(parser) -> None:
    text = '"There is no way out," Ann Lowe, Vice President for Global Services at Delta Econometrics, said.'
    table = {"Ann Lowe": ("lowe", T.PERSON), "Global Services": ("gs", T.AGENCY),
             "Delta Econometrics": ("delta", T.ORGANIZATION)}  # fmt: skip
    assert _posts(parser, text, table) == [("lowe", "delta", "Vice President for Global Services")]


def test_a_spokeswoman_for_a_body_speaks_in_that_body(parser) -> None:
    text = "Exports rose, said Ann Lowe, a spokeswoman for the Steel Institute in Lima."
    table = {"Ann Lowe": ("lowe", T.PERSON), "Steel Institute": ("si", T.ORGANIZATION), "Lima": ("lima", T.PLACE)}
    assert [(s, o) for s, o, _ in _posts(parser, text, table)] == [("lowe", "si")]


def test_a_demonym_on_another_office_is_not_the_country_of_the_post(parser) -> None:
    text = "The Omani leader will hold talks with Prime Minister Ann Lowe during his visit to Oman."
    table = {"Ann Lowe": ("lowe", T.PERSON), "Oman": ("om", T.COUNTRY), "Omani": ("om", T.COUNTRY)}
    assert _posts(parser, text, table) == []


def test_a_demonym_on_the_team_a_minister_heads_is_the_country_of_the_post(parser) -> None:
    text = "The Omani team, headed by Finance Minister Ann Lowe, will hold talks in Paris."
    table = {"Ann Lowe": ("lowe", T.PERSON), "Omani": ("om", T.COUNTRY), "Paris": ("paris", T.PLACE)}
    assert _posts(parser, text, table) == [("lowe", "om", "Finance Minister")]


def test_a_capitalised_title_of_a_body_set_off_by_a_comma_before_the_name(parser) -> None:
    text = ("President of the Chilean Copper Commission, Luis Mora told a press conference "
            "that Chile has no set target for its copper exports.")
    table = {"Luis Mora": ("mora", T.PERSON), "Chilean Copper Commission": ("ccc", T.AGENCY), "Chile": ("cl", T.COUNTRY)}
    assert _posts(parser, text, table) == [("mora", "ccc", "President")]
