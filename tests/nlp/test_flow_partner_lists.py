"""Lists of partners with a figure each: every figure goes with its own partner, and no
partner of the list becomes the trader (sentences of our own)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
TABLE = {"Thailand": ("th", T.COUNTRY), "Iran": ("ir", T.COUNTRY), "Syria": ("sy", T.COUNTRY),
         "Peru": ("pe", T.COUNTRY), "rice": ("rice", T.PRODUCT)}


def _flows(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published="1987-04-02", module=flows)
    return [(f.subject, f.quantity, f.partner) for f in facts if f.quantity is not None]


def test_each_bracketed_figure_goes_with_the_partner_before_it(parser) -> None:
    text = "Thailand exported rice to Iran (1.2 mln tonnes), Syria (800,000 tonnes) and Peru (150,000 tonnes) last year."
    assert _flows(parser, text) == [("th", Decimal("1200000"), "ir"), ("th", Decimal("800000"), "sy"),
                                    ("th", Decimal("150000"), "pe")]


def test_a_bracketed_comparison_stays_the_same_partners(parser) -> None:
    text = "Thai rice exports to Iran were 1.5 mln tonnes (1.2 mln) and to Syria 0.5 mln (0.8 mln) last year."
    # (the bracket is the item's comparison, never the next partner's figure)
    read = {(q, p) for _, q, p in _flows(parser, text)}
    assert (Decimal("1500000"), "ir") in read
    assert read <= {(Decimal("1500000"), "ir"), (Decimal("1200000"), "ir"), (Decimal("500000"), "sy"),
                    (Decimal("800000"), "sy")}


def test_a_listed_partner_is_never_the_trader(parser) -> None:
    text = "The recent sales of rice to Iran (1.2 mln tonnes) and Syria (0.8 mln tonnes) were made at low prices."
    assert all(s not in ("ir", "sy") for s, _, _ in _flows(parser, text))
