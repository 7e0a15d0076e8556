from __future__ import annotations

import pytest
import spacy

from kg.nlp.relations.quantities import parse_quantity, quantity_of


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("16,000", 16000),
        ("3.86 billion", 3.86e9),
        ("37.52 million", 37.52e6),
        ("two million", 2e6),
        ("a dozen", 12),
        ("twenty-five thousand", 25000),
        ("half a million", 5e5),
        ("one hundred and twenty", 120),
        ("1.4bn", 1.4e9),
        ("54", 54),
        ("three", 3),
    ],
)
def test_numbers_in_digits_and_words(text: str, value: float) -> None:
    q = parse_quantity(text)
    assert q is not None
    assert q.value == pytest.approx(value)


def test_ranges_share_the_scale_and_report_the_upper_bound() -> None:
    q = parse_quantity("3 to 5 million")
    assert (q.low, q.high, q.value) == (3e6, 5e6, 5e6)
    assert q.is_range
    q = parse_quantity("between 3 and 5 million")
    assert (q.low, q.high) == (3e6, 5e6)
    assert parse_quantity("3-5 million").low == 3e6


def test_hedges_are_kept_as_qualifiers() -> None:
    q = parse_quantity("up to 10.2 billion")
    assert q.value == pytest.approx(10.2e9)
    assert q.qualifier == "up to"
    assert parse_quantity("about 200").qualifier == "about"
    assert parse_quantity("more than 1,000").value == 1000


def test_no_number_gives_none() -> None:
    assert parse_quantity("masks") is None
    assert parse_quantity("") is None


def test_quantity_of_reads_the_numeric_modifiers_of_a_noun() -> None:
    nlp = spacy.blank("en")
    doc = nlp("3.86 billion masks")
    # A hand-made parse: "billion" counts "masks", "3.86" modifies "billion".
    heads, deps = [1, 2, 2], ["compound", "nummod", "ROOT"]
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=[t.text for t in doc], heads=heads, deps=deps)
    assert quantity_of(doc[2]).value == pytest.approx(3.86e9)
    assert quantity_of(doc[0]) is None


@pytest.mark.parametrize(("text", "exact"), [
    ("1.07 billion", "1070000000"),
    ("6.60 mln", "6600000"),
    ("530,500", "530500"),
    ("1.29 mln", "1290000"),
    ("22.4 bln", "22400000000"),
    ("0.5", "0.5"),
    ("between 60,000 and 70,000", "70000"),
])  # fmt: skip
def test_numbers_are_exact_decimals_in_newswire_scales(text: str, exact: str) -> None:
    from decimal import Decimal

    q = parse_quantity(text)
    assert isinstance(q.value, Decimal)
    assert q.value == Decimal(exact)
    assert str(q.value) == exact  # written plainly, not 1.07E+9


def test_a_number_beyond_the_decimal_context_does_not_fail() -> None:
    q = parse_quantity("10,000,000,000,000,000,000.00 billion")
    assert q is not None and q.value > 10**27


@pytest.mark.parametrize(("text", "exact"), [
    ("four 13,000", "52000"),  # "four 13,000 tonne cargoes"
    ("two 500", "1000"),
    ("one 25,000", "25000"),
    ("twenty-five", "25"),
    ("three hundred", "300"),
])  # fmt: skip
def test_a_count_of_lots_times_their_size(text: str, exact: str) -> None:
    from decimal import Decimal

    assert parse_quantity(text).value == Decimal(exact)
