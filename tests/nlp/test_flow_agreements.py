"""A flow verb that says what an agreement is for: whoever signs the agreement trades
(``flow_agreements``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Chile": ("cl", T.COUNTRY), "Peru": ("pe", T.COUNTRY), "Egypt": ("eg", T.COUNTRY),
         "copper": ("copper", T.PRODUCT), "trucks": ("trucks", T.PRODUCT), "rice": ("rice", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-03-12", module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.partner) for f in facts if f.quantity is not None]


def test_the_signer_of_an_agreement_to_sell_exports(parser) -> None:
    text = "Chile yesterday signed an agreement to sell 40,000 tonnes of copper to Egypt, officials said."
    assert _read(parser, text) == [("exports", "cl", "copper", Decimal("40000"), "eg")]


def test_the_signer_of_a_contract_to_buy_imports(parser) -> None:
    text = "Peru has signed a contract to buy 300 trucks from Chile."
    assert _read(parser, text) == [("imports", "pe", "trucks", Decimal("300"), "cl")]


def test_an_agreement_not_signed_or_an_offer_is_no_flow(parser) -> None:
    assert _read(parser, "Peru did not sign an agreement to buy 300 trucks from Chile.") == []
    assert _read(parser, "Egypt turned down an offer to buy 50,000 tonnes of rice from Peru.") == []


def test_commitments_to_export_are_the_holders_exports(parser) -> None:
    text = "Peru exported 410,000 tonnes of rice in January/March. It has commitments to export another 95,000 tonnes."
    assert ("exports", "pe", "rice", Decimal("95000"), None) in _read(parser, text)


def test_commitments_to_cut_debt_are_no_flow(parser) -> None:
    assert _read(parser, "Peru has commitments to cut its debt by 40,000 dlrs this year.") == []
