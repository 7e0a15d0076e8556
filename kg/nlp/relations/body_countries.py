"""The country of a government body: the one its mentions name ("Thailand's Commerce
Ministry", "the U.S. Agriculture Department"), else the story's; and the currency of the
country whose body reports a sentence's figures. A quota or target a ministry sets is its
country's, and a "dlrs" figure the U.S. Agriculture Department reports is in U.S. dollars.
"""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp.gazetteer import country_of
from kg.nlp.relations.base import ORGS, Context
from kg.nlp.relations.flow_clause import flow_words
from kg.nlp.relations.money import local_currency
from kg.nlp.relations.trader_keys import story_country

_COUNTRIES = frozenset({EntityType.COUNTRY})


def regulator(ctx: Context, key: str) -> bool:
    """A government body that sets quotas or targets (a ministry, a department, a
    commission, a named government), not one that trades (a wheat board, a state trading
    company)."""
    if ctx.type(key) is not EntityType.AGENCY:
        return False
    heads = flow_words("regulator_heads")
    names = [name.lower().replace(".", "").split() for name in ctx.table.entities[key].all_names]
    # "Canada's Progressive Conservative government ... its lumber exports": a government
    # by name is its country's, the last word only ("a government trading corporation" trades)
    return any(w in heads for words in names for w in words) \
        or any(words and words[-1] in flow_words("government_heads") for words in names)


def regulated_country(ctx: Context, key: str) -> str | None:
    """The country a government body governs: the one its mentions name ("Thailand's
    Commerce Ministry", "the U.S. Agriculture Department"), else the story's; None when
    its name names a country the text has no entity for (not the story's, whichever it is)."""
    named = named_country(ctx, key)
    if named is not None:
        return named
    if any(_names_country(ctx.doc, start, end) for start, end in ctx.table.spans.get(key, [])):
        return None  # "the U.S. Agriculture Department" in a story whose only country is another
    return story_country(ctx)


def _names_country(doc, start: int, end: int) -> bool:
    """A country's name or demonym stands in a body's mention or right before it ("the
    U.S.\nAgriculture Department"), entity or not."""
    before = start - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    return any(country_of(t.text) for t in doc[max(before, 0) : end])


def named_country(ctx: Context, key: str, *, spans: list[tuple[int, int]] | None = None) -> str | None:
    """The country a body's mentions (or the ``spans`` given of them) name: "Thailand's
    Commerce Ministry", "the U.S. Agriculture Department", "the Australian Statistics Bureau"."""
    doc = ctx.doc
    for start, end in ctx.table.spans.get(key, []) if spans is None else spans:
        while start > 0 and doc[start - 1].is_space:
            start -= 1  # "the U.S.\nAgriculture Department": a line break is no word
        # the word right before the body's name, or its possessive ("Thailand 's")
        before = [t for t in doc[max(start - 2, 0) : start] if t.i == start - 1 or doc[t.i + 1].tag_ == "POS"]
        for t in [*before, *doc[start:end]]:
            if (k := ctx.key(t, _COUNTRIES)) or (t.pos_ in ("ADJ", "PROPN") and (k := ctx.country_of_demonym(t))):
                return k
            country = country_of(t.text) if t.is_upper or t.is_title else None
            for name in (country.name, *country.aliases) if country is not None else ():
                if k := ctx.key_by_name(name, _COUNTRIES):
                    return k
    return None


def reporter_currency(ctx: Context, sent: Span) -> str | None:
    """The currency of the country whose body the sentence names, the reporter of its
    figures: "the U.S. Agriculture Department said" (USD), "Canada's statistics agency said"
    (CAD); None when no body there names its country."""
    for key, mention in ctx.entity_mentions(ORGS):
        if sent.start <= mention.start and mention.end <= sent.end \
                and (country := named_country(ctx, key, spans=[(mention.start, mention.end)])) is not None:
            return local_currency(ctx, country)
    return None
