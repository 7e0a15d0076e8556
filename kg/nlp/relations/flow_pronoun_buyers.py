"""The country "it" buys for, when the sentence before made a country the buyer: "Peru has
been authorized to purchase about 40,000 tonnes of U.S. rice ... It may buy the rice, valued
at 9.5 mln dlrs, between April 1 and August 31". Purchase announcements go on with "it" for
the buyer they just named; a pronoun the resolver left unread, or read as the department that
spoke, is that country."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.relations.base import COUNTRY, Context, sentences_back
from kg.nlp.relations.flow_clause import flow_words

_IT = frozenset({"it"})


def pronoun_buyer(ctx: Context, subject: Token, buyer_of: Callable[[Context, Token], str | None]) -> str | None:
    """The country bought for by the purchase verb of the sentence before ``subject``'s, when
    ``subject`` is "it" (``buyer_of`` reads a verb's buyer); None when that sentence has no
    purchase verb with a country for buyer, or names another country after it (then "it"
    may be that one)."""
    if subject.lower_ not in _IT or subject.tag_ != "PRP":
        return None
    doc = subject.doc
    floor = sentences_back(doc, subject.sent.start, 1)
    before = doc[floor : subject.sent.start]
    for verb in before:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in flow_words("purchase_verbs"):
            continue
        key = buyer_of(ctx, verb)
        if key is None or ctx.type(key) is not EntityType.COUNTRY:
            continue
        # "Peru was authorized to buy ... Chile said it ...": another country the subject of a
        # clause since may be the one "it" stands for ("U.S. rice" names where goods come from)
        later = {k for t in doc[verb.i : subject.i] if t.dep_ in ("nsubj", "nsubjpass")
                 and (k := ctx.key(t, COUNTRY))}
        return key if later <= {key} else None
    return None
