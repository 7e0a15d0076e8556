"""``locatedIn``: "Chato in northwestern Tanzania", "Wuhan, China", "Austin, Texas"."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from kg.model import EntityType, Fact, Predicate
from kg.nlp.datafiles import rule_data
from kg.nlp.matcher_sets import quick_set_tests
from kg.nlp.relations.base import PLACES, Context
from kg.nlp.relations.tree import TreePatterns

CONFIDENCE = {"located-described": 0.75, "located-prep": 0.75, "located-apposition": 0.85, "located-adjacent": 0.7,
              "located-kind": 0.8}
# A place's container carries over, one step, to what lies in the place ("Pepperell, based
# in West Point, Ga." is based in Georgia); each step costs confidence.
_CHAIN_DISCOUNT = 0.9
# Only a firm reading is carried further: a bare "X in Y" (0.7) is too often a meeting
# place or a misread name to build on.
_CHAIN_FLOOR = 0.75
# A list ("Wuhan, Beijing and Shanghai") is not a place and its container.
_LIST_WORDS = frozenset({",", "and", "or"})


@lru_cache(maxsize=1)
def _patterns() -> TreePatterns:
    matcher = TreePatterns()
    matcher.add("located-prep", [[
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"POS": "PROPN"}},
        {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "p",
         "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": rule_data("places")["located_preps"]}}},
        {"LEFT_ID": "p", "REL_OP": ">", "RIGHT_ID": "y", "RIGHT_ATTRS": {"DEP": "pobj"}},
    ]])
    matcher.add("located-apposition", [[
        {"RIGHT_ID": "x", "RIGHT_ATTRS": {"POS": "PROPN"}},
        {"LEFT_ID": "x", "REL_OP": ">", "RIGHT_ID": "y",
         "RIGHT_ATTRS": {"DEP": {"IN": ["appos", "npadvmod", "conj"]}, "POS": {"IN": ["PROPN", "NOUN"]}}},
    ]])
    # "the US state of Maine", "China's Hubei province ... the city of Wuhan in ...": the
    # kind noun carries the container as modifier and the place as its "of" object.
    matcher.add("located-kind", [[
        {"RIGHT_ID": "k", "RIGHT_ATTRS": {"LOWER": {"IN": rule_data("places")["place_kinds"]}}},
        {"LEFT_ID": "k", "REL_OP": ">", "RIGHT_ID": "p", "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "of"}},
        {"LEFT_ID": "p", "REL_OP": ">", "RIGHT_ID": "x", "RIGHT_ATTRS": {"DEP": "pobj", "POS": "PROPN"}},
        {"LEFT_ID": "k", "REL_OP": ">", "RIGHT_ID": "y",
         "RIGHT_ATTRS": {"DEP": {"IN": ["compound", "poss", "amod", "nmod"]}}},
    ]])  # fmt: skip
    return matcher


def adjacent_matcher(vocab: Vocab) -> Matcher:
    """"X in (the) (northwestern) Y": two proper nouns read in surface order."""
    # "born in Chato in northwestern Tanzania": the parser often hangs the second "in" on
    # the verb, so the surface order is read too.
    matcher = Matcher(vocab)
    directions = rule_data("places")["direction_words"]
    matcher.add("located-adjacent", [[
        {"POS": "PROPN"}, {"LOWER": "in"}, {"LOWER": "the", "OP": "?"},
        {"LOWER": {"IN": directions}, "OP": "*"}, {"POS": "PROPN"},
    ]])  # fmt: skip
    return quick_set_tests(matcher)


def extract(ctx: Context) -> list[Fact]:
    """Places located in other places."""
    facts: list[Fact] = []
    for _, start, end in ctx.rules.adjacent_places(ctx.doc):
        x, y = ctx.doc[start], ctx.doc[end - 1]
        kx, ky = ctx.key(x, PLACES), ctx.key(y, PLACES)
        if kx is None or ky is None or kx == ky or ctx.type(kx) is EntityType.COUNTRY:
            continue
        if ctx.mention(x).end != start + 1 or ctx.mention(y).start != end - 1:
            continue
        facts.append(ctx.fact(kx, Predicate.LOCATED_IN, [x, y], object=ky,
                              rule="located-adjacent", confidence=ctx.confidence("located-adjacent")))  # fmt: skip
        facts.extend(_listed(ctx, x, y, ky, "located-adjacent"))
    for rule, ids in _patterns()(ctx.parse):
        x, y = ctx.doc[ids[0]], ctx.doc[ids[-1]]
        if rule == "located-kind":
            x = ctx.doc[ids[2]]
        kx, ky = ctx.key(x, PLACES), ctx.key(y, PLACES)
        if rule == "located-kind" and ky is None and y.pos_ == "ADJ":
            ky = ctx.country_of_demonym(y)  # "the Chinese city of Wuhan"
        if kx is None or ky is None or kx == ky:
            continue
        if ctx.type(kx) is EntityType.COUNTRY:
            continue  # a country is located in no other place kg names
        if rule == "located-kind" and _water(ctx.mention(y)):
            continue  # "the Pacific port of Balao": on the ocean, not in it
        if rule == "located-apposition" and not _comma_pair(ctx, x, y, ky):
            continue
        facts.append(ctx.fact(kx, Predicate.LOCATED_IN, [x, y], object=ky, rule=rule,
                              confidence=ctx.confidence(rule)))  # fmt: skip
        if rule == "located-prep":
            facts.extend(_listed(ctx, x, y, ky, rule))
    for key, mention in ctx.entity_mentions(frozenset({EntityType.PLACE})):
        facts.extend(_described(ctx, key, mention))
    return facts


def _water(mention: Span) -> bool:
    """A sea or an ocean ("Pacific", "Pacific Ocean", "the Black Sea")."""
    words = [t.lower_ for t in mention if t.is_alpha]
    data = rule_data("places")
    return bool(words) and (words[-1] in data["water_heads"] or words[0] in data["water_names"])


def _listed(ctx: Context, x: Token, y: Token, ky: str, rule: str) -> list[Fact]:
    """ "Kano and Kaduna in northern Nigeria": the places listed before the last one lie in
    its container too."""
    facts = []
    for other in x.conjuncts:
        kother = ctx.key(other, PLACES)
        if other.i >= x.i or kother is None or kother == ky or ctx.type(kother) is EntityType.COUNTRY:
            continue
        if ctx.key(x, PLACES) == kother:
            continue
        between = ctx.doc[other.i + 1 : x.i]
        if not all(t.lower_ in _LIST_WORDS or ctx.key(t, PLACES) is not None for t in between):
            continue  # "A in B, C in D": each place has its own container
        facts.append(ctx.fact(kother, Predicate.LOCATED_IN, [other, x, y], object=ky, rule=rule,
                              confidence=ctx.confidence(rule)))  # fmt: skip
    return facts


def _described(ctx: Context, kx: str, mention: Span) -> list[Fact]:
    """ "Onitsha, the state's commercial hub", "Aba, a city in Abia", "Aba, in the southeast of
    Nigeria": a description set off after the place names its container."""
    root = mention.root
    directions = set(rule_data("places")["direction_words"])
    if mention.end + 1 >= len(ctx.doc) or ctx.doc[mention.end].text != ",":
        return []
    after = ctx.doc[mention.end + 1]
    # "Nnewi, in the southeast of Nigeria, was ...": the parser may hang the aside on the verb
    aside = [after] if after.lower_ == "in" and after.dep_ == "prep" and (
        after.right_edge.i + 1 < len(ctx.doc) and ctx.doc[after.right_edge.i + 1].text == ",") else []
    for child in [*root.children, *aside]:
        if child.left_edge.i != mention.end + 1:
            continue
        found: list[tuple[Token, str | None]] = []
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            for c in child.children:
                if c.dep_ == "poss":  # "the state's commercial hub"
                    found.append((c, ctx.key(c, PLACES) or _recent_place(ctx, c, mention[0], kx)))
                elif c.dep_ == "prep" and c.lower_ in ("in", "of"):  # "a city in Abia"
                    found.extend((o, ctx.key(o, PLACES)) for o in c.children if o.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ == "in":  # "in the southeast of Nigeria"
            for o in child.children:
                if o.dep_ == "pobj" and o.lower_ in directions:
                    found.extend((y, ctx.key(y, PLACES)) for p in o.children
                                 if p.dep_ == "prep" and p.lower_ == "of"
                                 for y in p.children if y.dep_ == "pobj")  # fmt: skip
        for y, ky in found:
            if ky is not None and ky != kx:
                return [ctx.fact(kx, Predicate.LOCATED_IN, [mention[0], y], object=ky,
                                 rule="located-described", confidence=ctx.confidence("located-described"))]  # fmt: skip
    return []


def _recent_place(ctx: Context, token: Token, before: Token, exclude: str) -> str | None:
    """ "the state's": the place of that kind named last before the described place."""
    kind = rule_data("places")["container_words"].get(token.lower_)
    if kind is None or token.pos_ != "NOUN":
        return None
    types = frozenset({EntityType.COUNTRY}) if kind == "country" else frozenset({EntityType.PLACE})
    key = ctx.recent(before, types, sentences=3)
    return key if key != exclude else None


def _comma_pair(ctx: Context, x: Token, y: Token, ky: str) -> bool:
    """ "Wuhan, China": the container follows right after a comma and ends the phrase."""
    first, second = ctx.mention(x), ctx.mention(y)
    directions = set(rule_data("places")["direction_words"])
    gap = ctx.doc[first.end + 1 : second.start]  # "Finnmark, northern Norway"
    if second.start < first.end + 1 or ctx.doc[first.end].text != "," \
            or not all(t.lower_ in directions for t in gap):
        return False
    if y.dep_ == "conj" and ctx.type(ky) is not EntityType.COUNTRY:
        return False
    after = ctx.doc[second.end] if second.end < len(ctx.doc) else None
    before = ctx.doc[first.start - 1] if first.start > 0 else None
    in_list = (after is not None and after.lower_ in ("and", "or")) or (
        before is not None and before.text == "," and y.dep_ == "conj"
    )
    return not in_list and not (y.dep_ == "conj" and _LIST_WORDS & {t.lower_ for t in x.children})


def chained(facts: list[Fact]) -> list[Fact]:
    """Facts implied by a locatedIn read in the same sentence: what is based or located in
    a place is also based or located in that place's container (one step, no cycles)."""
    containers: dict[tuple[str, str], list[Fact]] = {}
    for f in facts:
        if f.predicate is Predicate.LOCATED_IN and f.object:
            containers.setdefault((f.sentence, f.subject), []).append(f)
    out: list[Fact] = []
    for f in facts:
        if f.predicate not in (Predicate.LOCATED_IN, Predicate.BASED_IN) or not f.object:
            continue
        if f.confidence < _CHAIN_FLOOR:
            continue
        for up in containers.get((f.sentence, f.object), []):
            if up.object in (f.subject, f.object):
                continue
            rule = "located-chain" if f.predicate is Predicate.LOCATED_IN else "based-chain"
            out.append(replace(f, object=up.object, start=min(f.start, up.start), end=max(f.end, up.end),
                               confidence=round(min(f.confidence, up.confidence) * _CHAIN_DISCOUNT, 3),
                               extractor=rule))  # fmt: skip
    return out
