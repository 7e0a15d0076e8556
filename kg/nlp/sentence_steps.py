"""Stepping back through a Doc's sentences: where the sentence some sentences before a
token's own begins.

Relation rules (``kg.nlp.relations``) and the resolution of references
(``kg.nlp.speaker_salience``) both look a few sentences back for what a clause goes on
from. It stands here, below both, because the relation package imports the resolution of
references: had it stayed in ``kg.nlp.relations.base``, the resolution would import that
package back.
"""

from __future__ import annotations

from spacy.tokens import Doc


def sentences_back(doc: Doc, start: int, steps: int) -> int:
    """The first token of the sentence ``steps`` sentences before the one that begins at
    ``start`` (the document's first sentence when there are fewer)."""
    for _ in range(steps):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    return start


__all__ = ["sentences_back"]
