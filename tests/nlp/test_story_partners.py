"""A flow's partner stated elsewhere in the story (``kg.nlp.relations.story_partners``)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-02"
TABLE = {"India": ("in", T.COUNTRY), "Thailand": ("th", T.COUNTRY), "Thai": ("th", T.COUNTRY),
         "Indian": ("in", T.COUNTRY), "Egypt": ("eg", T.COUNTRY), "Canada": ("ca", T.COUNTRY),
         "Canadian": ("ca", T.COUNTRY), "Australia": ("au", T.COUNTRY), "Australian": ("au", T.COUNTRY),
         "Peru": ("pe", T.COUNTRY), "sugar": ("sugar", T.PRODUCT), "barley": ("barley", T.PRODUCT),
         "rapeseed": ("rapeseed", T.PRODUCT)}


def _flows(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.partner) for f in facts
            if f.predicate.value in ("imports", "exports") and f.quantity is not None]


def test_the_purchases_take_the_origin_the_lead_named(parser) -> None:
    text = ("Indian traders have bought some 90,000 tonnes of Thai sugar for May/June shipment, dealers said. "
            "Prices rose sharply on the news. Demand was strong in the south. "
            "The Indian purchases comprise 40,000 tonnes for May and 50,000 for June, the dealers added.")
    read = {(f[3], f[4]) for f in _flows(parser, text) if f[1] == "in"}
    assert (Decimal("40000"), "th") in read
    assert (Decimal("50000"), "th") in read


def test_more_bought_in_the_same_sentence_is_from_the_same_origin(parser) -> None:
    text = "India has bought 60,000 tonnes of Thai sugar for June shipment and may buy 30,000 tonnes more for July."
    assert ("imports", "in", "sugar", Decimal("30000"), "th") in _flows(parser, text)


def test_two_origins_before_give_no_partner(parser) -> None:
    text = ("Indian traders have bought 60,000 tonnes of Thai sugar and 20,000 tonnes of Australian sugar, "
            "dealers said. Prices rose sharply on the news. Demand was strong in the south. "
            "The Indian purchases comprise 50,000 tonnes for May and 30,000 for June, the dealers added.")
    later = [f for f in _flows(parser, text) if f[3] in (Decimal("50000"), Decimal("30000"))]
    assert later and all(f[4] is None for f in later)


def test_a_total_is_not_the_purchase_told_before(parser) -> None:
    text = ("India has bought 60,000 tonnes of Thai sugar for June shipment, traders said. "
            "The purchases bring its total sugar imports this year to 800,000 tonnes.")
    assert all(f[4] is None for f in _flows(parser, text) if f[3] == Decimal("800000"))


def test_a_years_statistic_is_not_the_single_purchase_told_before(parser) -> None:
    text = ("India has bought 60,000 tonnes of Thai sugar for May shipment, dealers said. "
            "Prices rose sharply on the news. Demand was strong in the south. "
            "The country's sugar imports in calendar 1986 were 1.2 mln tonnes, the dealers added.")
    assert ("imports", "in", "sugar", Decimal("1200000"), None) in _flows(parser, text)


def test_a_figure_that_points_back_to_nothing_keeps_no_partner(parser) -> None:
    text = ("India imported 700,000 tonnes of sugar last year. "
            "The imports are expected to fall to 500,000 tonnes this year.")
    assert all(f[4] is None for f in _flows(parser, text))


def test_a_statement_that_all_imports_come_from_one_country(parser) -> None:
    text = ("Peru's barley imports in 1987 are forecast at 120,000 tonnes, against 110,000 tonnes in 1986, "
            "an official said. All the imports come from Canada, he added.")
    read = [f for f in _flows(parser, text) if f[1] == "pe"]
    assert read and all(f[4] == "ca" for f in read)


def test_most_imports_from_one_country_name_no_partner_of_the_total(parser) -> None:
    text = ("Peru's barley imports in 1987 are forecast at 120,000 tonnes, against 110,000 tonnes in 1986, "
            "an official said. Most of the imports come from Canada, he added.")
    read = [f for f in _flows(parser, text) if f[1] == "pe"]
    assert read and all(f[4] is None for f in read)
