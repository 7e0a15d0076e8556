"""Fields a coordinated flow's figures share: the period after a list of partners, the
partner after a list of goods (or each item's own), the partner of a joined verb or of the
other side's flow, and the story's period for a comparison like the parallel clause's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate
from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-09"
TABLE = {
    "Kenya": ("ke", T.COUNTRY), "tea": ("tea", T.PRODUCT), "Britain": ("gb", T.COUNTRY),
    "Pakistan": ("pk", T.COUNTRY), "Egypt": ("eg", T.COUNTRY), "Thailand": ("th", T.COUNTRY),
    "rice": ("rice", T.PRODUCT), "Iran": ("ir", T.COUNTRY), "Iraq": ("iq", T.COUNTRY), "Senegal": ("sn", T.COUNTRY),
    "France": ("fr", T.COUNTRY), "Italy": ("it", T.COUNTRY), "China": ("cn", T.COUNTRY),
    "wheat": ("wheat", T.PRODUCT), "barley": ("barley", T.PRODUCT), "corn": ("corn", T.PRODUCT),
    "tallow": ("tallow", T.PRODUCT), "Chinese": ("cn", T.COUNTRY), "coal": ("coal", T.PRODUCT),
    "Japan": ("jp", T.COUNTRY), "Korea": ("kr", T.COUNTRY), "Taiwan": ("tw", T.COUNTRY),
    "Soviet Union": ("su", T.COUNTRY), "United States": ("us", T.COUNTRY), "U.S.": ("us", T.COUNTRY),
    "crude": ("crude", T.PRODUCT),
}  # fmt: skip


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.subject, f.object, f.quantity if f.quantity is not None else f.amount, f.partner, f.period)
            for f in facts]


def test_a_period_after_a_list_of_partners_is_every_partners(parser) -> None:
    assert _read(parser, "Kenya exported 5,000 tonnes of tea to Britain and 3,000 to Pakistan in February.") == [
        ("ke", "tea", Decimal("5000"), "gb", "February"),
        ("ke", "tea", Decimal("3000"), "pk", "February"),
    ]
    assert _read(parser, "Thailand sold 120,000 tonnes of rice to Iran, 80,000 to Iraq and 50,000 to Senegal "
                         "during January-March.") == [
        ("th", "rice", Decimal("120000"), "ir", "January-March"),
        ("th", "rice", Decimal("80000"), "iq", "January-March"),
        ("th", "rice", Decimal("50000"), "sn", "January-March"),
    ]
    assert {r[4] for r in _read(parser, "Chinese coal exports to Japan were 100,000 tonnes, to Korea 50,000 "
                                        "and to Taiwan 20,000 in 1986.")} == {"1986"}


def test_each_partner_keeps_a_period_of_its_own(parser) -> None:
    assert _read(parser, "Kenya exported 5,000 tonnes of tea to Britain in January and 3,000 to Pakistan "
                         "in February.") == [
        ("ke", "tea", Decimal("5000"), "gb", "January"),
        ("ke", "tea", Decimal("3000"), "pk", "February"),
    ]


def test_a_partner_after_a_list_of_goods_is_the_whole_lists(parser) -> None:
    assert _read(parser, "Egypt bought 200,000 tonnes of wheat, 6,000 tonnes of tallow and 50,000 tonnes of "
                         "corn from France in March.") == [
        ("eg", "wheat", Decimal("200000"), "fr", "March"),
        ("eg", "tallow", Decimal("6000"), "fr", "March"),
        ("eg", "corn", Decimal("50000"), "fr", "March"),
    ]


def test_a_listed_goods_own_partner_is_its_own(parser) -> None:
    assert _read(parser, "France sold 340,000 tonnes of wheat to Italy and 210,000 tonnes of barley "
                         "to China.") == [
        ("fr", "wheat", Decimal("340000"), "it", None),
        ("fr", "barley", Decimal("210000"), "cn", None),
    ]
    # an origin between the items is no figure compared with
    assert _read(parser, "Egypt bought 200,000 tonnes of wheat from Italy and 50,000 tonnes of corn "
                         "from France.") == [
        ("eg", "wheat", Decimal("200000"), "it", None),
        ("eg", "corn", Decimal("50000"), "fr", None),
    ]
    # an import's goods named after the first partner come from no one named
    assert _read(parser, "Egypt bought 200,000 tonnes of wheat from Italy and 50,000 tonnes of corn.")[1][3] is None


def test_a_joined_verb_trades_with_the_first_verbs_partner(parser) -> None:
    facts = facts_of(parser, "France exported 300 mln dlrs of goods to China last year and imported 200 mln dlrs.",
                     TABLE, published=PUBLISHED, module=flows)
    assert {(f.predicate, f.partner) for f in facts} == {(Predicate.EXPORT_VALUE, "cn"),
                                                          (Predicate.IMPORT_VALUE, "cn")}
    facts = facts_of(parser, "France exported 300 mln dlrs of goods to China last year and imported 200 mln dlrs "
                             "from Italy.", TABLE, published=PUBLISHED, module=flows)
    assert {(f.predicate, f.partner) for f in facts} == {(Predicate.EXPORT_VALUE, "cn"),
                                                          (Predicate.IMPORT_VALUE, "it")}
    facts = facts_of(parser, "France exported 300 mln dlrs of goods to China last year, and Italy imported "
                             "200 mln dlrs.", TABLE, published=PUBLISHED, module=flows)
    assert {(f.subject, f.partner) for f in facts} == {("fr", "cn"), ("it", None)}


def test_the_partners_own_flow_in_the_same_sentence_is_with_the_first_trader(parser) -> None:
    rows = _read(parser, "Japan's exports to China rose to 2.1 billion dlrs last year, while China's exports "
                         "fell to 1.4 billion dlrs.")
    assert ("cn", None, Decimal("1400000000"), "jp", "last year") in rows
    rows = _read(parser, "Japan's exports to China rose to 2.1 billion dlrs, while China's exports to Korea "
                         "fell to 1.4 billion dlrs.")
    assert ("cn", None, Decimal("1400000000"), "kr", None) in rows


def test_a_comparison_like_the_parallel_clauses_dates_the_figure_by_the_story(parser) -> None:
    text = ("U.S. refinery runs rose 2.1 pct in the four weeks ended March 20 to 12.1 mln bpd. "
            "Crude output fell 8.0 pct from 9.05 mln bpd a year ago, and crude imports averaged 3.50 mln bpd, "
            "up 14.0 pct from 3.07 mln, the agency said.")
    rows = [(f.quantity, f.period, f.period_start, f.period_end) for f in
            facts_of(parser, text, TABLE, published="1987-03-25", module=flows) if f.predicate is Predicate.IMPORTS]
    assert rows == [
        (Decimal("3500000"), "the four weeks ended March 20", "1987-02-21", "1987-03-20"),
        (Decimal("3070000"), "a year ago", "1986-02-21", "1986-03-20"),
    ]


def test_values_named_after_each_goods_of_a_list(parser) -> None:
    assert _read(parser, "Egypt bought wheat worth 8.5 mln dlrs, corn worth 1.5 mln dlrs and tallow worth "
                         "2.0 mln dlrs in March.") == [
        ("eg", "wheat", Decimal("8500000"), None, "March"),
        ("eg", "corn", Decimal("1500000"), None, "March"),
        ("eg", "tallow", Decimal("2000000"), None, "March"),
    ]
    rows = _read(parser, "Egypt may buy the wheat, valued at 8.5 mln dlrs, the corn, valued at 1.5 mln, and "
                         "the tallow, valued at 2.0 mln dlrs, between March 24 and August 31, 1987.")
    assert [(r[1], r[2], r[4]) for r in rows] == [
        ("wheat", Decimal("8500000"), "between March 24 and August 31, 1987"),
        ("corn", Decimal("1500000"), "between March 24 and August 31, 1987"),
        ("tallow", Decimal("2000000"), "between March 24 and August 31, 1987"),
    ]


def test_hedged_items_of_a_goods_list(parser) -> None:
    rows = _read(parser, "Egypt bought around 200,000 tonnes of wheat, about 6,000 tonnes of tallow and about "
                         "50,000 tonnes of corn.")
    assert [(r[1], r[2]) for r in rows] == [("wheat", Decimal("200000")), ("tallow", Decimal("6000")),
                                            ("corn", Decimal("50000"))]


def test_a_permitted_purchase_is_a_forecast(parser) -> None:
    facts = facts_of(parser, "Egypt has been authorized to buy 200,000 tonnes of U.S. wheat and 50,000 tonnes "
                             "of U.S. corn, the department said.", TABLE, published=PUBLISHED, module=flows)
    assert [(f.object, f.partner, f.forecast) for f in facts] == [("wheat", "us", True), ("corn", "us", True)]
    facts = facts_of(parser, "Egypt bought 200,000 tonnes of U.S. wheat, the department said.", TABLE,
                     published=PUBLISHED, module=flows)
    assert [f.forecast for f in facts] == [False]


def test_a_plan_without_a_period_is_for_the_period_the_story_opened_on(parser) -> None:
    text = ("Exporters agreed to limit their rice exports to 900,000 tonnes in the year started March 1. "
            "Under the plan, Thailand has been allocated an export quota of 500,000 tonnes, Egypt 20,000.")
    facts = facts_of(parser, text, TABLE, published="1987-03-20", module=flows)
    assert [(f.subject, f.quantity, f.period, f.forecast) for f in facts if f.subject == "th"] == [
        ("th", Decimal("500000"), "the year started March 1", True)]
    # nor the date of another event the story opened on
    other = ("A senator said he will press next year for a law on rice farming. "
             "Under the plan, Thailand has been allocated an export quota of 500,000 tonnes, Egypt 20,000.")
    facts = facts_of(parser, other, TABLE, published="1987-03-20", module=flows)
    assert [(f.subject, f.period) for f in facts if f.subject == "th"] == [("th", None)]
    # nor a requirement, which no plan allots
    needs = text.replace("has been allocated an export quota of 500,000 tonnes, Egypt 20,000",
                         "says its rice export requirements have risen to 500,000 tonnes")
    facts = facts_of(parser, needs, TABLE, published="1987-03-20", module=flows)
    assert all(f.period is None for f in facts if f.subject == "th")
    # a period that is over is no plan's
    over = text.replace("in the year started March 1", "in the year ended February 28")
    facts = facts_of(parser, over, TABLE, published="1987-03-20", module=flows)
    assert [(f.subject, f.period) for f in facts if f.subject == "th"] == [("th", None)]


def test_a_trade_noun_saying_what_the_goods_are_for_does_not_cut_the_clause(parser) -> None:
    rows = _read(parser, "Egypt has sold 5.5 mln bags of tea for export in the first four months of this year.")
    assert [(r[1], r[2], r[4]) for r in rows] == [("tea", Decimal("5500000"), "the first four months of this year")]
    rows = _read(parser, "Egypt bought 200,000 tonnes of U.S. wheat in an overnight tender, for various ocean and "
                         "rail shipments in May, traders said.")
    assert [(r[1], r[3], r[4]) for r in rows] == [("wheat", "us", "May")]
