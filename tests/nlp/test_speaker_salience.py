"""A pronoun speaker goes on with the last speaker past a person named in passing (kg.nlp.speaker_salience)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _speakers(extracted, text: str) -> list[tuple[str, str]]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return [(names[f.subject], f.quote) for f in sorted(x.facts, key=lambda f: f.start) if f.predicate.value == "said"]


def test_he_goes_on_with_the_last_speaker_past_a_name_in_a_phrase(extracted) -> None:
    text = ("Coffee Board chairman Ramon Ortega said output would rise this year. "
            "Ortega said prices were firm. "
            "The new quotas were sent to President Luis Vargas last week. "
            '"We expect a decision in May," he said.')
    assert _speakers(extracted, text)[-1] == ("Ramon Ortega", "We expect a decision in May")


def test_he_is_the_person_named_last_as_a_subject(extracted) -> None:
    text = ("Coffee Board chairman Ramon Ortega said output would rise this year. "
            "President Luis Vargas met the growers on Monday. "
            '"We expect a decision in May," he said.')
    assert _speakers(extracted, text)[-1] == ("Luis Vargas", "We expect a decision in May")
