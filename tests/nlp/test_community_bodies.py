"""Licences the Community's commission grants are the Community's exports, never a member
state's (kg.nlp.relations.community_bodies), and a pronoun that reports the licensing body
("The Commission confirmed it authorised ...") stands for that body."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-14"


def _exports(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.subject, f.object, f.quantity) for f in facts if f.predicate.value == "exports"]


def test_licences_the_community_commission_grants_are_the_communitys(parser) -> None:
    text = ("Belgium asked for a higher rebate. The European Community Commission granted export licences "
            "for 42,500 tonnes of free market rye at today's tender, grain traders said.")
    table = {"European Community Commission": ("commission", T.AGENCY), "Belgium": ("be", T.COUNTRY),
             "European Community": ("ec", T.ORGANIZATION), "rye": ("rye", T.PRODUCT)}
    assert _exports(parser, text, table) == [("ec", "rye", Decimal("42500"))]


def test_without_the_community_in_the_story_no_member_state_takes_its_licences(parser) -> None:
    text = ("Belgium asked for a higher rebate. The European Commission granted export licences "
            "for 42,500 tonnes of free market rye at today's tender, grain traders said.")
    table = {"European Commission": ("commission", T.AGENCY), "Belgium": ("be", T.COUNTRY),
             "rye": ("rye", T.PRODUCT)}
    assert _exports(parser, text, table) == []


def test_a_pronoun_the_commission_reports_is_the_commission(parser) -> None:
    text = ("Ireland has protested. The European Commission confirmed it authorised the export of "
            "31,000 tonnes of white sugar at a maximum rebate of 44.2 Ecus per 100 kilos. The European "
            "Community has sold less this year.")
    table = {"European Commission": ("commission", T.AGENCY), "Ireland": ("ie", T.COUNTRY),
             "European Community": ("ec", T.ORGANIZATION), "white sugar": ("sugar", T.PRODUCT)}
    assert _exports(parser, text, table) == [("ec", "sugar", Decimal("31000"))]


def test_a_national_commission_licenses_its_own_countrys_exports(parser) -> None:
    text = "The Sugar Commission of Fiji granted export licences for 12,000 tonnes of raw sugar, officials said."
    table = {"Sugar Commission of Fiji": ("sc", T.AGENCY), "Fiji": ("fj", T.COUNTRY),
             "raw sugar": ("sugar", T.PRODUCT), "European Community": ("ec", T.ORGANIZATION)}
    assert ("ec", "sugar", Decimal("12000")) not in _exports(parser, text, table)


def test_goods_named_after_a_member_state_are_its_exports_under_community_licence(parser) -> None:
    text = ("The European Commission authorised the export of 21,500 tonnes of Danish intervention rye "
            "at today's tender, traders said. The European Community has sold less this year.")
    table = {"European Commission": ("commission", T.AGENCY), "Danish": ("dk", T.COUNTRY),
             "European Community": ("ec", T.ORGANIZATION), "intervention rye": ("rye", T.PRODUCT)}
    assert _exports(parser, text, table) == [("dk", "rye", Decimal("21500"))]
