"""What several rules read off a whole Doc, computed once per Doc and shared.

``Doc.text`` joins every token's text anew on each call, and a scan for a word walks every
token: rules that ask for them per entity or per sentence paid for the whole Doc each time.
The Doc's words and text do not change once kg's components see it (they set entities and
sentence starts, never token texts), so each is computed on first use and kept for as long
as the Doc lives.
"""

from __future__ import annotations

from collections import Counter
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_WORDS: WeakKeyDictionary[Doc, Counter[str]] = WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per Doc."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def word_counts(doc: Doc) -> Counter[str]:
    """How many tokens of ``doc`` have each text (case kept)."""
    counts = _WORDS.get(doc)
    if counts is None:
        counts = _WORDS[doc] = Counter(token.text for token in doc)
    return counts
