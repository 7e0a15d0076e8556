"""The bridge between entity resolution and relation extraction.

Resolution (``kg.nlp.resolve``) turns a Doc's entity spans, pronouns and definite
descriptions into article entities and records which tokens refer to which entity.
Relation rules (``kg.nlp.relations``) only ask this table "which entity is this token?".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from kg.model import Entity, EntityType


_SUBJECT_FORM = {"he": "he", "him": "he", "his": "he", "she": "she", "her": "she", "hers": "she"}


@dataclass
class MentionTable:
    """Entities of one Doc and the tokens that refer to each of them."""

    doc: Doc
    entities: dict[str, Entity] = field(default_factory=dict)
    # token index -> entity key, for every token inside a mention, a resolved pronoun
    # or a resolved definite description ("the ministry").
    by_token: dict[int, str] = field(default_factory=dict)
    # entity key -> token spans (start, end) of its mentions in the Doc, in text order
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    # person key -> "he" or "she", where a courtesy title said it ("Mrs Jowell")
    pronouns: dict[str, str] = field(default_factory=dict)
    # countries known only by a demonym the model read inside another span ("soft French
    # wheat", "March 3 - Japanese importers"): entities with no mention, which the trade
    # rules may use and which last only where a trade fact does (kg.nlp.extract)
    latent: set[str] = field(default_factory=set)

    def key_at(self, token: Token | int) -> str | None:
        """The entity a token refers to, or None."""
        i = token if isinstance(token, int) else token.i
        return self.by_token.get(i)

    def key_of(self, span: Span) -> str | None:
        """The entity a span refers to: that of its syntactic root, else of any token in it."""
        key = self.by_token.get(span.root.i)
        if key is not None:
            return key
        for token in span:
            key = self.by_token.get(token.i)
            if key is not None:
                return key
        return None

    def agrees(self, key: str, pronoun: str) -> bool:
        """False where "he" or "she" cannot stand for the person ``key`` ("he" for "Ms Jowell")."""
        known = self.pronouns.get(key)
        said = _SUBJECT_FORM.get(pronoun.lower())
        return known is None or said is None or known == said

    def type_of(self, key: str) -> EntityType:
        return self.entities[key].type

    def mention_span(self, token: Token | int) -> Span | None:
        """The whole mention (token span) that contains ``token``, if it is in one."""
        i = token if isinstance(token, int) else token.i
        key = self.by_token.get(i)
        if key is None:
            return None
        for start, end in self.spans.get(key, ()):
            if start <= i < end:
                return self.doc[start:end]
        return self.doc[i : i + 1]
