"""Numbers that are part of a name are no figure (kg.nlp.relations.designator_numbers):
"Section 416", "PL 480", "GSM-102", "No. 2"; a country or goods name before a number still
opens a list item."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows
from kg.nlp.relations.designator_numbers import names_a_number

pytestmark = pytest.mark.model
TABLE = {"United States": ("us", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Norway": ("no", T.COUNTRY),
         "maize": ("maize", T.PRODUCT), "Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY),
         "Norwegian": ("no", T.COUNTRY), "salmon": ("salmon", T.PRODUCT)}


def _quantities(parser, text: str) -> set[Decimal]:
    facts = facts_of(parser, text, TABLE, published="1987-04-02", module=flows)
    return {f.quantity for f in facts if f.predicate.value in ("exports", "imports") and f.quantity is not None}


@pytest.mark.parametrize(("text", "number", "named"), [
    ("The aid falls under Section 212 of the act.", "212", True),
    ("Wheat sold under PL 480 went south.", "480", True),
    ("Buyers want U.S. No. 3 maize.", "3", True),
    ("Chile 4,500 tonnes and Peru 3,000 tonnes.", "4,500", False),
    ("Under the rule 12 buyers left.", "12", False),
])
def test_a_capitalised_designator_makes_the_number_a_name(parser, text: str, number: str, named: bool) -> None:
    doc = parser(text)
    index = next(t.i for t in doc if t.text == number)
    assert names_a_number(doc, index) is named


def test_a_law_section_number_is_no_quantity_of_the_flow(parser) -> None:
    text = ("The bill raises the maize the U.S. must export each year under an aid scheme called "
            "Section 212 to 600,000 tonnes.")
    assert Decimal("212") not in _quantities(parser, text)


def test_a_list_item_after_a_country_name_is_still_a_figure(parser) -> None:
    text = "Norwegian salmon exports went to Chile 4,500 tonnes and Peru 3,000 tonnes last year."
    assert Decimal("4500") in _quantities(parser, text)
