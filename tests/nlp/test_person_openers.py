from __future__ import annotations

from kg.nlp.person_openers import participles


def _people(nlp, text: str) -> set[str]:
    return {e.text for e in nlp(text).ents if e.label_ in {"Person", "Official"}}


def test_participles_come_from_the_verbs_of_relating() -> None:
    assert {"citing", "quoting", "noting", "admitting", "denying"} <= participles()
    assert "irving" not in participles()


def test_a_demonym_noun_is_no_part_of_the_name(nlp) -> None:
    people = _people(nlp, "Briton Nigel Mansell won the race, and New Zealander Graham Henry watched.")
    assert {"Nigel Mansell", "Graham Henry"} <= people
    assert not any(p.startswith(("Briton", "New Zealander")) for p in people)


def test_an_opening_participle_is_no_part_of_the_name(nlp) -> None:
    assert "Gaviria" in _people(nlp, "Citing Gaviria, the chief said exports would rise.")


def test_names_that_only_look_like_openers_stay_whole(nlp) -> None:
    assert "Irving Berlin" in _people(nlp, "Irving Berlin wrote many songs.")
