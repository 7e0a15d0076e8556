"""Monthly commodity statistics as newswire writes them: the unit written once, after the
figure compared with; one statement of imports and exports, then each product's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-06-20"
TABLE = {"Danish": ("dk", T.COUNTRY), "butter": ("butter", T.PRODUCT),
         "cheese": ("cheese", T.PRODUCT), "Cheese": ("cheese", T.PRODUCT)}


def _read(parser, text: str) -> list[tuple]:
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.object, f.quantity, f.unit, f.period) for f in facts]


def test_the_unit_written_once_after_the_figure_compared_with_is_both_figures(parser) -> None:
    assert _read(parser, "Danish butter exports fell to 6,400 from 6,900 tonnes in May.") == [
        ("exports", "dk", "butter", Decimal("6400"), "tonnes", None),
        ("exports", "dk", "butter", Decimal("6900"), "tonnes", "May")]


def test_plain_numbers_compared_with_no_unit_take_none_from_a_later_figure(parser) -> None:
    facts = _read(parser, "Danish butter exports fell to 6,400 from 6,900 in May, while prices rose 10 tonnes.")
    assert all(unit != "tonnes" for *_, unit, _ in facts)


def test_a_figure_of_another_size_gives_the_plain_number_no_unit(parser) -> None:
    facts = _read(parser, "Danish butter exports fell to 6,400 from 6.9 mln tonnes in May.")
    assert (Decimal("6400"), "tonnes") not in [(q, u) for _, _, _, q, u, _ in facts]


def test_an_ownerless_flow_after_both_directions_of_a_statement_is_the_same_traders(parser) -> None:
    text = ("Danish imports of butter rose to 4,000 tonnes in May, while exports fell to 2,000 tonnes. "
            "Cheese imports rose to 900 tonnes.")
    assert [f[:4] for f in _read(parser, text)] == [
        ("imports", "dk", "butter", Decimal("4000")), ("exports", "dk", "butter", Decimal("2000")),
        ("imports", "dk", "cheese", Decimal("900"))]


def test_export_registrations_are_licensed_exports_and_the_figure_exported_before_is_shipped(parser) -> None:
    text = ("Danish butter export registrations for the first quarter totalled 44,000 tonnes, "
            "against the 50,000 tonnes exported in 1986.")
    facts = facts_of(parser, text, TABLE, published=PUBLISHED, module=flows)
    assert [(f.predicate.value, f.subject, f.quantity, f.period, f.forecast) for f in facts] == [
        ("exports", "dk", Decimal("44000"), "the first quarter", True),
        ("exports", "dk", Decimal("50000"), "1986", False)]


def test_a_registration_of_something_else_is_no_flow(parser) -> None:
    assert _read(parser, "The registration of 400 Danish butter firms ended in May.") == []
