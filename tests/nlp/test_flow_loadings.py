from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.partner) for f in facts if f.quantity]


def test_ships_loading_carry_the_exports_the_story_stated(parser) -> None:
    text = ("Egyptian cotton exports rose sharply in March, shippers said. Three ships are loading "
            "45,000 bales of cotton for Italy.")
    table = {"Egyptian": ("eg", T.COUNTRY), "cotton": ("cotton", T.PRODUCT), "Italy": ("it", T.COUNTRY)}
    assert ("exports", "eg", "cotton", Decimal("45000"), "it") in _read(parser, text, table)


def test_a_loading_takes_no_period_of_the_story_figures(parser) -> None:
    text = ("Egyptian cotton exports rose to 90,000 bales in March. Three ships are loading 45,000 "
            "bales of cotton for Italy.")
    table = {"Egyptian": ("eg", T.COUNTRY), "cotton": ("cotton", T.PRODUCT), "Italy": ("it", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    loaded = [f for f in facts if f.quantity == Decimal("45000")]
    assert loaded and all(f.period is None for f in loaded)
    assert all(f.confidence < flows.CONFIDENCE for f in loaded)  # the trader came from another sentence


def test_a_number_stands_for_the_ships_just_named(parser) -> None:
    text = ("Canadian wheat exports through Vancouver rose in April. Ten ships are waiting in the "
            "harbour. Four are to load 98,000 tonnes of wheat for Japan.")
    table = {"Canadian": ("ca", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "Japan": ("jp", T.COUNTRY),
             "Vancouver": ("van", T.PLACE)}
    assert ("exports", "ca", "wheat", Decimal("98000"), "jp") in _read(parser, text, table)


def test_the_flag_of_the_loading_ship_names_the_buyer(parser) -> None:
    text = ("Ecuador has agreed to sell 40,000 tonnes of bananas to Poland. A Polish ship will load "
            "12,000 tonnes at the port of Guayaquil.")
    table = {"Ecuador": ("ec", T.COUNTRY), "bananas": ("bananas", T.PRODUCT), "Poland": ("pl", T.COUNTRY),
             "Polish": ("pl", T.COUNTRY), "Guayaquil": ("gye", T.PLACE)}
    assert ("exports", "ec", "bananas", Decimal("12000"), "pl") in _read(parser, text, table)


def test_no_loading_fact_without_an_export_the_story_stated(parser) -> None:
    text = "A storm closed the port for two days. Six ships are loading 120,000 tonnes of coal."
    table = {"coal": ("coal", T.PRODUCT)}
    assert _read(parser, text, table) == []


def test_a_loading_after_imports_is_no_importer_export(parser) -> None:
    text = "Japanese wheat imports rose in April. A ship is loading 30,000 tonnes of wheat."
    table = {"Japanese": ("jp", T.COUNTRY), "wheat": ("wheat", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[3] == Decimal("30000")] == []


def test_what_no_ship_takes_is_no_loading(parser) -> None:
    text = ("Brazilian sugar exports rose in May. Traders said two buyers will take 30,000 tonnes, "
            "and the refinery will take 10,000 tonnes of sugar.")
    table = {"Brazilian": ("br", T.COUNTRY), "sugar": ("sugar", T.PRODUCT)}
    assert [r for r in _read(parser, text, table) if r[3] in (Decimal("30000"), Decimal("10000"))] == []
