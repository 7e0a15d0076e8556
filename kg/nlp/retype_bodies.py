"""Rules of ``kg.nlp.retype`` for organizations and persons: a body's type from its name (a
chamber of two countries, "the House", "Jet.com", "research firm Canalys"), publications, a
writer or an office holder the model ran into a body's name ("Vox's Julia Belluz", "Minister of
Industry and Trade Cahit Aral"), and persons that are bodies ("Gassco, the state-owned
operator")."""

from __future__ import annotations

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.bilateral import names_bilateral_body
from kg.nlp.cues import WEB_NAME, after_company_noun, camel_case, described_as_company, doc_lower
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import is_title
from kg.nlp.offices import titled_name
from kg.nlp.retype_drops import opens_sentence
from kg.nlp.retype_verdicts import NEXT, PLACE_OR_PERSON, Verdict, typed
from kg.nlp.spans import POSSESSIVE, org_kind, organization_type


def bilateral_body(span: Span) -> Verdict:
    """ "the Brazil/Canada Chamber of Commerce": two countries, then a body's name; a
    chamber, council or commission of two countries is no government body of either."""
    return typed(span, EntityType.ORGANIZATION) if span.label_ == "ORG" and names_bilateral_body(span) else NEXT


def the_house(span: Span) -> Verdict:
    """ "the House": the legislative chamber."""
    if span.text == "House" and span.start > 0 and doc_lower(span, -1) == "the" \
            and span.label_ in {"ORG", "PERSON", "FAC", "GPE"}:
        return typed(span, EntityType.AGENCY)
    return NEXT


def web_or_camel_name(span: Span) -> Verdict:
    """ "Jet.com", "FedEx": a company's written form, not a place or person."""
    if span.label_ in PLACE_OR_PERSON and (WEB_NAME.search(span.text) or camel_case(span)):
        return typed(span, EntityType.ORGANIZATION)
    return NEXT


def after_company_word(span: Span) -> Verdict:
    """ "research firm Canalys": the name after a company noun is an organization's."""
    if span.label_ in PLACE_OR_PERSON and after_company_noun(span) and country_of(span.text) is None:
        return typed(span, organization_type(span))
    return NEXT


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
