"""A sentence that names no reporting body is still the one the story last named
(kg.nlp.relations.story_reporters): after "..., the U.S. Agriculture Department said", a
dollar-country buyer's "valued at 4.0 mln dlrs" is in U.S. dollars; a sentence naming its own
body keeps that body's currency."""

from __future__ import annotations

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Barbados": ("bb", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "maize": ("maize", T.PRODUCT),
         "U.S. Agriculture Department": ("usda", T.AGENCY), "Barbados Marketing Board": ("bmb", T.AGENCY)}


def _value_currencies(parser, text: str) -> list[str]:
    facts = facts_of(parser, text, TABLE, published="1987-04-02", module=flows)
    return [f.currency for f in facts if f.predicate.value == "importValue"]


def test_the_dollars_of_a_sentence_after_a_us_body_report_are_us_dollars(parser) -> None:
    text = ("Barbados has been authorized to buy 30,000 tonnes of U.S. maize under a credit programme, "
            "the U.S. Agriculture Department said. It may buy the maize, valued at 4.0 mln dlrs, "
            "between May 1 and June 30 and ship it from U.S. ports.")
    assert _value_currencies(parser, text) == ["USD"]


def test_a_sentence_naming_its_own_body_keeps_its_currency(parser) -> None:
    text = ("Barbados has been authorized to buy 30,000 tonnes of U.S. maize, the U.S. Agriculture "
            "Department said. Barbados imported maize valued at 4.0 mln dlrs last year, the Barbados "
            "Marketing Board said.")
    assert _value_currencies(parser, text) == ["BBD"]
