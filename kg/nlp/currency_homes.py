"""The country a currency's name carries: "119.1 mln N.Z. Dlrs", "Canadian dlrs", "Kenyan
shillings". A monthly trade release may name its country nowhere else; its figures are then
that country's (the trade rules' story country).

U.S. dollars name no country's trade: newswire gives every country's figures in them.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.attrs import LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.gazetteer import Country, country_of, country_of_demonym

# The currency no story's trader is known by (figures of any country are given in it).
_WORLD_CURRENCY = "USD"


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, str], frozenset[str], dict[str, str]]:
    """(national word -> currency code, currency names, national word -> country name)."""
    data = lexicon("currencies")
    national = dict(data["dollar_countries"])
    for phrase, code in data["currency_countries"].items():
        words = phrase.split()
        if len(words) == 2:
            national.setdefault(words[0], code)
    names = frozenset({*data["names"], *data["dollar_words"]})
    return national, names, data["currency_home_names"]


@lru_cache(maxsize=1)
def _national_hashes() -> frozenset[int]:
    """The hashes of the national words of every currency but the world's."""
    national, _, _ = _words()
    return frozenset(get_string_id(word) for word, code in national.items() if code != _WORLD_CURRENCY)


def currency_homes(doc: Doc) -> list[tuple[Span, Country]]:
    """Each national word right before a currency's name, with the country it names, in text
    order ("N.Z." of "N.Z. Dlrs" is New Zealand); not U.S. dollars."""
    _, names, homes = _words()
    found = []
    # The words' hashes read at once, and a Token made only of a national word.
    wanted, lowers = _national_hashes(), doc.to_array(LOWER).tolist()
    for token in (doc[i] for i, lower in enumerate(lowers[:-1]) if lower in wanted):
        word = token.lower_
        if doc[token.i + 1].lower_ not in names:
            continue
        if not (token.is_title or token.is_upper):
            continue  # "us dollars" in a lower-case phrase names nobody
        country = country_of(homes.get(word, token.text)) or country_of_demonym(token.text)
        if country is not None:
            found.append((doc[token.i : token.i + 1], country))
    return found


_MAGNITUDES = frozenset({"mln", "bln", "billion", "million", "trillion", "thousand", "mn", "bn"})


def after_a_figure(token: Token) -> bool:
    """The word right after a figure or its magnitude ("944 mln dlrs", "500 cordobas"):
    the place of an amount's currency."""
    if token.i == 0:
        return False
    before = token.nbor(-1)
    return before.like_num or before.lower_ in _MAGNITUDES


def in_an_amount(span: Span) -> bool:
    """ "944 mln U.S. Dlrs", "4.18 billion N.Z. dollars": a country's word inside an amount,
    between its figure and its currency, names money, not the country as such."""
    doc = span.doc
    _, names, _ = _words()
    if span.start == 0 or span.end >= len(doc) or doc[span.end].lower_ not in names:
        return False
    return after_a_figure(doc[span.start])
