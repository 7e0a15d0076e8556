from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Chile": ("cl", T.COUNTRY), "Egypt": ("eg", T.COUNTRY), "Norway": ("no", T.COUNTRY),
         "copper": ("copper", T.PRODUCT), "wheat": ("wheat", T.PRODUCT), "salmon": ("salmon", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-03-12", module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.period, f.forecast) for f in facts]


def test_the_gerund_after_a_preposition_of_time_is_the_clause_subjects_flow(parser) -> None:
    text = "Egypt is unlikely to buy more wheat this year after importing 900,000 tonnes in 1986."
    assert _read(parser, text) == [("imports", "eg", "wheat", Decimal("900000"), "1986", False)]


def test_the_gerund_of_means_is_the_clause_subjects_purchase(parser) -> None:
    text = "Egypt opened its new season by buying 200,000 tonnes of wheat in July."
    assert _read(parser, text) == [("imports", "eg", "wheat", Decimal("200000"), "July", False)]


def test_an_exporters_gerund_after_besides(parser) -> None:
    text = "Besides exporting 40,000 tonnes of salmon last year, Norway built new farms."
    assert [f[:4] for f in _read(parser, text)] == [("exports", "no", "salmon", Decimal("40000"))]


@pytest.mark.parametrize("text", [
    "Chile is interested in selling 50,000 tonnes of copper to Egypt.",
    "Chile was deterred from buying 50,000 tonnes of wheat by the price.",
])
def test_an_interest_or_a_deterrent_is_no_flow(parser, text: str) -> None:
    assert [f for f in _read(parser, text) if f[3] is not None] == []
