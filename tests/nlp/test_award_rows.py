from __future__ import annotations

import pytest

from kg.nlp.award_rows import award_rows

pytestmark = pytest.mark.model

AWARDS = ("Peru bought wheat and corn at its tender on Monday, trade sources said. The cargoes were -\n"
          " - Acme Grain sold 12,000 tonnes of wheat for May 1/20 shipment at 110 dlrs.\n"
          " - Zenotrade 9,500 tonnes of corn for June 5/30 at 80 dlrs.\n"
          " - Acme Grain 4,000 tonnes same corn for July 1/25 at 81 dlrs.\n")


def test_rows_after_a_purchase_name_their_sellers_figures_and_units(nlp) -> None:
    rows = award_rows(nlp(AWARDS))
    assert [(r.seller.text, r.figure.text, r.unit.text) for r in rows] == [
        ("Acme Grain", "12,000", "tonnes"), ("Zenotrade", "9,500", "tonnes"), ("Acme Grain", "4,000", "tonnes")]
    assert rows[1].row.text.strip().endswith("80 dlrs.")


def test_rows_no_sale_opens_are_no_award_list(nlp) -> None:
    text = ("The weather was mild this spring.\n"
            " - Acme Grain 12,000 tonnes of wheat for May.\n - Zenotrade 9,500 tonnes of corn for June.\n")
    assert award_rows(nlp(text)) == []


def test_a_lone_row_is_no_list(nlp) -> None:
    text = "Peru bought wheat at its tender.\n - Acme Grain sold 12,000 tonnes of wheat for May shipment.\n"
    assert award_rows(nlp(text)) == []


def test_rows_of_countries_or_goods_name_no_sellers(nlp) -> None:
    text = ("Sales this week were as follows -\n - Egypt 12,000 tonnes for May.\n - Wheat 9,500 tonnes for June.\n"
            " - Soft Wheat 4,000 tonnes for July.\n")
    assert award_rows(nlp(text)) == []
