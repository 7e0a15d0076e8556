"""``said`` as newswire attributes it: documents, pronouns and quoted speakers.

Wire stories name their sources in ways the speech verbs of ``speech`` do not reach:
- a document speaks for its author: "Finance Ministry statistics show ...", "a report by
  Ocean Shipping Consultants said ...", "figures from the bank showed ...", and later "The
  report predicts ...", "It estimates ..." (the report's author);
- "It said ..." after a body has spoken is that body's statement;
- "The newspaper quoted Deng as saying that ..." is Deng's.
Only sentences ``speech`` leaves unattributed to the same source add a fact (see
``kg.nlp.relations.extract_facts``).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from kg.model import Fact, Predicate
from kg.nlp.datafiles import rule_words as words
from kg.nlp.relations.figure_statements import stating_verbs
from kg.nlp.relations.function_bodies import named_by_function
from kg.nlp.relations.quotes import clean, without
from kg.nlp.relations.document_sources import document_source
from kg.nlp.relations.speaking_bodies import body_of_voice, described_publication
from kg.nlp.relations.speech import CONTENT, verb_clause
from kg.nlp.relations.base import ORGS, SPEAKERS, Context, sentence_text

CONFIDENCE = 0.7
# How many sentences on a document named before is still the one "the report" means.
_DOCUMENT_REACH = 4
_SUBJECTS = ("nsubj", "nsubjpass")
_ACCORDING = frozenset({"according"})


def extract(ctx: Context) -> list[Fact]:
    facts: list[Fact] = []
    # the author of the last document the text named, the last body that said something,
    # each with the sentence where it did
    author: tuple[int, str] | None = None
    speaker: tuple[int, str] | None = None
    verbs = _verbs()
    for number, sent in enumerate(ctx.doc.sents):
        closing = _closing_document(ctx, sent)
        if closing is not None:
            named, quote = closing
            # "..., the report underlines.": the report named before
            key = named or (author[1] if author is not None and number - author[0] <= _DOCUMENT_REACH else None)
            if key is not None:
                author = (number, key)
                facts.append(ctx.fact(key, Predicate.SAID, [sent], rule="source-document",
                                      confidence=CONFIDENCE, quote=quote))  # fmt: skip
        if (named := _according_to_named_document(ctx, sent)) is not None:
            author = (number, named)  # "according to Bank Indonesia figures": its figures, later
        according = _according_to_the_document(ctx, sent)
        if according is not None and author is not None and number - author[0] <= _DOCUMENT_REACH:
            # "..., according to the annual report on Indonesian farming": that report's author
            author = (number, author[1])
            facts.append(ctx.fact(author[1], Predicate.SAID, [sent], rule="source-document", confidence=CONFIDENCE,
                                  quote=without(sent, {t.i for t in according.subtree})))  # fmt: skip
        # only the words whose lemma is one of the verbs: no Token made for every word
        for verb in (ctx.doc[i] for i in ctx.parse.with_words(sent.start, sent.end, frozenset(), verbs)):
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in verbs:
                continue
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            if verb.lemma_.lower() == "quote":
                key = _quoted(ctx, verb)
                if key:
                    facts.append(_said(ctx, key, verb, "source-quoted"))
                continue
            if not subjects:
                continue
            subject = subjects[0]
            found = _document_author(ctx, subject)
            if found:
                author = (number, found)
                facts.append(_said(ctx, found, verb, "source-document"))
            elif _is_document(subject) and author is not None:
                author = (number, author[1])
                facts.append(_said(ctx, author[1], verb, "source-document"))  # "The report predicts"
            elif _is_document(subject) and speaker is not None and number - speaker[0] <= _DOCUMENT_REACH \
                    and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children) \
                    and not any(c.dep_ in ("poss", "compound", "prep") for c in subject.children):
                # "..., the Central Bureau of Statistics said. ... The report said": no report
                # named before, the report of the body that spoke
                author = (number, speaker[1])
                facts.append(_said(ctx, speaker[1], verb, "source-document"))
            elif subject.lower_ == "it" and verb.lemma_.lower() in verbs:
                # "It said", "It estimates", "..., it added": the document or body that spoke
                # last, a few sentences back at most
                last = max((x for x in (author, speaker) if x is not None), default=None)
                if last is not None and number - last[0] <= 3:
                    facts.append(_said(ctx, last[1], verb, "source-pronoun"))
                    if last is author or _in_document(verb):
                        author = (number, last[1])  # "it said in its monthly report"
                    if last is speaker:
                        speaker = (number, last[1])
            elif (key := ctx.key(subject, ORGS) or body_of_voice(ctx, subject)
                   or described_publication(ctx, subject)) is not None \
                    and verb.lemma_.lower() in stating_verbs():
                # "a State Department spokesman said in a statement": the body spoke, and a
                # later "the statement said" is its own; so did "the ministry put exports at
                # ...", after which "It said ..." is the ministry's
                speaker = (number, key)
                if _in_document(verb):
                    author = (number, key)  # "X said in its annual report": a later "the report said" is X's
    return facts


def _verbs() -> frozenset[str]:
    return words("speech", "verbs") | words("speech", "document_verbs") | {"quote"}


def _is_document(noun: Token) -> bool:
    return noun.lemma_.lower() in words("speech", "document_nouns") or noun.lower_ in words("speech", "document_nouns")


def _in_document(verb: Token) -> bool:
    """ "said in its annual report", "said in a statement": the verb names the document the
    body speaks through."""
    return any(child.dep_ == "prep" and child.lower_ == "in" and
               any(obj.dep_ == "pobj" and _is_document(obj) for obj in child.children)
               for child in verb.children)  # fmt: skip


def _document_author(ctx: Context, noun: Token) -> str | None:
    """The body a document subject names: "Finance Ministry statistics", "a report by X",
    "the bank's figures", "figures from the central bank"."""
    if not _is_document(noun):
        return None
    for t in ctx.doc[noun.left_edge.i : noun.i]:
        if key := ctx.key(t, SPEAKERS):
            return key
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":
            # "The report, published by the U.S. Embassy, said": the one who issued it
            child = next((a for a in child.children if a.dep_ == "agent"), child)
        if child.dep_ == "agent" or child.dep_ == "prep" and child.lower_ in words("speech", "document_preps"):
            for obj in child.children:
                if obj.dep_ != "pobj":
                    continue
                # "figures from the UK's regulator Ofcom": the name, not the description
                named = [c for c in obj.children if c.dep_ in ("appos", "compound") and c.pos_ == "PROPN"]
                for token in (*named, obj):
                    mention = ctx.mention(token)
                    if (key := ctx.key(token, SPEAKERS)) and (mention.root.pos_ == "PROPN" or named_by_function(mention)):
                        return key  # a named body; "the UK's regulator" may be another one
    return None


def _closing_document(ctx: Context, sent: Span) -> tuple[str | None, str] | None:
    """ "..., figures from the Statistics Institute show.", "..., Finance Ministry statistics
    show.": the parser often reads a closing "show" as a noun, or makes the body its subject,
    so the sentence's last words are read as written: a comma, a document of a named body, a
    verb of showing. The statement is the clause before the comma. "..., the report
    underlines.": a verb of saying after a document named before, whose author is not
    written (None)."""
    closing, saying = words("speech", "closing_document_verbs"), words("speech", "verbs")
    # only the last word counts: read it from the end, not a Token made of every word (most
    # sentences hold a verb of saying somewhere, so a search of the whole sentence finds little)
    last = next((t for t in reversed(sent) if not t.is_space and (not t.is_punct or t.text == ",")), None)
    if last is None:
        return None
    showing = last.lower_ in closing
    if not showing and not (last.lemma_.lower() in saying and last.lower_.endswith("s")):
        return None
    tokens = [t for t in sent if not t.is_space and (not t.is_punct or t.text == ",")]
    if len(tokens) < 4:
        return None
    commas = [t for t in tokens if t.text == ","]
    if not commas:
        return None
    tail = ctx.doc[commas[-1].i + 1 : tokens[-1].i]
    if not any(_is_document(t) for t in tail):
        return None
    authors = [k for t in tail if (k := ctx.key(t, SPEAKERS)) and t.pos_ == "PROPN"]
    quote = clean(ctx.doc[sent.start : commas[-1].i])
    if not quote:
        return None
    if authors:
        return authors[0], quote
    if any(ctx.key(t) is not None for t in tail):
        return None  # "..., customs figures show": a body of its own, not named as one
    # "the report underlines": the document named before, with nothing else in the tail;
    # "..., weekly central bank figures show": the figures of the one named before
    anaphoric = [t.lower_ for t in tail if not t.is_space] == ["the", tail[-1].lower_] and _is_document(tail[-1])
    return (None, quote) if anaphoric or showing else None


def _according_to_named_document(ctx: Context, sent: Span) -> str | None:
    """The author of a document a statement is attributed to: "according to Bank Indonesia
    figures" (the statement itself is ``speech``'s)."""
    return next((key for _, noun in _documents_according(ctx, sent) if (key := document_source(ctx, noun))), None)


