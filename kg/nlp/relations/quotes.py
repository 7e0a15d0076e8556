"""Quotations for ``said``: the statement units of a Doc, the quote marks in them, the
units a quotation runs over, and a statement's text without its attribution."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from weakref import WeakKeyDictionary

from numpy import flatnonzero
from spacy.attrs import IS_SPACE
from spacy.tokens import Doc, Span, Token

from kg.nlp.datafiles import rule_data
from kg.nlp.doc_index import positions_of

_MAX_QUOTE_SENTENCES = 6
_STRIP = " \t\n,;:\u201c\u201d\"'\u2018\u2019"


class Units:
    """Statement units: the Doc's sentences, cut again at line breaks (paragraphs never
    share a statement, whatever the sentence splitter did)."""

    def __init__(self, doc: Doc) -> None:
        units: list[Span] = []
        # The line breaks, found among the space tokens (their flags read at once), not by
        # a Token made for every word.
        breaks = [i for i in flatnonzero(doc.to_array(IS_SPACE)).tolist() if "\n" in doc[i].text]
        k = 0
        for sent in doc.sents:
            start = sent.start
            while k < len(breaks) and breaks[k] < sent.end:
                if breaks[k] > start:
                    units.append(doc[start : breaks[k]])
                start = breaks[k] + 1
                k += 1
            if start < sent.end:
                units.append(doc[start : sent.end])
        self.units = [u for u in units if any(not t.is_space for t in u)]
        self.starts = [u.start for u in self.units]
        self.attributed: set[int] = set()

    def index(self, token: Token) -> int:
        return max(bisect_right(self.starts, token.i) - 1, 0)

    def of(self, token: Token) -> Span:
        return self.units[self.index(token)]

    def same_paragraph(self, a: int, b: int) -> bool:
        first, second = self.units[min(a, b)], self.units[max(a, b)]
        return "\n" not in first.doc[first.end : second.start].text


def detached_quotation(units: Units, verb: Token) -> list[Span]:
    """ '"How can you be happy?" Dechy said.': the splitter cut the quotation off its
    attribution, which stands alone; the quotation is the unit(s) just before it."""
    k = units.index(verb)
    unit = units.units[k]
    clause = {s.i for s in verb.subtree}
    if any(not t.is_punct and not t.is_space and t.i not in clause for t in unit):
        return []
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children) or k == 0:
        return []
    last = units.units[k - 1]
    opens, closes = _marks(last)
    if k - 1 in units.attributed or not units.same_paragraph(k - 1, k):
        return []
    if not closes or closes[-1] != _last_word(last).i:
        return []  # the unit before does not end a quotation
    found = [last]
    if opens and opens[0] < closes[-1]:
        return found
    for j in range(k - 2, max(k - 2 - _MAX_QUOTE_SENTENCES, -1), -1):
        unit = units.units[j]
        if j in units.attributed or not units.same_paragraph(j, k):
            return []
        found.append(unit)
        if _opens_unclosed(unit):
            return found
        if _marks(unit)[1]:
            return []  # another quotation closes here: the opening was lost
    return []


def _last_word(span: Span) -> Token:
    return next((t for t in reversed(span) if not t.is_space), span[-1])


def clean(span: Span) -> str:
    """A statement's text: the span without quote marks, punctuation and "that" at its edges."""
    tokens = [t for t in span if not t.is_space]
    # "as X points out it is ...": the verb's particle; "he was resigning and the Queen ...":
    # a conjunction left by a statement cut before the next clause
    # (a statement opening with the "that" the parser read as a relative pronoun: "told a
    # news conference that ...", kg.nlp.relations.hung_statements)
    while tokens and ((tokens[0].lower_ == "that" and (tokens[0].dep_ == "mark" or tokens[0].head.dep_ == "relcl"))
                      or tokens[0].is_punct
                      or tokens[0].dep_ == "prt" and tokens[0].head.i < tokens[0].i):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in ("?", "!", "%") or tokens[-1].dep_ == "cc"):
        tokens = tokens[:-1]
    if not tokens:
        return ""
    text = span.doc[tokens[0].i : tokens[-1].i + 1].text
    return text.strip(_STRIP)


