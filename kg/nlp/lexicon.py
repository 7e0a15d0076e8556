"""Entity lexicons read from ``kg/nlp/data`` (through ``kg.nlp.datafiles.load``): titles,
agencies, products (countries and other places: ``kg.nlp.gazetteer``).

Every loader is cached: the files are read once per process. Lists are lower case unless
their data file says otherwise; look-ups go through the helpers here so that callers never
re-implement normalization.

>>> is_title("deputy director")
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.nlp.datafiles import load

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class KnownOrganization:
    """A well-known organization with its type ("Agency" or "Organization")."""

    type: str
    name: str
    aliases: tuple[str, ...] = ()
    qid: str = ""
    seat: str = ""  # a national body's country ("USDA": "United States")

    @property
    def iri(self) -> str | None:
        return f"http://www.wikidata.org/entity/{self.qid}" if self.qid else None


@dataclass(frozen=True)
class ProductKind:
    """One kind of goods and every name it goes by."""

    concept: str
    names: tuple[str, ...]


# Called for every name and many words of every article: the same strings recur across
# articles. Bounded, so a long build does not keep every string it has seen.
@lru_cache(maxsize=1 << 16)
def norm(text: str) -> str:
    """Lower case, typographic quotes made plain, runs of spaces collapsed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return _SPACE.sub(" ", text).strip().lower()


def read_lines(source: str, *, lower: bool = True) -> tuple[str, ...]:
    lines = load(source)
    return tuple(dict.fromkeys(norm(line) for line in lines)) if lower else tuple(dict.fromkeys(lines))


def read_rows(source: str) -> tuple[dict[str, str], ...]:
    return load(source)


def split_cell(cell: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in cell.split("|") if p.strip())


# ---------------------------------------------------------------- titles


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    """Official titles, lower case, multiword ones whole ("secretary of state")."""
    return frozenset(read_lines("titles.txt"))


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    """Words that may precede a title and belong to it ("deputy", "acting")."""
    return frozenset(read_lines("title_modifiers.txt"))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Every single word that occurs in a title, for quick token tests."""
    return frozenset(w for t in titles() for w in t.split())


def is_title(text: str) -> bool:
    """True for a title, possibly with modifiers: "deputy director", "acting mayor"."""
    words = norm(text).split()
    while words and " ".join(words) not in titles() and words[0] in title_modifiers():
        words = words[1:]
    return bool(words) and " ".join(words) in titles()


@lru_cache(maxsize=1)
def private_titles() -> frozenset[str]:
    """Titles of companies, clubs and professions ("ceo", "coach", "chief economist")."""
    return frozenset(read_lines("private_titles.txt"))


def is_private_title(text: str) -> bool:
    """True when a title phrase holds a company, club or profession title as whole words:
    "Tesla CEO", "head coach", "chief executive officer"."""
    words = norm(text).split()
    joined = " ".join(words)
    # "chief merchant officer", "chief human resources officer": corporate officers
    if re.search(r"\bchief (?!medical |scientific |nursing |public )(\w+ ){1,3}officer\b", joined):
        return True
    for size in range(min(len(words), 4), 0, -1):
        for i in range(len(words) - size + 1):
            if " ".join(words[i : i + size]) in private_titles():
                return True
    return False


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Courtesy titles before a name that are no office ("mr", "mrs", "dr")."""
    return frozenset(_honorific_pronouns())


def honorific_pronoun(word: str) -> str | None:
    """The pronoun a courtesy title implies: "he" for "Mr", "she" for "Mrs"; None for "Dr"."""
    return _honorific_pronouns().get(norm(word).rstrip(".")) or None


@lru_cache(maxsize=1)
def _honorific_pronouns() -> dict[str, str]:
    return {norm(row["honorific"]): row.get("pronoun", "") for row in read_rows("honorifics.tsv")}


# ---------------------------------------------------------------- organizations


@lru_cache(maxsize=1)
def agency_heads() -> frozenset[str]:
    """Head words of government bodies ("ministry", "administration", "customs")."""
    return frozenset(read_lines("agency_heads.txt"))


@lru_cache(maxsize=1)
def region_words() -> frozenset[str]:
    """Last words of sub-national place names ("county", "state", "province")."""
    return frozenset(read_lines("region_words.txt"))


@lru_cache(maxsize=1)
def portfolios() -> frozenset[str]:
    """Fields of government ("foreign affairs", "health"): words of portfolios, not names."""
    return frozenset(read_lines("portfolios.txt"))


@lru_cache(maxsize=1)
def facility_heads() -> frozenset[str]:
    """Nouns of sites and works ("plant", "refinery", "field") a place name comes before."""
    return frozenset(read_lines("facility_heads.txt"))


@lru_cache(maxsize=1)
def company_nouns() -> frozenset[str]:
    """Nouns that make the name after them an organization ("research firm Canalys")."""
    return frozenset(read_lines("company_nouns.txt"))


@lru_cache(maxsize=1)
def agency_phrases() -> frozenset[str]:
    """Phrases that make a name a government body ("central bank", "federal")."""
    return frozenset(read_lines("agency_phrases.txt"))


