"""Cross-article entity resolution: one node per official, agency, country or product.

Every name an entity is written under becomes one or more normalized *keys* ("Ministry of
Commerce" -> ``ministry of commerce`` and ``commerce ministry``; "China's commerce ministry"
-> ``china commerce ministry``). An :class:`AliasIndex` maps keys to node IRIs, one dict per
entity family, so that an Official meets a Person and an Agency an Organization, but a
person never meets an agency that shares its name. A key claimed by two nodes is ambiguous
and links nothing.

An entity whose key is already in the index takes that node's IRI and canonical label (its
own names become alternative labels), and a :data:`KG.Resolution` record in the article's
graph says why. The index is derived from the store's labels, so incremental builds keep
linking, and it is updated after every article in input order, so results are deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.errors import InputError
from kg.model import Entity, EntityType, Extraction, Predicate
from kg.nlp.gazetteer import country_of, country_of_demonym
from kg.vocab.iri import article_id_of, article_iri, entity_iri, graph_iri, minted_iri, slug
from kg.vocab.namespaces import ID, KG, PROV, RDF, SKOS


class Rows(Protocol):
    @property
    def rows(self) -> Sequence[tuple[Any, ...]]: ...


class SparqlReader(Protocol):
    """What linking asks of a store: SPARQL SELECT rows. Every ``kg.store.Store`` is one;
    declared here so that linking sits below the store layer instead of importing it."""

    def query(self, sparql: str) -> Rows: ...

Quad = tuple[Node, Node, Node, Node]

# Families whose entities are linked across articles; diseases, events and "other" are not.
LINKED_FAMILIES = frozenset({"person", "organization", "place", "product"})

_AMBIGUOUS = ""  # an index value: the key names more than one node
_OF = re.compile(r"^(?P<head>[a-z0-9 ]+?) of (?P<tail>[a-z0-9 ]+)$")
_POSSESSIVE = re.compile(r"^(?P<owner>[^']+?)['\u2019]s\s+(?P<rest>.+)$")
_DOTTED = re.compile(r"\b([A-Za-z])\.(?=[A-Za-z]\.?)")
_HONORIFIC = re.compile(r"^(mr|mrs|ms|miss|dr|prof|sir|dame|madam|mme|m)\.?\s+", re.IGNORECASE)


def base_key(name: str) -> str:
    """The name as ``slug`` normalizes it, with spaces: same slug, same key."""
    undotted = _DOTTED.sub(r"\1", name)  # "U.S." -> "US"
    return slug(undotted).replace("-", " ").strip()


def country_key(name: str) -> str:
    """The key of a country however it is written: "PRC", "China's", "Chinese" -> ``china``."""
    country = country_of(name) or country_of_demonym(name)
    return base_key(country.name if country else name)


def split_owner(name: str) -> tuple[str, str]:
    """("china", "commerce ministry") for "China's commerce ministry" or "Chinese commerce
    ministry"; ("", name) for a name no country qualifies."""
    match = _POSSESSIVE.match(name)
    if match:
        return country_key(match["owner"]), match["rest"]
    first, _, rest = name.partition(" ")
    if rest and country_of_demonym(first):
        return country_key(first), rest
    return "", name


def name_keys(name: str, family: str, *, qualifiers: Iterable[str] = ()) -> list[str]:
    """The keys a name is known by in ``family``, most specific first.

    ``qualifiers`` are country names the entity is based in; they give an unqualified agency
    name ("Ministry of Commerce") the key a qualified one ("China's commerce ministry") has.
    """
    if family not in LINKED_FAMILIES:
        return []
    text = name.strip()
    if family == "person":
        text = _HONORIFIC.sub("", text)
        key = base_key(text)
        # A surname alone is too weak to join two articles' people.
        return [key] if len(key.split()) >= 2 else []
    owner, text = split_owner(text) if family == "organization" else ("", text)
    key = base_key(text)
    if not key:
        return []
    if family == "product":
        words = key.split()
        if len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
            key = " ".join([*words[:-1], words[-1][:-1]])  # "face masks" ~ "face mask"
    forms = [key]
    of = _OF.match(key)
    if of and family == "organization":
        forms.append(f"{of['tail']} {of['head']}")  # "ministry of commerce" ~ "commerce ministry"
    if owner:
        return [f"{owner} {form}" for form in forms]
    keys = list(forms)
    for qualifier in qualifiers:
        keys += [f"{country_key(qualifier)} {form}" for form in forms]
    return list(dict.fromkeys(keys))


