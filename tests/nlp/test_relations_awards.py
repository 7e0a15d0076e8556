from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.model import Predicate

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-02"

TABLE = {"Peru": ("pe", T.COUNTRY), "wheat": ("wheat", T.PRODUCT), "corn": ("corn", T.PRODUCT),
         "Acme Grain": ("acme", T.ORGANIZATION), "Zenotrade": ("zeno", T.ORGANIZATION)}


def _exports(parser, text: str, table: dict = TABLE) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED)
    return [(f.subject, f.object, f.quantity, f.unit, f.partner, f.period, f.period_start, f.forecast)
            for f in facts if f.predicate is Predicate.EXPORTS]


def test_each_award_row_is_an_export_of_its_seller_to_the_buyer(parser) -> None:
    text = ("Peru bought wheat and corn at its tender on Monday, trade sources said. The cargoes were -\n"
            " - Acme Grain sold 12,000 tonnes of number two wheat for May 1/20 shipment at 110 dlrs.\n"
            " - Zenotrade 9,500 tonnes of yellow corn for June 5/30 at 80 dlrs.\n"
            " - Zenotrade 4,000 tonnes same corn for July 1/25 at 81 dlrs.\n")
    assert _exports(parser, text) == [
        ("acme", "wheat", Decimal("12000"), "tonnes", "pe", "May 1/20", "1987-05-01", False),
        ("zeno", "corn", Decimal("9500"), "tonnes", "pe", "June 5/30", "1987-06-05", False),
        ("zeno", "corn", Decimal("4000"), "tonnes", "pe", "July 1/25", "1987-07-01", False),
    ]


def test_a_row_that_names_its_buyer_sells_to_it(parser) -> None:
    table = {**TABLE, "Chile": ("cl", T.COUNTRY)}
    text = ("Peru bought wheat at its tender, and traders also reported sales as follows -\n"
            " - Acme Grain 12,000 tonnes of wheat to Chile for May 1/20 at 110 dlrs.\n"
            " - Zenotrade 9,500 tonnes of wheat for June 5/30 at 80 dlrs.\n")
    assert [(r[0], r[4]) for r in _exports(parser, text, table)] == [("acme", "cl"), ("zeno", "pe")]


def test_rows_with_no_sale_before_them_are_no_exports(parser) -> None:
    text = ("Peru reported its wheat and corn crops on Monday.\n\n"
            " - Acme Grain 12,000 tonnes of wheat for May.\n - Zenotrade 9,500 tonnes of corn for June.\n")
    assert _exports(parser, text) == []
