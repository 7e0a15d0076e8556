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

_LINE_BREAK = re.compile(r"\n\s*")
# A single line break inside a hard-wrapped paragraph (newswire, e-mail): neither a blank
# line nor an indented new paragraph follows it.
_WRAP = re.compile(r"(?<=\S)\n(?=\S)")


def reflow(text: str) -> str:
    r"""``text`` with the line breaks of hard-wrapped paragraphs made spaces, offsets kept.

    Newswire wraps lines at about 70 characters and starts paragraphs with an indent or a
    blank line ("exports of\ncoffee were ...\n    The ministry said"); a wrap is no
    sentence break. A text counts as wrapped when most of its lines are long and end
    mid-sentence; headlines and short paragraphs of other texts keep their breaks.

    >>> reflow("Exports of\ncoffee rose to 12,000 tonnes in the week, up\nfrom 9,000 in the week before.")
    'Exports of coffee rose to 12,000 tonnes in the week, up from 9,000 in the week before.'
    """
    lines = text.split("\n")
    inner = [ln for ln in lines[:-1] if ln.strip()]
    if len(inner) < 2:
        return text
    open_ended = [ln for ln in inner if not ln.rstrip().endswith((".", "!", "?", ":", '"', "\u201d"))]
    long = [ln for ln in inner if len(ln.strip()) >= 30]
    if len(open_ended) * 2 < len(inner) or len(long) * 2 < len(inner):
        return text
    return _WRAP.sub(" ", text)


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def mark_paragraph_starts(doc: Doc) -> Doc:
    # Only the few line breaks are visited, not every token.
    for match in _LINE_BREAK.finditer(doc.text):
        end = match.end()
        if end >= len(doc.text):
            continue
        span = doc.char_span(end, end + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    _keep_initials(doc)
    return doc


def _keep_initials(doc: Doc) -> None:
    """ "7.75 billion U.S. Dlrs", "Minister R.N. Mirdha told": a full stop of initials ends
    no sentence when a lower-case word, a currency or (after a person's initials) a name
    follows it."""
    from kg.nlp import lexicon
    from kg.nlp.relations.base import lexicon as relation_lexicon

    currencies = relation_lexicon("currencies")["names"]
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.is_sent_start is True or not _INITIALS.match(before.text) or not token.is_alpha:
            continue
        place = lexicon.country_of(before.text) is not None
        if token.is_lower or token.lower_ in currencies or (not place and token.is_title and len(before.text) > 2):
            token.is_sent_start = False
