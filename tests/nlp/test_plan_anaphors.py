"""A quota or target named again by "the quota" in the next sentence: the same plan."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _plans(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-04-09")], nlp=nlp)
    return sorted((f.predicate.value, f.quantity, f.period, f.forecast) for f in x.facts
                  if f.predicate.value in ("exports", "imports") and f.quantity is not None)


def test_the_quota_after_a_named_import_quota_is_that_plan(nlp) -> None:
    text = ("Korea decided to raise its pork import quota by 2,000 tonnes a year. "
            "In 1987/88, the quota will rise to 45,000 tonnes from 43,000 in 1986/87, officials said.")
    assert _plans(nlp, text) == [("imports", Decimal("43000"), "1986/87", True),
                                 ("imports", Decimal("45000"), "1987/88", True)]


def test_a_quota_not_just_named_or_named_anew_is_no_plan_of_the_trader(nlp) -> None:
    far = ("Korea decided to raise its pork import quota by 2,000 tonnes a year. Prices fell. "
           "In 1987/88, the quota will rise to 45,000 tonnes.")
    assert _plans(nlp, far) == []
    other = ("Korea decided to raise its pork import quota by 2,000 tonnes a year. "
             "In 1987/88, a quota for exporters will rise to 45,000 tonnes.")
    assert _plans(nlp, other) == []


def test_the_quota_changed_by_any_verb_of_change_is_that_plan(nlp) -> None:
    text = ("Korea decided to raise its pork import quota by 2,000 tonnes a year. "
            "In 1987/88, the quota will jump to 45,000 tonnes, officials said.")
    assert _plans(nlp, text) == [("imports", Decimal("45000"), "1987/88", True)]
