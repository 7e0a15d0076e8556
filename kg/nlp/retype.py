"""The statistical model's entities given kg types: an ordered list of small named rules.

``retype(ent)`` trims the span, then asks each rule of ``RULES`` in turn; the first that
decides wins. A rule returns the span with its kg type, ``None`` to drop it (no entity), or
``NEXT`` to leave the decision to the rules after it. Order matters: a rule may rely on the
ones before it having passed ("a capitalised word" only after "a lower-case span" passed).
Spans with a label of ``KEEP`` (numbers, dates, demonyms) go through ``KEPT_RULES`` only.

>>> [rule.__name__ for rule in RULES][:3]
['disease', 'generic_or_number', 'lower_case']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import Literal, Union

from spacy.tokens import Span, Token

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.cues import (
    COMPANY_ENDINGS, WEB_NAME, after_company_noun, camel_case, city_in_place_context, common_word,
    court_district, described_as_company, doc_lower, facility_name, names_government_debt, opens_other_name,
    place_body, region_name, speaks, sub_national, unknown_place_in_context,
)
from kg.nlp.bilateral import names_bilateral_body
from kg.nlp.currency_homes import in_an_amount
from kg.nlp.gazetteer import country_of
from kg.nlp.goods import trade_sentence
from kg.nlp.lexicon import is_title, norm
from kg.nlp.offices import titled_name
from kg.nlp.person_openers import without_opening_words
from kg.nlp.title_fields import field_after_title
from kg.nlp.spans import POSSESSIVE, is_punct, org_kind, organization_type, trim


class Pass(Enum):
    """A rule's answer when it does not decide."""

    NEXT = "next"


NEXT = Pass.NEXT
Verdict = Union[Span, None, Literal[Pass.NEXT]]
Rule = Callable[[Span], Verdict]

# spaCy labels kept as they are: relation rules read quantities, dates and demonyms.
KEEP = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "NORP",
                  "LAW", "LANGUAGE", "WORK_OF_ART"})
_LETTERS = re.compile(r"[^\W\d_]{2}")
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_OR_PERSON = frozenset({"GPE", "LOC", "FAC", "PERSON"})
_OPENER_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "INTJ"})


def typed(span: Span, kind: EntityType | str) -> Span:
    """``span`` with the label ``kind``."""
    return Span(span.doc, span.start, span.end, label=kind)


def retype(ent: Span) -> Span | None:
    """The kg-typed form of a model entity, or None when it is no entity."""
    if ent.label_ in KEEP:
        return _first_verdict(KEPT_RULES, ent, fallback=ent)
    span = trim(ent)
    if span is None:
        return None
    span = through_linking_word(span)
    if span.label_ == "PERSON":
        span = without_opening_words(without_lower_title(span))
    return _first_verdict(RULES, span, fallback=ent)


def _first_verdict(rules: tuple[Rule, ...], span: Span, *, fallback: Span) -> Span | None:
    for rule in rules:
        verdict = rule(span)
        if verdict is not NEXT:
            return verdict
    return fallback


def without_lower_title(span: Span) -> Span:
    """ "spokesperson Li": a lower-case title the model ran into a person's name."""
    start = span.start
    while start < span.end - 1 and span.doc[start].is_lower \
            and span.doc[start].lower_ in lexicon.title_words():
        start += 1
    return Span(span.doc, start, span.end, label=span.label_)


# "Petroleos de / Venezuela": a name the model cut after a linking word, at a line break.
_LINKING_WORDS = frozenset({"of", "de", "del", "do", "da", "for", "and", "&"})


def through_linking_word(span: Span) -> Span:
    """A name does not end in a linking word: the capitalised words after it complete it."""
    doc = span.doc
    if len(span) < 2 or span[-1].lower_ not in _LINKING_WORDS:
        return span
    end = span.end
    while end < len(doc) and doc[end].is_space:
        end += 1
    tail = end
    while tail < len(doc) and doc[tail].is_title and doc[tail].is_alpha and tail - end < 3:
        tail += 1
    return Span(doc, span.start, tail, label=span.label_) if tail > end else span


