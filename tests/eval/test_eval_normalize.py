from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.eval.normalize import normalize_name, plain_text, quote_in_sentence, singular, words


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("masks", "mask"),
        ("goggles", "goggle"),
        ("Face Masks", "face mask"),
        ("The Ministry of Commerce", "Ministry of Commerce"),
        ("MOC's", "MOC"),
        ("MOC\u2019s", "MOC"),
        ("Ministry  of\tCommerce", "ministry of commerce"),
        ("\uff2d\uff2f\uff23", "MOC"),  # full-width letters (NFKC)
        ("COVID\u201119 test kits", "covid-19 test kit"),
        ("Organisation \u2014 Trade", "organisation - trade"),
        ("glasses", "glass"),
        ("processes", "process"),
        ("medical supplies", "medical supply"),
        ("niches", "niche"),
        ("boxes", "box"),
    ],
)
def test_equal_names(a: str, b: str) -> None:
    assert normalize_name(a) == normalize_name(b)


@pytest.mark.parametrize(("a", "b"), [("Paris", "Pari"), ("news", "new"), ("glass", "glas"), ("kit", "kite")])
def test_different_names(a: str, b: str) -> None:
    assert normalize_name(a) != normalize_name(b)


def test_singular_words_are_kept() -> None:
    for word in ("process", "glass", "virus", "paris", "analysis", "news", "gas", "kit"):
        assert singular(word) == word


def test_plural_only_on_last_word() -> None:
    assert normalize_name("Masks Office") == "masks office"
    assert normalize_name("the Theatres") == "theatre"


def test_quote_containment_ignores_case_punctuation_and_quotes() -> None:
    sentence = "\u201cChina has not and never would restrict the export of medical supplies,\u201d he said."
    assert quote_in_sentence("China has not and never would restrict the export of medical supplies", sentence)
    assert quote_in_sentence("never would RESTRICT", sentence)
    assert not quote_in_sentence("never would limit", sentence)
    assert not quote_in_sentence("", sentence)
    # whole words only: a quote does not match inside a longer word
    assert not quote_in_sentence("hin", sentence)


# No combining marks: they could join the text to the word before it under NFKC.
@given(st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1).filter(lambda t: bool(words(t))))
def test_a_text_contains_itself(text: str) -> None:
    assert quote_in_sentence(text, f"He said {text}.")


def test_marks_garbled_by_a_wrong_charset_read_as_the_marks() -> None:
    # UTF-8 quotes, apostrophes and dashes decoded as Mac Roman, as scraped archives hold them
    garbled = "He said \u201a\u00c4\u00faWe\u201a\u00c4\u00f4re ready\u201a\u00c4\u00f9 \u201a\u00c4\u00ee now."
    assert plain_text(garbled) == "he said \"we're ready\" - now."
    assert quote_in_sentence("we're ready", garbled)
    assert not quote_in_sentence("ready now later", garbled)
