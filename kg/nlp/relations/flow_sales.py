"""Sales made but not shipped: the sales a country's exporters report to a government body
("private U.S. exporters reported sales of 900,000 tonnes of corn to the Soviet Union"),
whose seller is that country."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.gazetteer import country_of
from kg.nlp.relations.base import Context
from kg.nlp.relations.flow_clause import flow_words

_COUNTRY = frozenset({EntityType.COUNTRY})


def reporting_exporters(noun: Token) -> Token | None:
    """The exporters who report the sales ``noun`` names: "exporters reported sales of X",
    "U.S. exporters also reported corn sales"; None for any other sale."""
    if noun.lower_ not in flow_words("sale_nouns") or noun.dep_ != "dobj" \
            or noun.head.lemma_.lower() not in flow_words("report_verbs"):
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"
                 and c.lower_ in flow_words("reporting_exporters")), None)  # fmt: skip


def reported_seller(ctx: Context, noun: Token) -> str | None:
    """The country whose exporters reported the sales ``noun`` names: the one before
    "exporters", else the one in the name of the body that publishes the reports ("the U.S.
    Agriculture Department"), else the story's."""
    exporters = reporting_exporters(noun)
    if exporters is None:
        return None
    for t in noun.doc[exporters.left_edge.i : exporters.i]:
        if (k := ctx.key(t, _COUNTRY)) or (t.pos_ in ("ADJ", "PROPN") and (k := ctx.country_of_demonym(t))):
            return k  # "private U.S. exporters", "French exporters"
    for _, mention in ctx.entity_mentions(frozenset({EntityType.AGENCY})):
        if mention.start > noun.i:
            break
        for t in mention:
            country = country_of(t.text) if t.is_upper or t.is_title else None
            names = (country.name, *country.aliases) if country is not None else ()
            if (k := next((k for name in names if (k := ctx.key_by_name(name, _COUNTRY))), None)):
                return k
    from kg.nlp.relations.flow_traders import story_country

    return story_country(ctx)