# ------------------------------------------------------------ kept labels


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


KEPT_RULES: tuple[Rule, ...] = (norp_country, norp_city)


# ------------------------------------------------------------ no entity, or a fixed type


def disease(span: Span) -> Verdict:
    return typed(span, EntityType.DISEASE) if norm(span.text) in lexicon.disease_keys() else NEXT


def generic_or_number(span: Span) -> Verdict:
    """ "officials", "the government", "2020": never entities by themselves."""
    if lexicon.is_generic(span.text) or all(t.like_num or t.is_punct for t in span):
        return None
    return NEXT


def lower_case(span: Span) -> Verdict:
    """Names are capitalised; "jargon", "O.K." are model slips."""
    if span.text.islower() or not any(_LETTERS.search(t.text) for t in span):
        return None
    return NEXT


# Months typos turn into unknown names ("Feburary", "Novmber"); short months are left alone,
# as one letter changes them into names ("Augusta", "Mayo").
_LONG_MONTHS = ("january", "february", "september", "october", "november", "december")


def misspelt_month(span: Span) -> Verdict:
    """ "in Feburary last year": a long month's name with one letter left out, added,
    changed or two swapped is a date, not a place or person."""
    if len(span) == 1 and span[0].is_title and any(
            _one_edit_apart(span[0].lower_, month) for month in _LONG_MONTHS):
        return None
    return NEXT


def _one_edit_apart(word: str, target: str) -> bool:
    """True when one deletion, insertion, substitution or swap of neighbours turns ``word``
    into ``target`` (and they differ)."""
    if word == target or abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        diff = [i for i, (a, b) in enumerate(zip(word, target)) if a != b]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and word[diff[0]] == target[diff[1]] and word[diff[1]] == target[diff[0]])
    shorter, longer = sorted((word, target), key=len)
    return any(longer[:i] + longer[i + 1:] == shorter for i in range(len(longer)))


def money(span: Span) -> Verdict:
    """ "U.S. Dlrs", "Saudi Riyals": an amount's currency, not a name."""
    return None if span[-1].lower_ in lexicon.currency_names() else NEXT


def currency_country(span: Span) -> Verdict:
    """ "944 mln U.S. Dlrs": the national word of an amount's currency names money, not the
    country (``kg.nlp.currency_homes`` keeps it for the trade rules)."""
    return None if span.label_ in {"GPE", "LOC"} and in_an_amount(span) else NEXT


def country_and_noun(span: Span) -> Verdict:
    """ "the U.S. Market", "U.S. Origin": a country's name and a capitalised common noun."""
    if len(span) >= 2 and span[-1].lower_ in lexicon.country_nouns() \
            and country_of(span[:-1].text) is not None:
        return None
    return NEXT


_COUNTRY_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")


def country_and_going_on(span: Span) -> Verdict:
    """ "exports to the U.S. Fell to one mln", "U.S. Industry sources said": old wire copy
    capitalises the word after a country's initials; a word the same text also writes in
    lower case goes on the clause and names nothing with the country (the country is still
    found on its own)."""
    if len(span) == 2 and _COUNTRY_INITIALS.match(span[0].text) and country_of(span[0].text) is not None \
            and span[1].is_title and common_word(span[1]) and not lexicon.known_organization(span.text) \
            and (_written_as_verb(span[1]) or _before_common_noun(span)):
        return None
    return NEXT


def _written_as_verb(token: Token) -> bool:
    """The text writes the word in lower case as a verb ("fell", "exported")."""
    return any(t.lower_ == token.lower_ and t.is_lower and t.pos_ in ("VERB", "AUX") for t in token.doc)


