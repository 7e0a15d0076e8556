"""Statements of a figure with no clause of their own ("the ministry put exports at ...",
"the department reported sales of ...") (sentences written for these tests)."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import speech

SAID = Predicate.SAID


def _said(parser, text, table, module=speech):
    return [(f.subject, f.quote) for f in only(facts_of(parser, text, table, module=module), SAID)]


def _speakers(parser, text, table, module=speech):
    return [s for s, _ in _said(parser, text, table, module)]


MINES = {"Mines Ministry": ("mm", T.AGENCY)}


def test_a_body_putting_a_figure_states_it(parser) -> None:
    said = _said(parser, "The Mines Ministry put copper exports at 1.2 mln tonnes.", MINES)
    assert said and said[0][0] == "mm" and "1.2 mln tonnes" in said[0][1]


def test_putting_with_no_figure_states_nothing(parser) -> None:
    assert _said(parser, "The Mines Ministry put the new export rules on hold.", MINES) == []


def test_seeing_a_trend_states_nothing(parser) -> None:
    assert _said(parser, "The Mines Ministry sees exports rising next year.", MINES) == []


def test_it_after_a_body_that_put_a_figure_is_that_body(parser) -> None:
    from kg.nlp.relations import sources

    text = "The Mines Ministry put copper exports at 1.2 mln tonnes. It said output would rise."
    assert "mm" in _speakers(parser, text, MINES, module=sources)


def test_a_reported_figure_is_the_reporters_statement(parser) -> None:
    table = {"Agriculture Department": ("usda", T.AGENCY), "Japan": ("jp", T.COUNTRY)}
    text = "The Agriculture Department reported export sales of 200,000 tonnes of corn to Japan."
    said = _said(parser, text, table)
    assert said and said[0][0] == "usda" and "200,000 tonnes of corn" in said[0][1]


def test_a_confirmed_figure_is_the_confirmers_statement(parser) -> None:
    table = {"Grain Board": ("gb", T.AGENCY), "Egypt": ("eg", T.COUNTRY)}
    text = "The Grain Board has confirmed two mln tonnes of wheat sold to Egypt."
    assert _speakers(parser, text, table) == ["gb"]


def test_a_reported_event_with_no_figure_is_no_statement(parser) -> None:
    table = {"Grain Board": ("gb", T.AGENCY), "Egypt": ("eg", T.COUNTRY)}
    assert _said(parser, "The Grain Board reported the sale to Egypt.", table) == []


def test_a_companys_own_results_are_no_statement(parser) -> None:
    table = {"Delta Bank": ("db", T.ORGANIZATION)}
    assert _said(parser, "Delta Bank reported a 1986 pre-tax profit of 65 mln lira.", table) == []
    text = "Delta Bank announced a strong recovery in 1986 earnings to 12.9 billion lira."
    assert _said(parser, text, table) == []


def test_a_reported_count_of_no_goods_is_no_statement(parser) -> None:
    table = {"Ann Lowe": ("lowe", T.PERSON)}
    text = "The district medical officer, Ann Lowe, reported 38 suspected cases last month."
    assert _said(parser, text, table) == []


def test_a_body_changing_its_own_estimate_states_the_new_one(parser) -> None:
    for text in ("The Mines Ministry raised its estimate for 1987 copper exports to 1.3 mln tonnes from 1.2 mln.",
                 "The Mines Ministry cut its forecast of zinc output to 200,000 tonnes.",
                 "In its monthly report, the Mines Ministry lowered its projection for tin sales."):
        assert _speakers(parser, text, MINES) == ["mm"], text


def test_changing_anything_but_its_own_estimate_states_nothing(parser) -> None:
    for text in ("The Mines Ministry cut copper exports to 1.1 mln tonnes.",
                 "The Mines Ministry raised its export tax on copper.",
                 "The Mines Ministry raised the estimate of the smelters' group."):
        assert _said(parser, text, MINES) == [], text
