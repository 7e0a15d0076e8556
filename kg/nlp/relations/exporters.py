"""Who exports by an export verb: its subjects or passive agents, or those of the verb it
completes ("China is forecast to export"); a relative pronoun's noun, a speaker's "it", or
a description ("the country") the text resolves; none where a verb above denies the flow.

``EXPORTERS`` are the entity types that trade; a ``Claim`` is an export verb read so far,
which later descriptions and ownerless export nouns fall back on.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from kg.model import EntityType
from kg.nlp.climb import is_root, upward
from kg.nlp.datafiles import rule_data as lexicon
from kg.nlp.relations.base import ORGS, Context
from kg.nlp.relations.capital_traders import capital_country
from kg.nlp.relations.flow_agreements import through_agreement
from kg.nlp.relations.own_countries import own_country
from kg.nlp.relations.titles import named_before_ticker

EXPORTERS = ORGS | frozenset({EntityType.COUNTRY})


@dataclass(frozen=True)
class Claim:
    """An export verb read so far: who exported, where, and which goods its object names."""

    exporter: str
    at: int  # token index of the verb
    goods: frozenset[str]


def exporters_of_verb(ctx: Context, verb: Token, claims: list[Claim] | None = None) -> list[str]:
    """The traders of a flow verb: its subjects (or its passive's agents), or those of the verb
    it completes or is joined to; none where a verb above denies the flow."""
    climbs = lambda t: t.dep_ in ("conj", "xcomp", "advcl") or likelihood(t) or through_agreement(t)  # noqa: E731
    for current in upward(verb, climbs, limit=3):
        if current is not verb and denied(current):
            return []  # "China is not expected to export", "Peru is unlikely to import"
        subjects = [c for c in current.children if c.dep_ == "nsubj"]
        if current is not verb and current.lemma_.lower() in lexicon("trade")["flows"]["forecast_passives"]:
            # "China is forecast to export 5.5 mln tonnes": the subject of the forecast the
            # flow completes (the verb's own is its goods: "wheat was exported"; "when
            # Indonesia was forced to import sugar" may say no more than that)
            subjects += [c for c in current.children if c.dep_ == "nsubjpass"]
        agents = [p for c in current.children if c.dep_ == "agent" for p in c.children
                  if p.dep_ == "pobj"]  # fmt: skip
        # "Hyundai Motor Co <HYUN.SE> exported ...": the subject the parser found is the ticker
        found = [_owner_of_time_subject(ctx, s) or named_before_ticker(s) for s in subjects] or agents
        if found:
            tokens = [t for s in found for t in sorted({s, *s.conjuncts}, key=lambda t: t.i)]
            return [k for t in tokens if (k := ctx.key(t, EXPORTERS)
                                          or described_trader(ctx, t, claims or [])
                                          or _pronoun(ctx, t, current)
                                          or own_country(ctx, t)  # "his country's firms exported"
                                          or capital_country(ctx, t))]  # "Moscow imported": the Soviet Union
        if current.dep_ == "xcomp" and not is_root(current):
            # "the drought forced Kenya to import": the object of the verb above does it
            doers = [k for c in current.head.children if c.dep_ == "dobj" and (k := ctx.key(c, EXPORTERS))]
            if doers:
                return doers
    return []


_TIME_NOUNS = frozenset({"year", "month", "week", "season", "day", "quarter"})


def _owner_of_time_subject(ctx: Context, subject: Token) -> Token | None:
    """ "Over the 1983/85 period Turkey each year has exported ...": the parser takes "each
    year" for the subject; the trader it hangs aside stands right before it."""
    if subject.lemma_.lower() not in _TIME_NOUNS or not any(c.dep_ == "det" for c in subject.children):
        return None
    before = subject.left_edge.i - 1
    return ctx.doc[before] if before >= 0 and ctx.key(ctx.doc[before], EXPORTERS) else None


def likelihood(token: Token) -> bool:
    """ "is likely to import", "is unlikely to export": an adjective of likelihood the flow
    verb completes, whose subject trades."""
    return token.dep_ == "acomp" and token.pos_ == "ADJ"


def denied(token: Token) -> bool:
    """A verb or adjective above a flow that says it will not happen: "not expected to",
    "unlikely to", "unable to"."""
    return any(c.dep_ == "neg" for c in token.children) or token.lower_ in lexicon("trade")["flows"]["denying_words"]


def _pronoun(ctx: Context, token: Token, verb: Token) -> str | None:
    """ "Indonesia, which exported ...": the noun the clause describes; "Pemex said it
    exported ...": the speaker; "it"/"they" elsewhere: the exporter mentioned last."""
    word = token.lower_
    if word in ("which", "that", "who") and verb.dep_ == "relcl":
        return ctx.key(verb.head, EXPORTERS)
    if word not in ("it", "they"):
        return None
    if verb.dep_ == "ccomp":
        said = [c for c in verb.head.children if c.dep_ == "nsubj"]
        if said and (k := ctx.key(said[0], EXPORTERS)):
            return k
    return ctx.recent(token, EXPORTERS)


def described_trader(ctx: Context, token: Token, claims: list[Claim]) -> str | None:
    """ "The country exported ...", "the company's exports": the entity of the kind the
    description names that the text mentioned last, a few sentences back at most, else the
    last exporter of that kind the text named."""
    kind = lexicon("trade")["exporter_descriptions"].get(token.lemma_.lower())
    if kind is None or not any(c.lower_ in ("the", "this", "that") for c in token.children):
        return None
    types = frozenset({EntityType.COUNTRY}) if kind == "Country" else ORGS
    found = ctx.recent(token, types, sentences=3)
    if found is None:
        found = next((c.exporter for c in reversed(claims)
                      if c.at < token.i and ctx.type(c.exporter) in types), None)  # fmt: skip
    return found
