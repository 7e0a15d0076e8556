"""The statistical model's entities given kg types: an ordered list of small named rules.

``retype(ent)`` trims the span, then asks each rule of ``RULES`` in turn; the first that
decides wins. A rule returns the span with its kg type, ``None`` to drop it (no entity), or
``NEXT`` to leave the decision to the rules after it. Order matters: a rule may rely on the
ones before it having passed ("a capitalised word" only after "a lower-case span" passed).
Spans with a label of ``KEEP`` (numbers, dates, demonyms) go through ``KEPT_RULES`` only.

The rules live by what they find: ``retype_drops`` (no entity), ``retype_places`` (countries
and places), ``retype_bodies`` (organizations and persons), ``retype_other_kinds`` (diseases,
agreements, goods, events); ``retype_verdicts`` holds what a rule answers.

>>> [rule.__name__ for rule in RULES][:3]
['disease', 'generic_or_number', 'lower_case']
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from spacy.tokens import Span, Token

from kg.nlp import lexicon
from kg.nlp.person_openers import without_opening_words
from kg.nlp.retype_bodies import (
    after_company_word, bilateral_body, organization, person, person_after_portfolio,
    person_described_as_company, person_named_like_body, publication, the_house,
    titled_organization, web_or_camel_name, writer_of_outlet,
)
from kg.nlp.retype_drops import (
    common_opener, country_and_going_on, country_and_noun, country_nouns_only, country_pair,
    court_district_part, currency_country, field_after_a_title, field_of_title, generic_or_number,
    government_debt, lower_case, misspelt_month, money, person_with_digits, photo_credit,
    sentence_opener, shouted_headline, social_handle,
)
from kg.nlp.retype_other_kinds import (
    acronym_of_common_words, agreement, crude_grade, disease, event, goods_opening_flow, product_name,
)
from kg.nlp.retype_places import (
    ambiguous_country_in_trade, ambiguous_country_place, city_in_context, country,
    country_opening_name, demonym, facility, norp_city, norp_country, place, place_agency,
    place_with_company_ending, region, unknown_place, water,
)
from kg.nlp.retype_verdicts import NEXT, Rule
from kg.nlp.spans import trim


# spaCy labels kept as they are: relation rules read quantities, dates and demonyms.
KEEP = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL", "PERCENT", "NORP",
                  "LAW", "LANGUAGE", "WORK_OF_ART"})


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
    read = _ReadOnce(span.doc, span.start, span.end, label=span.label, kb_id=span.kb_id, span_id=span.id)
    for rule in rules:
        verdict = rule(read)
        if verdict is not NEXT:
            return span if verdict is read else verdict
    return fallback


class _ReadOnce(Span):
    """The span as the rules read it, one after another: its text and its words made once.

    spaCy joins a Span's text, and makes a new Token for each ``span[i]`` and each word of
    ``for t in span``, at every read; some fifty rules read the same entity's text and words,
    each of them here at the cost of one. The same span in every other respect; a rule that
    answers with it gets the plain span back (``_first_verdict``).
    """

    @cached_property
    def text(self) -> str:  # type: ignore[override]
        return Span.text.__get__(self)

    @cached_property
    def _tokens(self) -> tuple[Token, ...]:
        return tuple(Span.__iter__(self))

    def __iter__(self) -> Iterator[Token]:
        return iter(self._tokens)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, int):
            return self._tokens[index]  # out of range: the IndexError spaCy raises
        return Span.__getitem__(self, index)  # a slice: a new plain Span, as spaCy makes it


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


KEPT_RULES: tuple[Rule, ...] = (norp_country, norp_city)


RULES: tuple[Rule, ...] = (
    disease, generic_or_number, lower_case, misspelt_month, money, currency_country, country_and_noun,
    country_and_going_on, bilateral_body, country_pair, country_nouns_only, government_debt, goods_opening_flow, sentence_opener, common_opener, person_with_digits,
    photo_credit, shouted_headline, field_of_title, field_after_a_title, the_house, social_handle, web_or_camel_name,
    court_district_part, agreement, crude_grade, acronym_of_common_words, after_company_word, country_opening_name, ambiguous_country_place,
    demonym, ambiguous_country_in_trade, country, place_agency, region, water, place_with_company_ending, place, facility,
    city_in_context, unknown_place, publication, writer_of_outlet, person_after_portfolio, titled_organization, organization,
    person_described_as_company, person_named_like_body, person, event, product_name,
)
