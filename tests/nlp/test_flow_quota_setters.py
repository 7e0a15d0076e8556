"""Whose a quota or target is: the body that sets it, and the country that body governs."""

from __future__ import annotations

import pytest
from relations_tables import T, facts_of

from kg.nlp.relations import flows

pytestmark = pytest.mark.model
PUBLISHED = "1987-04-01"


def _quotas(parser, text: str, table: dict) -> list[tuple]:
    facts = facts_of(parser, text, table, published=PUBLISHED, module=flows)
    return [(f.predicate.value, f.subject, f.quantity is not None, f.forecast) for f in facts if f.forecast]


BODIES = {"Jamaica": ("jm", T.COUNTRY), "United States": ("us", T.COUNTRY), "sugar": ("su", T.PRODUCT),
          "Agriculture Department": ("usda", T.AGENCY), "department": ("usda", T.AGENCY)}


def test_a_body_named_after_a_line_break_still_names_its_country(parser) -> None:
    text = ("Jamaica wants more sugar sales, officials said. The United States\nAgriculture Department "
            "listed 1987 sugar import quota allocations at 12,000 short tons.")
    assert _quotas(parser, text, BODIES) == [("imports", "us", True, True)]


def test_a_body_of_a_country_the_text_has_no_entity_for_is_not_the_storys(parser) -> None:
    # "U.S." names the department's country, which is no entity here: not Jamaica's quota
    table = {k: v for k, v in BODIES.items() if k != "United States"}
    text = ("Jamaica wants more sugar sales, officials said. The U.S.\nAgriculture Department "
            "listed 1987 sugar import quota allocations at 12,000 short tons.")
    assert _quotas(parser, text, table) == []


def test_a_body_naming_no_country_is_the_storys(parser) -> None:
    table = {k: v for k, v in BODIES.items() if k != "United States"}
    text = ("Jamaica wants more sugar sales, officials said. The Agriculture Department "
            "listed 1987 sugar export quota allocations at 12,000 tonnes.")
    assert _quotas(parser, text, table) == [("exports", "jm", True, True)]


def _allotted(nlp, text: str) -> list[tuple]:
    from kg.model import Article
    from kg.nlp.extract import extract_articles

    (x,) = extract_articles([Article(id="t", text=text, published=PUBLISHED)], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), names.get(f.partner), f.quantity, f.unit, f.forecast) for f in x.facts
            if f.predicate.value == "imports"]  # fmt: skip


def test_an_import_quota_allotted_to_suppliers_names_each_as_partner(nlp) -> None:
    text = ("Jamaica wants a larger sugar quota, officials said. The U.S. Agriculture Department listed 1987 "
            "sugar import quota allocations for Belize at 12,000 short tons and for Fiji at 8,000 short tons.")
    assert _allotted(nlp, text) == [("United States", "Belize", 12000, "short tons", True),
                                    ("United States", "Fiji", 8000, "short tons", True)]


def test_a_quota_for_a_year_has_no_partner(nlp) -> None:
    text = "The U.S. Agriculture Department set the sugar import quota for 1987 at 1.0 mln short tons."
    assert _allotted(nlp, text) == [("United States", None, 1000000, "short tons", True)]


def test_the_subject_a_quota_is_allocated_to_holds_it(parser) -> None:
    text = "Under the plan, Peru has been allocated an export quota of 12,000 tonnes of zinc."
    table = {"Peru": ("pe", T.COUNTRY), "zinc": ("zn", T.PRODUCT)}
    assert _quotas(parser, text, table) == [("exports", "pe", True, True)]
    text = "Under the plan, an export quota of 12,000 tonnes of zinc has been allocated."
    assert _quotas(parser, text, table) == []
