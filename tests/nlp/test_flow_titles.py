"""Figureless flows a trader's title names ("Chile, the world's biggest copper exporter"),
end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, f.partner, f.period)
            for f in x.facts if f.predicate.value in ("exports", "imports")]  # fmt: skip


def test_a_title_in_apposition_after_the_name(extracted) -> None:
    text = "Chile, the world's biggest copper exporter, asked other producers to cut their output."
    assert _flows(extracted, text) == [("exports", "Chile", "copper", None, None, None)]


def test_a_title_in_apposition_before_the_name(extracted) -> None:
    text = "The largest cocoa exporter, Ivory Coast, said it would hold back its crop."
    assert _flows(extracted, text) == [("exports", "Ivory Coast", "cocoa", None, None, None)]


def test_an_importer_of_goods(extracted) -> None:
    text = "South Korea, a major importer of coal, said its steel output fell last month."
    assert _flows(extracted, text) == [("imports", "South Korea", "coal", None, None, None)]


def test_a_title_right_before_a_company_name(extracted) -> None:
    text = "The ministry and sole rubber exporter Perak Rubber Trading Co will build new warehouses, he said."
    assert [(p, o) for p, _, o, *_ in _flows(extracted, text)] == [("exports", "rubber")]


def test_a_title_be_gives_the_trader(extracted) -> None:
    # the gold reads "X is a major exporter of Y" as a flow without a figure, as the apposition is
    assert _flows(extracted, "Peru is a major exporter of copper, an official said.") == [
        ("exports", "Peru", "copper", None, None, None)]
    assert _flows(extracted, "Mexico has become a major importer of sorghum, officials said.") == [
        ("imports", "Mexico", "sorghum", None, None, None)]
    assert _flows(extracted, "Zambia is the world's leading cobalt exporter and sales earn most of its income.") == [
        ("exports", "Zambia", "cobalt", None, None, None)]


def test_a_title_to_come_or_denied_is_none(extracted) -> None:
    for text in ("Peru could become a major exporter of asparagus, economists said.",
                 "Peru aims to be a major exporter of asparagus by 1990.",
                 "Officials expect Peru to become a major exporter of asparagus.",
                 "If Peru becomes a major exporter of asparagus, prices will fall.",
                 "Chile is not an exporter of wheat but grows it for its own market.",
                 "Uruguay is no longer a major exporter of beef, the report said.",
                 "Cuba was formerly a major exporter of nickel.",
                 "Malawi, once the second largest exporter of tobacco, said its crop failed."):
        assert _flows(extracted, text) == [], text


def test_the_examples_a_title_gives_are_flows_too(extracted) -> None:
    text = "Peru is the region's most prolific exporter of farm goods such as cotton and asparagus."
    assert [o for _, _, o, *_ in _flows(extracted, text)] == ["farm goods", "cotton", "asparagus"]


def test_a_title_of_two_goods_without_examples_is_none(extracted) -> None:
    assert _flows(extracted, "Norway, the biggest exporter of oil and gas in Europe, said prices were low.") == []


def test_a_title_without_goods_names_no_flow(extracted) -> None:
    assert _flows(extracted, "Argentina, a traditional exporter, said its harvest was good.") == []


def test_a_title_the_trader_does_not_hold(extracted) -> None:
    assert _flows(extracted, "Vietnam, a potential rice exporter, said its harvest was good.") == []


def test_the_title_gives_way_to_the_counted_flow(extracted) -> None:
    text = "Chile, the world's biggest copper exporter, exported 1.2 mln tonnes of copper in 1986."
    assert [(p, s, o, q) for p, s, o, q, *_ in _flows(extracted, text)] == [
        ("exports", "Chile", "copper", 1200000)]


def _roles(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), names.get(f.partner))
            for f in x.facts if f.predicate.value in ("exports", "imports")]  # fmt: skip


def test_a_country_named_as_a_supplier_of_goods_exports_them(extracted) -> None:
    text = "Zambia, the world's fifth largest supplier of copper, said output fell."
    assert _roles(extracted, text) == [("exports", "Zambia", "copper", None)]


def test_a_suppliers_goods_go_to_the_country_named_after_to(extracted) -> None:
    text = "Norway is a regular supplier of wheat to France."
    assert _roles(extracted, text) == [("exports", "Norway", "wheat", "France")]


def test_a_country_named_as_a_buyer_of_a_countrys_goods_imports_them_from_it(extracted) -> None:
    text = "Kenya, the biggest buyer of Pakistani rice, asked for lower prices."
    assert _roles(extracted, text) == [("imports", "Kenya", "rice", "Pakistan")]


def test_a_company_named_as_a_supplier_trades_at_home(extracted) -> None:
    text = "Acme Corp, a supplier of steel, said profits rose."
    assert _roles(extracted, text) == []


def test_a_role_to_come_or_denied_is_no_flow(extracted) -> None:
    assert _roles(extracted, "Brazil could become a supplier of wheat to Peru.") == []
    assert _roles(extracted, "Turkey is not a buyer of Soviet wheat.") == []
