"""Words whose lexemes outlive spaCy's memory zones, so that a build makes them once.

``extract_articles`` reads each batch inside ``nlp.memory_zone()``, which drops the lexemes,
strings and tokenizer entries the batch added: the vocab stays bounded over a stream of any
length, but every batch made again the lexemes of its commonest words ("the", "said",
"minister"), some 3 ms of CPU an article, a twentieth of the model's time, which a bare
``nlp.pipe`` pays once. The texts of a pipeline's first ``LASTING_ARTICLES`` articles are
tokenized once outside any zone, so their words stay (about 3 MB for 1,000 news articles);
later batches find most of their words made. A Doc's tokens are a function of its text
alone: the Docs, and all that is read from them, are the same either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from spacy.language import Language

LASTING_ARTICLES = 1_000

# Articles whose words each pipeline has kept so far.
_kept: WeakKeyDictionary[Language, int] = WeakKeyDictionary()


def keep_words(nlp: Language, articles: Iterable[list[str]]) -> None:
    """Tokenize the texts of ``articles`` (each article as the parts the model reads) outside
    any memory zone, while ``nlp`` has kept the words of fewer than ``LASTING_ARTICLES``."""
    kept = _kept.get(nlp, 0)
    for parts in articles:
        if kept >= LASTING_ARTICLES:
            break
        try:
            for part in parts:
                nlp.tokenizer(part)
        except Exception:  # noqa: BLE001 - the model's own read of the text fails too, where a build isolates it
            pass
        kept += 1
    _kept[nlp] = kept
