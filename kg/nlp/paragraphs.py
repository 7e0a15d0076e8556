"""Line breaks end sentences: a headline or a paragraph never runs into the next one.

The statistical parser splits sentences on punctuation, so a title line with no full stop
("Spain coach faces racism inquiry\n\nSpain's football federation ...") would otherwise be
read as the subject of the first sentence. This component runs before the parser and marks
the first token after every line break as a sentence start, which the parser respects.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.doc_index import orths_of, text_of

_LINE_BREAK = re.compile(r"\n\s*")
# A single line break inside a hard-wrapped paragraph (newswire, e-mail): neither a blank
# line nor an indented new paragraph follows it.
_WRAP = re.compile(r"(?<=\S)\n(?=\S)")
_WRAP_WIDTH = 40  # newswire wraps at 60-75 characters
_COLUMNS = re.compile(r"\S {3,}\S")


def reflow(text: str) -> str:
    r"""``text`` with the line breaks of hard-wrapped paragraphs made spaces, offsets kept.

    Newswire wraps lines at about 70 characters and starts paragraphs with an indent or a
    blank line ("exports of\ncoffee were ...\n    The ministry said"); a wrap is no
    sentence break. A text counts as wrapped when most of its lines are long and end
    mid-sentence; headlines and short paragraphs of other texts keep their breaks.

    >>> reflow("Thai rice exports rose to 84,960 tonnes in the week to\n"
    ...        "February 24 from 80,498 tonnes the week before, the Commerce\n"
    ...        "Ministry said on Thursday in its weekly report on shipments.")[:70]
    'Thai rice exports rose to 84,960 tonnes in the week to February 24 fro'
    """
    lines = text.split("\n")
    # a line another line continues (no indent, no blank line between): wrapped when it is
    # long and stops mid-sentence
    pairs = [(ln, nxt) for ln, nxt in zip(lines, lines[1:]) if ln.strip() and nxt[:1].strip()]
    followed = [ln for ln, _ in pairs]
    # A short line is wrapped too where the next goes on its sentence: a short story's first
    # line, cut short by the dateline taken off ("Japan bought 5,000 tonnes\nof rapeseed"),
    # would otherwise leave a three-line story unflowed.
    wrapped = [ln for ln, nxt in pairs if (len(ln.strip()) >= _WRAP_WIDTH or nxt[:1].islower()
                                           or _opens_a_phrase(ln, len(ln)))
               and not ln.rstrip().endswith((".", "!", "?", ":", '"', "\u201d"))]  # fmt: skip
    if len(wrapped) < 2 or len(wrapped) * 2 < len(followed):
        return text
    # after a long line, or before a word that goes on a sentence ("of rice\nin the week");
    # a short line before a capital (a headline, a list item) keeps its break
    # a line set in columns ("Refined output   155,980   164,243") is a table's row, no wrap
    return _WRAP.sub(lambda m: "\n" if _COLUMNS.search(_line_text(text, m.start()))
                     or _COLUMNS.search(_next_line(text, m.end()))
                     else " " if _line_before(text, m.start()) >= _WRAP_WIDTH
                     or not text[m.end()].isupper() or _opens_a_phrase(text, m.start())
                     or _opening_line_cut_short(text, m.start())
                     else "\n", text)  # fmt: skip


def _opening_line_cut_short(text: str, at: int) -> bool:
    """ "West German exports to the United\nStates fell ...": the wire's first line is short
    where its dateline ("BONN, March 17 -") was cut off; a line of sentence words (not a
    headline's capitals) that ends mid-sentence goes on into the next."""
    if text.rfind("\n", 0, at) >= 0:
        return False
    words = [w for w in text[:at].split() if w[:1].isalpha()]
    if not words or text[:at].rstrip().endswith((".", "!", "?", ":", '"', "\u201d")) \
            and not _ends_in_country_initials(words[-1]):
        return False
    if _name_runs_on(words, text[at + 1 :]):
        return True
    return len(words) >= 4 and sum(w[0].isupper() for w in words) * 2 <= len(words)


def _ends_in_country_initials(word: str) -> bool:
    """ "The Philippines will ask the U.S.\nAgriculture Department ...": a country's initials
    end the cut-short opening line, not its sentence."""
    from kg.nlp import gazetteer

    return bool(_INITIALS.match(word)) and gazetteer.country_of(word) is not None


# Words a headline in title case writes with a capital ("Tea Exports Rise In January"), and
# a sentence in lower case.
_HEADLINE_CAPITALS = frozenset({"In", "Of", "To", "For", "At", "On", "By", "With", "And", "From", "As", "The", "A",
                                "An", "Is", "Are", "Over", "After", "Into"})


def _name_runs_on(words: list[str], rest: str) -> bool:
    """ "U.S. Agriculture Secretary Richard\nLyng said", "Japanese-owned Honda American\n
    Manufacturing Co has": a name the cut-short opening line breaks goes on into the next;
    not a headline in capitals or in title case, whose small words have capitals too."""
    if not words[-1][:1].isupper() or not rest[:1].isupper() or all(w.isupper() for w in words):
        return False
    return not any(w in _HEADLINE_CAPITALS for w in words[1:])


# A line ending on one of these goes on ("Argentine meat exports during\nJan/Dec 1986 ..."):
# no headline ends on a preposition, an article or a conjunction.
_OPEN_ENDINGS = frozenset({"of", "in", "during", "for", "to", "from", "at", "on", "by", "with",
                           "the", "a", "an", "and", "or", "its", "their", "than", "between"})


def _opens_a_phrase(text: str, at: int) -> bool:
    words = _line_text(text, at).split()
    return len(words) > 1 and words[-1] in _OPEN_ENDINGS


def _line_text(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1 : at].strip()


def _next_line(text: str, at: int) -> str:
    end = text.find("\n", at)
    return text[at : end if end >= 0 else len(text)].strip()


def _line_before(text: str, at: int) -> int:
    return at - (text.rfind("\n", 0, at) + 1)


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")
# Words that go on a clause, never open a wire sentence after a country's initials: old wire
# copy capitalises the word after "U.S." ("exports to the U.S. In the late 1970s averaged",
# "the U.S. Is buying more"), where a new sentence would have begun a paragraph.
_GOING_ON = frozenset({"in", "to", "for", "from", "on", "at", "of", "with", "by", "into", "and", "or", "which",
                       "is", "was", "are", "were", "has", "had", "have", "would", "will", "could", "should",
                       "can", "may", "might", "must", "does", "did"})


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    # Only the few line breaks are visited, not every token.
    text = text_of(doc)
    for match in _LINE_BREAK.finditer(text):
        end = match.end()
        if end >= len(text):
            continue
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    _keep_initials(doc)
    return doc


def _keep_initials(doc: Doc) -> None:
    """ "7.75 billion U.S. Dlrs", "Minister R.N. Mirdha told": a full stop of initials ends
    no sentence when a lower-case word, a currency, (after a person's initials) a name or
    (after a country's) a capitalised word that only goes on a clause follows it."""
    from kg.nlp import gazetteer
    from kg.nlp.datafiles import rule_data as relation_lexicon

    currencies = relation_lexicon("currencies")["names"]
    # the words after initials, found from the words' hashes: a Token is made of those only
    orths = orths_of(doc)
    strings = doc.vocab.strings
    initials = {orth for orth in set(orths) if _INITIALS.match(strings[orth])}
    if not initials:
        return
    for i in [i + 1 for i, orth in enumerate(orths[:-1]) if orth in initials]:
        token, before = doc[i], doc[i - 1]
        if token.is_sent_start is True or not token.is_alpha:
            continue
        place = gazetteer.country_of(before.text) is not None
        if token.is_lower or token.lower_ in currencies or (not place and token.is_title and len(before.text) > 2) \
                or (place and token.is_title and token.lower_ in _GOING_ON):
            token.is_sent_start = False
