"""Company names the model cuts short or runs on, mended from their legal forms.

Trade stories name firms by their legal form and, often, their seat: "Garnac Grain Co Inc of
New Jersey", "Cigra Inc of Chicago", "John Morrell and Co". The model ends the first name
after "Co" and leaves the seat out, runs the second into its seat, and reads the third as a
person and a company called "Co". A legal form closes a company's name: a second legal form
right after it still belongs to the name, "of" and a known place after it give the seat, and
"and Co" after a person's name makes the person's name a partnership firm's. The model also
cuts the opening words off a long name ("Honda American Manufacturing Co", "Australian Meat
and Livestock Corp"): the proper nouns right before a name that ends in a legal form are the
name's. And a conjunction of another language joins two halves of one foreign name ("Yapi ve
Kredi Bankasi"), which the model reads as two.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from kg.model import EntityType
from kg.nlp import gazetteer, lexicon
from kg.nlp.gazetteer import country_of

# "John Morrell and Co", "Smith & Sons": the words after "and" that make a firm of names.
_PARTNERSHIP_ENDINGS = frozenset({"co", "co.", "company", "sons", "brothers", "bros", "bros."})
_ORGANIZATIONS = frozenset({EntityType.ORGANIZATION.value, EntityType.AGENCY.value})


# "and" between the words of one firm's name ("Meat and Livestock Corp").
_NAME_AND = frozenset({"and", "&"})
# "and" in the languages whose firms' names wire stories write untranslated (Turkish "ve",
# Spanish "y", French "et", German "und"): in an English text, the word joins one foreign name.
_FOREIGN_AND = frozenset({"ve", "y", "et", "und"})
# Model labels of words that may open a firm's name before its legal form: the firm's other
# words and a demonym ("Australian Meat and Livestock Corp"), never a place, date or person.
_OPENING_LABELS = frozenset({"", "ORG", "NORP"})


def mended_company_names(spans: list[Span]) -> list[Span]:
    """``spans`` (kg-typed entities) with company names mended and their seats added.
    A mended name may now cover another span ("Co" of "John Morrell and Co"): the selection
    of spans, where the longer wins, drops that one."""
    mended: list[Span] = []
    for span in _foreign_names_joined(spans):
        if span.label_ == EntityType.PERSON.value:
            mended.append(_partnership(span))
        elif span.label_ in _ORGANIZATIONS:
            mended.extend(_with_seat(_through_legal_forms(_with_opening_words(span))))
        else:
            mended.append(span)
    return mended


def legal_form(word: str) -> bool:
    """ "Inc", "Co", "Ltd.", "Corp": a company's legal form."""
    key = word.lower().rstrip(".")
    return key in lexicon.legal_forms() or key in {"corporation", "incorporated", "limited"}


def _through_legal_forms(span: Span) -> Span:
    """ "Garnac Grain Co Inc": a legal form right after a name is the name's."""
    doc, end = span.doc, span.end
    # a known firm's name the wire writes with its legal form ("Acme Grain" of "Acme Grain Ltd
    # of Boston"): the form is the name's too
    if end < len(doc) and legal_form(doc[end].text) and doc[end].is_title and doc[end].ent_iob_ != "B" \
            and not legal_form(doc[end - 1].text) and doc[end - 1].is_title:
        end += 1
    while legal_form(doc[end - 1].text) and end < len(doc) and legal_form(doc[end].text) and doc[end].is_title:
        end += 1
    return span if end == span.end else Span(doc, span.start, end, label=span.label_)


def _with_opening_words(span: Span) -> Span:
    """ "Honda American Manufacturing Co", "the Australian Meat and Livestock Corp": proper
    nouns right before a name ending in a legal form open it; "and" joins two of its words
    only between words no other name holds ("Japan and Toyota Motor Corp" are two names)."""
    doc = span.doc
    if not legal_form(doc[span.end - 1].text):
        return span
    start = span.start
    while start > 0:
        if _opening_word(doc[start - 1]):
            start -= 1
        elif start > 1 and doc[start - 1].lower_ in _NAME_AND and _opening_word(doc[start - 2]) \
                and doc[start - 2].ent_type_ == "":
            start -= 2
        else:
            break
    return span if start == span.start else Span(doc, start, span.end, label=span.label_)


def _opening_word(token) -> bool:
    # a demonym the tagger reads as an adjective too ("Australian"); a word opening the
    # sentence only where the model reads it as part of a name ("Lead Underwriter Bear
    # Stearns & Co Inc" is a table's row label before the firm)
    return (token.pos_ == "PROPN" or token.ent_type_ == "NORP") and token.is_title and token.is_alpha \
        and token.ent_type_ in _OPENING_LABELS and not (token.is_sent_start and token.ent_type_ == "") \
        and not lexicon.is_title(token.text) and token.lower_ not in lexicon.company_nouns() \
        and "\n" not in token.whitespace_


def _foreign_names_joined(spans: list[Span]) -> list[Span]:
    """ "Yapi ve Kredi Bankasi": two names joined by a foreign "and" are one firm's name when
    the model reads either as a firm, or the story named that firm before; the model reads
    them as two. Two persons' names stay a person's ("Ortega y Gasset")."""
    names = frozenset({EntityType.PERSON.value, *_ORGANIZATIONS})
    joined: list[Span] = []
    firms: list[str] = []
    for span in sorted(spans, key=lambda s: s.start):
        previous = joined[-1] if joined else None
        if previous is not None and previous.label_ in names and span.label_ in names \
                and span.start == previous.end + 1 and span.doc[previous.end].lower_ in _FOREIGN_AND:
            whole = Span(span.doc, previous.start, span.end, label=EntityType.ORGANIZATION.value)
            if _ORGANIZATIONS & {previous.label_, span.label_} or any(f.startswith(whole.text) for f in firms):
                joined[-1] = whole
                firms.append(whole.text)
                continue
        joined.append(span)
    return joined


# Plural nouns that close a firm's name as a legal form does ("San-Yan Industries of Taiwan").
_FIRM_ENDINGS = frozenset({"industries", "enterprises", "holdings"})


def _closes_firm_name(word: str) -> bool:
    return legal_form(word) or word.lower() in _FIRM_ENDINGS


def _with_seat(span: Span) -> list[Span]:
    """ "Cigra Inc of Chicago": the company ends with its legal form, its seat is a place; a
    seat the model left out ("Peavey Co of Minneapolis") is added."""
    doc = span.doc
    for token in span[1:-1]:
        if token.lower_ == "of" and _closes_firm_name(doc[token.i - 1].text):
            seat = _seat(doc, token.i + 1, span.end)
            if seat is not None:
                return [Span(doc, span.start, token.i, label=span.label_), seat]
    end = span.end
    if _closes_firm_name(doc[end - 1].text) and end + 1 < len(doc) and doc[end].lower_ == "of" \
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
    if end + 1 < len(doc) and doc[end].lower_ in _NAME_AND and doc[end + 1].lower_ in _PARTNERSHIP_ENDINGS \
            and doc[end + 1].is_title:
        return Span(doc, span.start, end + 2, label=EntityType.ORGANIZATION)
    return span


def without_closing_stop(name: str) -> str | None:
    """ "Prudential-Bache Securities Inc.": a legal form's full stop, which at a sentence's
    end is also the sentence's, is no part of the name news wires write ("... Inc said");
    the name without it, or None when the name does not end so."""
    words = name.split()
    if len(words) < 2 or not words[-1].endswith(".") or words[-1].count(".") != 1:
        return None
    if words[-1][:-1].lower() not in lexicon.legal_forms():
        return None
    return name[:-1]
