"""Bodies named by their function in lower case ("an industry ministry spokesman", "figures
from the central bank") as the bodies their voices and documents speak for (sentences
written for these tests)."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import speech

SAID = Predicate.SAID


def _speakers(parser, text, table, module=speech):
    return [f.subject for f in only(facts_of(parser, text, table, module=module), SAID)]


LOWER_BODY = {"industry ministry": ("ind", T.AGENCY), "Peru": ("pe", T.COUNTRY), "Chile": ("cl", T.COUNTRY)}


def test_a_voice_of_a_body_named_by_its_function_speaks_for_it(parser) -> None:
    text = "Peru agreed to sell 300 buses to Chile, an industry ministry spokesman told Reuters."
    assert _speakers(parser, text, LOWER_BODY) == ["ind"]


def test_he_after_that_voice_is_the_body(parser) -> None:
    text = ("Peru agreed to sell 300 buses to Chile, an industry ministry spokesman told Reuters. "
            "The buses will be delivered in June, he said.")
    assert _speakers(parser, text, LOWER_BODY) == ["ind", "ind"]


def test_a_spokesman_of_a_description_speaks_for_no_body(parser) -> None:
    # "the ministry" is a description, not a body named by its function
    table = {"the ministry": ("ind", T.AGENCY), "Peru": ("pe", T.COUNTRY), "Chile": ("cl", T.COUNTRY)}
    text = "Peru agreed to sell 300 buses to Chile, a spokesman for the ministry said."
    assert _speakers(parser, text, table) == []


def test_figures_from_a_body_named_by_its_function_are_its_statement(parser) -> None:
    from kg.nlp.relations import sources

    table = {"central bank": ("cb", T.AGENCY)}
    text = "Copper exports rose in March, figures from the central bank showed."
    assert "cb" in _speakers(parser, text, table, module=sources) + _speakers(parser, text, table)
