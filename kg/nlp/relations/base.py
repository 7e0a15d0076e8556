"""What every relation rule shares: entity look-ups and Fact building.

Rules never resolve entities themselves: they ask the ``MentionTable`` which entity a token
refers to, and read only the dependency parse and the data files of ``kg/nlp/data/relations``
(through ``kg.nlp.datafiles.rule_data`` and ``rule_words``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from kg.model import Article, EntityType, Fact, Predicate
from kg.nlp.doc_index import sentence_answer, text_of
from kg.nlp.gazetteer import country_of_demonym
from kg.nlp.mentions import MentionTable
from kg.nlp.relations.figure_model import FigureModel
from kg.nlp.relations.tree import ParseIndex
from kg.nlp.sentence_steps import sentences_back  # the rules take it from here, with the rest of their tools

PERSONS = frozenset({EntityType.PERSON, EntityType.OFFICIAL})
ORGS = frozenset({EntityType.AGENCY, EntityType.ORGANIZATION})
# who may be the speaker of ``said``
SPEAKERS = PERSONS | ORGS
PLACES = frozenset({EntityType.COUNTRY, EntityType.PLACE})
COUNTRY = frozenset({EntityType.COUNTRY})
PRODUCTS = frozenset({EntityType.PRODUCT})
# the dependencies of a verb's subject, active or passive
SUBJECT_DEPS = ("nsubj", "nsubjpass")
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")  # a verb (or its auxiliary) that makes a clause finite


def unbracketed(token: Token) -> Token:
    """ "<China Steel Corp> said": newswire's angle brackets round a company's name, and the
    parser may take the closing one for the verb's subject; the name it closes is. "Mitsui
    Mining Co <MITM.T> said": a ticker in brackets (one word, no lower case) after a listed
    company's name, which the parser may take for the subject; the name before it is."""
    opening = _ticker_opening(token)
    if opening is not None:
        return token.doc[opening - 1]
    return token.doc[token.i - 1] if token.text == ">" and token.i > 0 else token


def _ticker_opening(token: Token) -> int | None:
    """The position of the "<" of the ticker bracket ``token`` is part of, when a word comes
    before it."""
    doc = token.doc
    for opening in (token.i, token.i - 1, token.i - 2):
        if 0 < opening and opening + 2 < len(doc) and doc[opening].text == "<" and doc[opening + 2].text == ">" \
                and not any(c.islower() for c in doc[opening + 1].text) and doc[opening - 1].text[:1].isupper():
            return opening
    return None


class RuleTools(Protocol):
    """What the rules read a Doc with, built once for its vocab: the matchers they share and
    each rule's confidence. ``kg.nlp.rules.RelationRules`` is the one there is; it is built from
    the rule modules, which import this one, so they know it by this shape alone."""

    confidence: dict[str, float]
    figure_model: FigureModel | None
    adjacent_places: Matcher
    money: Matcher
    dates: Matcher


