"""``nationality`` read beside a person's name: a demonym ("Belgian Justine Henin"), a
country's possessive ("Russia's Elena Dementieva") or "of" ("Nathalie Dechy of France")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.gazetteer import country_of_demonym
from kg.nlp.relations.base import COUNTRY, PERSONS, Context
from kg.nlp.royals import reigns, style_before


def _of_country(ctx: Context, holder: str, tokens: list[Token | Span], country: str, rule: str,
                mention: Span) -> list[Fact]:
    """The person's nationality; for a monarch, named after a reigning style, the throne too
    ("King Fahd of Saudi Arabia", "Jordan's King Hussein": the post of King, and a Saudi and a
    Jordanian, as an official of a country is its national)."""
    national = ctx.fact(holder, Predicate.NATIONALITY, tokens, rule=rule, object=country,
                        confidence=ctx.confidence(rule))
    style = style_before(mention)
    if style is None or not reigns(style.text):
        return [national]
    reign = ctx.fact(holder, Predicate.HOLDS_POST, [style, *tokens], rule="post-reign", object=country,
                     confidence=ctx.confidence("post-reign"), role=style.text)
    return [reign, national]


def of_country(ctx: Context, holder: str, mention: Span) -> list[Fact]:
    """ "Nathalie Dechy of France": a person "of" a country is its national."""
    root = mention.root
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (country := ctx.key(obj, COUNTRY)) is not None:
                return _of_country(ctx, holder, [mention[0], obj], country, "nationality-of", mention)
    return []


def is_demonym(ctx: Context, token: Token) -> bool:
    """ "Chinese" in "Chinese Foreign Minister"; not "China" in "chief China economist"."""
    if token.pos_ not in ("ADJ", "PROPN"):
        return False
    if country_of_demonym(token.text) is not None:
        return ctx.country_of_demonym(token) is not None
    # "Arabian" in "Saudi Arabian": a word of a demonym written in two, whose other word
    # names the country
    doc = token.doc
    pairs = [doc[i : i + 2] for i in (token.i - 1, token.i) if 0 <= i and i + 2 <= len(doc)]
    return any(country_of_demonym(pair.text) is not None and any(
        t is not token and ctx.country_of_demonym(t) is not None for t in pair) for pair in pairs)


def demonym_country(ctx: Context, role: list[Token], title: Token) -> str | None:
    for token in [*role, *(c for c in title.children if c.dep_ == "amod")]:
        if token is not title and is_demonym(ctx, token):
            return ctx.country_of_demonym(token)
    return None


def nationality_before(ctx: Context, holder: str, zone: list[Token], mention: Span) -> list[Fact]:
    """ "Belgian Justine Henin", "Russia's Elena Dementieva": no title, only the country."""
    for token in zone:
        if token.dep_ == "poss" and (country := ctx.key(token, COUNTRY)) is not None:
            rule = "nationality-possessive"
        elif is_demonym(ctx, token) and ctx.key(token, PERSONS) is None:
            country, rule = ctx.country_of_demonym(token), "nationality-demonym"
        else:
            continue
        if country is not None:
            return _of_country(ctx, holder, [token, mention[-1]], country, rule, mention)
    return []
