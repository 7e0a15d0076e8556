"""A body's organ named by the body's name and an organ noun ("the IJO Council") is a unit
of the body, when the body is named on its own too (sentences written for these tests)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _units(extracted, text: str) -> list[tuple[str, str]]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(names[f.subject], names[f.object]) for f in x.facts if f.predicate.value == "subOrganizationOf"]


def test_an_organ_named_by_its_body_is_a_unit_of_the_body(extracted) -> None:
    text = ("The IJO Council will meet in Dhaka on Monday to pick a new director. "
            "The IJO has 23 member countries.")
    assert ("IJO Council", "IJO") in _units(extracted, text)


def test_a_board_whose_name_opens_with_a_place_and_goods_is_no_unit(extracted) -> None:
    text = "The Kenya Tea Board said it sold 3,000 tonnes of tea. Kenya also sells coffee."
    assert _units(extracted, text) == []


def test_an_organ_of_a_body_the_story_does_not_name_alone_is_left_alone(extracted) -> None:
    text = "The IJO Council will meet in Dhaka on Monday to pick a new director."
    assert _units(extracted, text) == []