def _before_common_noun(span: Span) -> bool:
    """ "U.S. Meat exporters", "U.S. Industry sources": the capitalised word only qualifies
    the lower-case noun after it ("U.S. Steel said" is left to the rules after)."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].is_lower and doc[span.end].pos_ == "NOUN"


def country_pair(span: Span) -> Verdict:
    """ "a U.S.-USSR business meeting", "the U.S./USSR grain pact": two countries written as one
    word qualify what follows; the pair is no place or body (each country is named apart)."""
    if len(span) != 1 or country_of(span.text) is not None:
        return NEXT  # "Guinea-Bissau" is one country
    for match in re.finditer(r"[-/]", span.text):
        left, right = span.text[: match.start()], span.text[match.end():]
        if country_of(left) is not None and country_of(right) is not None:
            return None
    return NEXT


def government_debt(span: Span) -> Verdict:
    """ "U.K. Government bonds, or gilts, surged": the government only qualifies its bonds."""
    return None if names_government_debt(span) else NEXT


def country_nouns_only(span: Span) -> Verdict:
    """ "its Export Sales report", "Export Markets for U.S. Grains": capitalised common nouns
    of trade, with no country or body word, name no organization."""
    if span.label_ == "ORG" and len(span) <= 3 and all(t.lower_ in lexicon.country_nouns() for t in span):
        return None
    return NEXT


def sentence_opener(span: Span) -> Verdict:
    """A common word capitalised only because it opens the sentence."""
    if len(span) == 1 and opens_sentence(span[0]) and span[0].pos_ in _OPENER_POS:
        return None
    return NEXT


def common_opener(span: Span) -> Verdict:
    """ "Children ...", "Attendance ...": the word is written lower case elsewhere."""
    if len(span) == 1 and opens_sentence(span[0]) and common_word(span[0]):
        return None
    return NEXT


def person_with_digits(span: Span) -> Verdict:
    """ "Pohang 3 Ulsan 2": a run across a results line, no one's name."""
    return None if span.label_ == "PERSON" and any(t.is_digit for t in span) else NEXT


def bilateral_body(span: Span) -> Verdict:
    """ "the Brazil/Canada Chamber of Commerce": two countries, then a body's name; a
    chamber, council or commission of two countries is no government body of either."""
    return typed(span, EntityType.ORGANIZATION) if span.label_ == "ORG" and names_bilateral_body(span) else NEXT


def photo_credit(span: Span) -> Verdict:
    """ "REUTERS/Leah Millis/File Photo": a photo credit, not one name."""
    return None if any(t.text == "/" for t in span) else NEXT


def shouted_headline(span: Span) -> Verdict:
    """A headline in capitals ("CITING CORONAVIRUS OUTBREAK"), unless a known name."""
    if span.label_ in {"ORG", "PERSON", "GPE", "LOC", "FAC"} and shouted(span) \
            and not lexicon.known_organization(span.text) and country_of(span.text) is None:
        return None
    return NEXT


def field_of_title(span: Span) -> Verdict:
    """ "National Security Adviser": the field of a title, not a body."""
    return None if span.label_ == "ORG" and is_field_of_title(span) else NEXT


def field_after_a_title(span: Span) -> Verdict:
    """ "Vice President for International Services": the post's portfolio, not a body."""
    return None if span.label_ == "ORG" and field_after_title(span) else NEXT


def the_house(span: Span) -> Verdict:
    """ "the House": the legislative chamber."""
    if span.text == "House" and span.start > 0 and doc_lower(span, -1) == "the" \
            and span.label_ in {"ORG", "PERSON", "FAC", "GPE"}:
        return typed(span, EntityType.AGENCY)
    return NEXT


def social_handle(span: Span) -> Verdict:
    """A social media handle ("Instagram @name")."""
    return None if any("@" in t.text for t in span) else NEXT


def web_or_camel_name(span: Span) -> Verdict:
    """ "Jet.com", "FedEx": a company's written form, not a place or person."""
    if span.label_ in _PLACE_OR_PERSON and (WEB_NAME.search(span.text) or camel_case(span)):
        return typed(span, EntityType.ORGANIZATION)
    return NEXT


