from __future__ import annotations

import pytest

from kg.nlp.currency_homes import currency_homes

pytestmark = pytest.mark.model


@pytest.mark.parametrize(("text", "expected"), [
    ("The surplus was 41.7 mln N.Z. Dlrs in May.", [("N.Z.", "New Zealand")]),
    ("Sales reached 12 mln Canadian dlrs and 3 mln Kenyan shillings.", [("Canadian", "Canada"), ("Kenyan", "Kenya")]),
    # figures of any country are given in U.S. dollars: they name no trader
    ("Exports were worth 2.1 billion U.S. Dlrs.", []),
    ("The Canadian economy grew by 3 pct.", []),
])
def test_the_national_word_before_a_currency_names_its_country(parser, text: str, expected: list) -> None:
    assert [(span.text, country.name) for span, country in currency_homes(parser(text))] == expected