def without(sent: Span, clause: set[int]) -> str:
    """The longest stretch of the sentence outside the attribution clause (token indices)."""
    runs: list[list[Token]] = [[]]
    for token in sent:
        if token.i in clause:
            runs.append([])
        else:
            runs[-1].append(token)
    best = max(runs, key=lambda run: sum(1 for t in run if not t.is_punct))
    if not best:
        return ""
    return clean(sent.doc[best[0].i : best[-1].i + 1])


def _marks(span: Span) -> tuple[list[int], list[int]]:
    data = rule_data("speech")
    doc, opens, closes = span.doc, [], []
    marks = _mark_positions(doc)
    for i in marks[bisect_left(marks, span.start) : bisect_left(marks, span.end)]:
        text = doc[i].text
        if text == '"':
            # A straight quote closes when it is glued to the word before it ('ready,"'), else opens.
            glued = i > 0 and not doc[i - 1].whitespace_ and not doc[i - 1].is_space
            (closes if glued else opens).append(i)
            continue
        if text in data["open_quotes"]:
            opens.append(i)
        if text in data["close_quotes"]:
            closes.append(i)
    return opens, closes


_MARKS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


def _mark_positions(doc: Doc) -> list[int]:
    """Where ``doc`` has a quote mark, in text order: found once per Doc from the words'
    hashes (the rules ask it of a sentence or unit several times, and no Token is made of
    the words between the marks)."""
    found = _MARKS.get(doc)
    if found is None:
        data = rule_data("speech")
        found = _MARKS[doc] = positions_of(doc, {*data["open_quotes"], *data["close_quotes"]})
    return found


def has_quote_mark(span: Span) -> bool:
    opens, closes = _marks(span)
    return bool(opens or closes)


def _opens_unclosed(span: Span) -> bool:
    opens, closes = _marks(span)
    return bool(opens) and (not closes or opens[-1] > closes[-1])


def continued_quotation(units: Units, verb: Token) -> list[Span]:
    """Other units of a quotation attributed at ``verb``: the quotation opened earlier and
    closes in the verb's unit, or it goes on after the attribution ('"A," X said. "B."')."""
    k = units.index(verb)
    opens, closes = _marks(units.units[k])
    found: list[Span] = []
    if closes and (not opens or closes[0] < opens[0]) and closes[0] < verb.i:
        for j in range(k - 1, max(k - 1 - _MAX_QUOTE_SENTENCES, -1), -1):
            if j in units.attributed or not units.same_paragraph(j, k):
                return []
            found.append(units.units[j])
            if _opens_unclosed(units.units[j]):
                return found
            if _marks(units.units[j])[1]:
                return []
        return []
    opened_here = opens and opens[-1] > verb.i and (not closes or closes[-1] < opens[-1])
    base = k
    for j in range(k + 1, min(k + 1 + _MAX_QUOTE_SENTENCES, len(units.units))):
        unit = units.units[j]
        if j in units.attributed:
            return found if not opened_here else []
        if not units.same_paragraph(base, j):
            # News style: a quotation paragraph with no attribution of its own, right after
            # an attributed quotation, goes on quoting the same speaker.
            if found or opened_here or not closes or not _starts_with_quote(unit):
                return found if not opened_here else []
            base = j
        j_opens, j_closes = _marks(unit)
        if not opened_here and not found:
            if not (j_opens and j_opens[0] == _first_word(unit).i):
                return []  # the next unit is no quotation of its own
        found.append(unit)
        if j_closes and (not j_opens or j_closes[-1] > j_opens[-1]):
            return found
    return []


def _starts_with_quote(unit: Span) -> bool:
    opens, _ = _marks(unit)
    return bool(opens) and opens[0] == _first_word(unit).i


def _first_word(span: Span) -> Token:
    return next((t for t in span if not t.is_space), span[0])