def family_of_iri(iri: str) -> str | None:
    """``…/id/organization/x`` -> ``organization``; None for IRIs kg did not mint."""
    prefix = str(ID)
    if not iri.startswith(prefix):
        return None
    family, sep, _ = iri[len(prefix):].partition("/")
    return family if sep else None


@dataclass(frozen=True)
class Resolution:
    """Why one entity of an article became an existing node."""

    entity: str  # the entity's key in the extraction
    name: str  # the surface form that matched
    key: str
    target: str  # the node's IRI
    unresolved: str  # the IRI the entity would have had


@dataclass
class _Node:
    family: str
    label: str
    names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)


@dataclass
class AliasIndex:
    """Normalized names -> node IRIs, per family; each node's canonical label, names and keys.

    A node's keys are a function of all its names and countries, however they were learnt,
    so an index read back from the store equals the one a build kept in memory.
    """

    blocked_names: frozenset[str] = frozenset()
    blocked_pairs: frozenset[frozenset[str]] = frozenset()
    _keys: dict[str, dict[str, str]] = field(default_factory=dict)
    _nodes: dict[str, _Node] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self._nodes)

    def label(self, iri: str) -> str | None:
        node = self._nodes.get(iri)
        return node.label if node else None

    def lookup(self, family: str, key: str) -> str | None:
        """The node a key names, or None when unknown or ambiguous."""
        return self._keys.get(family, {}).get(key) or None

    def add(self, iri: str, family: str, label: str, names: Iterable[str], countries: Iterable[str] = ()) -> None:
        """Record that node ``iri`` (canonical ``label`` unless it has one) goes by ``names``."""
        node = self._nodes.get(iri)
        if node is None:
            node = self._nodes[iri] = _Node(family, label)
        else:
            # min() keeps the canonical label independent of the order labels are read in.
            node.label = min(node.label, label)
        node.names.update(names)
        node.names.add(label)
        node.countries.update(country_key(c) for c in countries)
        if family == "organization":
            node.countries.update(owner for owner, _ in map(split_owner, node.names) if owner)
        keys = {
            key
            for name in node.names
            for key in name_keys(name, family, qualifiers=sorted(node.countries))
            if key not in self.blocked_names
        }
        table = self._keys.setdefault(family, {})
        for key in sorted(keys - node.keys):
            owner = table.get(key)
            if owner is None:
                table[key] = iri
            elif owner != iri:
                table[key] = _AMBIGUOUS
        node.keys |= keys

    def blocked(self, key: str, target: str) -> bool:
        """True when a do-not-merge rule forbids a match on ``key`` to join ``target``."""
        node = self._nodes.get(target)
        if key in self.blocked_names:
            return True
        if not self.blocked_pairs or node is None:
            return False
        return any(frozenset((key, other)) in self.blocked_pairs for other in node.keys)

    def conflicts(self, key: str, keys: Iterable[str], target: str, countries: set[str] = frozenset()) -> bool:
        """True when the evidence for a merge is outweighed by a disagreement.

        Two bodies of different countries never merge ("Ministry of Agriculture" of Kenya
        and of India). "Ministry of Housing (MOH)" and "Ministry of Health (MOH)" share an
        acronym, not an identity: a short key links only when one side has no longer name
        to disagree with.
        """
        node = self._nodes.get(target)
        if node is not None and countries and node.countries and not countries & node.countries:
            return True
        if " " in key:
            return False
        theirs = {k for k in node.keys if " " in k} if node else set()
        mine = {k for k in keys if " " in k}
        return bool(mine and theirs and not mine & theirs)

    @classmethod
    def from_store(cls, store: SparqlReader, *, exclude: Iterable[str] = (), **rules: frozenset) -> AliasIndex:
        """The index of every node in ``store``, from its labels and where agencies are based.

        The graphs of the articles in ``exclude`` (about to be read again) are left out, so
        that an article's old merges do not decide its new ones.
        """
        index = cls(**rules)
        skip = {str(graph_iri(article_id)) for article_id in exclude}
        labels: dict[str, list[tuple[int, str]]] = {}
        for row in store.query(_LABELS_QUERY).rows:
            graph, node, prop, label = (str(t) for t in row)
            if graph not in skip and family_of_iri(node) in LINKED_FAMILIES:
                labels.setdefault(node, []).append((0 if prop == str(SKOS.prefLabel) else 1, label))
        countries: dict[str, set[str]] = {}
        for row in store.query(_BASED_IN_QUERY).rows:
            if str(row[0]) not in skip:
                countries.setdefault(str(row[1]), set()).add(str(row[2]))
        for node in sorted(labels):
            family = family_of_iri(node)
            assert family is not None
            names = sorted(set(labels[node]))
            pref = [label for rank, label in names if rank == 0] or [names[0][1]]
            index.add(node, family, min(pref), [label for _, label in names], countries.get(node, ()))
        return index


