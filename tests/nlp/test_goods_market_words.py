"""Words before goods that say how or where they trade, not what they are: a market or scheme
("open market oats", "export subsidy rye"), the market's scope ("world tea") and degree words
("how much rye", "very little jute") are left out of the goods' name; words that say what the
goods are stay (kg.nlp.goods_market_words)."""

from __future__ import annotations

import pytest


def _products(nlp, text: str) -> list[str]:
    return [e.text for e in nlp(text).ents if e.label_ == "Product"]


@pytest.mark.parametrize(("text", "goods"), [
    ("The board sold 80,000 tonnes of free market oats for export to Norway, dealers said.", "oats"),
    ("Tunisia bought 40,000 tonnes of export subsidy rye from Canada last week.", "rye"),
    ("The manager bought 2,000 tonnes of buffer stock rubber from Thailand.", "rubber"),
    ("Traders wondered how much maize Kenya would import after it imported 300,000 tonnes.", "maize"),
    ("Officials said very little jute was exported to Egypt in June.", "jute"),
    ("Sri Lanka exported 12,000 tonnes of world tea grades in May.", "tea grades"),
])
def test_market_scope_and_degree_words_are_no_part_of_the_goods(nlp, text: str, goods: str) -> None:
    assert goods in _products(nlp, text)


@pytest.mark.parametrize(("text", "goods"), [
    ("Chile exported 12,000 tonnes of hard red winter wheat to Peru.", "hard red winter wheat"),
    ("Malaysia exported 30,000 tonnes of crude palm oil to India in April.", "crude palm oil"),
])
def test_words_that_say_what_the_goods_are_stay(nlp, text: str, goods: str) -> None:
    assert goods in _products(nlp, text)


def test_a_licensed_figure_counts_the_goods_after_the_market_words(extracted) -> None:
    x = extracted("The EC Commission granted 35,000 tonnes of free market oats export licences at "
                  "today's tender, traders said.")
    names = {e.key: e.label for e in x.entities}
    flows = [(names.get(f.object), f.quantity) for f in x.facts if f.predicate.value == "exports"]
    assert ("oats", 35000) in flows


def test_each_listed_figure_counts_its_own_goods_after_the_market_words(extracted) -> None:
    x = extracted("Dutch operators requested licences to export 9,500 tonnes of free market rye, "
                  "12,400 tonnes of free market oats to non-EC countries, trade sources said.")
    names = {e.key: e.label for e in x.entities}
    flows = {(names.get(f.object), f.quantity) for f in x.facts if f.predicate.value == "exports"}
    assert {("rye", 9500), ("oats", 12400)} <= flows
