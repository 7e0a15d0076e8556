"""Teams of sports results lines: "Pohang 3 Ulsan 2", "Puchon 3 1 0 6 1 10".

A line that pairs two or more names with scores ("Glamorgan 259 and 207, Durham 114"), or
opens with a name followed by a row of figures (a league table), names teams, whatever the
name says otherwise ("BALTIMORE 70 63 .526 4" is the club, not the city). Countries keep
their type (national sides are named by their country) and the model's persons stay
persons (golf and athletics tables list players).
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_DIGIT, IS_SPACE, LENGTH, LIKE_NUM
from spacy.tokens import Doc, Span, Token

from kg.model import EntityType
from kg.nlp.gazetteer import country_of

_SCORE = re.compile(r"^\d{1,3}$")
_FIGURE = re.compile(r"^(?:\d{1,3}|\.\d{3}|\d/\d|-)$")
_OPENERS = frozenset({",", ":", ";", ")"})
_MAX_WORDS = 3
# dates ("Jul 31, Jul 31")
_NOT_TEAM = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def result_teams(doc: Doc) -> list[Span]:
    """Organization spans for the teams of results lines and league tables."""
    # the model's persons, but not its runs across scores ("Pohang 3 Ulsan 2" as one person)
    persons = {i for e in doc.ents if e.label_ == "PERSON" and not any(t.like_num for t in e)
               for i in range(e.start, e.end)}
    spans: list[Span] = []
    # A team is named before its score: a line with no number (most lines of prose) names none.
    # Nor does a line without a word of one to three digits, which a score is (``_SCORE``;
    # such a word is a digit word no longer than three, checked here for all words at once).
    numbers, digits, lengths = doc.to_array([LIKE_NUM, IS_DIGIT, LENGTH]).T
    scores = (digits == 1) & (lengths <= 3)
    for start, end in _lines(doc):
        if numbers[start:end].any() and scores[start:end].any():
            spans.extend(_line_teams(doc, start, end, persons))
    return spans


def _lines(doc: Doc) -> list[tuple[int, int]]:
    # Line breaks are words of their own (a Token's trailing whitespace is one space at most):
    # only the space words are looked at.
    lines, start = [], 0
    spaces = numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if len(doc) else []
    for i in spaces:
        if "\n" in doc[i].text:
            if i > start:
                lines.append((start, i))
            start = i + 1
    if start < len(doc):
        lines.append((start, len(doc)))
    return lines


def _line_teams(doc: Doc, start: int, end: int, persons: set[int]) -> list[Span]:
    names: list[tuple[int, int]] = []
    depth = 0
    i = start
    while i < end:
        token = doc[i]
        if token.text == "(":
            depth += 1
        elif token.text == ")":
            depth = max(0, depth - 1)
        if depth == 0 and _name_word(token) and (i == start or _opens(doc[i - 1])):
            j = i
            while j < end and j - i < _MAX_WORDS and _name_word(doc[j]):
                j += 1
            if j < end and _SCORE.match(doc[j].text) and not _bowling(doc, j):
                names.append((i, j))
                i = j
                continue
        i += 1
    if len(names) == 1:
        first, last = names[0]
        figures = doc[last:end]
        table_row = first == start and len(figures) >= 3 and all(_FIGURE.match(t.text) for t in figures)
        if not table_row:
            return []
    if not names or len(names) == 1 and names[0][0] != start:
        return []
    out = []
    for a, b in names:
        span = doc[a:b]
        if country_of(span.text) is not None or any(t.ent_type_ in _NOT_TEAM for t in span) \
                or any(i in persons for i in range(a, b)):
            continue
        out.append(Span(doc, a, b, label=EntityType.ORGANIZATION))
    return out


def _name_word(token: Token) -> bool:
    # "A." is a player's initial, not a team's word
    text = token.text
    return text[:1].isupper() and text.replace(".", "").replace("-", "").isalpha() \
        and len(text.rstrip(".")) > 1


def _bowling(doc: Doc, i: int) -> bool:
    # "Cork 7-1-38-0": a bowler's overs, maidens, runs and wickets
    return doc[i + 1 : i + 4].text.replace(" ", "").count("-") >= 2


def _opens(token: Token) -> bool:
    # a name starts a line, follows a separator or another side's score
    return token.text in _OPENERS or bool(_SCORE.match(token.text)) or token.like_num
