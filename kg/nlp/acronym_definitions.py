"""Acronyms a story defines by common words: "high density polyethylene (HDPE)", "soft red winter
(SRW) wheat", "CTC (crushed, torn and curled) tea". Spelt out in lower case, the letters name a
kind of goods or a grade, never a body, whatever the model took them for: goods where the words
spelt out end in a goods word, else no entity. A body's acronym is spelt out in capitals
("Export Credit Guarantee Department (ECGD)") and is left to the other rules."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.lexicon import norm

_FUNCTION_WORDS = frozenset({"and", "of", "the", "for", "or", "&", ",", "-"})
_MAX_LETTERS = 6


def common_definition(span: Span) -> Span | None:
    """The lower-case words ``doc`` spells the acronym ``span`` out with, beside it in
    parentheses, or None."""
    if len(span) != 1 or not span.text.isalpha() or not span.text.isupper() \
            or not 2 <= len(span.text) <= _MAX_LETTERS:
        return None
    for token in span.doc:
        if token.text != span.text:
            continue
        defined = _before(token) or _after(token)
        if defined is not None:
            return defined
    return None


def common_acronyms(spans: list[Span]) -> list[Span]:
    """The chosen entity spans with each acronym spelt out in lower-case words read as goods
    where one of its mentions is goods ("frozen concentrated orange juice (FCOJ)": the span in
    parentheses the goods before it name, ``goods.product_acronyms``), else as no entity
    ("soft red winter (SRW) wheat", "common agricultural policy (CAP)": a grade, a policy)."""
    goods = {s.text for s in spans if s.label_ == EntityType.PRODUCT and len(s) == 1}
    out = []
    for span in spans:
        if span.label_ in _NAMED_TYPES and common_definition(span) is not None:
            if span.text not in goods:
                continue
            span = Span(span.doc, span.start, span.end, label=EntityType.PRODUCT)
        out.append(span)
    return out


# kg types of names an acronym spelt out in common words is not.
_NAMED_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.AGENCY, EntityType.PERSON, EntityType.OFFICIAL,
                          EntityType.PLACE, EntityType.COUNTRY, EntityType.OTHER, EntityType.EVENT})


def names_goods(words: Span) -> bool:
    """Whether words spelling an acronym out end in goods ("high density polyethylene")."""
    last = words[-1]
    return norm(words.text) in lexicon.product_terms() or last.lemma_.lower() in lexicon.commodity_heads() \
        or last.lemma_.lower() in lexicon.product_heads()


def _before(token: Token) -> Span | None:
    # "high density polyethylene (HDPE)"
    doc, i = token.doc, token.i
    if i < 2 or i + 1 >= len(doc) or doc[i - 1].text != "(" or doc[i + 1].text != ")":
        return None
    return _spelt(doc, token.text, i - 1, backwards=True)


def _after(token: Token) -> Span | None:
    # "CTC (crushed, torn and curled) tea"
    doc, i = token.doc, token.i
    if i + 2 >= len(doc) or doc[i + 1].text != "(":
        return None
    return _spelt(doc, token.text, i + 2, backwards=False)


def _spelt(doc: Doc, acronym: str, edge: int, *, backwards: bool) -> Span | None:
    """The lower-case words from ``edge`` (exclusive going back, inclusive going on) that spell
    ``acronym``: each word gives its first letter and maybe more of its letters in order
    ("polyethylene" gives the "PE" of HDPE); function words and commas spell nothing."""
    step = -1 if backwards else 1
    i = edge - 1 if backwards else edge
    words: list[Token] = []
    while 0 <= i < len(doc) and doc[i].text not in ("(", ")") and len(words) < len(acronym):
        token = doc[i]
        if not (token.lower_ in _FUNCTION_WORDS and words):
            if not token.is_lower or not token.is_alpha:
                break
            words.append(token)
        i += step
    if backwards:
        words.reverse()
    elif i >= len(doc) or doc[i].text != ")":
        return None  # the parentheses hold the words spelt out and nothing more
    # going back, the words spelt out are the last ones before the parentheses
    for first in range(len(words)):
        if _spells(acronym.lower(), [w.lower_ for w in words[first:]]):
            chosen = words[first:]
            return doc[chosen[0].i : chosen[-1].i + 1]
        if not backwards:
            break
    return None


def _spells(letters: str, words: list[str]) -> bool:
    if not words:
        return not letters
    if not letters or words[0][0] != letters[0]:
        return False
    word = words[0]
    # the word gives letters[0:k]: its first letter, then the others in order within it
    at, k = 0, 1
    while True:
        if _spells(letters[k:], words[1:]):
            return True
        if k >= len(letters):
            return False
        at = word.find(letters[k], at + 1)
        if at < 0:
            return False
        k += 1
