"""Rules of ``kg.nlp.retype`` for countries and places: a country's name the model took for a
demonym, a person or a body ("Jordan" tendering for wheat), one that opens another name ("the
US Open"), a sub-national place of a country's name ("Atlanta, Georgia"), regions, sites and
cities read from the words around them, and a place's own body ("L.A. County Public Health")."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import gazetteer
from kg.nlp.cues import (
    COMPANY_ENDINGS, city_in_place_context, facility_name, opens_other_name, place_body,
    region_name, speaks, sub_national, unknown_place_in_context,
)
from kg.nlp.gazetteer import country_of
from kg.nlp.goods import trade_sentence
from kg.nlp.lexicon import norm
from kg.nlp.retype_verdicts import NEXT, PLACE_LABELS, PLACE_OR_PERSON, Verdict, typed
from kg.nlp.spans import organization_type
from kg.nlp.water_names import water_name


def norp_country(ent: Span) -> Verdict:
    """A country's name the model took for a demonym ("Russia" as NORP), not "Chinese"."""
    if ent.label_ == "NORP" and country_of(ent.text) and not gazetteer.country_of_demonym(ent.text):
        return typed(ent, EntityType.COUNTRY)
    return NEXT


def norp_city(ent: Span) -> Verdict:
    """ "the Mombasa auction": a city's name the model took for a demonym."""
    if ent.label_ == "NORP" and gazetteer.is_city(ent.text) and not gazetteer.country_of_demonym(ent.text):
        return typed(ent, EntityType.PLACE)
    return NEXT


def country_opening_name(span: Span) -> Verdict:
    """ "the US Open champion": a country's name opening another name."""
    if span.label_ == "GPE" and country_of(span.text) is not None and opens_other_name(span):
        return None
    return NEXT


def ambiguous_country_place(span: Span) -> Verdict:
    """ "Atlanta, Georgia": a country's name that is also a sub-national place's."""
    if country_of(span.text) is not None and norm(span.text) in gazetteer.ambiguous_countries() \
            and sub_national(span):
        return typed(span, EntityType.PLACE)
    return NEXT


def demonym(span: Span) -> Verdict:
    """ "the Briton", "Tajik troops": a demonym that is no name of its country."""
    if span.label_ in PLACE_OR_PERSON and len(span) == 1 and gazetteer.is_demonym_only(span.text):
        return typed(span, "NORP")
    return NEXT


def ambiguous_country_in_trade(span: Span) -> Verdict:
    """ "a tender by Jordan for 225,000 tonnes of wheat": a lone name the model took for a
    person's that is also an ambiguous country's, in a sentence about trade, is the country
    (not when it speaks, nor when the text names a person of that name in full)."""
    if span.label_ != "PERSON" or len(span) != 1 or country_of(span.text) is None \
            or norm(span.text) not in gazetteer.ambiguous_countries() or not trade_sentence(span[0]):
        return NEXT
    word = span[0]
    if speaks(word):
        return NEXT  # "Jordan said": a person speaks
    if any(e.label_ == "PERSON" and len(e) > 1 and word.text in {t.text for t in e} for e in span.doc.ents):
        return NEXT  # "Chad Smith ... Chad": the person named in full
    return typed(span, EntityType.COUNTRY)


def country(span: Span) -> Verdict:
    """A country's name, unless a person's name that is also an ambiguous country's."""
    if span.label_ in {"GPE", "LOC", "FAC", "ORG", "PERSON"} and country_of(span.text) is not None \
            and not (span.label_ == "PERSON" and norm(span.text) in gazetteer.ambiguous_countries()):
        return typed(span, EntityType.COUNTRY)
    return NEXT


def place_agency(span: Span) -> Verdict:
    """ "L.A. County Public Health": a place's body named after it."""
    if span.label_ in {"GPE", "LOC", "FAC", "ORG"} and place_body(span):
        return typed(span, EntityType.AGENCY)
    return NEXT


def region(span: Span) -> Verdict:
    """ "Alameda County": a region's name, whatever the model took it for."""
    if span.label_ in {"GPE", "LOC", "FAC", "ORG", "PERSON"} and region_name(span):
        return typed(span, EntityType.PLACE)
    return NEXT


def water(span: Span) -> Verdict:
    """ "U.S. Gulf", "Welland Canal": the name of waters or a shore, whatever the model took it for."""
    if span.label_ in {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"} and water_name(span):
        return typed(span, EntityType.PLACE)
    return NEXT


def place_with_company_ending(span: Span) -> Verdict:
    """ "Acme Holdings" as a place: a company ending (not "West Bank", "Union Square")."""
    if span.label_ in PLACE_LABELS and len(span) > 1 and span[-1].lower_ in COMPANY_ENDINGS:
        return typed(span, organization_type(span))
    return NEXT


def place(span: Span) -> Verdict:
    return typed(span, EntityType.PLACE) if span.label_ in PLACE_LABELS else NEXT


def facility(span: Span) -> Verdict:
    """ "the Kollsnes plant": a site's name the model took for a body or person."""
    if span.label_ in {"ORG", "PERSON", "FAC"} and facility_name(span):
        return typed(span, EntityType.PLACE)
    return NEXT


def unknown_place(span: Span) -> Verdict:
    """ "the port of Balao", "the refinery at Paranam": a name no list knows, in a place's
    words, is a place."""
    if span.label_ in {"ORG", "PERSON"} and unknown_place_in_context(span):
        return typed(span, EntityType.PLACE)
    return NEXT


def city_in_context(span: Span) -> Verdict:
    """ "traders in Aba": a city's name where the sentence speaks of a place."""
    if span.label_ in {"ORG", "PERSON"} and city_in_place_context(span):
        return typed(span, EntityType.PLACE)
    return NEXT