@lru_cache(maxsize=1)
def agency_fields() -> frozenset[str]:
    """Fields of government naming a place's body after its name ("County Public Health")."""
    return frozenset(read_lines("agency_fields.txt"))


@lru_cache(maxsize=1)
def agency_units() -> frozenset[str]:
    """Unit nouns of a body ("department", "division"), for owned units in lower case."""
    return frozenset(read_lines("agency_units.txt"))


@lru_cache(maxsize=1)
def member_words() -> frozenset[str]:
    """Words by which a council names the trade it speaks for ("industry", "growers")."""
    return frozenset(read_lines("member_words.txt"))


@lru_cache(maxsize=1)
def _intergovernmental_names() -> frozenset[str]:
    return frozenset(read_lines("intergovernmental.txt"))


# "Association of Tin Producing Countries", "Organization of American States"
_OF_STATES = re.compile(r"\bof\b.*\b(?:countries|nations|states)$")


def intergovernmental(name: str) -> bool:
    """True for a body whose members are states (``intergovernmental.txt``, or a name
    ending "of ... Countries"): its posts are public offices."""
    key = norm(re.sub(r"^the\s+", "", name, flags=re.I))
    return key in _intergovernmental_names() or bool(_OF_STATES.search(key))


@lru_cache(maxsize=1)
def organization_cues() -> frozenset[str]:
    """Words that make a proper name an Organization ("Inc", "Bank", "University")."""
    return frozenset(read_lines("organization_cues.txt"))


@lru_cache(maxsize=1)
def legal_forms() -> frozenset[str]:
    """Legal forms of companies without dots ("sa", "ag", "plc") an acronym may end with."""
    return frozenset(read_lines("legal_forms.txt"))


@lru_cache(maxsize=1)
def country_nouns() -> frozenset[str]:
    """Common nouns ("market", "origin") that after a country's name make no body's name."""
    return frozenset(read_lines("country_nouns.txt"))


@lru_cache(maxsize=1)
def unnamed_bodies() -> frozenset[str]:
    """Government bodies named by their function in lower case ("central bank")."""
    return frozenset(read_lines("unnamed_bodies.txt"))


@lru_cache(maxsize=1)
def industry_words() -> frozenset[str]:
    """Industries a company is named after ("petroleum", "refining")."""
    return frozenset(read_lines("industry_words.txt"))


@lru_cache(maxsize=4)
def known_organizations(source: str = "organizations.tsv") -> tuple[KnownOrganization, ...]:
    """Well-known organizations (WHO, UN, WTO ...) with their types and aliases."""
    return tuple(
        KnownOrganization(
            type=row["type"],
            name=row["name"],
            aliases=split_cell(row.get("aliases", "")),
            qid=row.get("qid", ""),
            seat=row.get("seat", ""),
        )
        for row in read_rows(source)
    )


@lru_cache(maxsize=1)
def _org_index() -> dict[str, KnownOrganization]:
    index: dict[str, KnownOrganization] = {}
    for org in known_organizations():
        for name in (org.name, *org.aliases):
            index.setdefault(norm(name), org)
    return index


def known_organization(text: str, published: str | None = None) -> KnownOrganization | None:
    """The well-known organization a name or acronym denotes, if any; with the article's
    ``published`` date, as the name was used then ("EC" in 1987: the European Community)."""
    key = norm(re.sub(r"^the\s+", "", text, flags=re.I))
    if published:
        for until, name in _dated_index().get(key, ()):
            if published < until:
                return _org_index().get(norm(name))
    return _org_index().get(key)


