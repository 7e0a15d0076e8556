"""Currencies of the day, national words before a currency's name, a union's bare money (its first-named member's)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from relations_tables import T, facts_of

from kg.nlp.gazetteer import country_of
from kg.nlp.relations import flows
from kg.nlp.relations.currency_words import country_currency, national_currency, national_words, word_name

OLD = "1987-04-09"


def _values(parser, text: str, mentions, published: str | None = OLD) -> list[tuple[Decimal, str]]:
    facts = facts_of(parser, text, mentions, published=published, module=flows)
    return [(f.amount, f.currency) for f in facts if f.amount is not None]


def test_a_word_stands_for_its_currency_name() -> None:
    assert word_name("lire") == word_name("lira") == "lira"
    assert word_name("Francs") == "franc"
    assert word_name("tonnes") is None


def test_national_words_are_demonyms_and_one_word_country_names() -> None:
    assert {"malagasy", "ivorian", "kenya", "cfa"} <= national_words()
    assert "coast" not in national_words()


@pytest.mark.parametrize(("country", "published", "code"), [
    ("Madagascar", "1987-04-09", "MGF"), ("Madagascar", "2010-01-01", "MGA"), ("Madagascar", None, "MGA"),
    ("Zaire", "1987-04-09", "ZRZ"), ("Brazil", "1987-04-09", "BRC"), ("Brazil", "1985-01-01", "BRB"),
    ("Peru", "1987-04-09", "PEI"), ("Turkey", "1987-04-09", "TRL"), ("Turkey", "2012-05-01", "TRY"),
    ("Belgium", "1987-04-09", "BEF"), ("Belgium", "2003-01-01", "EUR"), ("Chile", "1987-04-09", "CLP"),
])
def test_a_countrys_currency_is_the_one_of_the_storys_day(country: str, published: str | None, code: str) -> None:
    assert country_currency(country_of(country), published) == code


def test_a_national_word_names_its_countrys_currency_only_by_that_currencys_name() -> None:
    assert national_currency("Malagasy", "francs", local=None, published=OLD) == "MGF"
    assert national_currency("Ivorian", "francs", local=None, published=OLD) == "XOF"
    # "Malagasy rupees" names no currency: the plain name reads it
    assert national_currency("Malagasy", "rupees", local=None, published=OLD) is None
    assert national_currency("Cameroonian", "tonnes", local=None, published=OLD) is None


def test_cfa_francs_are_the_traders_own_of_the_two_unions() -> None:
    assert national_currency("CFA", "francs", local="XAF", published=OLD) == "XAF"
    assert national_currency("CFA", "francs", local="XOF", published=OLD) == "XOF"
    assert national_currency("CFA", "francs", local="FRF", published=OLD) == "XOF"


def test_a_national_word_before_francs_reads_the_value(parser) -> None:
    text = "Comoran imports of cloves rose to 6.5 billion Malagasy francs in 1986 from two billion in 1985."
    table = {"Comoran": ("km", T.COUNTRY), "cloves": ("cloves", T.PRODUCT)}
    assert _values(parser, text, table) == [(Decimal("6500000000"), "MGF"), (Decimal("2000000000"), "MGF")]


def test_bare_francs_of_a_malagasy_trader_are_malagasy_francs_until_the_ariary(parser) -> None:
    text = "Madagascar's vanilla exports fell to 18 billion francs last year."
    table = {"Madagascar": ("mg", T.COUNTRY), "vanilla": ("vanilla", T.PRODUCT)}
    assert _values(parser, text, table) == [(Decimal("18000000000"), "MGF")]
    # no franc today: the plain name keeps its default reading, no ariary is made up
    assert _values(parser, text, table, published="2015-06-01") == [(Decimal("18000000000"), "CHF")]


def test_cfa_francs_of_a_central_african_trader(parser) -> None:
    text = "Gabon's timber exports reached 95 billion CFA francs in 1986."
    table = {"Gabon": ("ga", T.COUNTRY), "timber": ("timber", T.PRODUCT)}
    assert _values(parser, text, table) == [(Decimal("95000000000"), "XAF")]


@pytest.mark.parametrize(("country", "name", "code"), [
    ("Italy", "lire", "ITL"), ("Turkey", "lira", "TRL"), ("Ghana", "cedis", "GHC"), ("Zaire", "zaires", "ZRZ"),
    ("Brazil", "cruzados", "BRC"), ("Argentina", "australs", "ARA"), ("Mexico", "pesos", "MXP"),
])
def test_a_plain_name_is_the_traders_currency_of_the_day(parser, country: str, name: str, code: str) -> None:
    text = f"{country}'s exports of copper rose to 700 mln {name} in February."
    table = {country: ("c", T.COUNTRY), "copper": ("copper", T.PRODUCT)}
    assert _values(parser, text, table) == [(Decimal("700000000"), code)]


def test_a_union_of_countries_trades_in_its_own_currency(parser) -> None:
    text = "The Belgo-Luxembourg Economic Union's exports rose to 250 billion francs in February."
    table = {"Belgo-Luxembourg Economic Union": ("bleu", T.ORGANIZATION)}
    assert _values(parser, text, table) == [(Decimal("250000000000"), "BEF")]
    # any other body keeps the plain name's reading
    text = "The Alpine Trading Union's exports rose to 250 billion francs in February."
    table = {"Alpine Trading Union": ("atu", T.ORGANIZATION)}
    assert [c for _, c in _values(parser, text, table)] in ([], ["CHF"])
