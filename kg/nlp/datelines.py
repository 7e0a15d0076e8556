"""The places of datelines ("NEW YORK 1996-08-30", "WASHINGTON (Reuters) -"), read before
the model's entities by kg.nlp.entities."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from spacy.attrs import IDX
from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp.doc_index import text_of
from kg.nlp.gazetteer import country_of

_LETTERS = re.compile(r"[^\W\d_]{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NEWLINE = re.compile("\n")


def dateline_places(doc: Doc) -> list[Span]:
    """The places of datelines: "NEW YORK 1996-08-30", "ARLINGTON, Texas 1996-08-31",
    "WASHINGTON (Reuters) -": a line that opens with a place in capitals (and its region)
    before a date or a news agency in parentheses. Headlines in capitals are no datelines:
    the place names must be followed by the date or agency directly.
    """
    spans: list[Span] = []
    for token in _line_openers(doc):
        segments: list[tuple[int, int]] = []
        i, start = token.i, token.i
        while i < len(doc) and _dateline_word(doc[i], first=not segments) and i - start < 4:
            i += 1
            if i < len(doc) and doc[i].text == "," and i > start:
                segments.append((start, i))
                start = i + 1
                i += 1
        if i == start or i >= len(doc) or not _dateline_end(doc, i):
            continue
        segments.append((start, i))
        if len(segments) > 2:
            continue
        for a, b in segments:
            text = doc[a:b].text
            label = EntityType.COUNTRY if country_of(text) is not None else EntityType.PLACE
            spans.append(Span(doc, a, b, label=label))
    return spans


def _line_openers(doc: Doc) -> Iterator[Token]:
    """The tokens that open a line: the first, and each after a newline.

    Found from the text's newlines and the tokens' offsets, making a Token of those only: a
    newline stands in a space token ("\n", " \n"), so the token after it is the first whose
    offset is past it.
    """
    if not len(doc):
        return
    yield doc[0]
    text = text_of(doc)
    if "\n" not in text:
        return
    starts = doc.to_array(IDX).tolist()
    last = 0
    for newline in _NEWLINE.finditer(text):
        after = bisect_right(starts, newline.start())
        if last < after < len(starts):
            last = after
            yield doc[after]


def _dateline_word(token: Token, *, first: bool) -> bool:
    # the city in capitals ("ST LOUIS"); its region as written ("Texas", "N.H.", "Mich.")
    if not _LETTERS.search(token.text) and token.text != ".":
        return False
    if first:
        return token.text.isupper() and (token.is_alpha or token.text.rstrip(".").replace(".", "").isalpha())
    return token.text[:1].isupper() and token.text.replace(".", "").isalpha()


def _dateline_end(doc: Doc, i: int) -> bool:
    token = doc[i]
    if _ISO_DATE.match(token.text) or (token.ent_type_ == "DATE" and token.ent_iob_ == "B"):
        return True
    if _ISO_DATE.match(doc[i : i + 5].text):  # the tokenizer splits "1996-08-30" at hyphens
        return True
    return token.text == "(" and i + 2 < len(doc) and doc[i + 2].text == ")" \
        and doc[i + 1].text[:1].isupper()


__all__ = ["dateline_places"]
