"""Posts in the body a story is about: "Export director X told a press conference ..." in a
story that opens with "Petrobras cancelled a crude oil purchase ..., a Petrobras official
said"; "Board member X told a news conference ..." after "Deutsch-Suedamerikanische Bank
said it was not worried ...".

Newswire opens with the body that acts or speaks, then quotes its officers by a bare
title, the body left unwritten. The lead body is the organization the story's first
sentence makes its subject (or whose official says it); an officer's title with no body of
its own, in a sentence naming no other body, is held there. Titles of nations' offices
("President", "Prime Minister") and of trades ("analyst", "economist", "trader") are not
read so: the one is a country's, the other anybody's."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp import lexicon
from kg.nlp.company_names import legal_form
from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import ORGS, SUBJECT_DEPS, Context

# The last word of an officer's title held in a body ("Export director", "Board member").
_OFFICER_HEADS = frozenset({
    "director", "member", "chairman", "chairwoman", "spokesman", "spokeswoman",
    "manager", "executive", "treasurer", "vice-president", "vice-chairman",
})  # fmt: skip


def lead_body(ctx: Context, role: str, anchor: Token) -> str | None:
    """The story's lead body for an officer's ``role`` written with no body before the
    name at ``anchor``; None where the title is no officer's, the sentence names another
    body, or the story opens with none."""
    words = role.lower().split()
    if not words or words[-1] not in _OFFICER_HEADS or role.lower() in rule_words("posts", "national_titles"):
        return None
    body = _opening_subject(ctx)
    entity = ctx.table.entities.get(body) if body is not None else None
    if entity is None or all(legal_form(name) for name in entity.all_names):
        return None  # "Thyssen AG" cut to "AG" by the model is no body to hold a post
    if any((k := ctx.key(t, ORGS)) is not None and k != body for t in anchor.sent):
        return None
    if set(words) & lexicon.company_nouns() and entity.type is not EntityType.ORGANIZATION:
        return None  # "company chairman X" is no officer of the ministry the story opens with
    return body


def _opening_subject(ctx: Context) -> str | None:
    """The organization the first sentence makes its subject ("Petrobras cancelled ..."),
    or the body whose official or spokesman says it ("..., a Petrobras official said")."""
    first = next(iter(ctx.doc.sents), None)
    if first is None:
        return None
    for token in first:
        if token.dep_ not in SUBJECT_DEPS:
            continue
        if (key := ctx.key(token, ORGS)) is not None:
            return key
        # "a Petrobras official said": the speaker's body, written on the speaker
        owner = [k for c in token.children if c.dep_ in ("compound", "poss") and (k := ctx.key(c, ORGS))]
        if token.lower_ in ("official", "spokesman", "spokeswoman") and len(set(owner)) == 1:
            return owner[0]
    return None
