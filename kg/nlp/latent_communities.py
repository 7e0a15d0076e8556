"""The Community a commission's name carries (``kg.nlp.resolve``): "The European Community
Commission granted export licences for 59,000 tonnes of white sugar". The licences, quotas
and rebates the Commission grants are the Community's (``relations.community_bodies``), so a
story that names the Community only inside its commission's name still holds it. Latent, as
a country inside a body's name: an entity only where a trade fact uses it."""

from __future__ import annotations

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.cluster_book import ClusterBook
from kg.nlp.lexicon import norm

# The bodies whose name carries the Community, and the Community they carry, as
# ``organizations.tsv`` names them.
_COMMISSION = "European Commission"
_COMMUNITY = "European Community"


def community_in_commission_name(book: ClusterBook) -> None:
    """A latent European Community where the story names its commission (under any of the
    commission's names) and never the Community itself."""
    commission = book.by_identity.get(f"org:{norm(_COMMISSION)}")
    if commission is None or not commission.spans:
        return
    community = book.by_identity.get(f"org:{norm(_COMMUNITY)}")
    if community is not None and (community.spans or community.latent):
        return  # named apart: "at today's European Community (EC) tender"
    known = lexicon.known_organization(_COMMUNITY, book.article.published)
    if known is None:
        return
    cluster = book.cluster(f"org:{norm(known.name)}", EntityType(known.type))
    cluster.label = known.name
    cluster.same_as = (known.iri,) if known.iri else ()
    cluster.latent = True
    cluster.names.append(known.name)