_LABELS_QUERY = f"""SELECT DISTINCT ?g ?e ?p ?l WHERE {{
  VALUES ?p {{ <{SKOS.prefLabel}> <{SKOS.altLabel}> }}
  GRAPH ?g {{ ?e ?p ?l }} FILTER(STRSTARTS(STR(?e), "{ID}"))
}}"""

_BASED_IN_QUERY = f"""SELECT DISTINCT ?g ?e ?l WHERE {{
  GRAPH ?g {{ ?e <{KG.basedIn}> ?c . ?c <{SKOS.prefLabel}> ?l }} FILTER(STRSTARTS(STR(?c), "{ID}place/"))
}}"""


def _qualifiers(extraction: Extraction, entities: dict[str, Entity]) -> dict[str, list[str]]:
    """Country labels each organization is based in, per this article's facts."""
    found: dict[str, list[str]] = {}
    for fact in extraction.facts:
        if fact.predicate is Predicate.BASED_IN and fact.object in entities:
            place = entities[fact.object]
            if place.type in (EntityType.COUNTRY, EntityType.PLACE):
                found.setdefault(fact.subject, []).append(place.label)
    return found


def resolve(extraction: Extraction, index: AliasIndex) -> tuple[Extraction, list[Resolution]]:
    """The extraction with its entities pointed at existing nodes, and why; updates ``index``.

    Places are resolved first, so that an agency's country qualifier is the country's
    canonical label.
    """
    order = sorted(range(len(extraction.entities)),
                   key=lambda i: (extraction.entities[i].type.family != "place", i))
    resolved: dict[str, Entity] = {}
    records: list[Resolution] = []
    for position in order:
        entity = extraction.entities[position]
        family = entity.type.family
        if family not in LINKED_FAMILIES:
            resolved[entity.key] = entity
            continue
        qualifiers = _qualifiers(extraction, resolved).get(entity.key, [])
        minted = str(entity_iri(entity))
        named = [(name, key) for name in entity.all_names for key in name_keys(name, family, qualifiers=qualifiers)]
        keys = [key for _, key in named]
        countries = {country_key(q) for q in qualifiers}
        if family == "organization":
            countries.update(owner for owner, _ in map(split_owner, entity.all_names) if owner)
        target, why = None, None
        if index.label(minted) is not None and countries and index.conflicts(minted, keys, minted, countries):
            # The name is another country's body: "Ministry of Agriculture" of India, not Kenya's.
            country = min(countries)
            target = str(ID[f"{family}/{slug(f'{country} {entity.label}')}"])
            why = (entity.label, f"{country} {base_key(entity.label)}")
            if index.label(target) is None:
                entity = replace(entity, iri=target)
                target = None
        elif index.label(minted) is not None:
            target = minted  # the same node already: only its label is made canonical
        elif not entity.same_as:  # a linked identifier is authoritative; names do not override it
            for name, key in named:
                candidate = index.lookup(family, key)
                if candidate and not index.blocked(key, candidate) and not index.conflicts(key, keys, candidate, countries):
                    target, why = candidate, (name, key)
                    break
        if target is not None:
            canonical = index.label(target) or entity.label
            names = tuple(n for n in entity.all_names if n != canonical)
            entity = replace(entity, label=canonical, names=names, iri=None if target == minted else target)
        if why is not None:
            records.append(Resolution(entity.key, why[0], why[1], str(entity_iri(entity)), minted))
        index.add(str(entity_iri(entity)), family, entity.label, entity.all_names, qualifiers)
        resolved[entity.key] = entity
    entities = tuple(resolved[e.key] for e in extraction.entities)
    return replace(extraction, entities=entities), records


