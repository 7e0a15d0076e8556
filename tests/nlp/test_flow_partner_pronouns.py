"""A flow shared out by a pronoun: "Of the imports in 1986, those from Cuba were 3.81 mln
tonnes" is the imports from Cuba."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _partners(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-20")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), names.get(f.partner), f.quantity) for f in x.facts
            if f.predicate.value == "imports" and f.quantity is not None]  # fmt: skip


def test_those_from_a_place_are_the_imports_from_it(nlp) -> None:
    text = "Polish coal imports rose in 1986. Of the imports in the first half, those from Canada were 1.2 mln tonnes."
    assert _partners(nlp, text) == [("Poland", "Canada", 1200000)]


def test_no_partner_from_a_place_the_pronoun_does_not_own(nlp) -> None:
    text = ("Polish coal imports rose in 1986. Of the imports in the first half, most were 1.2 mln tonnes "
            "carried on ships registered in Canada.")
    assert [partner for _, partner, _ in _partners(nlp, text)] == [None]
