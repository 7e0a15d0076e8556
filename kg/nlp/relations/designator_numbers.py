"""Numbers that are part of a name, not a figure: "Section 416", "PL 480", "Chapter 11",
"GSM-102", "No. 2", "Boeing 737". Newswire names laws, programmes, grades and models by
number, and a trade clause holding one ("grain shipped under a food aid program called
Section 416 to 800,000 tonnes") must not read it as a quantity of the flow.

The designators are a closed class (``kg/nlp/data/number_designators.txt``), matched only
written with a capital: a country or goods name before a number ("Britain 700,000",
"soybean 603,335") opens a list item and stays a figure."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from kg.nlp.lexicon import read_lines


@lru_cache(maxsize=1)
def _designators() -> frozenset[str]:
    return frozenset(read_lines("number_designators.txt"))


def names_a_number(doc: Doc, i: int) -> bool:
    """``doc[i]`` (a number) is part of a name a capitalised designator before it opens:
    "Section 416", "GSM-102" (joined by a hyphen with no space), "No. 2"."""
    j = i - 1
    if j >= 1 and doc[j].text == "-" and not doc[j].whitespace_ and not doc[j - 1].whitespace_:
        j -= 1  # "GSM-102"
    elif j >= 1 and doc[j].text == "." and not doc[j - 1].whitespace_:
        j -= 1  # "No. 2", its point a token of its own
    if j < 0:
        return False
    word = doc[j]
    return word.text[:1].isupper() and word.lower_ in _designators()
