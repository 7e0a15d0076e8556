"""A listed company as trader: wire copy writes its stock ticker after its name ("Daewoo Motor
Co <DAEW.SE> exported ..."), and the parser makes the ticker the subject's head."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _exports(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-04-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), f.quantity) for f in x.facts if f.predicate.value == "exports"]


def test_a_company_with_its_ticker_is_the_trader_of_its_verb(nlp) -> None:
    text = ("Kumho Motor Co <KUMH.SE> exported 40,120 trucks in the first quarter of 1987, up from 31,300 "
            "in the same 1986 period, company officials said.")
    found = _exports(nlp, text)
    assert ("Kumho Motor Co", Decimal(40120)) in found and ("Kumho Motor Co", Decimal(31300)) in found


def test_a_ticker_names_no_trader_of_its_own(nlp) -> None:
    text = "Kumho Motor Co <KUMH.SE> said its profits rose 12 pct to 40 mln dlrs in 1986."
    assert _exports(nlp, text) == []


def test_the_company_before_a_ticker_is_no_trader_of_its_subsidiarys_shipment(nlp) -> None:
    text = ("The subsidiary of Mazda Motor Corp Ltd <MAZD.T> of Japan shipped 300 of its pickup trucks to "
            "Chile earlier this month, the spokesman said.")
    assert not any(name == "Mazda Motor Corp Ltd" for name, _ in _exports(nlp, text))
