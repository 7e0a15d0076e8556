"""The rows of a weekly report's preview, read under the story's frame (flow_report_guesses),
and the country of a national body named by its acronym alone (latent_countries,
trader_keys), end to end."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.model import Article
from kg.nlp.extract import extract_articles

pytestmark = pytest.mark.model

LEAD = ("The USDA's weekly export inspection report is expected to show higher barley and sorghum exports, "
        "according to floor traders.\n")


def _flows(nlp, text: str, *, rule: str | None = "flow-report-guess") -> list[tuple]:
    (x,) = extract_articles([Article(id="t", text=text, published="1987-05-11")], nlp=nlp)
    names = {e.key: e.label for e in x.entities}
    return [(names.get(f.subject), f.predicate.value, names.get(f.object), f.quantity, f.unit, f.period,
             f.period_start, f.forecast) for f in x.facts
            if f.predicate.value in ("exports", "imports") and (rule is None or f.extractor == rule)]  # fmt: skip


def test_a_row_of_guesses_gives_the_forecast_and_the_weeks_it_compares_with(nlp) -> None:
    text = LEAD + ("    Sorghum guesses ranged from 4.5 mln to 6.0 mln bushels, compared with 5.2 mln bushels "
                   "a week ago and 3.9 mln a year ago.\n")
    assert _flows(nlp, text) == [
        ("United States", "exports", "sorghum", Decimal("4500000"), "bushels", None, None, True),
        ("United States", "exports", "sorghum", Decimal("5200000"), "bushels", "a week ago", "1987-05-04", False),
        ("United States", "exports", "sorghum", Decimal("3900000"), "bushels", "a year ago", "1986-05-05", False),
    ]


def test_a_row_without_its_unit_takes_the_unit_of_the_row_before(nlp) -> None:
    text = LEAD + ("    Sorghum guesses ranged from 4.5 mln to 6.0 mln bushels.\n"
                   "    Barley estimates ranged from 1.2 mln to 2.0 mln, up from 0.8 mln last week.\n")
    found = [(o, q, u) for _, _, o, q, u, *_ in _flows(nlp, text)]
    assert ("barley", Decimal("1200000"), "bushels") in found
    assert ("barley", Decimal("800000"), "bushels") in found


def test_a_row_of_goods_the_frame_does_not_name_is_not_read(nlp) -> None:
    # oats: no earlier sentence names their exports, so their guesses may count anything
    text = LEAD + "    Oats guesses ranged from 1.0 mln to 2.0 mln bushels, compared with 1.5 mln a week ago.\n"
    assert _flows(nlp, text) == []


def test_guesses_of_another_measure_are_not_read(nlp) -> None:
    # plantings, not exports: "Sorghum acreage" is no goods name
    text = LEAD + "    Sorghum acreage guesses ranged from 10.5 mln to 11.0 mln acres, against 12.1 mln a year ago.\n"
    assert _flows(nlp, text) == []


def test_a_report_without_a_trade_frame_gives_no_rows(nlp) -> None:
    text = ("The weekly cattle slaughter report is due today.\n"
            "    Sorghum guesses ranged from 4.5 mln to 6.0 mln bushels, compared with 5.2 mln a week ago.\n")
    assert _flows(nlp, text) == []


def test_an_acronym_of_a_national_body_names_the_rows_trader(nlp) -> None:
    # the story names no country: "USDA" is the United States' (organizations.tsv)
    text = LEAD + "    Barley guesses ranged from 1.2 mln to 2.0 mln bushels.\n"
    assert [(s, o, q) for s, _, o, q, *_ in _flows(nlp, text)] == [("United States", "barley", Decimal("1200000"))]


def test_a_body_named_in_words_alone_names_no_trader(nlp) -> None:
    # "the Agriculture Department" may be any country's: no trader is guessed from it
    text = LEAD.replace("The USDA's", "The Agriculture Department's") + \
        "    Barley guesses ranged from 1.2 mln to 2.0 mln bushels.\n"
    assert _flows(nlp, text) == []


def test_a_bodys_acronym_alone_does_not_make_a_storys_flows_its_countrys(nlp) -> None:
    # outside a report's rows the acronym's country stays latent: the exports a credit agency
    # insured are not all of its country's
    text = "The ECGD said exports it insured rose to 9.2 billion stg in the year to March from 8.1 billion.\n"
    assert _flows(nlp, text, rule=None) == []


def test_outside_a_weekly_story_a_comparison_keeps_its_own_period(nlp) -> None:
    # no weekly report: "a year ago" is last year, not that week of it
    text = ("The USDA expects higher barley exports this season, traders said.\n"
            "    Analysts projected barley exports at 2.0 mln to 2.4 mln tonnes, down from 2.9 mln tonnes a year ago.\n")
    found = [(q, p, s) for _, _, _, q, _, p, s, _ in _flows(nlp, text)]
    assert (Decimal("2900000"), "a year ago", "1986-01-01") in found
