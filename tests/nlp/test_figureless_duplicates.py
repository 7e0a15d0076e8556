"""A figureless goods flow a sentence also gives a figure for is read once, with the figure."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return sorted((names.get(f.subject), names.get(f.object), f.quantity is not None)
                  for f in x.facts if f.predicate.value in ("exports", "imports"))  # fmt: skip


def test_a_figure_in_the_sentence_leaves_no_figureless_twin(extracted) -> None:
    text = "Peru said it expects to export less zinc this year than its allocated 12,500 tonne quota."
    assert _flows(extracted, text) == [("Peru", "zinc", True)]


def test_another_traders_figure_leaves_the_reading_alone(extracted) -> None:
    text = "Chile exported 12,500 tonnes of zinc last year, and Peru will export zinc too."
    assert _flows(extracted, text) == [("Chile", "zinc", True), ("Peru", "zinc", False)]


def test_other_goods_figure_leaves_the_reading_alone(extracted) -> None:
    text = "Peru said it will export 12,500 tonnes of zinc this year and will also export copper."
    assert _flows(extracted, text) == [("Peru", "copper", False), ("Peru", "zinc", True)]
