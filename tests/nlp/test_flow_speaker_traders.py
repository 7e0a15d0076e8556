"""Whose ownerless trade a sentence reports: the country its speakers are of ("Brazilian
industry sources said"), not the story's first country; and no one country's when many
countries do it ("only 10 developing nations will still be exporting timber")."""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _traders(nlp, text: str) -> list[tuple[str, str]]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-03-20")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return sorted((f.predicate.value, names[f.subject]) for f in x.facts if f.predicate.value in ("exports", "imports"))


def test_the_speakers_country_owns_the_trade_they_report(nlp) -> None:
    text = ("Officials in Chile and Peru said copper prices were low. Argentine grain trade sources said "
            "new wheat export sales were expected to be small next season.")
    assert _traders(nlp, text) == [("exports", "Argentina")]


def test_a_body_that_reports_is_not_the_trader(nlp) -> None:
    text = "Egypt's grain harvest was poor. Wheat imports rose to 6 mln tonnes, the U.S. Agriculture Department said."
    assert _traders(nlp, text) == [("imports", "Egypt")]


def test_many_nations_are_no_one_country(nlp) -> None:
    text = "Ghana's forests are shrinking. By 2010 only eight developing countries will still be exporting hardwood."
    assert _traders(nlp, text) == []
    text = "Ghana's forests are shrinking. The country will still be exporting hardwood in 2010."
    assert _traders(nlp, text) == [("exports", "Ghana")]


def test_its_exports_after_a_territory_are_the_territorys(nlp) -> None:
    text = ("Demand from Japan for steel fell this year. Taiwan agreed to limit its steel exports to the "
            "United States to 120,000 tonnes in 1987, an official said.")
    assert _traders(nlp, text) == [("exports", "Taiwan")]


def test_its_exports_after_a_city_are_not_the_citys(nlp) -> None:
    text = ("Demand from Japan for steel fell this year. A mill in Kaohsiung expects its steel exports to "
            "reach 120,000 tonnes in 1987, an official said.")
    assert ("exports", "Kaohsiung") not in _traders(nlp, text)
