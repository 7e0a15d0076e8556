"""Plain data that flows between the layers: no spaCy and no rdflib objects here.

Article -> (spaCy) -> Extraction(entities, facts) -> RDF. Everything after extraction is
this module's frozen dataclasses, so mapping and scoring can be tested without a model.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class EntityType(str, Enum):
    """The entity kinds of public-affairs news, as the gold format names them."""

    OFFICIAL = "Official"
    PERSON = "Person"
    AGENCY = "Agency"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    PLACE = "Place"
    PRODUCT = "Product"
    DISEASE = "Disease"
    EVENT = "Event"
    OTHER = "Other"

    @property
    def family(self) -> str:
        """The coarse kind used in IRIs, so that an Official and a Person are one node."""
        return _FAMILY[self]

    def __str__(self) -> str:
        return self.value


_FAMILY = {
    EntityType.OFFICIAL: "person",
    EntityType.PERSON: "person",
    EntityType.AGENCY: "organization",
    EntityType.ORGANIZATION: "organization",
    EntityType.COUNTRY: "place",
    EntityType.PLACE: "place",
    EntityType.PRODUCT: "product",
    EntityType.DISEASE: "disease",
    EntityType.EVENT: "event",
    EntityType.OTHER: "thing",
}


class Predicate(str, Enum):
    """The relations kg extracts (the gold format's vocabulary)."""

    HOLDS_POST = "holdsPost"
    SUB_ORGANIZATION_OF = "subOrganizationOf"
    BASED_IN = "basedIn"
    LOCATED_IN = "locatedIn"
    NATIONALITY = "nationality"
    EXPORTS = "exports"
    EXPORT_VALUE = "exportValue"
    IMPORTS = "imports"
    IMPORT_VALUE = "importValue"
    SAID = "said"

    def __str__(self) -> str:
        return self.value


# The shape of the graph an article maps to, part of every article's content hash. Raise it
# when the mapping starts writing something older graphs lack and the named queries rely on
# (shape 2: the article's counts and the article id on each fact). A build over a store written
# by an older kg then reads every article again instead of keeping graphs the listings would
# silently leave out.
GRAPH_SHAPE = "kg-graph-shape-2"


@dataclass(frozen=True)
class Article:
    """One news article as read from input. ``id`` is stable across runs."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO 8601 date, when known
    url: str | None = None
    source: str | None = None  # where it was read from (path, "<stdin>")

    @property
    def content_hash(self) -> str:
        """Hash of everything that changes what is extracted; keys incremental rebuilds."""
        h = hashlib.sha256()
        h.update(GRAPH_SHAPE.encode("ascii"))
        for part in (self.text, self.title or "", self.published or "", self.url or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()


@dataclass(frozen=True)
class Mention:
    """Where an entity is named in an article (character offsets into ``Article.text``)."""

    article: str
    start: int
    end: int
    text: str
    sentence: str
    sentence_start: int = 0


@dataclass(frozen=True)
class Entity:
    """An entity of one article, after resolution within the article.

    ``key`` is unique within the extraction and is what facts refer to. ``names`` holds
    every surface form (label first); ``same_as`` holds linked identifiers (Wikidata IRIs).
    """

    key: str
    type: EntityType
    label: str
    names: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    same_as: tuple[str, ...] = ()
    confidence: float = 1.0
    # Set by cross-article resolution when the entity is one already in the graph under
    # another name; None means the IRI is minted from the type and label.
    iri: str | None = None

    @property
    def all_names(self) -> tuple[str, ...]:
        seen = dict.fromkeys((self.label, *self.names))
        return tuple(seen)


@dataclass(frozen=True)
class Fact:
    """One relation read from one sentence, with its provenance and qualifiers.

    ``subject``/``object`` are entity keys of the same extraction. Which fields apply to
    which predicate, and how each is written in RDF, is ``kg.vocab.predicates``' table. For
    ``said``, ``quote`` holds the statement's content and ``start``/``end`` span the
    statement's sentence(s).
    """

    subject: str
    predicate: Predicate
    article: str
    sentence: str
    start: int
    end: int
    object: str | None = None
    confidence: float = 0.5
    extractor: str = ""  # the rule that produced the fact, for explanations
    role: str | None = None
    quantity: Decimal | float | None = None  # exact as written; a float is read to 15 digits
    unit: str | None = None
    amount: Decimal | float | None = None
    currency: str | None = None
    quote: str | None = None
    date: str | None = None  # ISO date the fact refers to, when the text anchors one
    # Trade qualifiers (exports, exportValue, imports, importValue): the entity key on the
    # other side of the flow, the period the figure covers (as written, and dated where the
    # article's date anchors it), and whether the figure is a forecast rather than reported.
    partner: str | None = None
    period: str | None = None
    period_start: str | None = None  # ISO date
    period_end: str | None = None  # ISO date
    forecast: bool = False
    # Who reported the figure (an entity key: the customs office, the ministry, the report),
    # when the text says so.
    source: str | None = None


@dataclass(frozen=True)
class Extraction:
    """What kg read from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    model: str = ""  # name and version of the spaCy pipeline used

    def entity(self, key: str) -> Entity:
        for entity in self.entities:
            if entity.key == key:
                return entity
        raise KeyError(key)


@dataclass(frozen=True)
class Skipped:
    """One input a build left out: which one, why, and what to do about it.

    ``kind`` is a short stable key ("encoding", "binary", "field", "duplicate",
    "extraction", ...) for counting skips by cause; ``reason`` is the sentence a person reads.
    """

    input: str
    reason: str
    hint: str = ""
    kind: str = "input"

    def __str__(self) -> str:
        text = f"{self.input}: {self.reason}" if self.input else self.reason
        return text + (f"; {self.hint}" if self.hint else "")

    @classmethod
    def failed(cls, article: Article, stage: str, error: BaseException) -> Skipped:
        """An article whose ``stage`` ("extraction", "mapping", "write") raised ``error``."""
        detail = str(error).splitlines()[0][:200] if str(error) else ""
        return cls(
            input=article.source or article.id,
            reason=f"{stage} failed ({type(error).__name__}{': ' + detail if detail else ''})",
            hint=f"the other articles went on; please report this with article {article.id!r} attached",
            kind=stage,
        )


@dataclass
class BuildReport:
    """What a build did, for the CLI and for benchmarks.

    ``skipped`` holds every input left out as a :class:`Skipped`; ``errors`` holds the same
    as one line of text each, for callers that print them.
    """

    articles_read: int = 0
    articles_written: int = 0
    articles_unchanged: int = 0
    # Unchanged articles read again because an older extractor wrote them, and why
    # ("the rules changed since they were read"; see ``kg.extractor_change``).
    articles_reread: int = 0
    reread_reason: str = ""
    articles_failed: int = 0
    articles_extracted: int = 0  # so far, written or about to be (for progress)
    entities: int = 0
    facts: int = 0
    triples: int = 0
    words: int = 0
    errors: list[str] = field(default_factory=list)
    # What the written articles held, by kind (entity type, fact predicate).
    entities_by_type: dict[str, int] = field(default_factory=dict)
    facts_by_predicate: dict[str, int] = field(default_factory=dict)
    # The whole graph after the build (articles, entities, facts, triples): what a rebuild
    # that wrote nothing still holds.
    graph: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)

    def skip(self, item: Skipped) -> None:
        """Record one input left out (it counts as failed)."""
        self.articles_failed += 1
        self.skipped.append(item)
        self.errors.append(str(item))

    def skipped_by_kind(self) -> dict[str, int]:
        """How many inputs were left out for each kind of cause, most frequent first."""
        counts: dict[str, int] = {}
        for item in self.skipped:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
