"""Voices and names of newswire statements: "a company spokesman", "Statistics Canada", "Director of Mines X"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _speakers(extracted, text: str) -> list[str]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [names[f.subject] for f in x.facts if f.predicate.value == "said"]


def test_a_company_spokesman_speaks_for_the_company_named_before(extracted) -> None:
    text = "Chile's state copper firm Codelco will raise output by ten pct this year, a company spokesman said."
    assert _speakers(extracted, text) == ["Codelco"]


def test_a_company_spokesman_with_two_companies_around_speaks_for_neither(extracted) -> None:
    text = ("Codelco and Asarco Inc agreed on Monday to build a new smelter near Antofagasta, "
            "a company spokesman said.")
    assert _speakers(extracted, text) == []


def test_a_company_spokesman_speaks_for_the_company_beside_a_body_that_is_none(extracted) -> None:
    text = ("Codelco will raise output by ten pct this year. The European Community will buy more of it "
            "next year, a company spokesman said.")
    assert _speakers(extracted, text) == ["Codelco"]


def test_a_company_spokesman_speaks_for_the_owner_named_in_a_phrase(extracted) -> None:
    # the owner of the plant is what the sentence is about, not a company named in passing
    text = ("Production at Westfield Grain Ltd's crushing plant in Seaforth will stay halted this week, "
            "a company spokesman said.")
    assert _speakers(extracted, text) == ["Westfield Grain Ltd"]
    passing = "Production will stay halted at the plant that sells to Westfield Grain Ltd, a company spokesman said."
    assert _speakers(extracted, passing) == []


def test_other_voices_and_companies_far_back_name_no_company(extracted) -> None:
    # "a union spokesman" is no voice of the company
    assert _speakers(extracted, "Codelco will raise output by ten pct this year, a union spokesman said.") == []
    far = ("Codelco will raise output by ten pct this year. Copper prices rose on Monday. Stocks fell in "
           "London. Traders were cautious. The smelter will close in May, a company spokesman said.")
    assert _speakers(extracted, far) == []


def test_a_national_statistics_agency_named_statistics_and_its_country(extracted) -> None:
    x = extracted("Canada had a trade surplus of 410 mln dlrs in May, Statistics Canada said on Friday.")
    types = {e.label: e.type.value for e in x.entities}
    assert types["Statistics Canada"] == "Agency"
    names = {e.key: e.label for e in x.entities}
    assert ("Statistics Canada", "Canada") in {(names[f.subject], names.get(f.object)) for f in x.facts
                                                if f.predicate.value == "basedIn"}  # fmt: skip
    # the common noun is no agency
    y = extracted("The statistics of Canada show that exports rose in May, the ministry said.")
    assert all(e.type.value != "Agency" or "Statistics" not in e.label for e in y.entities)


def test_a_portfolio_after_title_and_of_is_no_part_of_the_persons_name(extracted) -> None:
    x = extracted("Director of Mines Ahmad Karim said that tin output would fall this year.")
    assert "Ahmad Karim" in {e.label for e in x.entities}
    assert not any("Mines" in e.label for e in x.entities if e.type.value in ("Person", "Official"))


@pytest.mark.parametrize(("text", "start", "end"), [
    ("A friend of Mines Ahmad Karim came.", 3, 6),  # no title before "of": the name is whole
    ("The Secretary of Energy Hodel came.", 3, 5),  # one word left after the portfolio
    ("Director Agriculture Ahmad Karim came.", 1, 4),  # no "of" before the portfolio
])  # fmt: skip
def test_names_without_a_title_and_of_before_the_portfolio_stay_whole(parser, text: str, start: int, end: int) -> None:
    from spacy.tokens import Span

    from kg.nlp.names import after_portfolio

    span = Span(parser(text), start, end, label="PERSON")
    assert after_portfolio(span) == span
    assert after_portfolio(Span(span.doc, start, end, label="ORG")) == Span(span.doc, start, end, label="ORG")


def test_the_exchange_speaks_for_the_one_exchange_named_before(extracted) -> None:
    text = "Volume at the Winnipeg Board of Trade, WBT, fell 12 pct in May to 4,210,000 contracts, the exchange said."
    assert _speakers(extracted, text) == ["Winnipeg Board of Trade"]


def test_the_exchange_is_no_body_whose_name_only_holds_the_word(extracted) -> None:
    # the word inside "Securities and Exchange Commission" describes no exchange
    text = ("The Securities and Exchange Commission approved the rule on Monday. "
            "The exchange said trading would begin in June.")
    assert _speakers(extracted, text) == []


def test_a_listed_company_speaks_past_its_ticker(extracted) -> None:
    text = "Harlow Paper Mills Co <HPM.L> said its pulp imports will fall by a fifth this year."
    assert _speakers(extracted, text) == ["Harlow Paper Mills Co"]


def test_a_ticker_is_no_speaker_of_its_own(extracted) -> None:
    text = "Shares of Harlow Paper Mills Co <HPM.L> fell, traders said."
    assert _speakers(extracted, text) == []
