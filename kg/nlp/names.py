"""Tests on names used by within-article resolution (kg.nlp.resolve): acronyms and the
names they shorten, owned units, bare head words, the words of persons' names."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.datafiles import rule_words
from kg.nlp.gazetteer import Country, ambiguous_countries, country_of, country_of_demonym

_FUNCTION_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})
_ACRONYM = re.compile(r"^(?:[A-Z][A-Za-z]{1,9}|(?:[A-Z]\.){2,6})$")
_POSSESSIVE = frozenset({"'s", "\u2019s"})


def acronym_of(acronym: str, name: str) -> bool:
    """True when the letters of ``acronym`` start the words of ``name`` in order.

    Each content word gives one or more leading letters ("MOFCOM" = MinistryOFCOMmerce);
    function words may give none ("GAC" = General Administration of Customs). The letters of
    a legal form may end the acronym where the name leaves the form out ("PDVSA" =
    Petroleos de Venezuela, S.A.).
    """
    letters = acronym.replace(".", "").upper()
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() != "the"]
    if len(words) < 2:
        return False
    # "EC" of "EC Commission", "UN" of "UN Committee": an acronym the name is written with
    # names the body it qualifies (the Community, the United Nations), not the name's own
    # initials; "NEC" of "NEC Corp" is the company's short name
    if acronym in words and any(w.lower().rstrip(".") not in lexicon.legal_forms() for w in words if w != acronym):
        return False
    if _letters_fit(letters, words):
        return True
    return any(letters.endswith(form.upper()) and len(letters) - len(form) >= 2
               and _letters_fit(letters[: -len(form)], words) for form in lexicon.legal_forms())


def _letters_fit(letters: str, words: list[str]) -> bool:
    def fit(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j].upper()
        if words[j].lower() in _FUNCTION_WORDS and fit(i, j + 1):
            return True
        k = 1
        while k <= len(word) and i + k <= len(letters) and letters[i:i + k] == word[:k]:
            if fit(i + k, j + 1):
                return True
            k += 1
        return False

    return fit(0, 0)


def is_acronym(span: Span) -> bool:
    if len(span) != 1:  # before the text: most names asked are longer, and their text is joined anew
        return False
    text = clean(span.text)
    return bool(_ACRONYM.match(text)) and sum(c.isupper() for c in text) >= 2 \
        and text.upper() == text.replace("'S", "")


_LOCATIVE = frozenset({"in", "at", "near", "from", "to", "into", "outside", "around", "across",
                       "throughout", "inside", "within", "toward", "towards", "via"})


def locative(span: Span) -> bool:
    """True where the text uses the span as a place: "in Texas", "Arlington, Texas"."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        return True
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text == "," and span.start > 1 \
        and doc[span.start - 2].ent_type_ in {"GPE", "LOC", "Place", "Country"}


def is_owned_unit(span: Span) -> bool:
    if span.label_ not in {EntityType.AGENCY, EntityType.ORGANIZATION} or not span.text.islower():
        return False
    before = token_before(span)
    return before is not None and before.i < span.start - 1 and country_of(before.text) is None


def national_prefix(span: Span) -> int:
    """How many words open ``span`` with a country's name or demonym ("Ecuadorean Energy": 1)."""
    k = 0
    while k < len(span) - 1 and (country_of_demonym(span[k].text) or country_of(span[k].text)):
        k += 1
    return k


# Marks that join two countries in one name ("U.S.-USSR", "United States-Iraq Business Forum").
_JOINERS = frozenset({"-", "/", "\u2013"})
# "Bank of Thailand", "Petroleos de Venezuela", "Banco do Brasil": a country closing a name.
_OF_WORDS = frozenset({"of", "de", "do", "del", "da", "for"})


