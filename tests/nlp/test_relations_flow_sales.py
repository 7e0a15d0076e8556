from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of, parser  # noqa: F401 (fixture)

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-05-12"


def _read(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.partner, f.forecast) for f in facts]


def test_sales_reported_by_a_countrys_exporters_are_its_exports(parser) -> None:
    text = "Private Canadian exporters reported sales of 150,000 tonnes of barley to Japan, the ministry said."
    table = {"Canadian": ("ca", T.COUNTRY), "barley": ("barley", T.PRODUCT), "Japan": ("jp", T.COUNTRY)}
    assert _read(parser, text, table) == [("exports", "ca", "barley", Decimal("150000"), "jp", False)]


def test_the_reporting_body_names_the_exporters_country(parser) -> None:
    text = ("The U.S. Agriculture Department said exporters reported sales of 120,000 tonnes of "
            "sorghum for delivery to Mexico.")
    table = {"U.S. Agriculture Department": ("usda", T.AGENCY), "U.S.": ("us", T.COUNTRY),
             "sorghum": ("sorghum", T.PRODUCT), "Mexico": ("mx", T.COUNTRY)}
    assert _read(parser, text, table) == [("exports", "us", "sorghum", Decimal("120000"), "mx", False)]


def test_sales_no_exporters_report_are_no_exports(parser) -> None:
    text = "Analysts reported sales of 5,000 tonnes of barley at the market in Japan."
    table = {"barley": ("barley", T.PRODUCT), "Japan": ("jp", T.COUNTRY)}
    assert _read(parser, text, table) == []
