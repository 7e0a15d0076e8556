"""Rules of ``kg.nlp.retype`` for the entities that are neither places nor bodies nor persons:
diseases, agreements (a text, not a body), crude oil grades and goods opening a sentence
(goods), events, and the model's products (brands and model names, not traded goods)."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.acronym_definitions import common_definition, names_goods
from kg.nlp.gazetteer import country_of
from kg.nlp.goods import goods_flow
from kg.nlp.lexicon import norm
from kg.nlp.retype_drops import opens_sentence
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


def acronym_of_common_words(span: Span) -> Verdict:
    """ "high density polyethylene (HDPE)": an acronym the story spells out in lower-case
    words ending in a goods word names those goods, not a body."""
    if span.label_ not in {"ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "PRODUCT"}:
        return NEXT
    words = common_definition(span)
    if words is None or not names_goods(words):
        return NEXT  # spelt out in words no lexicon knows as goods: ``common_acronyms`` decides
    return typed(span, EntityType.PRODUCT)


def goods_opening_flow(span: Span) -> Verdict:
    """ "Rice imports rose", "Copper exports fell": a goods word capitalised only because it
    opens the sentence, right before the flow noun it names the goods of, is goods the model
    read as a surname. A name that speaks ("Rice said") or runs on ("Sugar Ray") has no flow
    noun after it and stays a name."""
    doc = span.doc
    if span.label_ != "PERSON" or span.end >= len(doc) or not opens_sentence(span[0]) \
            or not all(t.is_title for t in span):
        return NEXT
    flow = doc[span.end]
    if not flow.is_lower or flow.pos_ != "NOUN" or not goods_flow(flow) or not _goods_word(span):
        return NEXT
    return typed(span, EntityType.PRODUCT)


def _goods_word(span: Span) -> bool:
    """The goods lexicons know the words: a product's name ("Palm oil"), or the head noun of
    goods ("Rice", "Tea", "Cars")."""
    if norm(span.text) in lexicon.product_terms():
        return True
    lemma = span[-1].lemma_.lower()
    return len(span) == 1 and (lemma in lexicon.commodity_heads() or lemma in lexicon.product_heads())


def event(span: Span) -> Verdict:
    return typed(span, EntityType.EVENT) if span.label_ == "EVENT" else NEXT


def product_name(span: Span) -> Verdict:
    """The model's PRODUCT (a brand, a model name) is no traded goods: Other."""
    return typed(span, EntityType.OTHER) if span.label_ == "PRODUCT" else NEXT
