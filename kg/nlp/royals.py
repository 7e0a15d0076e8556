"""Royals named with their style: "King Fahd", "Queen Elizabeth II", "Princess Diana".

News writes a royal's style with the name, and the model reads such names unevenly: "Fahd"
alone, "King Fahd" as a place, "Prince Charles" not at all. A capitalised style from
``royal_styles.tsv`` followed by one to three capitalised proper nouns names a royal: the
mention is the name after the style (as CoNLL marks names, titles left out), and the styled
form is one of the entity's names (``styled_name``), the one readers go by. A monarch's
style makes an Official (the head of a state, a former one too); the others a Person, whom
a title of their own ("Prince Sultan, the defence minister") may still make an Official.

>>> reigns("king"), reigns("princess"), reigns("minister")
(True, False, None)
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.doc_index import lower_positions
from kg.nlp.gazetteer import country_of, country_of_demonym

# Words inside an Arabic or European name ("Sultan Qaboos bin Said", "Prince Bernhard von ...").
_PARTICLES = frozenset({"bin", "ibn", "al", "el", "von", "van", "de"})
_REGNAL_NUMBER = re.compile(r"^(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3})$")
_ARTICLES = frozenset({"the", "a", "an"})
# Last words of places named after royals ("Prince Edward Island", "King George Sound",
# "Queen Charlotte Islands") that the place and site lexicons leave to the model.
_PLACE_WORDS = frozenset({"island", "isle", "sound", "bay", "strait", "river", "lake", "land", "street", "bridge"})


@lru_cache(maxsize=1)
def _styles() -> dict[str, bool]:
    return {lexicon.norm(row["style"]): row["reigns"] == "yes" for row in lexicon.read_rows("royal_styles.tsv")}


def reigns(style: str) -> bool | None:
    """True for a monarch's style, False for another royal's, None for no royal style."""
    return _styles().get(lexicon.norm(style))


@lru_cache(maxsize=1)
def _style_openers() -> frozenset[int]:
    """The hashes of the styles' first words, lower case ("king", "crown" of "crown prince")."""
    return frozenset(get_string_id(style.split()[0]) for style in _styles())


def royal_names(doc: Doc) -> list[Span]:
    """The name of every royal written with a capitalised style, typed Official or Person."""
    spans: list[Span] = []
    # only the words that may open a style, found from their hashes: a Token and a Span
    # are made of those, not of every word of the Doc
    for i in lower_positions(doc, _style_openers()):
        if spans and i < spans[-1].end:
            continue  # inside the name just read
        span = _royal_at(doc, i)
        if span is not None:
            spans.append(span)
    return spans  # the names, without their styles


def _royal_at(doc: Doc, start: int) -> Span | None:
    style_end = _style_end(doc, start)
    if style_end is None or (start > 0 and doc[start - 1].lower_ in _ARTICLES):
        return None  # "the Queen Mary": a ship or a building named after a royal
    end = style_end
    while end < len(doc) and end - style_end < 4 and _name_word(doc[end], first=end == style_end):
        end += 1
    while end > style_end and doc[end - 1].lower_ in _PARTICLES:
        end -= 1
    if end == style_end:
        return None  # "the King said", "Mervyn King said": no name after the style
    if end < len(doc) and _regnal(doc[end]):
        end += 1
    name = doc[style_end:end]
    if end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        return None  # "King Fahd International Airport": a longer name that only opens so
    if not _personal(name) or _inside_longer_entity(doc, start, end) or _names_a_site(doc, end):
        return None
    kind = EntityType.OFFICIAL if reigns(doc[start:style_end].text) else EntityType.PERSON
    return Span(doc, style_end, end, label=kind)


def style_before(span: Span) -> Span | None:
    """The capitalised royal style written right before a name ("King" of "King Fahd")."""
    doc = span.doc
    for size in (2, 1):
        start = span.start - size
        if start >= 0 and _style_end(doc, start) == span.start and not (start > 0 and doc[start - 1].lower_ in _ARTICLES):
            return doc[start : span.start]
    return None


def styled_name(span: Span) -> str | None:
    """ "King Fahd" for the name "Fahd" written after its style, else None."""
    style = style_before(span)
    return None if style is None else f"{style.text} {span.text}"


def _style_end(doc: Doc, start: int) -> int | None:
    """The end of the capitalised style that opens at ``start``, the longest one first."""
    for size in (2, 1):
        words = doc[start : start + size]
        if len(words) == size and all(t.is_title and t.is_alpha for t in words) and reigns(words.text) is not None:
            return start + size
    return None


def _name_word(token: Token, *, first: bool) -> bool:
    if token.lower_ in _PARTICLES and not first:
        return True
    return token.is_title and token.is_alpha and token.pos_ == "PROPN" and reigns(token.text) is None


def _regnal(token: Token) -> bool:
    return bool(_REGNAL_NUMBER.match(token.text))


def _personal(name: Span) -> bool:
    """No word of a place's, a body's or a site's name ("Prince Edward Island", "King
    Abdulaziz University"), and no country ("Queen Elizabeth of Britain" stops before it)."""
    words = {t.lower_ for t in name}
    others = (_PLACE_WORDS | lexicon.region_words() | lexicon.agency_heads() | lexicon.organization_cues()
              | lexicon.facility_heads() | lexicon.industry_words())
    return not words & others and not any(country_of(t.text) is not None for t in name)


def _inside_longer_entity(doc: Doc, start: int, end: int) -> bool:
    """The model's entity runs past the name ("Prince Rupert Sound"): its reading stands; so
    does a person's name the style ends a part of ("Martin Luther King Jnr", "Stephen King
    Smith"): there the style is a surname."""
    return any(e.start < end < e.end for e in doc.ents if e.label_ in {"GPE", "LOC", "FAC", "ORG"}) \
        or any(e.start < start < e.end and _first_name(doc[start - 1]) for e in doc.ents if e.label_ == "PERSON")


def _first_name(token: Token) -> bool:
    """ "Luther" before "King" in "Martin Luther King": a name, not the royal's country
    ("Belgian King Baudouin", which the model also reads as one person)."""
    return token.pos_ == "PROPN" and country_of(token.text) is None and country_of_demonym(token.text) is None


def _names_a_site(doc: Doc, end: int) -> bool:
    """ "King Cross station", "Queen Mary hospital": a lower-case site or body word after the
    name makes the words a place's name, written after a royal."""
    return end < len(doc) and doc[end].is_lower and doc[end].lower_ in (
        _PLACE_WORDS | lexicon.facility_heads() | lexicon.organization_cues() | lexicon.agency_heads())
