"""A trade verb's object naming the trader's own goods in general words ("exports its
products to Japan") stands for the goods the story counted the trader's flow of, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _figureless(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), names.get(f.object), names.get(f.partner))
            for f in x.facts if f.predicate.value == "exports" and f.quantity is None]  # fmt: skip


def test_its_products_are_the_goods_the_story_counted(extracted) -> None:
    text = ("Zambia exported 500,000 tonnes of copper last year, the mines ministry said. The country sells "
            "its output mainly to Japan and Britain.")
    assert _figureless(extracted, text) == [("Zambia", "copper", "Japan"), ("Zambia", "copper", "United Kingdom")]


@pytest.mark.parametrize("text", [
    # no owner: whose products, and which
    "Zambia exported 500,000 tonnes of copper last year. The country sells products to Japan.",
    # two goods counted: which goes where is unsaid
    "Zambia exported 500,000 tonnes of copper and 20,000 tonnes of cobalt. It sells its output to Japan.",
    # nothing counted before
    "Zambia sells its output mainly to Japan and Britain.",
])  # fmt: skip
def test_no_goods_for_general_words_the_story_does_not_pin_down(extracted, text: str) -> None:
    assert _figureless(extracted, text) == []


def test_the_company_is_not_the_news_agency_a_spokesman_told(extracted) -> None:
    # "the company" refers to the steel maker, not to Reuters, whom the spokesman told
    text = ("<Pohang Iron and Steel Co> said its steel exports will fall to 600,000 tonnes this year. Its output "
            "will rise, a spokesman told Reuters. The spokesman said the company exports its products to Japan "
            "and Africa.")
    assert [(s, o, p) for s, o, p in _figureless(extracted, text)] == [
        ("Pohang Iron and Steel Co", "steel", "Japan"), ("Pohang Iron and Steel Co", "steel", "Africa")]
