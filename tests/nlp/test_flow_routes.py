"""Where a flow's goods come from or go, said by a verb of motion whose subject is the flow
or a share of it ("Most of Taiwan's wheat imports come from the U.S."), end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), names.get(f.partner))
            for f in x.facts if f.predicate.value in ("exports", "imports")]  # fmt: skip


@pytest.mark.parametrize(("text", "flow"), [
    ("Most of Taiwan's wheat imports come from the U.S., the spokesman said.", ("imports", "Taiwan", "wheat", "United States")),
    ("About 80 pct of Kenya's tea exports go to Britain.", ("exports", "Kenya", "tea", "United Kingdom")),
    ("Japan's coal imports originate mainly from Australia.", ("imports", "Japan", "coal", "Australia")),
])  # fmt: skip
def test_a_flow_that_comes_from_or_goes_to_a_partner(extracted, text: str, flow: tuple) -> None:
    assert _flows(extracted, text) == [flow]


def test_a_route_verb_without_a_place_names_no_partner(extracted) -> None:
    assert _flows(extracted, "Most of Taiwan's wheat imports come from abroad.") == [
        ("imports", "Taiwan", "wheat", None)]

