"""One figure for a list of goods: a value without an object, a quantity no one good's unless
"each" gives it to every one (kg.nlp.relations.goods_lists), end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

_TRADE = ("exports", "imports", "exportValue", "importValue")


def _trade(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity or f.amount)
            for f in x.facts if f.predicate.value in _TRADE]  # fmt: skip


def test_a_value_of_listed_goods_has_no_object(extracted) -> None:
    facts = _trade(extracted, "Chile's copper and molybdenum exports totalled 3.1 billion dlrs in 1986.")
    assert [(p, s, o) for p, s, o, _ in facts] == [("exportValue", "Chile", None)]


def test_a_value_after_a_list_counted_in_tonnes_has_no_object(extracted) -> None:
    text = "Egypt's imports this year will include 2.5 mln tonnes of wheat, maize and vegetable oil, worth 900 mln dlrs."
    facts = _trade(extracted, text)
    assert ("importValue", "Egypt", None, 900_000_000) in [(p, s, o, int(v)) for p, s, o, v in facts]
    assert not [f for f in facts if f[2] == "wheat"]  # the list's tonnage is not the wheat's


def test_a_quantity_of_listed_goods_is_no_first_goods_fact(extracted) -> None:
    # each listed good is traded, without the list's figure
    text = "Canada's exports of wheat and barley rose to 40,000 tonnes in May."
    assert _trade(extracted, text) == [("exports", "Canada", "wheat", None), ("exports", "Canada", "barley", None)]
    text = "Canada shipped 30,000 tonnes of wheat and barley to Algeria in April."
    assert [f for f in _trade(extracted, text) if f[3] is not None] == []


def test_goods_listed_without_a_figure_are_each_traded(extracted) -> None:
    text = "Norway's exports of crude oil and natural gas rose sharply in February."
    assert _trade(extracted, text) == [("exports", "Norway", "crude oil", None),
                                       ("exports", "Norway", "natural gas", None)]


def test_each_gives_the_quantity_to_every_listed_good(extracted) -> None:
    facts = _trade(extracted, "Canada shipped 30,000 tonnes each of wheat and barley to Algeria in April.")
    assert sorted((o, int(v)) for _, _, o, v in facts) == [("barley", 30_000), ("wheat", 30_000)]


def test_goods_with_figures_of_their_own_are_no_list(extracted) -> None:
    facts = _trade(extracted, "Peru exported 40,000 tonnes of zinc and 12,000 tonnes of lead in May.")
    assert sorted((o, int(v)) for _, _, o, v in facts) == [("lead", 12_000), ("zinc", 40_000)]


def test_one_good_alone_keeps_its_object(extracted) -> None:
    facts = _trade(extracted, "Chile's copper exports totalled 3.1 billion dlrs in 1986.")
    assert [(p, s, o) for p, s, o, _ in facts] == [("exportValue", "Chile", "copper")]


def test_forms_of_one_good_are_no_list(extracted) -> None:
    # adjectives joined before one noun name forms of the good, not goods of a list
    facts = _trade(extracted, "Colombia exported 9.1 mln bags of soluble and green coffee in 1986.")
    assert [(p, s, int(v)) for p, s, _, v in facts] == [("exports", "Colombia", 9_100_000)]
    assert facts[0][2] is not None


def test_listed_goods_named_after_a_country_are_not_its_imports(extracted) -> None:
    # the first good still gives the list's origin: Japan makes the goods, it does not import them
    text = "Growing imports of Korean-made cars and electronic goods worry Canadian unions."
    assert [f for f in _trade(extracted, text) if "Korea" in (f[1] or "")] == []


def test_grades_of_one_kind_counted_together_are_that_kind(extracted) -> None:
    # "soluble and green coffee" is the story's coffee, counted in both grades, not goods of their own
    x = extracted("Kenya's coffee exports rose in May. Kenya exported 1.2 mln bags of soluble and green coffee in 1986.")
    products = sorted(e.label for e in x.entities if e.type.value == "Product")
    assert products == ["coffee"]
