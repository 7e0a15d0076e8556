"""Who "they" is when it says something: the unnamed plural voice of a named body that spoke
just before ("..., Commerce Department officials said. They said the ruling was due",
"Commission sources said ... They added ..."). Wire stories quote a body's officials or
sources for several paragraphs and go on with "they"; the statement is the body's, as the
first one was. "They" after traders, delegates or analysts (of no body) is nobody's, and
"they" after any other speaker is left alone (used by ``kg.nlp.relations.speakers``)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import SUBJECT_DEPS, Context, sentences_back
from kg.nlp.relations.speaking_bodies import body_of_voice

# The plural voices a body speaks through; "they" may stand for them.
_PLURAL_VOICES = frozenset({"officials", "sources", "spokesmen", "spokeswomen", "spokespeople",
                            "representatives"})  # fmt: skip

# How many times "They said ... They added ..." is followed back to the voice it stands for.
_CHAIN = 4


def plural_voice_body(ctx: Context, pronoun: Token) -> str | None:
    """The body whose plural voice spoke last before ``pronoun`` ("they"), in its sentence or
    the one before, with no other speaker after it; None when the last speaker is anything
    else."""
    if pronoun.lower_ != "they":
        return None
    verbs = rule_words("speech", "verbs")
    anchor = pronoun
    for _ in range(_CHAIN):
        start = sentences_back(ctx.doc, anchor.sent.start, 1)
        spoke = [t for t in ctx.doc[start : anchor.i]
                 if t.dep_ in SUBJECT_DEPS and t.head.lemma_.lower() in verbs and t.head.pos_ == "VERB"]
        if not spoke:
            return None
        last = spoke[-1]
        if last.lower_ == "they":
            anchor = last  # "They said ... They added ...": back to what the first stood for
            continue
        if last.lower_ not in _PLURAL_VOICES:
            return None  # "traders said", a named body or person: not a voice of a body
        return body_of_voice(ctx, last)
    return None
