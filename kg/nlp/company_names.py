"""Company names the model cuts short or runs on, mended from their legal forms.

Trade stories name firms by their legal form and, often, their seat: "Garnac Grain Co Inc of
New Jersey", "Cigra Inc of Chicago", "John Morrell and Co". The model ends the first name
after "Co" and leaves the seat out, runs the second into its seat, and reads the third as a
person and a company called "Co". A legal form closes a company's name: a second legal form
right after it still belongs to the name, "of" and a known place after it give the seat, and
"and Co" after a person's name makes the person's name a partnership firm's.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.gazetteer import country_of

# "John Morrell and Co", "Smith & Sons": the words after "and" that make a firm of names.
_PARTNERSHIP_ENDINGS = frozenset({"co", "co.", "company", "sons", "brothers", "bros", "bros."})
_ORGANIZATIONS = frozenset({EntityType.ORGANIZATION.value, EntityType.AGENCY.value})


def mended_company_names(spans: list[Span]) -> list[Span]:
    """``spans`` (kg-typed entities) with company names mended and their seats added.
    A mended name may now cover another span ("Co" of "John Morrell and Co"): the selection
    of spans, where the longer wins, drops that one."""
    mended: list[Span] = []
    for span in spans:
        if span.label_ == EntityType.PERSON.value:
            mended.append(_partnership(span))
        elif span.label_ in _ORGANIZATIONS:
            mended.extend(_with_seat(_through_legal_forms(span)))
        else:
            mended.append(span)
    return mended


def legal_form(word: str) -> bool:
    """ "Inc", "Co", "Ltd.", "Corp": a company's legal form."""
    key = word.lower().rstrip(".")
    return key in lexicon.legal_forms() or key in {"corporation", "incorporated", "limited"}


def _through_legal_forms(span: Span) -> Span:
    """ "Garnac Grain Co Inc": a legal form right after a name ending in one is the name's."""
    doc, end = span.doc, span.end
    while legal_form(doc[end - 1].text) and end < len(doc) and legal_form(doc[end].text) and doc[end].is_title:
        end += 1
    return span if end == span.end else Span(doc, span.start, end, label=span.label_)


def _with_seat(span: Span) -> list[Span]:
    """ "Cigra Inc of Chicago": the company ends with its legal form, its seat is a place; a
    seat the model left out ("Peavey Co of Minneapolis") is added."""
    doc = span.doc
    for token in span[1:-1]:
        if token.lower_ == "of" and legal_form(doc[token.i - 1].text):
            seat = _seat(doc, token.i + 1, span.end)
            if seat is not None:
                return [Span(doc, span.start, token.i, label=span.label_), seat]
    end = span.end
    if legal_form(doc[end - 1].text) and end + 1 < len(doc) and doc[end].lower_ == "of" \
            and doc[end + 1].ent_iob_ == "O":
        stop = end + 1
        while stop < len(doc) and stop - end <= 3 and doc[stop].is_title and doc[stop].ent_iob_ == "O":
            stop += 1
        seat = _seat(doc, end + 1, stop)
        if seat is not None:
            return [span, seat]
    return [span]


def _seat(doc: Doc, start: int, end: int) -> Span | None:
    """The place the words ``doc[start:end]`` name, as a Place or Country span, if any."""
    if start >= end:
        return None
    text = doc[start:end].text
    if country_of(text) is not None and not gazetteer.is_demonym_only(text):
        return Span(doc, start, end, label=EntityType.COUNTRY)
    if gazetteer.is_city(text) or gazetteer.is_region(text):
        return Span(doc, start, end, label=EntityType.PLACE)
    return None


def _partnership(span: Span) -> Span:
    """ "John Morrell and Co": a person's name and "and Co" name a firm."""
    doc, end = span.doc, span.end
    if end + 1 < len(doc) and doc[end].lower_ in ("and", "&") and doc[end + 1].lower_ in _PARTNERSHIP_ENDINGS \
            and doc[end + 1].is_title:
        return Span(doc, span.start, end + 2, label=EntityType.ORGANIZATION)
    return span
