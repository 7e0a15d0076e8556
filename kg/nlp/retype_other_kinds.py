"""Rules of ``kg.nlp.retype`` for the entities that are neither places nor bodies nor persons:
diseases, agreements (a text, not a body), crude oil grades (goods), events, and the model's
products (brands and model names, not traded goods)."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import norm
from kg.nlp.retype_verdicts import NEXT, Verdict, typed


def disease(span: Span) -> Verdict:
    return typed(span, EntityType.DISEASE) if norm(span.text) in lexicon.disease_keys() else NEXT


_AGREEMENT_HEADS = frozenset({"agreement", "accord", "accords", "pact", "treaty", "arrangement"})
_MEMORANDUM = "memorandum of understanding"


def agreement(span: Span) -> Verdict:
    """ "the International Coffee Agreement", "the U.S./ASEAN Memorandum of Understanding": an
    agreement is a text, not a body (a known organization named after one, "General
    Agreement on Tariffs and Trade", stays one)."""
    if span.label_ in {"ORG", "PERSON", "GPE", "LOC", "FAC", "EVENT"} and len(span) > 1 \
            and (span[-1].lower_ in _AGREEMENT_HEADS or span.text.lower().endswith(_MEMORANDUM)) \
            and span[-1].is_title \
            and not lexicon.known_organization(span.text):
        return typed(span, EntityType.OTHER)
    return NEXT


# Grades of crude oil are named after their origin and weight: "Iranian Heavy", "Arab Light".
_GRADE_WORDS = frozenset({"heavy", "light", "medium", "blend", "sour", "sweet"})


def crude_grade(span: Span) -> Verdict:
    """ "Iranian Heavy", "Arab Light", "Bonny Light": an origin and a weight name a crude
    oil grade, which is goods."""
    if len(span) < 2 or span[-1].lower_ not in _GRADE_WORDS or not span[-1].is_title:
        return NEXT
    origin = span[:-1]
    if country_of(origin.text) or gazetteer.country_of_demonym(origin.text) \
            or gazetteer.is_city(origin.text) or origin.text in {"Arab", "Arabian"}:
        return typed(span, EntityType.PRODUCT)
    return NEXT


def event(span: Span) -> Verdict:
    return typed(span, EntityType.EVENT) if span.label_ == "EVENT" else NEXT


def product_name(span: Span) -> Verdict:
    """The model's PRODUCT (a brand, a model name) is no traded goods: Other."""
    return typed(span, EntityType.OTHER) if span.label_ == "PRODUCT" else NEXT
