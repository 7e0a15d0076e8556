"""Figureless flows a copula states by naming a trader's chief goods ("Copper is Zambia's
main export"), end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object).lower(), names.get(f.partner), f.period,
             f.forecast)
            for f in x.facts if f.predicate.value in ("exports", "imports") and f.quantity is None]  # fmt: skip


def test_goods_that_are_a_countrys_main_export(extracted) -> None:
    assert _flows(extracted, "Copper is Zambia's main export.") == [("exports", "Zambia", "copper", None, None, False)]


def test_listed_goods_among_a_countrys_chief_exports_to_a_partner(extracted) -> None:
    text = "Coffee and tea were among Kenya's chief exports to Britain."
    assert _flows(extracted, text) == [("exports", "Kenya", "coffee", "United Kingdom", None, False),
                                       ("exports", "Kenya", "tea", "United Kingdom", None, False)]


@pytest.mark.parametrize(("text", "flow"), [
    ("Wheat was the largest U.S. export to Egypt last year.", ("exports", "United States", "wheat", "Egypt", "last year", False)),
    ("Japan's biggest import from Australia is coal.", ("imports", "Japan", "coal", "Australia", None, False)),
    ("Coffee is the main export of Colombia.", ("exports", "Colombia", "coffee", None, None, False)),
    ("Zambia depends on copper, its main export.", ("exports", "Zambia", "copper", None, None, False)),
    ("Oil will remain Nigeria's main export.", ("exports", "Nigeria", "oil", None, None, True)),
])  # fmt: skip
def test_other_wordings_of_a_chief_good(extracted, text: str, flow: tuple) -> None:
    assert _flows(extracted, text) == [flow]


@pytest.mark.parametrize("text", [
    "Copper is no longer Zambia's main export.",  # negated
    "Copper is not Zambia's main export.",
    "Coffee is Brazil's main export crop.",  # the trade word only modifies another noun
    "Copper prices are Zambia's main export concern.",
    "Exports are Zambia's main source of foreign exchange.",  # no goods on the other side
    "Cocoa is the main export.",  # no trader
])  # fmt: skip
def test_no_chief_good_read(extracted, text: str) -> None:
    assert _flows(extracted, text) == []
