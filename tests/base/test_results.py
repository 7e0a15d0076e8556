from __future__ import annotations

import spacy

from kg.nlp.results import result_teams

_NLP = spacy.blank("en")


def _teams(text: str) -> list[str]:
    return [s.text for s in result_teams(_NLP(text))]


def test_two_sides_with_scores_are_teams() -> None:
    assert _teams("Pohang 3 Ulsan 2 (halftime 1-0)\nCHICAGO 3 Atlanta 2") == ["Pohang", "Ulsan", "CHICAGO", "Atlanta"]
    assert _teams("Glamorgan 259 and 207 (A. Dale 69, H. Morris 69), Durham 114") == ["Glamorgan", "Durham"]


def test_a_league_table_row_names_a_team() -> None:
    assert _teams("Puchon 3 1 0 6 1 10\nBALTIMORE 70 63 .526 4") == ["Puchon", "BALTIMORE"]


def test_countries_prose_and_lone_figures_are_no_teams() -> None:
    assert _teams("Japan 2 Syria 1") == []
    assert _teams("Police said Smith 3 times tried to flee.") == []
    assert _teams("Lagos 1,234 cases") == []


def test_initials_and_bowling_figures_are_no_teams() -> None:
    assert _teams("A. Wells 51; A. Penberthy 4-36") == []
    assert _teams("Such 17-3-42-1, Cork 7-1-38-0, Salisbury 14-0-71-0") == []


def test_a_line_without_a_short_digit_word_is_not_read_for_teams() -> None:
    # figures, but none a score could be (four digits, a decimal): the line is passed over
    assert _teams("Ruritania Mills 2026 output rose 4.5 percent") == []
    # the same line with a score beside it still gives its teams
    assert _teams("Ruritania Mills 2026 output rose 4.5 percent\nRovers 2 Athletic 1") == ["Rovers", "Athletic"]
