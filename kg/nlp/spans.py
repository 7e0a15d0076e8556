"""What kind of name a span is, and its clean edges: shared by the entity patterns and the
rules that retype the model's entities (``kg.nlp.retype``).

>>> import spacy
>>> from spacy.tokens import Span
>>> organization_type(Span(spacy.blank("en")("Ministry of Health"), 0, 3, label="ORG"))
<EntityType.AGENCY: 'Agency'>
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.cues import described_as_company

# Curly quotes of UTF-8 text read as Mac Roman ("\u201a\u00c4\u00fa" for a left double quote): scraped
# news carries them; the tokenizer splits them off words (kg.nlp.pipeline).
# (and dashes: "\u201a\u00c4\u00ee" for an em dash, "\u201a\u00c4\u00ec" for an en dash).
GARBLED_QUOTES = ("\u201a\u00c4\u00fa", "\u201a\u00c4\u00f9", "\u201a\u00c4\u00f4", "\u201a\u00c4\u00f2",
                  "\u201a\u00c4\u00ee", "\u201a\u00c4\u00ec")
# Wire copy typed on keyboards without an apostrophe writes "Indonesia"s" (kg.nlp.pipeline
# splits the "s" off and reads it as "'s").
QUOTED_POSSESSIVES = ('"s', '"S')
POSSESSIVE = frozenset({"'s", "\u2019s", "'", "\u2019", "\u201a\u00c4\u00f4s", *QUOTED_POSSESSIVES})
_LEADING_DROP = frozenset({"the", "a", "an"})
_NAME_PARTICLES = frozenset({"de", "da", "di", "du", "van", "von", "der", "la", "le", "al", "el", "bin", "ibn"})
# Angle brackets mark a company's name in newswire ("<Acme Corp>"): never part of it.
_BRACKETS = frozenset({"<", ">"})


def organization_type(span: Span) -> EntityType:
    """Agency for government bodies, Organization for any other organization."""
    known = lexicon.known_organization(span.text)
    if known is not None:
        return EntityType(known.type)
    words = [t.lower_ for t in span]
    first = lexicon.known_organization(span[0].text) if len(span) > 1 else None
    if first is not None and first.type == EntityType.ORGANIZATION:
        return EntityType.ORGANIZATION  # "BBC World Service": a unit of a known non-government body
    cues = lexicon.organization_cues()
    heads = lexicon.agency_heads()
    text = " " + " ".join(words) + " "
    if text.endswith(_TRADERS_BOARD):
        return EntityType.ORGANIZATION  # "Chicago Board of Trade", Thailand's "Board of Trade"
    if any(f" {p} " in text for p in lexicon.agency_phrases()) \
            and (name_head(span) in heads | cues or words[0] != "federal"):
        return EntityType.AGENCY  # "Central Bank of Chile", "Federal Network Agency"
    # "Xinhua News Agency", "Bank of China": a company or media word makes it no agency.
    if any(w in cues and w not in heads for w in words):
        return EntityType.ORGANIZATION
    head = name_head(span)
    if head in _MEMBERS_BODIES and any(w in lexicon.member_words() and (i == 0 or words[i - 1] not in {"and", "&"})
                                       for i, w in enumerate(words)):
        # "Mining Industry Council": a council of an industry's firms; not "the Trade and
        # Industry Committee", a legislature's committee named after two portfolios
        return EntityType.ORGANIZATION
    if head in heads:
        return EntityType.AGENCY
    # "Cabinet Room of the White House": the body named after "of" is not what the name is
    if head == words[-1] and " ".join(words[-2:]) in heads:
        return EntityType.AGENCY
    return EntityType.ORGANIZATION


# A board of trade is a commodity exchange or a chamber of traders (Chicago's, Kansas City's,
# Thailand's), a body of its members, not of a government, whatever "board" says elsewhere.
_TRADERS_BOARD = " board of trade "

# Heads of bodies that may be a government's or a trade's; the trade they name decides.
_MEMBERS_BODIES = frozenset({"council", "committee"})


def org_kind(span: Span) -> EntityType:
    """``organization_type``, unless the text describes a body it calls an Agency as a company,
    or a body it calls a company as part of the government."""
    kind = organization_type(span)
    if kind is EntityType.AGENCY and not lexicon.known_organization(span.text) \
            and described_as_company(span):
        return EntityType.ORGANIZATION  # "the Kenya Tea Development Agency (KTDA), a farmer-owned company"
    if kind is EntityType.ORGANIZATION and not lexicon.known_organization(span.text) \
            and described_as_public(span):
        return EntityType.AGENCY  # "the semi-government Livestock Industry Promotion Corp"
    return kind


# Words before a name that make the body part of the state, whatever its name's head says;
# "state-owned" does not (a state-owned company is still a company).
_PUBLIC_DESCRIPTIONS = frozenset({"semi-government", "semi-governmental", "quasi-government",
                                  "quasi-governmental", "statutory"})


def described_as_public(span: Span) -> bool:
    """ "the semi-government X Corp", "the statutory X Board": a body described, right before
    its name, as a public one."""
    doc, start = span.doc, span.start
    while start > 0 and span.start - start < 4 and (doc[start - 1].is_lower or doc[start - 1].text == "-"):
        start -= 1
    return any(w in _PUBLIC_DESCRIPTIONS for w in doc[start : span.start].text.split())


def name_head(span: Span) -> str:
    """The word an organization name is about: before "of"/"for"/"on" if there is one."""
    for token in span:
        if token.lower_ in {"of", "for", "on"} and token.i > span.start:
            return token.nbor(-1).lower_
    return span[-1].lower_


def is_organization_token(token: Token) -> bool:
    """An owner of a unit ("MOFCOM's trade department"): an ORG, an acronym, a body noun."""
    if token.ent_type_ in {"ORG"}:
        return True
    if token.is_upper and len(token.text) >= 2 and token.is_alpha:
        return True
    return token.lower_ in lexicon.agency_heads() and token.pos_ in {"NOUN", "PROPN"}


def is_punct(token: Token) -> bool:
    return token.is_punct or token.text in GARBLED_QUOTES


_FIGURE = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+\.\d+$")


def _figure(token: Token) -> bool:
    """ "Angola 4,800", "Chile 3,400": a list's figure the model ran into the name before it
    (a name may end in a number, "Apollo 11", but not in a figure written with a comma or
    decimals)."""
    return bool(_FIGURE.match(token.text))


# Prefixes that make a modifier of the word after their hyphen ("non-OPEC", "pro-Western").
_STANCE_PREFIXES = frozenset({"non", "pro", "anti", "ex"})


def trim(span: Span) -> Span | None:
    """``span`` without articles, punctuation and possessives at its edges, or None if
    nothing is left; a name the model ran into a parenthesis ends before it."""
    start, end = span.start, span.end
    doc = span.doc
    for token in span:  # "World Health Organization (WHO": the model ran into a definition
        if token.text == "(" and token.i > start and ")" not in span[token.i - start :].text:
            end = token.i
            break
    # each edge word read as one Token for all its tests (``doc[i]`` makes a new one each time)
    while start < end and ((word := doc[start]).lower_ in _LEADING_DROP or is_punct(word)
                           or word.is_space or word.text in _BRACKETS):
        start += 1
    # "the private Board of Trade", "the semi-official Anatolian Agency": a description the
    # model ran into the name ("de Gaulle" opens with a particle of the name)
    first = start
    while first < end - 1 and ((word := doc[first]).is_lower and word.pos_ in ("ADJ", "ADV", "VERB", "PROPN")
                               and word.lower_ not in _NAME_PARTICLES or word.text == "-"):
        first += 1
    if first > start and doc[first].is_title and doc[first - 1].text != "-":
        start = first
    elif first - 2 >= start and doc[first - 1].text == "-" and doc[first - 2].lower_ in _STANCE_PREFIXES \
            and first + 1 < end and (doc[first + 1].is_title or doc[first + 1].is_upper):
        start = first + 1  # "non-OPEC Mexico", "pro-Western Jordan": the prefixed word describes the name
    for token in doc[start + 1 : end]:
        # "told the Independent the Tories' plans were ...": a lower-case "the" right after a
        # capitalised word opens another name ("Bank of the West" has "of" before it)
        if token.text == "the" and doc[token.i - 1].is_title:
            end = token.i
            break
    while end > start and ((word := doc[end - 1]).lower_ in POSSESSIVE or is_punct(word)
                           or word.is_space or word.text in _BRACKETS
                           or _figure(word) and end - 1 > start):
        end -= 1
    if end - start > 1 and doc[end - 1].is_digit and gazetteer.country_of(doc[start : end - 1].text) is not None:
        end -= 1  # "Malta 500 (700)": a list's figure after a country's name
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)
