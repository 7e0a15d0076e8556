"""``basedIn`` of the traders' bodies written in lower case ("the joint committee of
Taiwan's soybean importers" is Taiwan's): the country the phrase names gathers the traders
(the bodies themselves are found by ``kg.nlp.trader_bodies``)."""

from __future__ import annotations

from kg.model import Fact, Predicate
from kg.nlp.relations.base import ORGS, PLACES, Context
from kg.nlp.trader_bodies import trader_body_phrases

CONFIDENCE = {"based-traders-country": 0.75}


def extract(ctx: Context) -> list[Fact]:
    facts = []
    for mention, _, country in trader_body_phrases(ctx.doc):
        body = ctx.key(mention[-1], ORGS)
        if body is None or country is None:
            continue
        token = ctx.doc[country]
        place = ctx.key(token, PLACES) or ctx.country_of_demonym(token)
        if place is not None and place != body:
            facts.append(ctx.fact(body, Predicate.BASED_IN, [mention[-1], token], object=place,
                                  rule="based-traders-country", confidence=CONFIDENCE["based-traders-country"]))
    return facts


__all__ = ["extract"]
