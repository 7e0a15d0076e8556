"""The author of a document as a statement's source (for ``said``): "according to figures from the
Department of Health", "according to the WHO's report", "according to central bank figures",
"figures issued by the state oil company X"."""

from __future__ import annotations

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.datafiles import rule_words
from kg.nlp.relations.base import ORGS, Context
from kg.nlp.relations.speakers import speaker_key


# a government body, whose own figures are its statements
_AGENCY = frozenset({EntityType.AGENCY})


def document_source(ctx: Context, noun: Token) -> str | None:
    """ "according to figures from the Department of Health", "according to the WHO's
    report", "according to central bank figures": a document's author is the statement's
    source."""
    if noun.lemma_.lower() not in rule_words("speech", "document_nouns"):
        return None
    for child in noun.children:
        if child.dep_ == "poss" and (key := speaker_key(ctx, child)):
            return key
        # "central bank figures": a government body's own figures ("a Reuters tally" is a
        # count the agency keeps, no statement it relays)
        if child.dep_ in ("compound", "nmod") and child.i < noun.i and (key := ctx.key(child, _AGENCY)):
            return key
        if child.dep_ == "prep" and child.lower_ in rule_words("speech", "document_preps"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (key := speaker_key(ctx, obj)):
                    return key
        # "according to figures issued in a press release by the state oil company X"
        if child.dep_ == "acl" and child.tag_ == "VBN":
            for prep in child.subtree:  # the parser may hang "by" on "release"
                if prep.dep_ in ("agent", "prep") and prep.lower_ == "by":
                    for obj in prep.children:
                        if obj.dep_ == "pobj" and (key := _issuer(ctx, obj)):
                            return key
    return None


def _issuer(ctx: Context, obj: Token) -> str | None:
    """The body an "issued by" phrase names: the object itself, or the name in apposition
    to its description ("the state oil company Petroleos Mexicanos")."""
    key = speaker_key(ctx, obj)
    if key is None:
        key = next((k for c in obj.children if c.dep_ in ("appos", "compound") and (k := ctx.key(c, ORGS))), None)
    return key
