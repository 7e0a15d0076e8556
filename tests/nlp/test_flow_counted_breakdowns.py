"""A flow of vehicles broken down into goods counted one by one ("exports included 361,285
cars, down 6.3 pct, 165,770 trucks ... and 3,011 buses"): each item is a flow of its own goods
(kg.nlp.relations.flow_breakdowns, kg.nlp.relations.flow_unit_goods), and a figure after the
breakdown counts the whole again, not its last item (kg.nlp.relations.flow_goods)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

_TRADE = ("exports", "imports", "exportValue", "importValue")


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return sorted((names.get(f.object), int(f.quantity), names.get(f.partner))
                  for f in x.facts if f.predicate.value in _TRADE and f.quantity is not None)


_STORY = ("Swedish vehicle exports rose 4.1 pct in May to 42,600, the industry association said. "
          "May exports included 31,900 cars, up 2.2 pct, 9,800 trucks, up 9.5 pct, and 900 buses, down 1.1 pct. ")


def test_each_counted_item_is_a_flow_of_its_own_goods(extracted) -> None:
    found = _flows(extracted, _STORY)
    assert ("cars", 31_900, None) in found
    assert ("trucks", 9_800, None) in found
    assert ("buses", 900, None) in found
    assert ("vehicle", 42_600, None) in found
    assert ("vehicle", 31_900, None) not in found  # the first item is the cars', not the whole's


def test_a_figure_after_the_breakdown_counts_the_whole(extracted) -> None:
    text = _STORY + "Exports to Norway fell to 6,100 in May from 6,900 a year earlier."
    found = [f for f in _flows(extracted, text) if f[2] == "Norway"]
    assert found == [("vehicle", 6_100, "Norway"), ("vehicle", 6_900, "Norway")]


def test_items_that_do_not_add_up_to_the_whole_are_no_breakdown(extracted) -> None:
    text = ("Swedish vehicle exports rose 4.1 pct in May to 42,600, the industry association said. "
            "May exports included 21,900 cars, up 2.2 pct, and 900 buses, down 1.1 pct.")
    assert not [f for f in _flows(extracted, text) if f[0] == "buses"]


def test_vehicles_are_goods_of_their_own_beside_cars(extracted) -> None:
    x = extracted("Italian vehicle exports fell in March. Car exports fell to 12,000 in March.")
    labels = {e.label.lower() for e in x.entities}
    assert "vehicle" in labels and "car" in labels


def test_each_part_of_an_import_takes_the_origin_it_names(extracted) -> None:
    text = ("Polish sugar imports rose to 61,500 tonnes in May from 40,200 a year earlier, the statistics office said. "
            "The May total was made up of 40,100 tonnes Brazilian raws and 21,400 tonnes raws from Peru.")
    found = [f for f in _flows(extracted, text) if f[1] in (40_100, 21_400)]
    assert [(q, p) for _, q, p in found] == [(21_400, "Peru"), (40_100, "Brazil")]
