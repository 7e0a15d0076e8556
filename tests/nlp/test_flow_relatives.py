from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"
_TABLE = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "Bolivia": ("bo", T.COUNTRY),
          "copper": ("copper", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, _TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.partner) for f in facts]


def test_the_figure_a_relative_trade_clause_qualifies_is_its_figure(parser) -> None:
    text = "Chile wants to make up for the 50,000 tonnes of copper it shipped to Peru last year."
    assert _read(parser, text) == [("exports", "cl", "copper", Decimal("50000"), "pe")]


def test_a_relative_pronoun_object_stands_for_the_figure(parser) -> None:
    text = "Chile wants to make up for 50,000 tonnes of copper that Peru shipped to Bolivia last year."
    assert _read(parser, text) == [("exports", "pe", "copper", Decimal("50000"), "bo")]


def test_a_relative_clause_with_an_object_of_its_own_counts_that(parser) -> None:
    # the clause's own object is what was shipped; the noun it qualifies is no figure of it
    text = "The 300 workers who shipped copper to Peru last year were from Chile."
    assert [f for f in _read(parser, text) if f[3] is not None] == []


def test_a_participle_with_its_trader_after_by_qualifies_its_figure(parser) -> None:
    text = "Bolivia took a third of the 90,000 tonnes of copper exported by Chile last year."
    assert _read(parser, text) == [("exports", "cl", "copper", Decimal("90000"), None)]


def test_a_participle_whose_by_names_no_trader_is_no_flow(parser) -> None:
    text = "Stocks stood at 90,000 tonnes, up on the 80,000 tonnes of copper bought by the fifth week of 1986."
    assert _read(parser, text) == []
