"""A capital named as the subject of a trade clause trades for its country's government,
when the story names that country (kg.nlp.relations.capital_traders)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-20"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity) for f in facts]


def test_the_capital_that_buys_is_its_country(parser) -> None:
    text = ("The Soviet Union kept to its grain pact. Moscow bought 4.1 mln tonnes of corn and "
            "95,000 tonnes of barley during the agreement year.")
    table = {"Soviet Union": ("su", T.COUNTRY), "Moscow": ("moscow", T.PLACE), "corn": ("corn", T.PRODUCT),
             "barley": ("barley", T.PRODUCT)}
    assert _read(parser, text, table) == [("imports", "su", "corn", Decimal("4100000")),
                                          ("imports", "su", "barley", Decimal("95000"))]


def test_the_capital_that_imports_is_its_country(parser) -> None:
    text = "Kenya is short of maize. Nairobi will import 120,000 tonnes of maize this year, officials said."
    table = {"Kenya": ("ke", T.COUNTRY), "Nairobi": ("nairobi", T.PLACE), "maize": ("maize", T.PRODUCT)}
    assert _read(parser, text, table) == [("imports", "ke", "maize", Decimal("120000"))]


def test_a_capital_whose_country_the_story_does_not_name_trades_nothing(parser) -> None:
    text = "Nairobi will import 120,000 tonnes of maize this year, officials said."
    table = {"Nairobi": ("nairobi", T.PLACE), "maize": ("maize", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_a_market_city_as_subject_is_no_country(parser) -> None:
    # "London" stands for its traders, not the British government
    text = "Britain's sugar trade was quiet. London sold 20,000 tonnes of white sugar this week, dealers said."
    table = {"Britain": ("gb", T.COUNTRY), "London": ("london", T.PLACE), "white sugar": ("sugar", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[1] == "gb"] == []
