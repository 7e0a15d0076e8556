"""Flows a sentence says did not happen: "rejected all bids to export wheat", "ruled out a
higher volume of exports" (the verbs of ``trade.json`` flows.rejected_by)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from kg.nlp.datafiles import rule_data as lexicon


def rejected(anchor: Token) -> bool:
    """True when a verb above the trade word, with the flow on its object side, rejects it."""
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


@lru_cache(maxsize=1)
def _rejecting_verbs() -> frozenset[str]:
    # built once: the check runs for every trade word of every sentence
    return frozenset(lexicon("trade")["flows"]["rejected_by"])
