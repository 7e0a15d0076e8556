"""A figureless flow owned by a list of traders is each one's, end to end."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _flows(extracted, text: str) -> list[tuple]:
    x = extracted(text)
    names = {e.key: e.label for e in x.entities}
    return sorted((f.predicate.value, names.get(f.subject), names.get(f.object), f.quantity, names.get(f.partner))
                  for f in x.facts if f.predicate.value in ("exports", "imports"))  # fmt: skip


def test_two_demonyms_own_the_imports(extracted) -> None:
    text = "Danish and Dutch imports of Canadian barley fell sharply."
    assert _flows(extracted, text) == [("imports", "Denmark", "barley", None, "Canada"),
                                       ("imports", "Netherlands", "barley", None, "Canada")]


def test_three_demonyms_own_the_exports(extracted) -> None:
    text = "Kenyan, Ugandan and Tanzanian coffee exports rose last week."
    assert [s for _, s, *_ in _flows(extracted, text)] == ["Kenya", "Tanzania", "Uganda"]


def test_a_list_figure_is_no_one_owners(extracted) -> None:
    text = "Danish and Dutch imports of Canadian barley totalled 50,000 tonnes in May."
    assert [s for _, s, _, q, _ in _flows(extracted, text) if s == "Netherlands"] == []


def test_an_origin_before_the_noun_is_no_owner(extracted) -> None:
    text = "Canadian barley imports by Denmark fell sharply."
    assert _flows(extracted, text) == [("imports", "Denmark", "barley", None, "Canada")]


def test_whose_names_the_owner_of_the_flow(extracted) -> None:
    # the relative's antecedent trades, not the country the story opened on
    text = "Chile sells copper abroad. The protest was led by Canada, whose barley exports would suffer."
    assert [(s, g) for _, s, g, *_ in _flows(extracted, text) if g == "barley"] == [("Canada", "barley")]


def test_whose_without_a_flow_noun_owns_nothing(extracted) -> None:
    text = "Peru sells zinc abroad. Its tin exports fell, and Bolivia, whose economy is weak, protested."
    assert [(s, g) for _, s, g, *_ in _flows(extracted, text) if g == "tin"] == [("Peru", "tin")]


def test_its_after_a_reporting_subject_is_that_subjects(extracted) -> None:
    # the apposition names Britain last, but "it" (and so "its") is Kenya, who says so
    text = "Kenya, the largest supplier of tea to Britain, said it expects its tea exports to rise this year."
    assert [s for _, s, g, *_ in _flows(extracted, text) if g == "tea"] == ["Kenya"]


def test_its_without_it_as_subject_is_the_trader_named_last(extracted) -> None:
    # "its" after another subject than "it" is not the reporter's: no reading from the reporter
    text = "Kenya said Uganda would raise its coffee exports this year."
    assert [s for _, s, g, *_ in _flows(extracted, text) if g == "coffee"] == ["Uganda"]


def test_a_company_reporting_its_own_exports_owns_them(extracted) -> None:
    text = ("Hanil Motor Corp, the joint venture between Hanil Group and Ford Motor Co, said it will "
            "raise its car exports to Canada this year.")
    assert [s for _, s, g, *_ in _flows(extracted, text) if g == "car"] == ["Hanil Motor Corp"]
