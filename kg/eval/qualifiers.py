"""Whether an extracted fact's qualifiers agree with a gold fact's (eval README, rule 3).

Which qualifiers each score compares, and by which rule, is the predicate table's
(``kg.vocab.predicates.QUALIFIERS``): strict compares role, quantity, amount, currency and
quote; full compares partner, period and forecast as well.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.eval.gold import GoldFact
from kg.eval.normalize import normalize_name, quote_in_sentence
from kg.vocab.predicates import QUALIFIERS

TOLERANCE = 0.005  # quantity and amount agree within 0.5 %
_STRICT = tuple(q for q in QUALIFIERS.values() if q.score == "strict" and q.rule is not None)
_FULL = tuple(q for q in QUALIFIERS.values() if q.score == "full" and q.rule is not None)


def _numbers_agree(extracted: Any, gold: float) -> bool:
    if isinstance(extracted, bool) or not isinstance(extracted, (int, float)):
        return False
    if gold == 0:
        return extracted == 0
    return abs(extracted - gold) <= TOLERANCE * abs(gold)


def qualifier_problems(fact: Mapping[str, Any], gold: GoldFact) -> list[str]:
    """Why an extracted fact's qualifiers fail the strict score (empty when they agree)."""
    problems: list[str] = []
    for qualifier in _STRICT:
        key, want = qualifier.name, getattr(gold, qualifier.name, None)
        if want is None:
            continue
        got = fact.get(key)
        if qualifier.rule == "name":
            if not isinstance(got, str) or normalize_name(got) != normalize_name(want):
                problems.append(f"{key} {got!r}, gold {want!r}")
        elif qualifier.rule == "number":
            if not _numbers_agree(got, want):
                problems.append(f"{key} {got!r}, gold {want:g} (allowed ±0.5 %)")
        elif qualifier.rule == "quote":
            if not quote_in_sentence(want, str(fact.get("sentence") or "")):
                problems.append(f"gold {key} {want!r} is not in the sentence")
        elif got != want:
            problems.append(f"{key} {got!r}, gold {want!r}")
    return problems


def _within(a: str, b: str) -> bool:
    """One period's text contains the other's, word for word, after rule 1."""
    a, b = f" {normalize_name(a)} ", f" {normalize_name(b)} "
    return a in b or b in a


def full_problems(fact: Mapping[str, Any], gold: GoldFact, partner: str | None) -> list[str]:
    """Why a strictly matching fact fails the full score: its trade qualifiers disagree.

    ``partner`` is the gold id the extracted partner matched (None: no partner, or one that
    matches no gold entity); absent qualifiers agree only with absent ones, and an absent
    forecast is false.
    """
    problems: list[str] = []
    for qualifier in _FULL:
        key, want, got = qualifier.name, getattr(gold, qualifier.name, None), fact.get(qualifier.name)
        if qualifier.rule == "entity":
            if (got is not None or want is not None) and partner != want:
                problems.append(f"{key} {got!r}, gold {want!r}")
        elif qualifier.rule == "within":
            if (got is None) != (want is None) or (got is not None and not _within(str(got), want)):
                problems.append(f"{key} {got!r}, gold {want!r}")
        elif bool(got) != bool(want):
            problems.append(f"{key} {bool(got)}, gold {bool(want)}")
    return problems


__all__ = ["TOLERANCE", "full_problems", "qualifier_problems"]
