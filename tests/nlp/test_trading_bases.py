"""A city named as where a dealer sits is no partner (kg.nlp.relations.trading_bases)."""

from __future__ import annotations

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate

pytestmark = pytest.mark.model
TABLE = {"Egypt": ("eg", T.COUNTRY), "India": ("in", T.COUNTRY), "wheat": ("wheat", T.PRODUCT),
         "white sugar": ("sugar", T.PRODUCT), "Paris": ("paris", T.PLACE), "Hamburg": ("hamburg", T.PLACE),
         "Rotterdam": ("rotterdam", T.PLACE), "Brazil": ("br", T.COUNTRY), "soymeal": ("soymeal", T.PRODUCT),
         "Delta Grain Inc": ("delta", T.ORGANIZATION), "Houston": ("houston", T.PLACE)}
TRADE = (Predicate.EXPORTS, Predicate.IMPORTS)


def _flows(parser, text: str) -> list[tuple]:
    return [(f.predicate.value, f.subject, f.object, f.partner)
            for f in facts_of(parser, text, TABLE, published="1987-03-12") if f.predicate in TRADE]


def test_a_city_modifying_the_sellers_is_their_seat_not_the_partner(parser) -> None:
    assert _flows(parser, "India bought two cargoes of white sugar from Paris traders for May shipment.") == [
        ("imports", "in", "sugar", None)]


def test_a_city_modifying_a_trade_house_is_its_seat(parser) -> None:
    assert _flows(parser, "Egypt bought 30,000 tonnes of wheat from a Hamburg trade house last week.") == [
        ("imports", "eg", "wheat", None)]


def test_a_city_the_goods_come_from_stays_the_partner(parser) -> None:
    assert _flows(parser, "Egypt imported 30,000 tonnes of wheat from Hamburg last month.") == [
        ("imports", "eg", "wheat", "hamburg")]


def test_a_city_the_goods_go_to_stays_the_partner(parser) -> None:
    assert _flows(parser, "Brazil shipped 20,000 tonnes of soymeal to Rotterdam in March.") == [
        ("exports", "br", "soymeal", "rotterdam")]
