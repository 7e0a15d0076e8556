"""Supply contracts: the award is the buyer's import, each winner's share its export."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate
from kg.nlp.relations import contracts

pytestmark = pytest.mark.model
PUBLISHED = "1987-06-10"
TABLE = {"Korea": ("kr", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "soybeans": ("soy", T.PRODUCT),
         "wheat": ("wheat", T.PRODUCT), "Egypt": ("eg", T.COUNTRY),
         "Acme Grain Inc": ("acme", T.ORGANIZATION), "Zeno Trading Co": ("zeno", T.ORGANIZATION),
         "Boeing": ("boeing", T.ORGANIZATION)}


def _flows(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED)
    return [(f.predicate.value, f.subject, f.quantity, f.partner) for f in facts
            if f.extractor.startswith("contract-")]


def test_an_award_by_a_countrys_importers_is_its_import_from_the_winners_country(parser) -> None:
    text = ("A group of Korea's soybean crushers awarded contracts to three U.S. firms for four cargoes "
            "totalling 200,000 tonnes of soybeans, a group official said.")
    assert _flows(parser, text) == [("imports", "kr", Decimal("200000"), "us")]


def test_each_winner_after_an_award_exports_its_share_to_the_buyer(parser) -> None:
    text = ("A group of Korea's soybean crushers awarded contracts to three U.S. firms for four cargoes "
            "totalling 200,000 tonnes of soybeans, a group official said. Acme Grain Inc won two contracts "
            "for the supply of 120,000 tonnes, priced at 190 dlrs per tonne. Zeno Trading Co took a 80,000 "
            "tonne cargo, at 192 dlrs per tonne.")
    assert _flows(parser, text) == [("imports", "kr", Decimal("200000"), "us"),
                                    ("exports", "acme", Decimal("120000"), "kr"),
                                    ("exports", "zeno", Decimal("80000"), "kr")]


def test_a_winner_after_a_purchase_read_elsewhere_sells_to_the_buyer(parser) -> None:
    text = "Egypt bought 150,000 tonnes of U.S. wheat on Tuesday. Acme Grain Inc won a contract to supply 90,000 tonnes."
    facts = facts_of(parser, text, TABLE, published=PUBLISHED)
    won = [(f.subject, f.object, f.quantity, f.unit, f.partner) for f in facts if f.extractor == "contract-winner"]
    assert won == [("acme", "wheat", Decimal("90000"), "tonnes", "eg")]


def test_a_contract_won_with_no_purchase_before_it_is_no_trade(parser) -> None:
    text = "Boeing won a contract for 50 aircraft worth two billion dlrs. Acme Grain Inc took two orders for 90,000 tonnes."
    assert _flows(parser, text) == []




def test_the_awards_delivery_window_dates_it_next_year_when_past(parser) -> None:
    text = ("A group of Korea's soybean crushers awarded contracts to three U.S. firms for four cargoes "
            "totalling 200,000 tonnes of soybeans for delivery between March 1 and April 20.")
    facts = facts_of(parser, text, TABLE, published=PUBLISHED)
    assert [(f.period, f.period_start, f.period_end) for f in facts if f.extractor == "contract-award"] == [
        ("between March 1 and April 20", "1988-03-01", "1988-04-20")]


def test_a_winner_named_short_of_its_legal_form_still_sells(parser) -> None:
    text = "Egypt bought 150,000 tonnes of U.S. wheat on Tuesday. Zeno Trading Co Inc received two shipments, totalling 90,000 tonnes."
    table = {**TABLE, "Zeno Trading": ("zeno", T.ORGANIZATION)}
    table.pop("Zeno Trading Co")
    facts = facts_of(parser, text, table, published=PUBLISHED)
    assert [(f.subject, f.quantity, f.partner) for f in facts if f.extractor == "contract-winner"] == [
        ("zeno", Decimal("90000"), "eg")]


def test_a_winners_delivery_window_dates_its_share(parser) -> None:
    text = ("Egypt bought 150,000 tonnes of U.S. wheat on Tuesday. Acme Grain Inc won a contract to supply "
            "90,000 tonnes at 110 dlrs a tonne for delivery between July 10 and August 20.")
    facts = facts_of(parser, text, TABLE, published=PUBLISHED)
    assert [(f.period, f.period_start) for f in facts if f.extractor == "contract-winner"] == [
        ("between July 10 and August 20", "1987-07-10")]


@pytest.mark.parametrize(("window", "expected"), [
    ("for August 1-15 and October 5-20 delivery", ("August 1-15 and October 5-20", "1987-08-01", "1987-10-20")),
    ("for delivery on July 5 and 20", ("July 5 and 20", "1987-07-05", "1987-07-20")),
    ("for November 25-December 10 delivery", ("November 25-December 10", "1987-11-25", "1987-12-10")),
])
def test_a_winners_window_of_day_ranges_or_days_after_on(parser, window: str, expected: tuple) -> None:
    text = f"Egypt bought 150,000 tonnes of U.S. wheat on Tuesday. Acme Grain Inc won a contract to supply 90,000 tonnes {window}."
    facts = facts_of(parser, text, TABLE, published=PUBLISHED)
    assert [(f.period, f.period_start, f.period_end) for f in facts if f.extractor == "contract-winner"] == [expected]


def test_a_day_after_on_that_no_delivery_word_precedes_dates_no_share(parser) -> None:
    text = ("Egypt bought 150,000 tonnes of U.S. wheat on Tuesday. Acme Grain Inc won a contract to supply "
            "90,000 tonnes, the ministry said on June 5.")
    facts = facts_of(parser, text, TABLE, published=PUBLISHED)
    assert [f.period for f in facts if f.extractor == "contract-winner"] == [None]
