"""Classes of goods ("agricultural products", "farm exports", "manufactured goods") as the
goods of a trade figure, end to end."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _values(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-10")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(f.predicate.value, names.get(f.subject), names.get(f.object), f.amount, f.period) for f in x.facts
            if f.predicate.value in ("exportValue", "importValue")]


def test_a_class_after_of_is_the_goods_of_both_figures(nlp) -> None:
    text = ("Denmark's pig herds grew last year, the farmers' union said. The value of exports of farm "
            "products from Denmark in 1986 rose 4 pct to 42 billion crowns from 40.4 billion in 1985, the "
            "ministry said. In the same period imports of farm products fell 2 pct to 20 billion crowns.")
    values = _values(nlp, text)
    assert [(p, s, o, int(a)) for p, s, o, a, _ in values] == [
        ("exportValue", "Denmark", "farm products", 42_000_000_000),
        ("exportValue", "Denmark", "farm products", 40_400_000_000),
        ("importValue", "Denmark", "farm products", 20_000_000_000),
    ]


@pytest.mark.parametrize(("text", "goods"), [
    ("Chile's agricultural exports rose 300 mln dlrs to 2.1 billion dlrs in 1986.", "agricultural"),
    ("Korea's exports of manufactured goods rose to 30 billion dlrs in 1986.", "manufactured goods"),
    ("Japan's imports of industrial products fell to 12 billion dlrs in 1986.", "industrial products"),
])  # fmt: skip
def test_a_class_before_or_after_the_flow_noun_is_its_goods(nlp, text: str, goods: str) -> None:
    assert [o for _, _, o, _, _ in _values(nlp, text)] == [goods]


def test_a_class_word_elsewhere_is_no_goods(nlp) -> None:
    (x,) = extract_articles([Article(id="t", text="The agricultural ministry met farm unions in Paris.")], nlp=nlp)
    assert not [e for e in x.entities if e.type.value == "Product"]
