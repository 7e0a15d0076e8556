"""A speaker's "his country" (and "his country's firms") trades as the country the
speaker's title names; a speaker whose title names none gives no trader."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate
from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"


def _flows(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate, f.subject, f.quantity or f.amount) for f in facts
            if f.predicate in (Predicate.EXPORTS, Predicate.IMPORTS, Predicate.EXPORT_VALUE, Predicate.IMPORT_VALUE)]


def test_his_countrys_firms_buy_as_the_ministers_country(parser) -> None:
    text = "Egyptian Supply Minister Galal Abou-Zeid said his country's firms have agreed to buy 300,000 tonnes of Thai rice."
    table = {"Egyptian": ("eg", T.COUNTRY), "Galal Abou-Zeid": ("gaz", T.OFFICIAL), "rice": ("rice", T.PRODUCT),
             "Thai": ("th", T.COUNTRY)}
    assert (Predicate.IMPORTS, "eg", Decimal("300000")) in _flows(parser, text, table)


def test_his_country_exports_as_the_country_in_an_appositive_title(parser) -> None:
    text = "Ana Ruiz, Chile's mining minister, said her country exported 90,000 tonnes of copper to China in May."
    table = {"Ana Ruiz": ("ar", T.OFFICIAL), "Chile": ("cl", T.COUNTRY), "copper": ("copper", T.PRODUCT),
             "China": ("cn", T.COUNTRY)}
    assert (Predicate.EXPORTS, "cl", Decimal("90000")) in _flows(parser, text, table)


def test_untitled_speaker_gives_no_country(parser) -> None:
    # the country named last is the partner's: "his country" is not read from it
    text = "Officials in Canada met Piet Smit, who said his country's firms have agreed to buy 50,000 tonnes of Canadian wheat."
    table = {"Canada": ("ca", T.COUNTRY), "Piet Smit": ("ps", T.PERSON), "wheat": ("wheat", T.PRODUCT),
             "Canadian": ("ca", T.COUNTRY)}
    assert all(s != "ca" or p is not Predicate.IMPORTS for p, s, _ in _flows(parser, text, table))
    assert not any(p is Predicate.IMPORTS for p, _, _ in _flows(parser, text, table))
