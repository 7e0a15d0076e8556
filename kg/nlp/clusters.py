"""The entities of one article as clusters of mentions, and the mention table made of them
(``kg.nlp.resolve`` gathers the clusters)."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.model import Article, Entity, EntityType, Mention
from kg.nlp.company_names import without_closing_stop
from kg.nlp.doc_index import text_of
from kg.nlp.gazetteer import country_of_demonym
from kg.nlp.mentions import MentionTable
from kg.nlp.names import is_acronym
from kg.nlp.royals import styled_name
from kg.vocab.iri import slug

_ORGS = frozenset({EntityType.AGENCY, EntityType.ORGANIZATION})


@dataclass
class Cluster:
    """The mentions of one entity, gathered while an article is resolved."""

    type: EntityType
    key: str = ""
    label: str = ""
    names: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    same_as: tuple[str, ...] = ()
    typed_by_label: bool = False
    pronoun: str | None = None  # a person's "he" or "she", where a courtesy title says it
    latent: bool = False  # a country read from a demonym only inside another span: no mention
    carried: bool = False  # a country named only inside a body's name ("U.S. Agriculture Department")
    state_body: bool = False  # a description in apposition calls it a government body ("the UK's regulator Ofcom")


def _adjectives(cluster: Cluster) -> list[str]:
    """The national adjectives a country was read from ("Australian wheat shipments"): other
    names of it, so that a reader searching "Australian" finds Australia."""
    if cluster.type is not EntityType.COUNTRY:
        return []
    return [s.text for s in cluster.spans if s.label_ == "NORP" and country_of_demonym(s.text) is not None]


def mention_table(doc: Doc, article: Article, clusters: list[Cluster]) -> MentionTable:
    """The article's entities, one per cluster with mentions, each under a key of its own,
    with every token that refers to them."""
    sentences = _Sentences(doc)
    table = MentionTable(doc=doc)
    used: set[str] = set()
    for cluster in clusters:
        if not cluster.spans and not cluster.latent and not cluster.carried:
            continue
        names = list(dict.fromkeys(cluster.names))
        if not cluster.label:
            # the fullest name; between equally long ones, the first written
            cluster.label = max(names, key=lambda n: (len(n.split()), -names.index(n))) if names else ""
        if not cluster.label:
            continue
        if cluster.type in _ORGS:
            cluster.type = _org_type(cluster)
        base = f"{cluster.type.family}:{slug(cluster.label)}"
        key, n = base, 1
        while key in used:
            n += 1
            key = f"{base}-{n}"
        used.add(key)
        cluster.key = key
        spans = sorted(cluster.spans, key=lambda s: s.start)
        # A demonym ("Kenyan officials") refers to its country for the relation rules,
        # but names something else (CoNLL's MISC, OntoNotes' NORP): no Mention of the country.
        table.entities[key] = Entity(
            key=key,
            type=cluster.type,
            label=cluster.label,
            names=tuple(dict.fromkeys([cluster.label, *names, *_adjectives(cluster), *_plain_forms(cluster, names),
                                      *_styled_names(cluster)])),
            mentions=tuple(_mention(s, article, sentences) for s in spans if s.label_ != "NORP"),
            same_as=cluster.same_as,
        )
        if not spans:
            if not cluster.carried:
                table.latent.add(key)
            continue
        table.spans[key] = [(s.start, s.end) for s in spans]
        if cluster.pronoun:
            table.pronouns[key] = cluster.pronoun
        for s in spans:
            for i in range(s.start, s.end):
                table.by_token[i] = key
    return table


def _plain_forms(cluster: Cluster, names: list[str]) -> list[str]:
    """A firm's names without the full stop after its legal form ("Acme Inc." is "Acme Inc")."""
    if cluster.type not in _ORGS:
        return []
    return [plain for n in names if (plain := without_closing_stop(n)) is not None]


def _styled_names(cluster: Cluster) -> list[str]:
    """A royal's name with its style ("King Fahd"), as readers name the royal."""
    if cluster.type not in {EntityType.PERSON, EntityType.OFFICIAL}:
        return []
    return [styled for s in cluster.spans if (styled := styled_name(s)) is not None]


def _org_type(cluster: Cluster) -> EntityType:
    if cluster.state_body:
        return EntityType.AGENCY
    # The fullest name decides: "MOC" alone looks like any organization.
    for span in sorted(cluster.spans, key=lambda s: -len(s)):
        if not is_acronym(span):
            return EntityType(span.label_) if span.label_ in _ORGS else cluster.type
    return cluster.type


class _Sentences:
    """The Doc's sentences, each with its text and first character, read once for all the
    mentions (``Span.sent`` walks the words to the sentence's ends, and ``Span.text`` joins
    them, at every call): texts are cut from the Doc's, which is joined once."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts: list[int] = []
        self.spans: list[tuple[int, int]] = []

    @property
    def text(self) -> str:
        return text_of(self.doc)

    def of(self, span: Span) -> tuple[str, int]:
        """The text and first character of the sentence ``span`` starts in (``span.sent``'s)."""
        if not self.starts:  # read at the first mention: a Doc with none may have no sentences
            sents = list(self.doc.sents)
            self.starts = [s.start for s in sents]
            self.spans = [(s.start_char, s.end_char) for s in sents]
        start, end = self.spans[bisect_right(self.starts, span.start) - 1]
        return self.text[start:end], start


def _mention(span: Span, article: Article, sentences: _Sentences) -> Mention:
    sentence, sentence_start = sentences.of(span)
    start, end = span.start_char, span.end_char
    return Mention(
        article=article.id,
        start=start,
        end=end,
        text=sentences.text[start:end],
        sentence=sentence,
        sentence_start=sentence_start,
    )