class Context:
    """One Doc, its article and its mention table, with the look-ups, matchers and
    confidence table the rules need."""

    def __init__(self, doc: Doc, article: Article, table: MentionTable, *, rules: RuleTools) -> None:
        self.doc = doc
        self.article = article
        self.table = table
        self.rules = rules
        # The Doc may hold a stripped or normalized text; offsets must point into the article.
        text = text_of(doc)
        self.offset = 0 if text == article.text else max(article.text.find(text), 0)
        self._parse: ParseIndex | None = None

    @property
    def parse(self) -> ParseIndex:
        """The Doc's parse, indexed once for every rule's tree patterns."""
        if self._parse is None:
            self._parse = ParseIndex(self.doc)
        return self._parse

    # ------------------------------------------------------------------ entities
    def key(self, token: Token | None, types: frozenset[EntityType] | None = None) -> str | None:
        """The entity ``token`` refers to, if it has one of ``types``."""
        if token is None:
            return None
        key = self.table.key_at(token)
        if key is None or key not in self.table.entities:
            return None
        if types is not None and self.table.type_of(key) not in types:
            return None
        return key

    def confidence(self, rule: str) -> float:
        """How far a fact read by ``rule`` is to be trusted (``RelationRules.confidence``)."""
        return self.rules.confidence[rule]

    def type(self, key: str) -> EntityType:
        return self.table.type_of(key)

    def key_by_name(self, text: str, types: frozenset[EntityType] | None = None) -> str | None:
        """An entity of the table that goes by ``text`` (case-insensitive), if any."""
        wanted = _norm(text)
        for key, entity in self.table.entities.items():
            if types is not None and entity.type not in types:
                continue
            if any(_norm(name) == wanted for name in entity.all_names):
                return key
        return None

    def mention(self, token: Token) -> Span:
        """The whole mention containing ``token`` (the token alone when it is in none)."""
        span = self.table.mention_span(token)
        return span if span is not None else self.doc[token.i : token.i + 1]

    def entity_mentions(self, types: frozenset[EntityType]) -> Iterable[tuple[str, Span]]:
        """Every mention of an entity of ``types``, in text order."""
        found = []
        for key, spans in self.table.spans.items():
            if key in self.table.entities and self.type(key) in types:
                found.extend((start, end, key) for start, end in spans)
        for start, end, key in sorted(found):
            yield key, self.doc[start:end]

    def recent(self, token: Token, types: frozenset[EntityType], *, sentences: int = 2,
               pronoun: str | None = None) -> str | None:
        """The entity of ``types`` mentioned last before ``token``, within ``sentences``
        sentences back: what "its" and "their" stand for ("its president X"); with
        ``pronoun``, only a person it can stand for ("he": no "Ms Jowell")."""
        floor = sentences_back(self.doc, token.sent.start, sentences - 1)
        best: tuple[int, str] | None = None
        for key, spans in self.table.spans.items():
            if key not in self.table.entities or self.type(key) not in types \
                    or pronoun is not None and not self.table.agrees(key, pronoun):
                continue
            for start, end in spans:
                if floor <= start and end <= token.i and (best is None or end > best[0]):
                    best = (end, key)
        return best[1] if best else None

    def country_of_demonym(self, token: Token) -> str | None:
        """The country entity a demonym ("Chinese") names, through the table or the lexicon."""
        key = self.key(token, frozenset({EntityType.COUNTRY}))
        if key is not None:
            return key
        country = country_of_demonym(token.text)
        if country is None:
            return None
        return self.key_by_name(country.name, frozenset({EntityType.COUNTRY})) or next(
            (
                k
                for alias in country.aliases
                if (k := self.key_by_name(alias, frozenset({EntityType.COUNTRY})))
            ),
            None,
        )

    # ------------------------------------------------------------------ facts
    def sentence(self, token: Token) -> Span:
        return token.sent

    def fact_token(self, fact: Fact) -> Token | None:
        """The token where a fact's evidence starts (``fact`` made its offsets), if any."""
        at = self.doc.char_span(fact.start - self.offset, fact.start - self.offset + 1, alignment_mode="expand")
        return at[0] if at is not None and len(at) else None

    def fact(
        self,
        subject: str,
        predicate: Predicate,
        tokens: Iterable[Token | Span],
        *,
        rule: str,
        confidence: float,
        object: str | None = None,
        sentence: Span | None = None,
        **qualifiers: Any,
    ) -> Fact:
        """A Fact whose offsets span ``tokens`` (the evidence) inside their sentence; with no
        tokens, the whole ``sentence`` is the evidence."""
        items = list(tokens)
        if items:
            sent = sentence or items[0].sent
            start = min(t.idx if isinstance(t, Token) else t.start_char for t in items)
            end = max(t.idx + len(t.text) if isinstance(t, Token) else t.end_char for t in items)
        elif sentence is not None:
            sent, start, end = sentence, sentence.start_char, sentence.end_char
        else:
            raise ValueError(f"rule {rule!r}: a fact needs evidence tokens or its sentence")
        return Fact(
            subject=subject,
            predicate=predicate,
            object=object,
            article=self.article.id,
            sentence=sentence_text(sent),
            start=start + self.offset,
            end=end + self.offset,
            confidence=confidence,
            extractor=rule,
            **qualifiers,
        )


def sentence_text(sent: Span) -> str:
    """The sentence's text without the blank lines spaCy may attach to it."""
    # asked for every fact of the sentence: joined once
    return sentence_answer(sent, "sentence_text", lambda sent: sent.text.strip())


def _norm(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower().strip()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return " ".join(text.split())
