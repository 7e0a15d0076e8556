"""Figures given in order to a list with "respectively": to traders, goods or partners
(kg.nlp.relations.flow_respectively), end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

_TRADE = ("exports", "imports", "exportValue", "importValue")


def _trade(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return sorted((f.predicate.value, names.get(f.subject), names.get(f.object), int(f.quantity or f.amount),
                   names.get(f.partner)) for f in x.facts if f.predicate.value in _TRADE)  # fmt: skip


def test_numbers_go_to_the_traders_in_order(extracted) -> None:
    text = "Malaysia and Indonesia exported 120,000 and 80,000 tonnes of palm oil respectively in January."
    assert _trade(extracted, text) == [("exports", "Indonesia", "palm oil", 80_000, None),
                                       ("exports", "Malaysia", "palm oil", 120_000, None)]


def test_numbers_go_to_the_goods_in_order(extracted) -> None:
    text = "Argentina exported 1.2 mln and 800,000 tonnes of wheat and maize respectively to Brazil last year."
    assert _trade(extracted, text) == [("exports", "Argentina", "maize", 800_000, "Brazil"),
                                       ("exports", "Argentina", "wheat", 1_200_000, "Brazil")]


def test_numbers_go_to_the_partners_in_order(extracted) -> None:
    text = "Egypt bought 200,000 and 150,000 tonnes of wheat from France and Australia respectively in March."
    assert _trade(extracted, text) == [("imports", "Egypt", "wheat", 150_000, "Australia"),
                                       ("imports", "Egypt", "wheat", 200_000, "France")]


def test_earlier_numbers_share_the_last_ones_scale(extracted) -> None:
    text = "Kenya and Uganda exported 1.2 and 0.8 mln bags of coffee respectively in 1986."
    assert [(s, q) for _, s, _, q, _ in _trade(extracted, text)] == [("Kenya", 1_200_000), ("Uganda", 800_000)]


def test_no_pairing_when_the_list_and_the_numbers_differ_in_length(extracted) -> None:
    text = "Malaysia and Indonesia exported 120,000, 90,000 and 80,000 tonnes of palm oil respectively in 1986."
    assert not [f for f in _trade(extracted, text) if f[3] == 120_000]


def test_no_pairing_without_respectively(extracted) -> None:
    text = "Malaysia exported 80,000 tonnes of palm oil to India and Pakistan in January."
    assert [(s, q) for _, s, _, q, _ in _trade(extracted, text)] == [("Malaysia", 80_000)]


def _dated(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    return sorted((f.predicate.value, int(f.amount), f.period) for f in x.facts if f.predicate.value in _TRADE)


def test_comparisons_after_two_flows_go_to_them_in_order(extracted) -> None:
    text = ("Finland's trade surplus widened in 1986. Exports totalled 82.6 billion markkaa and imports "
            "76.3 billion, compared with 80.1 billion and 77.9 billion in 1985.")
    assert _dated(extracted, text) == [("exportValue", 80_100_000_000, "1985"),
                                       ("exportValue", 82_600_000_000, "1986"),
                                       ("importValue", 76_300_000_000, "1986"),
                                       ("importValue", 77_900_000_000, "1985")]


def test_a_flow_named_by_a_figure_after_it_is_a_flow(extracted) -> None:
    text = "Finland's trade surplus widened in March. Imports totalled 6.2 billion markkaa and exports 6.9 billion."
    assert [r[:2] for r in _dated(extracted, text)] == [("exportValue", 6_900_000_000), ("importValue", 6_200_000_000)]


def test_two_comparisons_of_a_single_flow_stay_its_own(extracted) -> None:
    # the month before and the year before: no second flow to give one to
    text = ("Finland's trade surplus widened in March. Exports were 6.9 billion markkaa in March against "
            "6.1 billion and 5.8 billion.")
    assert {r[0] for r in _dated(extracted, text)} == {"exportValue"}
