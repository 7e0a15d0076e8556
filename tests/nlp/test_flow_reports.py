"""Export sales reports and the buyers they name (flow_reports, flow_buyers), end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model

REPORT = ("Barley sales gained 120,000 tonnes in the week ended March 3, the U.S. Agriculture "
          "Department said in its weekly export sales report.\n"
          "    Oats sales of 42,300 tonnes for the current season and 18,000 for the 1987/88 season "
          "were below the prior week, it said.\n"
          "    Morocco, Japan and Peru were the major oats buyers for the current season.\n"
          "    Net sales of sorghum totalling 75,000 tonnes were above the four week average. Major "
          "increases were for Mexico and Israel, it said.\n")


def _trade(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), (names.get(f.object) or "").lower(), f.quantity,
             names.get(f.partner), f.period) for f in x.facts
            if f.predicate.value in ("exports", "imports")]  # fmt: skip


def test_the_sales_of_an_export_sales_report_are_the_reporting_countrys_exports(nlp) -> None:
    found = [f for f in _trade(nlp, REPORT) if f[3] is not None]
    assert found == [
        ("exports", "United States", "barley", Decimal("120000"), None, "the week ended March 3"),
        ("exports", "United States", "oats", Decimal("42300"), None, "the current season"),
        ("exports", "United States", "oats", Decimal("18000"), None, "1987/88 season"),
        # a sentence that names no period is the report's week
        ("exports", "United States", "sorghum", Decimal("75000"), None, "the week ended March 3"),
    ]


def test_ranked_buyers_import_from_the_exporter_and_increases_go_to_each_partner(nlp) -> None:
    found = [f for f in _trade(nlp, REPORT) if f[3] is None]
    assert found == [
        ("imports", "Morocco", "oats", None, "United States", "the current season"),
        ("imports", "Japan", "oats", None, "United States", "the current season"),
        ("imports", "Peru", "oats", None, "United States", "the current season"),
        ("exports", "United States", "sorghum", None, "Mexico", "the week ended March 3"),
        ("exports", "United States", "sorghum", None, "Israel", "the week ended March 3"),
    ]


@pytest.mark.parametrize("text", [
    # no export sales said anywhere: a company's sales are no exports
    "Barley sales gained 120,000 tonnes in the week ended March 3, the company said.",
    # buyers with a share, not a figure: no import
    "Barley exports rose to 900,000 tonnes in January. Morocco was the main buyer with 30 pct.",
])  # fmt: skip
def test_no_sales_or_buyers_without_their_cues(nlp, text: str) -> None:
    assert [f for f in _trade(nlp, text) if f[0] == "imports" or f[2] == "barley" and f[3] == Decimal("120000")] == []
