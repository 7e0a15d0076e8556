"""What several rules read off a whole Doc, computed once per Doc and shared.

``Doc.text`` joins every token's text anew on each call, and a scan for a word walks every
token: rules that ask for them per entity or per sentence paid for the whole Doc each time.
The Doc's words and text do not change once kg's components see it (they set entities and
sentence starts, never token texts), so each is computed on first use and kept for as long
as the Doc lives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from typing import Any
from weakref import WeakKeyDictionary

from spacy.attrs import LOWER, ORTH, TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()
_WORDS: WeakKeyDictionary[Doc, Counter[str]] = WeakKeyDictionary()
_ORTHS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()
_LOWERS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()
_TAGS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()
_SENTENCE_ANSWERS: WeakKeyDictionary[Doc, dict[Hashable, dict[tuple[int, int], Any]]] = WeakKeyDictionary()


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


def tags_of(doc: Doc) -> list[int]:
    """The hashes of the fine-grained tags of the tokens of ``doc``, in order (read once per
    Doc: the model sets them and no kg component changes them)."""
    tags = _TAGS.get(doc)
    if tags is None:
        tags = _TAGS[doc] = doc.to_array(TAG).tolist()
    return tags


def tokens_with(span: Span, values: list[int], hashes: frozenset[int] | set[int]) -> list[Token]:
    """The tokens of ``span`` whose value in ``values`` (a column of its Doc: ``lowers_of``,
    ``tags_of`` ...) is one of ``hashes``, in text order.

    A rule that looks in every sentence for a few words or one tag makes a Token of those
    only, not of every word of the sentence.
    """
    doc = span.doc
    return [doc[i] for i in range(span.start, span.end) if values[i] in hashes]


def sentence_answers(doc: Doc, question: Hashable) -> dict[tuple[int, int], Any]:
    """A memo, kept as long as ``doc``, of what ``question`` answered of each sentence of
    ``doc``, by the sentence's ``(start, end)``.

    A test of a whole sentence asked for each word of interest in it ("is this a trade
    sentence?" of every goods noun) read the sentence anew each time. The bounds are part of
    the key, so a sentence a later component splits is asked anew; ``question`` names what
    was asked (with the lexicon it was asked with), so two tests never share answers.
    """
    answers = _SENTENCE_ANSWERS.get(doc)
    if answers is None:
        answers = _SENTENCE_ANSWERS[doc] = {}
    memo = answers.get(question)
    if memo is None:
        memo = answers[question] = {}
    return memo


def sentence_answer(sent: Span, question: Hashable, answer: Callable[[Span], Any]) -> Any:
    """``answer(sent)``, asked once per sentence: kept in :func:`sentence_answers`."""
    known = sentence_answers(sent.doc, question)
    bounds = (sent.start, sent.end)
    found = known.get(bounds)
    if found is None:
        found = known[bounds] = answer(sent)
    return found
