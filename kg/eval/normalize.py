"""Name normalization for scoring (rule 1 of the gold format).

Both sides of every comparison (gold and extracted) go through the same functions, so a
comparison is symmetric whatever a rule does to an odd word.

Plural rule (applied to the last word of a name only, and only to words of letters longer
than three characters that are not in ``_INVARIANT``):

* ``-ss``, ``-us``, ``-is`` words are left alone: they are singular ("glass", "process",
  "virus", "Paris", "analysis").
* ``-ies`` becomes ``-y`` ("supplies" = "supply").
* ``-sses``, ``-xes``, ``-zes``, ``-ches``, ``-shes`` lose ``-es`` ("glasses" = "glass",
  "boxes" = "box"); so that "niche"/"niches" and "prize"/"prizes" still meet, a singular
  ending in ``-sse``, ``-xe``, ``-ze``, ``-che``, ``-she`` loses its final ``e`` as well.
* any other final ``-s`` is dropped ("masks" = "mask", "goggles" = "goggle", "news" = "new").

The result is a comparison key, not a word to show to people.
"""

from __future__ import annotations

import re
import unicodedata

# Typographic quotes, apostrophes and dashes, made plain (NFKC leaves these alone).
_PLAIN = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
        "`": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-",
        "\u2014": "-", "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    }
)  # fmt: skip

# A typographic mark (U+2000-U+203F) whose UTF-8 bytes were read as Mac Roman: "‚Äú" for
# an opening double quote. Archives of scraped news carry these; repaired so that a quote
# after such a mark is still a word sequence of the text.
_GARBLED_MARK = re.compile("\u201a\u00c4[\u0080-\uffff]")

_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

# Words whose final -s is not a plural; kept short on purpose (the rule is symmetric anyway,
# this only avoids needless collisions such as "means" with "mean").
_INVARIANT = frozenset({"news", "series", "species", "means", "headquarters", "whereabouts"})
_SINGULAR_ENDINGS = ("ss", "us", "is")
_ES_PLURALS = ("sses", "xes", "zes", "ches", "shes")
_E_SINGULARS = ("sse", "xe", "ze", "che", "she")


def _repaired_mark(match: re.Match[str]) -> str:
    try:
        return match.group().encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return match.group()


def plain_text(text: str) -> str:
    """NFKC, lower case, plain quotes and dashes, runs of white space collapsed."""
    text = _GARBLED_MARK.sub(_repaired_mark, text)
    text = unicodedata.normalize("NFKC", text).lower().translate(_PLAIN)
    return _SPACES.sub(" ", text).strip()


def singular(word: str) -> str:
    """The comparison key of one word under the plural rule above."""
    if len(word) <= 3 or not word.isalpha() or word in _INVARIANT:
        return word
    if word.endswith(_SINGULAR_ENDINGS):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(_ES_PLURALS):
        return word[:-2]
    if word.endswith(_E_SINGULARS):
        return word[:-1]
    if word.endswith("s"):
        return word[:-1]
    return word


def normalize_name(name: str) -> str:
    """The key two names are compared by: ``normalize_name("The Face Masks") == "face mask"``."""
    text = plain_text(name)
    if text.startswith("the "):
        text = text[4:].lstrip()
    if text.endswith("'s"):
        text = text[:-2].rstrip()
    head, sep, last = text.rpartition(" ")
    return head + sep + singular(last)


def words(text: str) -> tuple[str, ...]:
    """Plain words of a text, each under the plural rule, punctuation dropped."""
    return tuple(singular(w) for w in _WORD.findall(plain_text(text)))


def quote_in_sentence(quote: str, sentence: str) -> bool:
    """Whether ``quote`` occurs in ``sentence``, word for word, after normalization.

    Texts are compared as word sequences (every word under the plural rule, punctuation
    ignored) so that a gold quote ending in "supplies" is found in a sentence where the word
    is followed by a full stop, and a leading "the" in a quote is kept where it belongs.
    """
    needle, hay = words(quote), words(sentence)
    if not needle:
        return False
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))
