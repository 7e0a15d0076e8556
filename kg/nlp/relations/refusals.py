"""Flows a sentence says did not happen: "rejected all bids to export wheat", "ruled out a
higher volume of exports" (the verbs of ``trade.json`` flows.rejected_by), "the suspension of
maize imports", "a ban on coffee exports" (its nouns flows.stopped_by), "no imports were
allowed"; and flows it only supposes: "if the Commission has to buy the sugar", "possible
intervention buying"."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.nlp.datafiles import rule_data as lexicon


def rejected(anchor: Token) -> bool:
    """True when a verb above the trade word, with the flow on its object side, rejects it,
    or a noun it hangs on stops it."""
    if stopped(anchor) or supposed(anchor) or none_of(anchor):
        return True
    verbs = _rejecting_verbs()
    child, current = anchor, anchor.head
    for _ in range(6):
        if current.i == child.i:
            return False
        if current.pos_ == "VERB" and child.dep_ not in ("nsubj", "nsubjpass", "csubj"):
            lemma = current.lemma_.lower()
            if lemma in verbs or any(f"{lemma} {c.lower_}" in verbs for c in current.children if c.dep_ == "prt"):
                return True
        child, current = current, current.head
    return False


def supposed(anchor: Token) -> bool:
    """ "if the Commission has to buy the sugar", "unless Japan imports more": a flow in a
    condition, under the trade word or any verb above it; "possible intervention buying": a
    flow called possible. Neither says the goods moved."""
    if any(c.dep_ == "amod" and c.lower_ in _SUPPOSING for c in anchor.children):
        return True
    for token in (anchor, *anchor.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            return True
    return False


_SUPPOSING = frozenset({"possible", "potential", "hypothetical"})


def none_of(anchor: Token) -> bool:
    """ "No imports of foreign-built cars were allowed", "there were no shipments of wheat",
    "imported no wheat": a trade noun (or the noun it names), or a trade verb's goods, that a
    determiner denies."""
    noun = anchor
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    denied = [noun, *(c for c in anchor.children if c.dep_ == "dobj")] if anchor.pos_ == "VERB" else [noun]
    return any(c.dep_ == "det" and c.lower_ == "no" for t in denied for c in t.children)


def stopped(anchor: Token) -> bool:
    """ "a lack of aircraft imports", "the ban on beef exports": the trade noun (or the noun it
    names, "import" in "the import trade") hangs by "of" or "on" on a noun that stops it."""
    noun = anchor
    while noun.dep_ == "compound" and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    return noun.dep_ == "pobj" and prep.lower_ in ("of", "on") and prep.head.lemma_.lower() in _stopping_nouns()


@lru_cache(maxsize=1)
def _stopping_nouns() -> frozenset[str]:
    return frozenset(lexicon("trade")["flows"]["stopped_by"])


@lru_cache(maxsize=1)
def _rejecting_verbs() -> frozenset[str]:
    # built once: the check runs for every trade word of every sentence
    return frozenset(lexicon("trade")["flows"]["rejected_by"])
