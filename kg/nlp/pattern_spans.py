"""The spans the patterns of ``entity_patterns.jsonl`` match, checked against the words around them
(``kg.nlp.entities``): a body of a country ("China's foreign ministry", "its customs"), a unit
owned by an organization, a person after a title ("spokesman Per Paust"), a partnership firm,
a bank with a Romance name; a match that only modifies ("customs-cleared") or opens a title
names nothing."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.cues import names_government_debt, owned_by_country
from kg.nlp.gazetteer import country_of
from kg.nlp.lexicon import is_title
from kg.nlp.longer_names import opens_longer_name
from kg.nlp.spans import POSSESSIVE, is_organization_token, org_kind, trim
from kg.nlp.title_fields import field_after_title


# Patterns that end on a body noun of a country ("China's foreign ministry", "its customs")
_BODY_RULES = frozenset({"national_body", "its_body", "country_body"})
# Marks that end a phrase: a country's name before one opens no body's name after it.
_CLAUSE_MARKS = frozenset({",", ";", ":", ".", "(", ")"})


def pattern_span(doc: Doc, rule: str, start: int, end: int) -> Span | None:
    """The entity a match of the pattern ``rule`` over ``doc[start:end]`` names, or None where
    the words around it show it names none."""
    if rule in _BODY_RULES and end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return None  # "South Korea's customs-cleared trade surplus": the body word only modifies
    if rule == "agency_named" and (field_after_title(doc[start:end]) or opens_longer_name(doc, start, end)):
        # "Vice President for International Services": the post's portfolio; "American
        # Bureau Metal Statistics": the model's longer name stands
        return None
    if rule == "owned_unit":
        owner = doc[start - 1] if start > 0 else None
        if owner is None or not is_organization_token(owner):
            return None
        return Span(doc, start + 1, end, label=EntityType.AGENCY)
    if rule == "country_body":  # "the country's health ministry said"
        return Span(doc, start + 3, end, label=EntityType.AGENCY) if end - start > 3 else None
    if rule == "its_body":  # "China hit back with its foreign ministry spokesman"
        return Span(doc, start + 1, end, label=EntityType.AGENCY) if owned_by_country(doc[start]) else None
    if rule == "titled_person":  # "spokesman Per Paust told Reuters": a name the model missed
        # "Foreign Ministry spokesman X": the title of a government body's makes an official
        public = start > 0 and doc[start - 1].lower_ in lexicon.agency_heads()
        return Span(doc, start + 1, end - 1, label=EntityType.OFFICIAL if public else EntityType.PERSON)
    if rule == "association_named":
        # "the States of Malaya Chamber of Mines": the model's longer name is the body's,
        # whatever the model took it for
        for e in doc.ents:
            first = e.start + (doc[e.start].lower_ == "the")
            if first <= start and end <= e.end:
                start, end = first, e.end
                break
    if rule == "partners_firm":
        # "analyst at brokers Phillips and Drew": two surnames after a company noun name
        # one partnership firm, not two people (unless a longer name goes on)
        if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
            return None
        return Span(doc, start + 1, end, label=EntityType.ORGANIZATION)
    if rule == "customs_and":  # "Customs and Excise": a customs service by its full name
        return Span(doc, start, end, label=EntityType.AGENCY)
    if rule == "romance_bank":  # "Banco do Brasil", "Banque de France": a bank, not a person
        return Span(doc, start, end, label=org_kind(Span(doc, start, end)))
    if rule == "national_body":
        opening = start  # "Saudi Arabia's foreign ministry": the whole country name
        while opening > 0 and doc[opening].ent_iob_ == "I":
            opening -= 1
        if country_of(doc[opening : start + 1].text) is None:
            return None
        if any(t.text in _CLAUSE_MARKS for t in doc[start + 1 : end]):
            return None  # "debt to France, government sources said": the body word is another phrase's
        first = start + 1
        if doc[first].lower_ in POSSESSIVE:
            first += 1
        if end - first < 1:
            return None
        return Span(doc, first, end, label=EntityType.AGENCY)
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.ent_type_ == "ORG" and before.pos_ == "PROPN" \
            and not before.is_sent_start:
        return None  # "the BBC World Service": the part after another name is no body
    for token in doc[start:end]:  # "... Department on Monday": a date ends the name
        if token.ent_type_ in {"DATE", "TIME"}:
            end = token.i
            while end > start and doc[end - 1].lower_ in {"of", "for", "on", "and", "&", ","}:
                end -= 1
            break
    span = trim(Span(doc, start, end, label=EntityType.AGENCY))
    if span is None or len(span) < 2 or names_government_debt(span):
        return None  # (a government that only qualifies its bonds names no body)
    if span.end < len(doc) and doc[span.end].is_title \
            and is_title(doc[span.end - 1 : span.end + 1].text):
        return None  # "Agriculture Cabinet Secretary X": the head word opens a title
    return Span(doc, span.start, span.end, label=org_kind(span))