@lru_cache(maxsize=1)
def _dated_index() -> dict[str, tuple[tuple[str, str], ...]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for row in read_rows("dated_names.tsv"):
        index.setdefault(norm(row["alias"]), []).append((row["until"], row["name"]))
    return {alias: tuple(sorted(dates)) for alias, dates in index.items()}


# ---------------------------------------------------------------- products


@lru_cache(maxsize=4)
def product_kinds(source: str = "products.tsv") -> tuple[ProductKind, ...]:
    """Kinds of goods with all their names (``products.tsv``)."""
    kinds = []
    for row in read_rows(source):
        concept = norm(row["concept"])
        names = tuple(dict.fromkeys((concept, *(norm(n) for n in split_cell(row.get("names", ""))))))
        kinds.append(ProductKind(concept=concept, names=names))
    return tuple(kinds)


@lru_cache(maxsize=1)
def _product_index() -> dict[str, ProductKind]:
    index: dict[str, ProductKind] = {}
    for kind in product_kinds():
        for name in kind.names:
            index.setdefault(name, kind)
    return index


def product_kind(text: str) -> ProductKind | None:
    """The kind of goods a phrase names, trying shorter tails: "medical face masks" -> face masks."""
    words = norm(text).split()
    index = _product_index()
    for i in range(len(words)):
        kind = index.get(" ".join(words[i:]))
        if kind is not None:
            return kind
    return None


@lru_cache(maxsize=1)
def currency_names() -> frozenset[str]:
    """Names of currencies, lower case ("dlrs", "yen", "baht"): what money is counted in."""
    from kg.nlp.datafiles import rule_data as relation_lexicon

    return frozenset(relation_lexicon("currencies")["names"])


@lru_cache(maxsize=1)
def product_terms() -> frozenset[str]:
    """Every product name of ``products.tsv``, lower case."""
    return frozenset(_product_index())


@lru_cache(maxsize=4)
def product_heads(source: str = "product_heads.txt") -> frozenset[str]:
    """Singular head nouns of goods ("mask", "kit", "ventilator")."""
    return frozenset(read_lines(source))


@lru_cache(maxsize=4)
def commodity_heads(source: str = "commodity_heads.txt") -> frozenset[str]:
    """Head nouns of goods that are Products only in a tight trade context ("tea", "gold")."""
    return frozenset(read_lines(source))


@lru_cache(maxsize=1)
def product_forms() -> frozenset[str]:
    """Words that make goods a product of their own ("refrigerated beef", "canned meat")."""
    return frozenset(read_lines("product_forms.txt"))


@lru_cache(maxsize=1)
def goods_measures() -> frozenset[str]:
    """Nouns that measure goods ("tonnes of X", "doses of X")."""
    return frozenset(read_lines("goods_measures.txt"))


@lru_cache(maxsize=1)
def bulk_measures() -> frozenset[str]:
    """Measures that count goods in bulk ("tonnes", "bales", "barrels")."""
    return frozenset(read_lines("bulk_measures.txt"))


@lru_cache(maxsize=1)
def not_goods_measured() -> frozenset[str]:
    """Nouns a bulk measure counts that are no goods ("tonnes of capacity")."""
    return frozenset(read_lines("not_goods_measured.txt"))


@lru_cache(maxsize=1)
def product_flows() -> frozenset[str]:
    """Nouns a goods noun may modify and still name the goods ("mask exports")."""
    return frozenset(read_lines("product_flows.txt"))


# ---------------------------------------------------------------- never entities


@lru_cache(maxsize=1)
def generic_words() -> frozenset[str]:
    """Words and phrases that are never entities by themselves ("officials", "the government")."""
    return frozenset(read_lines("generic.txt"))


def is_generic(text: str) -> bool:
    return norm(text) in generic_words()


# ---------------------------------------------------------------- other lists and patterns


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Country names that are common words in lower case ("china", "turkey")."""
    return frozenset(read_lines("country_words.txt"))


@lru_cache(maxsize=4)
def diseases(source: str = "diseases.txt") -> tuple[str, ...]:
    """Disease names as written (matched case-insensitively)."""
    return read_lines(source, lower=False)


@lru_cache(maxsize=1)
def disease_keys() -> frozenset[str]:
    """Disease names as :func:`norm` writes them."""
    return frozenset(norm(d) for d in diseases())


@lru_cache(maxsize=1)
def national_bodies() -> frozenset[str]:
    """Lower-case nouns naming a country's body after its name ("Chinese government")."""
    return frozenset(read_lines("national_bodies.txt"))


@lru_cache(maxsize=1)
def never_prefix() -> frozenset[str]:
    """Capitalised words that never start an agency name."""
    return frozenset(read_lines("never_prefix.txt"))


def _list_named(name: str) -> list[str]:
    lists = {
        "agency_heads": agency_heads,
        "agency_units": agency_units,
        "company_nouns": company_nouns,
        "legal_forms": lambda: legal_forms() | {f"{form}." for form in legal_forms()},
        "national_bodies": national_bodies,
        "never_prefix": never_prefix,
        "product_heads": product_heads,
        "title_words": title_words,
    }
    if name not in lists:
        raise KeyError(f"entity_patterns.jsonl names an unknown list @{name}")
    return sorted(lists[name]())


def _expand(value: object) -> object:
    # "@agency_heads" inside a pattern stands for that lexicon, so patterns and word lists
    # stay in data files and each list is written once.
    if isinstance(value, str) and value.startswith("@"):
        return _list_named(value[1:])
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


@lru_cache(maxsize=4)
def entity_patterns(source: str = "entity_patterns.jsonl") -> tuple[dict, ...]:
    """Token patterns of ``entity_patterns.jsonl`` with their ``@list`` names expanded."""
    return tuple(_expand(entry) for entry in load(source))


@lru_cache(maxsize=1)
def trade_cues() -> frozenset[str]:
    """Lemmas that put goods nouns of a sentence in a trade context ("export", "supply")."""
    return frozenset(read_lines("trade_cues.txt"))


@lru_cache(maxsize=1)
def goods_kinds() -> dict[str, frozenset[str]]:
    """The words that name one kind of goods, by the goods' head word (``goods_kinds.tsv``):
    "cotton" of "oil" is cotton oil."""
    return {norm(row["head"]): frozenset(norm(k) for k in split_cell(row["kinds"])) for row in read_rows("goods_kinds.tsv")}