def _according_to_the_document(ctx: Context, sent: Span) -> Token | None:
    """ "according to the annual report on Indonesian farming": a document named before,
    given with no author of its own ("the report", not "a report by X" or "the bank's
    report"); the word "according"."""
    for according, noun in _documents_according(ctx, sent):
        if any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                and not any(c.dep_ in ("poss", "compound", "nmod") for c in noun.children) \
                and not any(c.dep_ == "prep" and c.lower_ in words("speech", "document_preps")
                            for c in noun.children) and _document_author(ctx, noun) is None:
            return according
    return None


def _documents_according(ctx: Context, sent: Span) -> Iterator[tuple[Token, Token]]:
    """Each "according" of ``sent`` with the document noun it attributes to ("according to
    the report"); the word is found from its hash, no Token made of the sentence's others."""
    for i in ctx.parse.with_words(sent.start, sent.end, _ACCORDING):
        according = ctx.doc[i]
        for to in according.children:
            for noun in to.children:
                if noun.dep_ == "pobj" and _is_document(noun):
                    yield according, noun


def _quoted(ctx: Context, verb: Token) -> str | None:
    """ "The newspaper quoted Deng as saying that ...": the quoted one speaks."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
        return None
    return ctx.key(objects[0], SPEAKERS)


def _said(ctx: Context, key: str, verb: Token, rule: str) -> Fact:
    sent = verb.sent
    return ctx.fact(key, Predicate.SAID, [sent], rule=rule, confidence=CONFIDENCE,
                    quote=_statement(verb) or sentence_text(sent))  # fmt: skip


def _statement(verb: Token) -> str:
    """What the source says, without the attribution: the clause the verb reports ("It
    claimed [revenues were low]"), else the sentence outside the verb and its subject
    ("[Growth will pick up], it forecast.", "[...]," the report said.")."""
    content = [c for c in verb.children if c.dep_ in CONTENT]
    if content:
        tokens = sorted(t.i for c in content for t in c.subtree)
        return clean(verb.doc[tokens[0] : tokens[-1] + 1])
    return without(verb.sent, verb_clause(verb))


__all__ = ["extract"]
