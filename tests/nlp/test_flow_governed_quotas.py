"""A quota that qualifies the flow before it ("imports subject to the U.S. sugar import
quota totaled ..."): its figures are shipments made, not a plan."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _flows(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-04-01")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), f.quantity is not None, f.period, f.forecast) for f in x.facts
            if f.predicate.value == "imports" and f.quantity is not None]  # fmt: skip


def test_imports_subject_to_a_countrys_quota_are_shipments(nlp) -> None:
    text = ("Sugar imports subject to the U.S. sugar import quota during the week ended March 13 "
            "totaled 31,000 short tons, the department said.")
    assert _flows(nlp, text) == [("United States", True, "the week ended March 13", False)]


def test_a_quota_of_its_own_stays_a_plan(nlp) -> None:
    text = ("Sugar imports were small and the U.S. sugar import quota for 1987 totaled 1.0 mln short tons, "
            "the department said.")
    assert _flows(nlp, text) == [("United States", True, "1987", True)]
    # the quota does not qualify the flow noun right before it
    text = ("Sugar imports were small last year and under the U.S. sugar import quota for 1987 shipments "
            "will total 1.0 mln short tons, the department said.")
    assert [forecast for *_, forecast in _flows(nlp, text)] == [True]
