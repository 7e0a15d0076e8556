"""Licences without the word on the trade word ("authorised the export of", "granted for
export", "under licence"), the running totals they are reported with, and caps on a flow."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows
from kg.nlp.relations.flow_licences import authorising_verb, running_total, under_licence

pytestmark = pytest.mark.model
PUBLISHED = "1987-05-12"
BODY = {"Commission": ("ec", T.ORGANIZATION), "rye": ("rye", T.PRODUCT), "oats": ("oats", T.PRODUCT),
        "Danish": ("dk", T.COUNTRY)}


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.forecast) for f in facts]


def test_authorised_export_and_its_running_total_are_forecast_exports_of_the_body(parser) -> None:
    text = ("The Commission authorised the export of 40,000 tonnes of rye on Tuesday, bringing the "
            "total since the campaign began to 1.2 mln tonnes, traders said.")
    assert _read(parser, text, BODY) == [
        ("exports", "ec", "rye", Decimal("40000"), "tonnes", True),
        ("exports", "ec", "rye", Decimal("1200000"), "tonnes", True),
    ]


def test_goods_granted_for_export_belong_to_the_body_that_licensed_the_series(parser) -> None:
    text = ("The Commission authorised the export of 40,000 tonnes of rye on Tuesday. "
            "The 60,000 tonnes of Danish oats granted for export moved the total to 210,000 tonnes.")
    facts = _read(parser, text, BODY)
    assert ("exports", "ec", "oats", Decimal("60000"), "tonnes", True) in facts
    assert ("exports", "ec", "oats", Decimal("210000"), "tonnes", True) in facts


def test_figures_under_licence_are_licensed_exports_of_the_goods_just_named(parser) -> None:
    text = ("The Commission authorised the export of 40,000 tonnes of rye on Tuesday. "
            "No oats were offered. The total to date of 2.1 mln tonnes compares with 1.4 mln under "
            "licence a year ago.")
    facts = _read(parser, text, BODY)
    assert ("exports", "ec", "oats", Decimal("2100000"), "tonnes", True) in facts
    assert ("exports", "ec", "oats", Decimal("1400000"), "tonnes", True) in facts


@pytest.mark.parametrize("text", [
    "The ministry approved the sale of 20 aircraft to the air force.",
    "The board authorised the purchase of 300 new computers.",
])
def test_other_approvals_license_no_export(parser, text: str) -> None:
    assert _read(parser, text, {"ministry": ("m", T.AGENCY)}) == []


def test_the_words_that_mark_a_licence_and_a_total(parser) -> None:
    doc = parser("The Commission authorised the export of 40,000 tonnes, bringing the total to 1.2 mln tonnes.")
    export = next(t for t in doc if t.lower_ == "export")
    assert authorising_verb(export).lemma_ == "authorise"
    assert running_total(doc, next(t.i for t in doc if t.text == "1.2"), 0)
    assert not running_total(doc, next(t.i for t in doc if t.text == "40,000"), 0)
    doc = parser("Exports rose to 3.03 mln under licence a year ago.")
    assert under_licence(next(t for t in doc if t.lower_ == "licence"))
    assert authorising_verb(next(t for t in doc if t.lower_ == "exports")) is None


def test_an_agreed_annual_limit_on_stockpile_sales_is_a_forecast(parser) -> None:
    text = ("The Defense Logistics Agency sold 2,100 tonnes of cobalt in 1986, well above an agreed "
            "annual limit of 1,500 tonnes, the institute said.")
    table = {"Defense Logistics Agency": ("dla", T.AGENCY), "cobalt": ("cobalt", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.subject, f.quantity, f.period, f.forecast) for f in facts] == [
        ("dla", Decimal("2100"), "1986", False), ("dla", Decimal("1500"), "1986", True)]


def test_a_sellers_name_with_services_in_it_still_sells_goods(parser) -> None:
    text = "The Federal Supply Services Agency sold 3,000 tonnes of tin in 1986."
    table = {"Federal Supply Services Agency": ("fssa", T.AGENCY), "tin": ("tin", T.PRODUCT)}
    assert _read(parser, text, table) == [("exports", "fssa", "tin", Decimal("3000"), "tonnes", False)]


@pytest.mark.parametrize(("text", "period", "day"), [
    ("The Commission authorised the export of 40,000 tonnes of rye yesterday.", "yesterday", "1987-05-11"),
    ("A total of 40,000 tonnes of rye received export licences at today's EC tender.", "today", "1987-05-12"),
])
def test_licences_are_dated_by_the_day_of_their_award(parser, text: str, period: str, day: str) -> None:
    table = {**BODY, "EC": ("ec", T.ORGANIZATION)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.quantity, f.period, f.period_start, f.period_end, f.forecast) for f in facts] == [
        (Decimal("40000"), period, day, day, True)]


def test_licences_national_traders_request_are_their_countrys_exports(parser) -> None:
    text = "Danish traders have requested licences to export 30,000 tonnes of oats at today's EC tender."
    table = {**BODY, "EC": ("ec", T.ORGANIZATION)}
    assert _read(parser, text, table) == [("exports", "dk", "oats", Decimal("30000"), "tonnes", True)]


def test_licences_traders_of_no_country_request_are_the_tender_bodys(parser) -> None:
    text = "Traders have requested licences to export 30,000 tonnes of oats at today's EC tender."
    table = {**BODY, "EC": ("ec", T.ORGANIZATION)}
    assert _read(parser, text, table) == [("exports", "ec", "oats", Decimal("30000"), "tonnes", True)]


def test_export_authorisations_to_date_are_the_bodys_licensed_exports(parser) -> None:
    text = ("A total 40,000 tonnes of rye received export rebates at today's European Community tender, the "
            "board said. Total export authorisations for the 1986/87 season now stand at 1.2 mln tonnes.")
    table = {"rye": ("rye", T.PRODUCT), "European Community": ("ec", T.COUNTRY)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.subject, f.object, f.quantity, f.period, f.forecast) for f in facts] == [
        ("ec", "rye", Decimal("40000"), "today", True), ("ec", "rye", Decimal("1200000"), "1986/87 season", True)]


def test_an_authorisation_of_no_export_is_no_flow(parser) -> None:
    text = "The board said its authorisations for the 1986/87 season now stand at 1.2 mln tonnes of rye."
    table = {"rye": ("rye", T.PRODUCT)}
    assert facts_of(parser, text, table, published=PUBLISHED, module=flows) == []


def test_a_quantity_of_goods_export_licences_is_the_bodys_licensed_export(parser) -> None:
    # the licences name the goods of the quantity the body awards, which stands before them
    text = "The Commission awarded 37,000 tonnes of rye export licences at a maximum refund of 131.5 Ecus."
    assert _read(parser, text, BODY) == [("exports", "ec", "rye", Decimal("37000"), "tonnes", True)]


def test_licences_traders_ask_for_are_no_award(parser) -> None:
    text = "Traders in Hamburg sought 37,000 tonnes of rye export licences at the weekly tender."
    assert [f for f in _read(parser, text, BODY) if f[3] == Decimal("37000")] == []


def test_a_committee_the_community_owns_licenses_the_communitys_exports(parser) -> None:
    text = ("The European Community's grain management committee awarded 37,000 tonnes of rye "
            "export licences at a maximum refund of 131.5 Ecus, traders said.")
    table = {"European Community's grain management committee": ("committee", T.AGENCY),
             "European Community": ("ec", T.ORGANIZATION), "rye": ("rye", T.PRODUCT)}
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    assert [(f.subject, f.object, f.quantity) for f in facts] == [("ec", "rye", Decimal("37000"))]


def test_other_goods_after_the_licences_take_neither_their_goods_nor_their_origin(parser) -> None:
    # the demonym of the goods listed after the licences says nothing of the licensed rye
    text = ("The Commission granted 37,000 tonnes of rye export licences at today's tender "
            "and 52,000 tonnes of Danish oats, traders said.")
    facts = _read(parser, text, BODY)
    assert ("exports", "ec", "rye", Decimal("37000"), "tonnes", True) in facts
    assert not any(f[1] == "dk" and f[2] == "rye" or f[2] == "rye" and f[3] == Decimal("52000") for f in facts)
