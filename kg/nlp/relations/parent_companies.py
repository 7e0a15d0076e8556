"""``subOrganizationOf`` from the ways newswire names a company's parent.

Read on the words, not the parse: a ticker between a name and its description, or a
possessive owner before a long description, leaves the parser guessing, while the word
order is fixed:

- "Armstrong Tire Co, an Armtek unit", "Billiton NV, a Royal Dutch Shell subsidiary": the
  described company is a unit of the one whose name opens the unit noun;
- "Royal Bank of Canada's small Brazilian bank subsidiary Banco Royal", "IEL's Sydney-based
  subsidiary, IEL Finance Ltd": the company named after the owner's unit noun is its unit;
- "Champlin Petroleum's parent company, the Union Pacific Corp" and "Bombardier Inc, the
  parent company of Canadair": the parent named.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import ORGS, Context
from kg.nlp.relations.titles import in_ticker

CONFIDENCE = {"sub-described-unit": 0.8, "sub-owner-unit": 0.75, "sub-parent": 0.8}
# How many description words may come between an owner's possessive and its unit noun
# ("Royal Bank of Canada's small Brazilian commercial bank subsidiary").
_MAX_DESCRIPTION = 6
_ARTICLES = ("a", "an", "the")


def extract(ctx: Context) -> list[Fact]:
    """Units of companies named through their parent's name."""
    facts: list[Fact] = []
    for key, mention in ctx.entity_mentions(ORGS):
        facts.extend(_described_unit(ctx, key, mention))
        facts.extend(_owner_unit(ctx, key, mention))
        facts.extend(_parent_named(ctx, key, mention))
    return facts


def _past_ticker(doc, k: int) -> int:
    """The first token at or after ``k`` that is no part of a stock ticker ("<DD>")."""
    while k < len(doc) and in_ticker(doc[k]):
        k += 1
    return k


def _org_at(ctx: Context, i: int) -> tuple[str, Span] | None:
    """The organization whose mention starts at token ``i``."""
    if i >= len(ctx.doc):
        return None
    span = ctx.table.mention_span(i)
    key = ctx.key(ctx.doc[i], ORGS)
    if span is None or key is None or span.start != i:
        return None
    return key, span


def _org_ending_before(ctx: Context, i: int, floor: int) -> tuple[str, Span] | None:
    """The organization whose mention ends right before token ``i`` (a ticker skipped)."""
    doc = ctx.doc
    k = i - 1
    while k > floor and in_ticker(doc[k]):
        k -= 1
    if k < floor:
        return None
    span = ctx.table.mention_span(k)
    key = ctx.key(doc[k], ORGS)
    if span is None or key is None or span.end != k + 1 or span.start < floor:
        return None
    return key, span


def _is_unit_noun(token: Token) -> bool:
    return token.is_lower and token.lemma_.lower() in rule_words("places", "company_unit_nouns")


def _described_unit(ctx: Context, org: str, mention: Span) -> list[Fact]:
    """ "Conoco Inc, a Dupont <DD> subsidiary,": an apposition opened by an article whose
    unit noun follows another company's name."""
    doc = ctx.doc
    k = _past_ticker(doc, mention.end)
    if k + 3 >= len(doc) or doc[k].text != "," or doc[k + 1].lower_ not in _ARTICLES:
        return []
    start = k + 2
    for j in range(start + 1, min(len(doc), start + _MAX_DESCRIPTION + 2)):
        token = doc[j]
        if _is_unit_noun(token):
            after = doc[j + 1] if j + 1 < len(doc) else None
            if after is not None and after.lower_ in ("of", "in", "at", "within", "under"):
                return []  # "a unit of Y": the preposition rule's (kg.nlp.relations.organizations)
            found = _org_ending_before(ctx, j, start)
            if found is None or found[0] == org:
                return []
            return [ctx.fact(org, Predicate.SUB_ORGANIZATION_OF, [*mention, *found[1], token], object=found[0],
                             rule="sub-described-unit", confidence=CONFIDENCE["sub-described-unit"])]  # fmt: skip
        if token.is_punct and token.text not in ("-", "&", "<", ">") or token.pos_ in ("VERB", "AUX", "ADP"):
            return []
    return []


def _owner_unit(ctx: Context, org: str, mention: Span) -> list[Fact]:
    """ "Total's refining and distribution subsidiary Cie de Raffinage-Distribution": the
    owner's possessive, a description of lower-case words (or a place), a unit noun, and
    the unit's own name (``org`` is the owner here)."""
    doc = ctx.doc
    k = _past_ticker(doc, mention.end)
    if k >= len(doc) or doc[k].lower_ not in ("'s", "\u2019s"):
        return []
    k = _past_ticker(doc, k + 1)
    for j in range(k, min(len(doc), k + _MAX_DESCRIPTION + 1)):
        token = doc[j]
        if _is_unit_noun(token):
            n = j + 1
            if n < len(doc) and doc[n].text == ",":
                n += 1
            found = _org_at(ctx, n)
            if found is None or found[0] == org:
                return []
            return [ctx.fact(found[0], Predicate.SUB_ORGANIZATION_OF, [*mention, token, *found[1]], object=org,
                             rule="sub-owner-unit", confidence=CONFIDENCE["sub-owner-unit"])]  # fmt: skip
        if ctx.key(token, ORGS) is not None or token.pos_ in ("VERB", "AUX", "ADP", "DET") \
                or token.is_punct and token.text != "-":
            return []
    return []


def _parent_named(ctx: Context, org: str, mention: Span) -> list[Fact]:
    """ "X's parent company, the Y Corp" (``org`` is X) and "Y, the parent company of X"
    (``org`` is Y)."""
    doc = ctx.doc
    parents = rule_words("places", "parent_nouns")
    k = _past_ticker(doc, mention.end)
    if k + 2 < len(doc) and doc[k].lower_ in ("'s", "\u2019s") and doc[k + 1].lower_ in parents:
        n = k + 2
        if n < len(doc) and doc[n].lower_ in rule_words("places", "company_words_after_parent"):
            n += 1
        if n < len(doc) and doc[n].text == ",":
            n += 1
        if n < len(doc) and doc[n].lower_ == "the":
            n += 1
        found = _org_at(ctx, n)
        if found is not None and found[0] != org:
            return [ctx.fact(org, Predicate.SUB_ORGANIZATION_OF, [*mention, doc[k + 1], *found[1]], object=found[0],
                             rule="sub-parent", confidence=CONFIDENCE["sub-parent"])]  # fmt: skip
        return []
    if k + 3 < len(doc) and doc[k].text == ",":
        n = k + 1 + (doc[k + 1].lower_ == "the")
        if n < len(doc) and doc[n].lower_ in parents:
            n += 1
            if n < len(doc) and doc[n].lower_ in rule_words("places", "company_words_after_parent"):
                n += 1
            if n + 1 < len(doc) and doc[n].lower_ == "of":
                found = _org_at(ctx, n + 1)
                if found is not None and found[0] != org:
                    return [ctx.fact(found[0], Predicate.SUB_ORGANIZATION_OF, [*mention, doc[n], *found[1]],
                                     object=org, rule="sub-parent", confidence=CONFIDENCE["sub-parent"])]  # fmt: skip
    return []


__all__ = ["extract"]