def court_district_part(span: Span) -> Verdict:
    """ "the Northern District of California": part of a court's name."""
    return None if court_district(span) else NEXT


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


def after_company_word(span: Span) -> Verdict:
    """ "research firm Canalys": the name after a company noun is an organization's."""
    if span.label_ in _PLACE_OR_PERSON and after_company_noun(span) and country_of(span.text) is None:
        return typed(span, organization_type(span))
    return NEXT


# ------------------------------------------------------------ countries and places


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
    if span.label_ in _PLACE_OR_PERSON and len(span) == 1 and gazetteer.is_demonym_only(span.text):
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


def place_with_company_ending(span: Span) -> Verdict:
    """ "Acme Holdings" as a place: a company ending (not "West Bank", "Union Square")."""
    if span.label_ in _PLACE_LABELS and len(span) > 1 and span[-1].lower_ in COMPANY_ENDINGS:
        return typed(span, organization_type(span))
    return NEXT


def place(span: Span) -> Verdict:
    return typed(span, EntityType.PLACE) if span.label_ in _PLACE_LABELS else NEXT


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


# ------------------------------------------------------------ organizations and persons


# Head words of a newspaper's or a gazette's name ("the Official Gazette", "the Jamaica Herald").
_PUBLICATION_HEADS = frozenset({"gazette", "herald", "tribune", "bulletin", "journal"})


def publication(span: Span) -> Verdict:
    """ "a decree in the Official Gazette": a publication's head word the model read as a
    person, the capitalised words before it (a title among them) cut off; the whole name is
    the publication's."""
    if span.label_ != "PERSON" or span[-1].lower_ not in _PUBLICATION_HEADS:
        return NEXT
    doc, start = span.doc, span.start
    while start > 0 and doc[start - 1].is_title and doc[start - 1].is_alpha and doc[start - 1].ent_iob_ == "O" \
            and not opens_sentence(doc[start - 1]):
        start -= 1
    return Span(doc, start, span.end, label=EntityType.ORGANIZATION)


def writer_of_outlet(span: Span) -> Verdict:
    """ "Vox's Julia Belluz": the writer, not a unit of the outlet."""
    if span.label_ == "ORG":
        person = person_after_owner(span)
        if person is not None:
            return person
    return NEXT


def person_after_portfolio(span: Span) -> Verdict:
    """ "Minister of Industry and Trade Cahit Aral": the model ran a post's portfolio and its
    holder's name into one organization; the name is a person's, the portfolio the title's."""
    doc = span.doc
    field_words = lexicon.portfolios() | {"and", "&"}
    before = span.start - 1  # the model may start the span inside the portfolio ("Energy X")
    while before >= 0 and doc[before].lower_ in field_words:
        before -= 1
    if span.label_ != "ORG" or before < 1 or doc[before].lower_ != "of" or not is_title(doc[before - 1].text):
        return NEXT
    fields = 0
    while fields < len(span) and span[fields].lower_ in field_words:
        fields += 1
    rest = span[fields:]
    if fields == 0 or not 2 <= len(rest) <= 3 or not all(t.is_title and t.is_alpha for t in rest) \
            or {t.lower_ for t in rest} & (lexicon.agency_heads() | lexicon.organization_cues()):
        return NEXT
    return Span(doc, rest.start, rest.end, label=EntityType.PERSON)


def titled_organization(span: Span) -> Verdict:
    """ "X, the state commissioner": a person the model took for a body."""
    if span.label_ == "ORG" and titled_name(span):
        return typed(span, EntityType.PERSON)
    return NEXT


def organization(span: Span) -> Verdict:
    return typed(span, org_kind(span)) if span.label_ == "ORG" else NEXT


def person_described_as_company(span: Span) -> Verdict:
    """ "Gassco, the state-owned operator of ...": a company the model took for a person."""
    if span.label_ == "PERSON" and described_as_company(span):
        return typed(span, organization_type(span))
    return NEXT


