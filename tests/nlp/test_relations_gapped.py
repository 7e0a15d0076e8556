"""Gapped flows ("in Italy 14,500, in Greece 6,000"): a stated flow repeated for other
traders or partners with the verb and goods left out, end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, f.amount,
             names.get(f.partner), f.period, f.forecast) for f in x.facts
            if f.extractor == "flow-gapped"]  # fmt: skip


def test_the_preposition_repeated_before_each_trader(extracted) -> None:
    text = ("The Commission said exporters in Spain received licences for 20,000 tonnes of barley, "
            "in Italy 14,500, in Greece 6,000 and in Portugal 2,250 tonnes.")
    assert [(s, o, q, forecast) for _, s, o, q, _, _, _, forecast in _flows(extracted, text)] == [
        ("Italy", "barley", Decimal("14500"), True),
        ("Greece", "barley", Decimal("6000"), True),
        ("Portugal", "barley", Decimal("2250"), True),
    ]


def test_traders_without_a_preposition_keep_the_period_and_partner(extracted) -> None:
    text = "Japan bought 50,000 tonnes of Thai rice last month, South Korea 30,000 and Taiwan 20,000."
    assert [(p, s, q, partner, period) for p, s, _, q, _, partner, period, _ in _flows(extracted, text)] == [
        ("imports", "South Korea", Decimal("30000"), "Thailand", "last month"),
        ("imports", "Taiwan", Decimal("20000"), "Thailand", "last month"),
    ]


def test_the_first_figures_scale_carries(extracted) -> None:
    text = "Brazil exported 1.5 mln bags of coffee in January, Colombia 1.2 and Kenya 0.4."
    assert [(s, q) for _, s, _, q, *_ in _flows(extracted, text)] == [
        ("Colombia", Decimal("1200000")), ("Kenya", Decimal("400000"))]


def test_no_gapped_reading_where_the_items_are_not_flows(extracted) -> None:
    # shares, not tonnes
    assert _flows(extracted, "Exports of tin to Japan were 12,000 tonnes, Malaysia 35 pct and Thailand 20 pct.") == []
    # a comparison, not another trader
    assert _flows(extracted, "Japan bought 50,000 tonnes of rice, down from 60,000, and Korea bought more.") == []
    # no preposition after a flow with a partner: seller or buyer is not certain
    assert _flows(extracted, "Canada sold 250,000 tonnes of wheat to China, the Soviet Union 180,000 tonnes.") == []


def test_a_trade_verb_sharing_the_object_of_the_verb_before(extracted) -> None:
    text = "Kenya grew 300,000 tonnes of tea in 1986 and exported 250,000."
    assert _flows(extracted, text) == [("exports", "Kenya", "tea", Decimal("250000"), None, None, "1986", False)]
    text = "Kenya produced 540 mln kilos of tea in 1986 and exported 157 mln."
    assert [q for _, _, _, q, *_ in _flows(extracted, text)] == [Decimal("157000000")]
    # a share, or a figure with a partner of its own, is not the shared object
    assert _flows(extracted, "Kenya grew 300,000 tonnes of tea in 1986 and exported 25 pct.") == []
    assert _flows(extracted, "Kenya grew 300,000 tonnes of tea in 1986 and exported 250,000 to Britain.") == []


def test_items_repeating_the_stated_change_before_their_figure(extracted) -> None:
    # "rose 3.2 pct to 2.6 mln; Japan, 9.9 pct to 1.2 mln": the shape repeated, change and all;
    # a figure written out in full ("962,360") takes no scale from the first
    text = ("Spanish imports of olive oil rose 3.2 pct to 2.6 mln litres in 1986; Italy, 9.9 pct to "
            "1.2 mln litres, and Greece, 20.2 pct to 962,360 litres.")
    assert [(s, q, period) for _, s, _, q, _, _, period, _ in _flows(extracted, text)] == [
        ("Italy", Decimal("1200000"), "1986"), ("Greece", Decimal("962360"), "1986")]


def test_a_partner_item_after_a_semicolon_keeps_the_trader(extracted) -> None:
    text = "Thai rice exports to Iran rose 12 pct to 50,000 tonnes in March; to Iraq, 8 pct to 30,000 tonnes."
    assert [(s, q, p) for _, s, _, q, _, p, _, _ in _flows(extracted, text)] == [("Thailand", Decimal("30000"), "Iraq")]


def test_no_items_where_the_change_is_not_the_stated_shape(extracted) -> None:
    # the stated flow has no change before its figure: "Iraq, 8 pct to 30,000" is no repeat of it
    assert _flows(extracted, "Thai rice exports to Iran rose to 50,000 tonnes in March; to Iraq, 8 pct to 30,000 tonnes.") == []
    # a share after the item is no amount of the flow
    assert _flows(extracted, "Thai rice exports rose 12 pct to 50,000 tonnes in March, Iraq 8 pct of the total.") == []
