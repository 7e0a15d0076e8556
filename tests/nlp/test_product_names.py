"""Product names the lexicon knows whole, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def test_soybean_cake_and_meal_is_one_product(extracted) -> None:
    # the USDA's name of one commodity, not soybean cake and a meal of no kind
    x = extracted("Soybean cake and meal sales of 80,000 tonnes were up from the week before, the USDA said.")
    assert [e.label.lower() for e in x.entities if e.type.value == "Product"] == ["soybean cake and meal"]
