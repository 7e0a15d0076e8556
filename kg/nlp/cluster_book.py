"""The clusters of one article while resolution gathers them (``kg.nlp.resolve``): each found
by its identity ("country:Q148", "org:ministry of health") and by the span of every mention
attached to it, so that the steps of resolution read what the earlier ones settled."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from kg.model import Article, EntityType
from kg.nlp import gazetteer
from kg.nlp.clusters import Cluster
from kg.nlp.doc_index import text_of
from kg.nlp.gazetteer import Country

ORGS = frozenset({EntityType.AGENCY, EntityType.ORGANIZATION})


@dataclass
class ClusterBook:
    """The clusters of ``doc`` so far, in the order they were opened (the order of the
    article's entities)."""

    doc: Doc
    article: Article
    clusters: list[Cluster] = field(default_factory=list)
    by_identity: dict[str, Cluster] = field(default_factory=dict)
    of_span: dict[tuple[int, int], Cluster] = field(default_factory=dict)
    # a product cluster's names that name its kind whole (kg.nlp.product_clusters)
    kind_names: dict[int, list[str]] = field(default_factory=dict)
    # (body, the short name after it in parentheses) (kg.nlp.short_names)
    shorts: list[tuple[Cluster, str]] = field(default_factory=list)

    def cluster(self, identity: str, entity_type: EntityType) -> Cluster:
        """The cluster of ``identity``, opened with ``entity_type`` if there is none yet."""
        cluster = self.by_identity.get(identity)
        if cluster is None:
            cluster = Cluster(type=entity_type)
            self.by_identity[identity] = cluster
            self.clusters.append(cluster)
        return cluster

    def attach(self, cluster: Cluster, span: Span, name: str | None) -> None:
        """``span`` is a mention of ``cluster``; ``name`` (if any) one of its names."""
        cluster.spans.append(span)
        self.of_span[(span.start, span.end)] = cluster
        if name:
            cluster.names.append(name)

    def country(self, country: Country) -> Cluster:
        """The cluster of ``country``: a country while it is sovereign at the article's date,
        else a place."""
        country = gazetteer.part_meant(country, text_of(self.doc))  # "German" in a West German story
        sovereign = gazetteer.sovereign_on(country, self.article.published)
        cluster = self.cluster(f"country:{country.qid}", EntityType.COUNTRY if sovereign else EntityType.PLACE)
        cluster.label = country.name
        cluster.same_as = (country.iri,)
        return cluster