def resolution_quads(article_id: str, records: Iterable[Resolution]) -> list[Quad]:
    """The records of one article's merges, in its graph."""
    g = graph_iri(article_id)
    a = article_iri(article_id)
    quads: list[Quad] = []
    for record in records:
        r = minted_iri("resolution", article_id, record.unresolved, record.target, record.key, record.name)
        quads += [
            (r, RDF.type, KG.Resolution, g),
            (r, KG.resolvedTo, URIRef(record.target), g),
            (r, KG.unresolvedIri, URIRef(record.unresolved), g),
            (r, KG.matchedName, Literal(record.name), g),
            (r, KG.matchedKey, Literal(record.key), g),
            (r, PROV.wasDerivedFrom, a, g),
        ]
    return quads


def read_do_not_merge(path: str | Path) -> tuple[frozenset[str], frozenset[frozenset[str]]]:
    """Rules from a text file: ``Name A | Name B`` never join; a lone ``Name`` never links.

    Names are compared by key, so ``MOFCOM | Ministry of Commerce`` also covers
    "the ministry of commerce". Lines starting with ``#`` are comments.
    """
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the do-not-merge list ({error}); give a UTF-8 text file.") from error
    names: set[str] = set()
    pairs: set[frozenset[str]] = set()
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = [p.strip() for p in line.split("|") if p.strip()]
        if len(parts) == 1:
            names.update(_all_keys(parts[0]))
        else:
            for left in _all_keys(parts[0]):
                for other in parts[1:]:
                    pairs.update(frozenset((left, right)) for right in _all_keys(other) if right != left)
    return frozenset(names), frozenset(pairs)


def _all_keys(name: str) -> Iterator[str]:
    for family in sorted(LINKED_FAMILIES):
        yield from name_keys(name, family)


RESOLVED_ARTICLES_QUERY = f"""SELECT DISTINCT ?g ?key ?target WHERE {{
  GRAPH ?g {{ ?r a <{KG.Resolution}> ; <{KG.matchedKey}> ?key ; <{KG.resolvedTo}> ?target }}
}}"""


class Linker:
    """Cross-article resolution for one build: the alias index, read from the store on first use."""

    def __init__(self, graph_store: SparqlReader | None = None, *, enabled: bool = True,
                 do_not_merge: str | Path | None = None, fresh: bool = False) -> None:
        self.enabled = enabled
        # fresh: link as if the store were empty (a forced rebuild reads everything again).
        self.store = None if fresh else graph_store
        self.rereading: set[str] = set()
        self.blocked_names: frozenset[str] = frozenset()
        self.blocked_pairs: frozenset[frozenset[str]] = frozenset()
        if do_not_merge is not None:
            self.blocked_names, self.blocked_pairs = read_do_not_merge(do_not_merge)
        self._index: AliasIndex | None = None

    @property
    def index(self) -> AliasIndex:
        if self._index is None:
            rules = {"blocked_names": self.blocked_names, "blocked_pairs": self.blocked_pairs}
            self._index = (AliasIndex.from_store(self.store, exclude=self.rereading, **rules)
                           if self.store is not None else AliasIndex(**rules))
        return self._index

    def link(self, extraction: Extraction) -> tuple[Extraction, list[Quad]]:
        """The extraction with its entities linked to the graph's nodes, and the quads that
        record each merge; unchanged, with no records, when linking is off."""
        if not self.enabled:
            return extraction, []
        linked, records = resolve(extraction, self.index)
        return linked, resolution_quads(extraction.article.id, records)

    def stale_articles(self) -> set[str]:
        """Ids of articles whose merges the current rules undo: they must be read again.

        With linking off, every article with a merge; with do-not-merge rules, the articles
        with a merge the rules now refuse. Rules already applied find nothing, so passing
        the same rules again writes nothing.
        """
        if self.store is None or (self.enabled and not self.blocked_names and not self.blocked_pairs):
            return set()
        rows = self.store.query(RESOLVED_ARTICLES_QUERY).rows
        if not rows:
            return set()
        index = (AliasIndex.from_store(self.store, blocked_names=self.blocked_names,
                                       blocked_pairs=self.blocked_pairs) if self.enabled else None)
        stale = set()
        for graph, key, target in rows:
            if index is None or index.blocked(str(key), str(target)):
                article_id = article_id_of(str(graph))
                if article_id is not None:
                    stale.add(article_id)
        return stale
