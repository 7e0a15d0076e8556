"""The country a speaker's "his country" stands for: "South Korean Trade Minister Kim said
his country's firms agreed to buy 1.8 billion dlrs of U.S. goods", "X, Brazil's finance
minister, said his nation would import ...". The pronoun refers to the person who reports
the clause, and that person's title names the country (a demonym or a country in the
subject's own words); a speaker whose title names none gives no country (no guess from the
countries the text named last, which are as often the partner's)."""

from __future__ import annotations

from spacy.tokens import Token

from kg.nlp.relations.base import COUNTRY, PERSONS, Context

_OWN_PRONOUNS = frozenset({"his", "her"})
_COUNTRY_NOUNS = frozenset({"country", "nation"})


def own_country(ctx: Context, token: Token) -> str | None:
    """The country of "his country" (``token`` the country noun) or of the noun "his
    country's" owns ("his country's firms", "her nation's exporters")."""
    noun = token if token.lemma_.lower() in _COUNTRY_NOUNS else next(
        (c for c in token.children if c.dep_ == "poss" and c.lemma_.lower() in _COUNTRY_NOUNS), None)
    if noun is None or noun.tag_ == "NNS" or not any(c.dep_ == "poss" and c.lower_ in _OWN_PRONOUNS for c in noun.children):
        return None  # "developing countries", "the country" (``described_trader`` reads that one)
    speaker = _speaker(ctx, noun)
    return _titled_country(ctx, speaker) if speaker is not None else None


def _speaker(ctx: Context, noun: Token) -> Token | None:
    """The person subject of a verb above the noun's clause: the one the pronoun refers to."""
    chain = {noun, *noun.ancestors}
    for verb in noun.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj" and c not in chain):
            if ctx.key(subject, PERSONS) is not None:
                return subject
    return None


def _titled_country(ctx: Context, speaker: Token) -> str | None:
    """The country the speaker's own words name: "South Korean Trade Minister Kim", "Kim,
    Brazil's finance minister" (the subject's subtree, no clause of its own)."""
    for t in speaker.subtree:
        if t.pos_ in ("VERB", "AUX"):
            return None  # "Kim, who visited Japan last week, said ...": not a title
    for t in speaker.subtree:
        if (key := ctx.key(t, COUNTRY) or ctx.country_of_demonym(t)) is not None:
            return key
    return None


__all__ = ["own_country"]
