"""Bodies named by their function in lower case ("an industry ministry spokesman", "figures
from the central bank showed"): newswire writes a government body so when the story names
no body of its kind, and the mention table then holds it as an entity of its own (see
``lexicon.unnamed_bodies``). For the voices and documents that speak for a body, such a
mention names the body as much as a proper name does; a bare description ("the company",
"the minister") still names none."""

from __future__ import annotations

from spacy.tokens import Span

from kg.nlp import lexicon


def names_a_body(mention: Span) -> bool:
    """A proper name ("the Steel Institute", "AWB") or a body named by its function."""
    return any(t.pos_ == "PROPN" or t.is_upper for t in mention) or named_by_function(mention)


def named_by_function(mention: Span) -> bool:
    return lexicon.norm(mention.text) in lexicon.unnamed_bodies()
