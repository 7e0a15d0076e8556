"""What several rules read off a whole Doc, computed once per Doc and shared.

``Doc.text`` joins every token's text anew on each call, and a scan for a word walks every
token: rules that ask for them per entity or per sentence paid for the whole Doc each time.
The Doc's words and text do not change once kg's components see it (they set entities and
sentence starts, never token texts), so each is computed on first use and kept for as long
as the Doc lives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from weakref import WeakKeyDictionary

from spacy.attrs import LOWER, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_WORDS: WeakKeyDictionary[Doc, Counter[str]] = WeakKeyDictionary()
_ORTHS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()
_LOWERS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


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


def orths_of(doc: Doc) -> list[int]:
    """The hashes of the texts of the tokens of ``doc``, in order (read once per Doc)."""
    orths = _ORTHS.get(doc)
    if orths is None:
        orths = _ORTHS[doc] = doc.to_array(ORTH).tolist()
    return orths


def positions_of(doc: Doc, texts: Iterable[str]) -> list[int]:
    """The indexes of the tokens of ``doc`` whose text is one of ``texts``, in text order.

    The words' hashes, read once per Doc, are compared with those of ``texts``: a rule
    that looks for a few words makes a Token of those only, not of every word.
    """
    hashes = {get_string_id(text) for text in texts}
    if not hashes:
        return []
    return [i for i, orth in enumerate(orths_of(doc)) if orth in hashes]


def lowers_of(doc: Doc) -> list[int]:
    """The hashes of the lower-cased texts of the tokens of ``doc``, in order (read once per Doc)."""
    lowers = _LOWERS.get(doc)
    if lowers is None:
        lowers = _LOWERS[doc] = doc.to_array(LOWER).tolist()
    return lowers


def lower_positions(doc: Doc, hashes: frozenset[int] | set[int]) -> list[int]:
    """The indexes of the tokens of ``doc`` whose lower-cased text has one of ``hashes``, in
    text order: as :func:`positions_of`, for words of any case ("States", "states")."""
    return [i for i, lower in enumerate(lowers_of(doc)) if lower in hashes]
