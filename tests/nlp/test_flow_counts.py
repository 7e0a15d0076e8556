"""A number with no unit word: the unit the story counts the trader's goods in, or a count
of goods made one by one (kg.nlp.relations.flow_counts); "and those to X" and "while those
to X" clauses (kg.nlp.relations.flow_ellipsis)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model


def _flows(nlp, text: str) -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-06-20")], nlp=nlp)
    labels = {e.key: e.label for e in x.entities}
    return sorted((labels.get(f.object), f.quantity, f.unit, labels.get(f.partner), f.period)
                  for f in x.facts if f.predicate.value in ("exports", "imports"))


def test_a_destination_figure_takes_the_unit_the_story_counts_the_goods_in(nlp) -> None:
    text = ("Korea's colour television exports fell to 1.5 mln sets in May from 1.7 mln a year earlier. "
            "Exports to Canada fell to 40,500 from 52,000 a year earlier.")
    found = _flows(nlp, text)
    assert ("colour television", Decimal("40500"), "sets", "Canada", "May") in found
    assert ("colour television", Decimal("52000"), "sets", "Canada", "a year earlier") in found


def test_goods_made_one_by_one_are_counted_with_no_unit(nlp) -> None:
    text = "Italian truck exports rose to 12,400 in March from 11,900 a year earlier, the makers said."
    assert [(q, u, p) for _, q, u, _, p in _flows(nlp, text)] == [
        (Decimal("11900"), None, "a year earlier"), (Decimal("12400"), None, "March")]


def test_a_plain_number_of_goods_weighed_in_bulk_is_no_figure(nlp) -> None:
    text = "Thai rice exports rose to 12,400 in March from 11,900 a year earlier."
    assert all(q is None for _, q, *_ in _flows(nlp, text))


def test_a_day_or_a_length_of_time_takes_no_unit(nlp) -> None:
    text = ("Malaysian rubber exports rose to 90,000 tonnes in May. This brought exports in 1986/87, "
            "ending March 31, to 1.2 mln tonnes. The repairs would take an estimated five  months.")
    quantities = [q for _, q, *_ in _flows(nlp, text)]
    assert Decimal("31") not in quantities and Decimal("5") not in quantities


def test_those_to_another_partner_is_the_same_flow(nlp) -> None:
    text = ("Korea's colour television exports fell to 1.5 mln sets in May. Exports to Canada fell to "
            "40,500 sets, and those to Mexico rose to 9,800 sets.")
    found = _flows(nlp, text)
    assert ("colour television", Decimal("9800"), "sets", "Mexico", "May") in found
    assert ("colour television", Decimal("40500"), "sets", "Canada", "May") in found


@pytest.mark.parametrize("join", ["while", "but", "whereas"])
def test_those_to_another_partner_after_a_word_of_contrast_is_the_same_flow(nlp, join: str) -> None:
    text = ("Korea's colour television exports fell to 1.5 mln sets in May. Exports to Canada fell to "
            f"40,500 sets from 52,000 a year earlier, {join} those to Mexico rose to 9,800 sets from 7,100.")
    found = _flows(nlp, text)
    assert ("colour television", Decimal("9800"), "sets", "Mexico", "May") in found
    assert ("colour television", Decimal("40500"), "sets", "Canada", "May") in found


def test_those_of_another_trader_after_a_word_of_contrast_is_no_partner(nlp) -> None:
    text = ("Korea's colour television exports fell to 1.5 mln sets in May. Exports to Canada fell to "
            "40,500 sets, while those of Taiwan rose to 9,800 sets.")
    assert [p for *_, p, _ in _flows(nlp, text) if p is not None] == ["Canada"]


def test_those_from_after_exports_is_no_flow_of_its_own(nlp) -> None:
    text = "Korea's colour television exports to Canada fell to 40,500 sets in May, and those from Mexico rose."
    assert [p for *_, p, _ in _flows(nlp, text)] == ["Canada"]


def test_a_bracketed_short_name_inside_the_flow_phrase(nlp) -> None:
    text = "Korea's video tape recorder (VTR) exports rose to 120,000 sets in May, the ministry said."
    assert _flows(nlp, text) == [("video tape recorder", Decimal("120000"), "sets", None, "May")]


def test_the_period_a_flow_noun_names_dates_the_next_sentence(nlp) -> None:
    text = ("Korea's colour television exports fell to 1.5 mln sets in February. February exports compared "
            "with 1.2 mln in January. Exports to Canada fell to 40,500 sets.")
    assert ("colour television", Decimal("40500"), "sets", "Canada", "February") in _flows(nlp, text)


def test_a_size_class_names_the_goods_and_is_no_figure(nlp) -> None:
    text = "Swedish exports of trucks of up to eight tonnes slipped to 4,300 in May from 5,700 a year earlier."
    assert _flows(nlp, text) == [("trucks of up to eight tonnes", Decimal("4300"), None, None, "May"),
                                 ("trucks of up to eight tonnes", Decimal("5700"), None, None, "a year earlier")]
