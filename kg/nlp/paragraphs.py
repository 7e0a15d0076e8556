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
    return doc
