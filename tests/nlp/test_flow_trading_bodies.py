"""An ownerless flow right after a sentence that names a trading body's trade as its own is
the body's, not the country's the story is about, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _traders(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), f.quantity) for f in x.facts if f.predicate.value == "exports" and f.quantity]


@pytest.mark.parametrize("text", [
    ("Australia's farmers face low prices. Falling world prices have cut the export sales revenue of the "
     "Australian Wheat Board. The recent sales of wheat to China, 1.5 mln tonnes, were below cost, it said."),
    ("Australia's farmers face low prices. The Australian Wheat Board's export earnings fell last year. "
     "Sales of wheat to Egypt totalled 2.0 mln tonnes."),
])  # fmt: skip
def test_sales_after_a_boards_export_revenue_are_the_boards(extracted, text: str) -> None:
    assert [s for s, _ in _traders(extracted, text)] == ["Australian Wheat Board"]


@pytest.mark.parametrize(("text", "trader"), [
    # the flow names its own owner
    ("The Australian Wheat Board's export earnings fell last year. Australian sales of wheat to Egypt "
     "totalled 2.0 mln tonnes.", "Australia"),
    # a ministry sets policy, it does not sell
    ("Australia changed the export policy of the Primary Industry Ministry. Sales of wheat to Egypt "
     "totalled 2.0 mln tonnes.", "Australia"),
])  # fmt: skip
def test_no_body_for_an_owned_flow_or_after_a_regulator(extracted, text: str, trader: str) -> None:
    assert [s for s, _ in _traders(extracted, text)] == [trader]
