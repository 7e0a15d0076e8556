"""Speakers for ``said``: the subject of a verb of saying and the person or organization
it stands for (pronoun, title, apposition, a name the model missed). A speaker named at the
sentence's end, after a comma, is ``closing_speakers``'.

This module finds the subject and tries, in turn, what it may stand for: a name (the mention
table's, or ``speaker_names``), then a body (``speaking_bodies``); a document's author is
``document_sources``'."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.climb import upward
from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import PERSONS, SPEAKERS, SUBJECT_DEPS, Context, unbracketed
from kg.nlp.relations.plural_voices import plural_voice_body
from kg.nlp.relations.speaker_names import (
    name_after_title, name_ending_title_phrase, named_person, short_body_name,
    title_phrase_appositions, titled_holder,
)
from kg.nlp.relations.speaking_bodies import (
    body_of_voice, described_body, described_publication, named_publication, voice_before,
    voice_spoke_last,
)


# Clauses that inherit the subject of the verb they hang on ("said ..., adding that ...").
_INHERIT = ("advcl", "xcomp", "conj", "pcomp")


def speech_subjects(verb: Token) -> list[Token]:
    for current in upward(verb, _inherits_subject, limit=5):
        subjects = [unbracketed(c) for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            # a verb has one subject: of two, the parser took a word further on for the
            # other ('"...," said Osman Erk, manager of the bank Yapi ve Kredi Bankasi AS')
            subject = min(subjects, key=lambda s: abs(s.i - current.i))
            return sorted({subject, *subject.conjuncts}, key=lambda t: t.i)
        if current.dep_ == "prep" and current.lower_ == "as" and current.head.lemma_.lower() == "quote":
            # "the agency quoted Minister X as saying ...": the one quoted says it
            quoted = [c for c in current.head.children if c.dep_ == "dobj"]
            if quoted:
                return quoted
    return []


def _inherits_subject(token: Token) -> bool:
    """A verb whose speaker is the subject above it: joined, completing, or after "as" ("X
    was quoted as saying ...": the subject is the quoted one's)."""
    return token.dep_ in _INHERIT or (token.dep_ == "prep" and token.lower_ == "as")


def speaker_key(ctx: Context, token: Token) -> str | None:
    if token.lower_ == "they" and (key := plural_voice_body(ctx, token)) is not None:
        # "..., Commerce Department officials said. They said ...": the body's voices again
        return key
    if token.lower_ in rule_words("speech", "personal_pronouns"):
        # "he said": only a person; a place or body given for it falls back to the person
        # named last in this or the previous sentences.
        if (voice := voice_spoke_last(ctx, token)) is not None:
            # "..., a Grain Commission official said. He said ...": "he" is that unnamed voice,
            # not a person named before it; it speaks for its body, if one is named or spoke
            # before the voice
            return body_of_voice(ctx, voice)
        key = ctx.key(token, PERSONS) or ctx.recent(token, PERSONS, sentences=3, pronoun=token.lower_)
        reported = _reported(token)
        if key is not None and any(ctx.key(t, PERSONS) == key for t in reported):
            # "A team headed by Minister X will travel to Quito, he said": the one the
            # statement names is not the "he" who makes it; he was named before it
            anchor = ctx.doc[min(t.i for t in [*reported, token])]
            key = ctx.recent(anchor, PERSONS, sentences=3, pronoun=token.lower_)
        return key if key is not None else voice_before(ctx, token)
    key = ctx.key(token, SPEAKERS)
    if key is None:  # "a spokesman, Zhang Qi, said": the name is in apposition
        for child in token.children:
            if child.dep_ == "appos" and (key := ctx.key(child, SPEAKERS)):
                break
    if key is None:
        key = next((k for a in title_phrase_appositions(token) if (k := ctx.key(a, PERSONS))), None)
    if key is None:
        key = titled_holder(ctx, token)
    if key is None:
        key = name_after_title(ctx, token)
    if key is None:
        key = name_ending_title_phrase(ctx, token)
    if key is None:
        key = named_person(ctx, token)
    if key is None:
        key = short_body_name(ctx, token)
    if key is None:
        key = body_of_voice(ctx, token)
    if key is None:
        key = described_body(ctx, token)
    if key is None:
        key = named_publication(ctx, token)
    if key is None:
        key = described_publication(ctx, token)
    return key


def _reported(subject: Token) -> list[Token]:
    """The words of the statement a subject's verb reports (its clausal complements); one
    before the subject only where a comma or a closing quotation mark sets it off ("X will
    travel, he said"), not across a bracket the parser read through ("X ... (he once said")."""
    verb = subject.head
    before = subject.doc[subject.i - 1] if subject.i > 0 else None
    set_off = before is not None and (before.text == "," or before.is_quote)
    return [t for c in verb.children if c.dep_ in _REPORT_DEPS and (c.i > verb.i or set_off)
            for t in c.subtree]  # fmt: skip


_REPORT_DEPS = ("ccomp", "parataxis")


def with_speaker(ctx: Context, verb: Token) -> str | None:
    """ "with its foreign ministry spokesman, Zhao Lijian, saying ...": the person of a
    "with" phrase right before a participle of saying is the one who says it."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "acl") or verb.i < 2:
        return None
    for prep in verb.head.children:
        if prep.dep_ != "prep" or prep.lower_ != "with" or prep.i > verb.i:
            continue
        end = prep.right_edge.i
        gap = ctx.doc[end + 1 : verb.i]
        if not all(t.is_punct for t in gap):
            continue
        found = [k for t in prep.subtree if (k := ctx.key(t, PERSONS))]
        if found:
            return found[-1]
    return None