def person_named_like_body(span: Span) -> Verdict:
    """A "person" whose name ends in a body's head word or is a known organization's."""
    if span.label_ == "PERSON" and (
        span[-1].lower_ in lexicon.agency_heads() or lexicon.known_organization(span.text)
        or (len(span) > 1 and span[-1].lower_ in lexicon.organization_cues() | lexicon.industry_words())
    ):
        return typed(span, organization_type(span))
    return NEXT


def person(span: Span) -> Verdict:
    return typed(span, EntityType.PERSON) if span.label_ == "PERSON" else NEXT


def event(span: Span) -> Verdict:
    return typed(span, EntityType.EVENT) if span.label_ == "EVENT" else NEXT


def product_name(span: Span) -> Verdict:
    """The model's PRODUCT (a brand, a model name) is no traded goods: Other."""
    return typed(span, EntityType.OTHER) if span.label_ == "PRODUCT" else NEXT


RULES: tuple[Rule, ...] = (
    disease, generic_or_number, lower_case, misspelt_month, money, currency_country, country_and_noun,
    country_and_going_on, bilateral_body, country_pair, country_nouns_only, government_debt, sentence_opener, common_opener, person_with_digits,
    photo_credit, shouted_headline, field_of_title, field_after_a_title, the_house, social_handle, web_or_camel_name,
    court_district_part, agreement, crude_grade, after_company_word, country_opening_name, ambiguous_country_place,
    demonym, ambiguous_country_in_trade, country, place_agency, region, place_with_company_ending, place, facility,
    city_in_context, unknown_place, publication, writer_of_outlet, person_after_portfolio, titled_organization, organization,
    person_described_as_company, person_named_like_body, person, event, product_name,
)


# ------------------------------------------------------------ span tests


def opens_sentence(token: Token) -> bool:
    """True for a sentence's first word, also after a line break, a full stop or a quote."""
    if token.is_sent_start:
        return True
    i = token.i - 1
    while i >= 0 and token.doc[i].is_space:
        i -= 1
    if i < 0 or "\n" in token.doc[i].whitespace_ or token.doc[i].text in {".", "!", "?"}:
        return True
    before = token.doc[i]
    return before.is_quote and (before.i == 0 or before.is_sent_start)


def shouted(span: Span) -> bool:
    """More than one word, all in capitals."""
    words = [t for t in span if _LETTERS.search(t.text) and not is_punct(t)]
    return len(words) > 1 and all(t.is_upper for t in words)


def is_field_of_title(span: Span) -> bool:
    """True when the span is the field of the title after it, not a body's name."""
    # An organization name ends in a word that says what it is ("Council", "Services",
    # "Bank"); "National Security" before "Adviser" does not.
    end = span.end
    if end >= len(span.doc) or not span.doc[end].is_title or not is_title(span.doc[end].text):
        return False
    if lexicon.known_organization(span.text):
        return False
    if is_title(span.doc[end - 1 : end + 1].text):
        return True  # "Agriculture Cabinet Secretary": the last word opens the title
    words = {t.lower_ for t in span}
    return not (words & lexicon.agency_heads() or words & lexicon.organization_cues()
                or words & lexicon.agency_units())


def person_after_owner(span: Span) -> Span | None:
    """The person named after an outlet's possessive inside ``span``, if any."""
    for token in span[1:-1]:
        if token.lower_ not in POSSESSIVE:
            continue
        rest = span.doc[token.i + 1 : span.end]
        words = {t.lower_ for t in rest}
        if 2 <= len(rest) <= 3 and all(t.is_title and t.is_alpha for t in rest) \
                and rest.root.pos_ == "PROPN" and not words & lexicon.agency_heads() \
                and not words & lexicon.organization_cues() and not words & lexicon.region_words() \
                and not lexicon.known_organization(rest.text) and country_of(rest[0].text) is None:
            return Span(span.doc, rest.start, rest.end, label=EntityType.PERSON)
    return None