def country_in_name(span: Span) -> tuple[Country, str] | None:
    """The country a body's name carries: opening it ("U.S. Agriculture Department", "the
    Soviet foreign trade ministry", "Brazilian Coffee Institute") or closing it after "of"
    ("Bank of Thailand"). A body abroad is its country's too ("the U.S. Embassy" in Jakarta
    is the United States'). None for a name joining two countries ("U.S.-USSR ...") or a
    country name that is also a person's or a region's. The country comes with its words as
    written."""
    words = [t for t in span if t.lower_ != "the"]
    if len(words) < 2 or any(t.text in _JOINERS for t in words):
        return None
    ambiguous = {n.lower() for n in ambiguous_countries()}
    for width in (3, 2, 1):
        if width >= len(words):
            continue
        head = " ".join(t.text for t in words[:width])
        country = country_of(head)
        if country is not None and head.lower() not in ambiguous:
            return country, head
        tail = words[-width:]
        if words[-width - 1].lower_ in _OF_WORDS:
            name = " ".join(t.text for t in tail)
            country = country_of(name)
            if country is not None and name.lower() not in ambiguous:
                return country, name
    return None


def is_portfolio_of_title(span: Span) -> bool:
    """ "Energy" in "(Ecuadorean) Energy and Mines Minister X": a field of government the
    model tagged an organization, written before a title word, is the post's portfolio, not
    a body (a demonym before it stays the country's)."""
    if span.label_ not in {EntityType.AGENCY, EntityType.ORGANIZATION} \
            or not all(t.lower_ in lexicon.portfolios() or t.lower_ == "and" for t in span[national_prefix(span):]):
        return False
    for token in span.doc[span.end : span.end + 4]:
        if lexicon.is_title(token.text):
            return True
        if token.lower_ not in lexicon.portfolios() and token.lower_ != "and":
            return False
    return False


def after_portfolio(span: Span) -> Span:
    """ "Director of Mines Ahmad Karim": the model runs a title's portfolio into the person
    named after it ("Mines Ahmad Karim"); the person's name starts after the portfolio's
    words when "of" and a title stand before them."""
    if span.label_ != "PERSON" or span.start < 2 or span.doc[span.start - 1].lower_ != "of" \
            or not lexicon.is_title(span.doc[span.start - 2].text):
        return span
    start = span.start
    while start < span.end and (span.doc[start].lower_ in lexicon.portfolios() or span.doc[start].lower_ == "and"):
        start += 1
    if start == span.start or span.end - start < 2:
        return span  # "Secretary of Agriculture": the portfolio alone is no person
    return Span(span.doc, start, span.end, label=span.label_)


def with_lower_head(span: Span) -> Span:
    """ "the National Meat board": a body's head word written in lower case, which the model
    left out of the name, completes it (and makes it a government body's name)."""
    doc = span.doc
    # a name of two words or more not ending on a head of its own ("Finance Ministry customs"
    # is two bodies; "Labour government", "Oslo government" a government's description)
    if span.label_ not in {EntityType.AGENCY, EntityType.ORGANIZATION} or span.end >= len(doc) \
            or len(span) < 2 or not span[-1].is_title or span[-1].lower_ in lexicon.agency_heads():
        return span
    head = doc[span.end]
    if not head.is_lower or head.ent_iob_ != "O" or head.lower_ not in lexicon.agency_heads() \
            or head.tag_ in ("NNS", "NNPS"):
        return span
    return Span(doc, span.start, span.end + 1, label=EntityType.AGENCY)


def token_before(span: Span):
    i = span.start - 1
    doc = span.doc
    if i >= 0 and doc[i].lower_ in _POSSESSIVE:
        i -= 1
    return doc[i] if i >= 0 else None


def is_bare_head(span: Span) -> bool:
    if span.label_ not in {EntityType.AGENCY, EntityType.ORGANIZATION}:  # before reading the text
        return False
    text = clean(span.text)
    return len(text.split()) == 1 and text.istitle() and not is_acronym(span)


