from __future__ import annotations

import pytest

from kg.nlp.goods import in_goods_context
from kg.nlp.pipeline import cached_pipeline


@pytest.fixture(scope="module")
def nlp():
    return cached_pipeline()


def _context(nlp, text: str, word: str) -> bool:
    doc = nlp(text)
    return in_goods_context(next(t for t in doc if t.text == word))


def test_measured_goods_are_in_a_goods_context(nlp) -> None:
    assert _context(nlp, "Peru shipped 4,000 tonnes of zinc last month.", "zinc")
    assert _context(nlp, "The clinic received 2,000 doses of polio vaccine.", "vaccine")


def test_goods_before_or_after_a_flow_noun(nlp) -> None:
    assert _context(nlp, "Cocoa exports rose by a tenth.", "Cocoa")
    assert _context(nlp, "Shipments of cobalt fell in May.", "cobalt")


def test_goods_taxed_or_traded_by_a_verb(nlp) -> None:
    assert _context(nlp, "Farmers asked for lower tariffs on cherries.", "cherries")
    assert _context(nlp, "The firm exported 500 tonnes of nickel and 300 tonnes of cobalt.", "cobalt")


def test_the_same_words_elsewhere_are_no_goods(nlp) -> None:
    assert not _context(nlp, "She won the gold medal in Paris.", "gold")
    assert not _context(nlp, "They met for tea after the talks on exports.", "tea")


def test_a_plain_noun_counted_in_bulk_is_goods(nlp) -> None:
    from kg.nlp.goods import measured_goods

    doc = nlp("Peru shipped 4,000 tonnes of anchoveta and 2,000 tonnes of output.")
    assert measured_goods(next(t for t in doc if t.text == "anchoveta"))
    assert not measured_goods(next(t for t in doc if t.text == "output"))
