from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-03-12"
TABLE = {"Taiwan": ("tw", T.COUNTRY), "Egypt": ("eg", T.COUNTRY), "U.S.": ("us", T.COUNTRY),
         "Japan": ("jp", T.COUNTRY), "Brazil": ("br", T.COUNTRY), "maize": ("maize", T.PRODUCT),
         "wheat": ("wheat", T.PRODUCT), "corn": ("corn", T.PRODUCT), "cocoa": ("cocoa", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.partner) for f in facts]


def test_import_commitments_are_the_owners_imports(parser) -> None:
    assert _read(parser, "Taiwan's maize import commitments rose to 970,000 tonnes from 870,000 tonnes a year earlier.") == [
        ("imports", "tw", "maize", Decimal("970000"), None), ("imports", "tw", "maize", Decimal("870000"), None)]


def test_export_commitments_are_the_owners_exports(parser) -> None:
    assert _read(parser, "Egypt's wheat export commitments total 300,000 tonnes so far this season.") == [
        ("exports", "eg", "wheat", Decimal("300000"), None)]
    assert _read(parser, "Brazil's cocoa export commitments for the season reached 120,000 tonnes, traders said.") == [
        ("exports", "br", "cocoa", Decimal("120000"), None)]


def test_export_commitments_to_a_buyer_name_it_the_partner(parser) -> None:
    assert _read(parser, "Outstanding U.S. corn export commitments to Japan stood at 2.1 mln tonnes.") == [
        ("exports", "us", "corn", Decimal("2100000"), "jp")]


def test_a_countrys_commitments_of_goods_are_its_purchases(parser) -> None:
    assert _read(parser, "Japan has total corn commitments for 1986/87 of 1,011,200 tonnes, the department said.") == [
        ("imports", "jp", "corn", Decimal("1011200"), None)]