# A firm's initials before its name word: "B.F. Goodrich Co", "F.O. Licht", "C. Czarnikow Ltd".
_FIRM_INITIALS = re.compile(r"^(?:[A-Z]\.)+$")


def opening_initials(words: list[str]) -> int:
    """How many words of a body's name are the initials it opens with ("B.F." of "B.F.
    Goodrich Co"; never its last word): the story names the firm again without them."""
    k = 0
    while k < len(words) - 1 and _FIRM_INITIALS.match(words[k]):
        k += 1
    return k


def head_word(name: str) -> str:
    words = name.lower().split()
    for i, word in enumerate(words):
        if word in {"of", "for", "on"} and i > 0:
            return words[i - 1]
    return words[-1] if words else ""


def person_words(text: str) -> list[str]:
    """The words of a person's name without honorifics: "Mr Seller" -> ["Seller"]."""
    words = clean(text).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in lexicon.honorifics():
        words = words[1:]
    return words


def honorific_pronoun(span: Span) -> str | None:
    """ "he" for "Mr Seller" (or "Mr" just before the span), "she" for "Mrs Seller", else None."""
    first = span[0]
    if len(span) == 1 and span.start > 0:
        first = span.doc[span.start - 1]
    elif first.lower_.rstrip(".") not in lexicon.honorifics() and span.start > 0:
        first = span.doc[span.start - 1]
    return lexicon.honorific_pronoun(first.text)


def pronouns_by_surname(spans: list[Span]) -> dict[str, set[str]]:
    """The pronouns the courtesy titles before each surname imply: {"Howard": {"he", "she"}}
    for "Mr Howard" and "Mrs Howard"."""
    out: dict[str, set[str]] = {}
    for span in spans:
        pronoun = honorific_pronoun(span)
        if pronoun:
            out.setdefault(person_words(span.text)[-1], set()).add(pronoun)
    return out


def organization_words(text: str) -> bool:
    words = set(text.lower().split())
    return bool(words & (lexicon.agency_heads() | lexicon.organization_cues() | lexicon.agency_units()))


_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(the|The)\s+")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")


@lru_cache(maxsize=1 << 14)  # names recur within and across articles
def clean(text: str) -> str:
    text = _SPACES.sub(" ", text).strip()
    text = _LEADING_THE.sub("", text)
    return _POSSESSIVE_END.sub("", text).strip()


def singular_tail(span: Span) -> str:
    # "Kenyan tea" is the tea a story about Kenya's exports names: the origin is no kind
    start = 0
    while start < len(span) - 1 and (country_of_demonym(span[start].text) or country_of(span[start].text)):
        start += 1
    words = [t.lower_ for t in span[start:-1]] + [span[-1].lemma_.lower()]
    return " ".join(words)


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")


def whole_person_name(span: Span) -> Span:
    """The model's person span widened to the name's written parts it left out: initials
    before it ("R.N. Mirdha") and a last surname its words hang on ("Fernando Santos
    Alvite", double surnames the model cuts after the first); a party label it took in
    ("Tory Dominic Grieve") left out."""
    if span.label_ != "PERSON":
        return span
    doc = span.doc
    start, end = span.start, span.end
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.ent_iob_ == "O" and _INITIALS.match(before.text) and before.whitespace_:
        start -= 1
    after = doc[end] if end < len(doc) else None
    if after is not None and after.ent_iob_ == "O" and after.pos_ == "PROPN" and after.is_title \
            and after.is_alpha and doc[end - 1].whitespace_ == " " and span.root.head.i == after.i \
            and span.root.dep_ == "compound" and not lexicon.is_title(after.text) \
            and not organization_words(after.text) and country_of(after.text) is None:
        end += 1
    if end - start > 2 and doc[start].is_title and doc[start].lower_ in rule_words("posts", "party_words"):
        start += 1  # "Tory Dominic Grieve": the party label is no part of the name
    return span if (start, end) == (span.start, span.end) else Span(doc, start, end, label=span.label_)
