"""Statements the parser hangs away from their verb of saying: a "that" clause read as a
relative clause of the listener, and the clause before "was quoted as saying" (sentences
written for these tests)."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import speech

SAID = Predicate.SAID


def _said(parser, text, table):
    return [(f.subject, f.quote) for f in only(facts_of(parser, text, table, module=speech), SAID)]


def test_told_a_news_conference_that_reports_the_clause(parser) -> None:
    text = "Farm Minister Carl Berg told a news conference that wheat exports would fall sharply."
    said = _said(parser, text, {"Carl Berg": ("berg", T.PERSON)})
    assert [s for s, _ in said] == ["berg"]
    assert said[0][1] == "wheat exports would fall sharply"


def test_told_a_meeting_of_growers_that_reports_the_clause(parser) -> None:
    text = "Lena Ortiz told a meeting of cocoa growers that the harvest had been delayed."
    said = _said(parser, text, {"Lena Ortiz": ("ortiz", T.PERSON)})
    assert [s for s, _ in said] == ["ortiz"]


def test_a_relative_clause_with_that_for_subject_states_nothing(parser) -> None:
    text = "Lena Ortiz told a group that represents cocoa growers in the east."
    assert _said(parser, text, {"Lena Ortiz": ("ortiz", T.PERSON)}) == []


def test_statement_before_was_quoted_as_saying(parser) -> None:
    text = "Rice exports will fall this year, Farm Minister Carl Berg was quoted as saying."
    said = _said(parser, text, {"Carl Berg": ("berg", T.PERSON)})
    assert said == [("berg", "Rice exports will fall this year")]


def test_quoted_with_nothing_said_states_nothing(parser) -> None:
    text = "Farm Minister Carl Berg was quoted in the Sunday papers."
    assert _said(parser, text, {"Carl Berg": ("berg", T.PERSON)}) == []
