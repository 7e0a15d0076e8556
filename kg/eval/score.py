"""Score one article's facts document against its gold file (scoring rules 1-4).

Matching is one-to-one on both levels: each gold entity (and each gold fact) is taken by at
most one extracted entity (fact). Among the matchings of greatest size the scorer prefers the
one that covers the most required gold items, then the one with the most right types (or
agreeing qualifiers), then (for entities) the extracted node that the article's facts use;
remaining ties are broken by a fixed order of both lists, so a run is deterministic.

Scope and the cases the rules leave open:

* Only the gold article's facts count; its entities are those with a mention in it, or
  named by one of its facts as subject, object or trade partner (one node per IRI): a
  country known only by a demonym has no mention, yet may be a flow's partner.
* A second node for a required gold entity is a false positive, and so are the facts that
  hang on it (rule 4: it is unmatched). A second node for an optional entity, and a fact that
  restates an optional gold fact, cost nothing; a wrong core type on either is a typing error.
* Types compare exactly: a Person where gold says Official is found, but not typed right.
* ``unit`` is not compared; a quote is sought word by word in the fact's ``sentence``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.eval.gold import CORE_TYPES, OPTIONAL_OBJECT, Gold, GoldEntity, GoldFact
from kg.eval.normalize import normalize_name, quote_in_sentence
from kg.eval.qualifiers import TOLERANCE, full_problems, qualifier_problems
from kg.vocab.predicates import QUALIFIERS

CORE_TYPE_NAMES = frozenset(t.value for t in CORE_TYPES)
_QUALIFIERS = tuple(QUALIFIERS)  # what a false positive lists, in the table's order


@dataclass
class Counts:
    """True positives, false positives and false negatives, with P/R/F1.

    With nothing extracted and nothing to find, precision and recall are 1.0; with nothing
    extracted but something to find, precision is 0.0 (and recall too), and the other way round.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def r(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass
class FileResult:
    """The figures, misses and false positives for one gold file."""

    gold: str
    article: str
    entities_untyped: Counts = field(default_factory=Counts)
    entities_typed: Counts = field(default_factory=Counts)
    facts_strict: Counts = field(default_factory=Counts)
    facts_loose: Counts = field(default_factory=Counts)
    facts_full: Counts = field(default_factory=Counts)
    strict_by_predicate: dict[str, Counts] = field(default_factory=dict)
    loose_by_predicate: dict[str, Counts] = field(default_factory=dict)
    full_by_predicate: dict[str, Counts] = field(default_factory=dict)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)


def _sum_by_predicate(parts: Sequence[dict[str, Counts]]) -> dict[str, Counts]:
    out: dict[str, Counts] = {}
    for part in parts:
        for pred, counts in part.items():
            out[pred] = out.get(pred, Counts()) + counts
    return dict(sorted(out.items()))


@dataclass
class EvalResult:
    """Every file's result; ``total`` micro-averages them (counts summed, then P/R/F1)."""

    files: list[FileResult] = field(default_factory=list)

    @property
    def total(self) -> FileResult:
        total = FileResult(gold="total", article="")
        for f in self.files:
            total.entities_untyped += f.entities_untyped
            total.entities_typed += f.entities_typed
            total.facts_strict += f.facts_strict
            total.facts_loose += f.facts_loose
            total.facts_full += f.facts_full
        total.strict_by_predicate = _sum_by_predicate([f.strict_by_predicate for f in self.files])
        total.loose_by_predicate = _sum_by_predicate([f.loose_by_predicate for f in self.files])
        total.full_by_predicate = _sum_by_predicate([f.full_by_predicate for f in self.files])
        return total


def _matching(edges: Mapping[tuple[int, int], tuple[int, ...]]) -> dict[int, int]:
    """A maximum one-to-one matching left -> right; among those, the best by the edges' tiers.

    Each edge carries non-negative preference tiers, most important first; they are packed
    into one integer weight (mixed radix) so that one more edge outweighs any preference and
    each tier outweighs all tiers after it. Integer weights keep networkx's algorithm exact.
    """
    if not edges:
        return {}
    size = min(len({a for a, _ in edges}), len({b for _, b in edges}))
    weight = dict.fromkeys(edges, 0)
    scale = 1
    for tier in reversed(range(len(next(iter(edges.values()))))):
        top = max(prefs[tier] for prefs in edges.values())
        for edge, prefs in edges.items():
            weight[edge] += prefs[tier] * scale
        scale *= size * top + 1
    graph = nx.Graph()
    for (left, right), w in sorted(weight.items()):
        graph.add_edge(("l", left), ("r", right), weight=w + scale)
    out: dict[int, int] = {}
    for a, b in nx.max_weight_matching(graph, maxcardinality=False):
        left, right = (a, b) if a[0] == "l" else (b, a)
        out[left[1]] = right[1]
    return out


def _names(entity: Mapping[str, Any]) -> list[str]:
    names = [entity.get("label"), *(entity.get("names") or [])]
    return list(dict.fromkeys(n for n in names if isinstance(n, str) and n.strip()))


def _keys(names: Sequence[str]) -> set[str]:
    return {k for k in (normalize_name(n) for n in names) if k}


def _first_sentence(entity: Mapping[str, Any], article: str) -> str | None:
    for mention in entity.get("mentions") or []:
        if mention.get("article") == article:
            return mention.get("sentence")
    return None


def _article_entities(doc: Mapping[str, Any], article: str, facts: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Entities mentioned in the article, or named by one of its facts; one per IRI, sorted."""
    used = {f.get(role) for f in facts for role in ("s", "o", "partner")}
    merged: dict[str, dict[str, Any]] = {}
    for e in doc.get("entities") or []:
        mentions = [m for m in e.get("mentions") or [] if m.get("article") == article]
        if not mentions and e.get("iri") not in used:
            continue
        iri = str(e.get("iri"))
        if iri in merged:  # a document listing an IRI twice: one node, all its names
            seen = merged[iri]
            seen["names"] = _names(seen) + [n for n in _names(e) if n not in _names(seen)]
            seen["mentions"] = seen["mentions"] + mentions
        else:
            merged[iri] = {**e, "names": _names(e), "mentions": mentions}
    return [merged[iri] for iri in sorted(merged)]


def _type_ok(extracted_type: str, gold: GoldEntity) -> bool:
    if gold.optional:
        # An optional entity costs nothing, unless it is given a wrong core type.
        return extracted_type not in CORE_TYPE_NAMES or extracted_type == gold.type.value
    return extracted_type == gold.type.value


class _Scorer:
    def __init__(self, gold: Gold, doc: Mapping[str, Any], label: str) -> None:
        self.gold = gold
        self.article = gold.article_id
        self.result = FileResult(gold=label, article=self.article)
        self.facts = sorted(
            (f for f in doc.get("facts") or [] if f.get("article") == self.article),
            key=lambda f: (
                str(f.get("p")), f.get("start") or 0, f.get("end") or 0, json.dumps(f, sort_keys=True, default=str)
            ),  # fmt: skip
        )
        self.entities = _article_entities(doc, self.article, self.facts)
        self.by_iri = {e.get("iri"): e for e in doc.get("entities") or []}
        self.gold_index = {g.id: n for n, g in enumerate(gold.entities)}
        self.to_gold: dict[str, str] = {}  # extracted IRI -> gold id, for matched entities
        self.ignored: set[int] = set()  # extracted facts that only restate optional gold facts

    # -- entities ----------------------------------------------------------------------
    def score_entities(self) -> None:
        gold, res = self.gold.entities, self.result
        gold_keys = [_keys(g.names) for g in gold]
        ext_keys = [_keys(_names(e)) for e in self.entities]
        # Preferences: required gold entities, right types, then the extracted entity the
        # article's facts hang on (so a failed merge costs the stray node, not the main one),
        # then the one with more mentions, then the order of IRIs.
        uses = Counter(str(x) for f in self.facts for x in (f.get("s"), f.get("o")) if x)
        edges: dict[tuple[int, int], tuple[int, ...]] = {}
        for i, keys in enumerate(ext_keys):
            e = self.entities[i]
            for j, gkeys in enumerate(gold_keys):
                if keys & gkeys:
                    edges[(i, j)] = (
                        int(not gold[j].optional),
                        int(_type_ok(str(e.get("type")), gold[j])),
                        uses[str(e.get("iri"))],
                        sum(m.get("article") == self.article for m in e.get("mentions") or []),
                        len(self.entities) - i,
                        len(gold) - j,
                    )
        match = _matching(edges)
        matched_gold = {j: i for i, j in match.items()}
        for i, j in sorted(match.items()):
            self.to_gold[str(self.entities[i].get("iri"))] = gold[j].id
        for j, g in enumerate(gold):
            if j in matched_gold:
                e = self.entities[matched_gold[j]]
                etype = str(e.get("type"))
                right = _type_ok(etype, g)
                if not g.optional:
                    res.entities_untyped.tp += 1
                    if right:
                        res.entities_typed.tp += 1
                    else:
                        res.entities_typed.fp += 1
                        res.entities_typed.fn += 1
                elif not right:
                    res.entities_typed.fp += 1
                if not right:
                    why = f"typed {etype}, but gold entity {g.id!r} is of type {g.type.value}"
                    res.false_positives.append(self._entity_fp(e, why, kind="type"))
            elif not g.optional:
                res.entities_untyped.fn += 1
                res.entities_typed.fn += 1
                res.misses.append(self._entity_miss(g, ext_keys, gold_keys[j], match))
        for i, e in enumerate(self.entities):
            if i in match or str(e.get("type")) not in CORE_TYPE_NAMES:
                continue
            optional = [gold[j] for (a, j) in sorted(edges) if a == i and gold[j].optional]
            if optional:
                # Another node for an optional entity costs nothing (but a wrong type does);
                # its facts are read as facts about that entity.
                self.to_gold[str(e.get("iri"))] = optional[0].id
                if not any(_type_ok(str(e.get("type")), g) for g in optional):
                    res.entities_typed.fp += 1
                    first = optional[0]
                    why = f"typed {e.get('type')}, but gold entity {first.id!r} is of type {first.type.value}"
                    res.false_positives.append(self._entity_fp(e, why, kind="type"))
                continue
            res.entities_untyped.fp += 1
            res.entities_typed.fp += 1
            taken = [gold[j].id for (a, j) in edges if a == i]
            reason = (
                f"a second entity for gold {taken[0]!r}, which another entity already matched"
                if taken
                else "matches no gold entity"
            )
            res.false_positives.append(self._entity_fp(e, reason))

    def _entity_miss(
        self, g: GoldEntity, ext_keys: list[set[str]], gkeys: set[str], match: dict[int, int]
    ) -> dict[str, Any]:
        rivals = [i for i, keys in enumerate(ext_keys) if keys & gkeys]
        if rivals:
            other = self.gold.entities[match[rivals[0]]].id
            label = self.entities[rivals[0]].get("label")
            reason = f"the only extracted entity with one of these names ({label!r}) was matched to gold {other!r}"
        else:
            reason = "no extracted entity has any of these names"
        return {"kind": "entity", "id": g.id, "type": g.type.value, "names": list(g.names), "reason": reason}

    def _entity_fp(self, e: Mapping[str, Any], reason: str, *, kind: str = "entity") -> dict[str, Any]:
        out = {
            "kind": kind,
            "iri": e.get("iri"),
            "type": e.get("type"),
            "label": e.get("label"),
            "names": _names(e),
            "sentence": _first_sentence(e, self.article),
            "reason": reason,
        }
        if kind == "type":
            out["gold"] = self.to_gold.get(str(e.get("iri")))
        return out

    # -- facts -------------------------------------------------------------------------
    def score_facts(self) -> None:
        gold, res = self.gold.facts, self.result
        mapped: list[tuple[str | None, str | None, str | None]] = []  # (s, o, why unmatched)
        for f in self.facts:
            s, o = self.to_gold.get(str(f.get("s"))), self.to_gold.get(str(f.get("o"))) if f.get("o") else None
            why = None
            if s is None:
                why = f"subject {self._label(f.get('s'))!r} matches no gold entity"
            elif f.get("o") and o is None:
                why = f"object {self._label(f.get('o'))!r} matches no gold entity"
            mapped.append((s, o, why))
        loose_edges: dict[tuple[int, int], tuple[int, ...]] = {}
        strict_edges: dict[tuple[int, int], tuple[int, ...]] = {}
        full_edges: dict[tuple[int, int], tuple[int, ...]] = {}
        problems: dict[tuple[int, int], list[str]] = {}
        trade: dict[tuple[int, int], list[str]] = {}
        n, m = len(self.facts), len(gold)
        for i, f in enumerate(self.facts):
            s, o, why = mapped[i]
            if why is not None:
                continue
            partner = self.to_gold.get(str(f.get("partner"))) if f.get("partner") else None
            for j, g in enumerate(gold):
                if f.get("p") != g.p.value or s != g.s:
                    continue
                # A value fact's object is a qualifier (the product the amount is for): loose
                # matching ignores it, strict matching checks it when the gold gives one.
                if o != g.o and g.p not in OPTIONAL_OBJECT:
                    continue
                problems[(i, j)] = qualifier_problems(f, g)
                if g.o is not None and o != g.o:
                    problems[(i, j)].insert(0, f"o {self._label(f.get('o')) if f.get('o') else None!r}, gold {g.o!r}")
                required, agree = int(not g.optional), int(not problems[(i, j)])
                loose_edges[(i, j)] = (required, agree, n - i, m - j)
                if agree:
                    strict_edges[(i, j)] = (required, n - i, m - j)
                    trade[(i, j)] = full_problems(f, g, partner)
                    if not trade[(i, j)]:
                        full_edges[(i, j)] = (required, n - i, m - j)
        strict = _matching(strict_edges)
        loose = _matching(loose_edges)
        full = _matching(full_edges)
        # A fact that restates an optional gold fact, even a second time or with other
        # qualifiers, neither earns nor costs anything.
        self.ignored = {i for (i, j) in loose_edges if gold[j].optional}
        self._count(strict, res.facts_strict, res.strict_by_predicate)
        self._count(loose, res.facts_loose, res.loose_by_predicate)
        self._count(full, res.facts_full, res.full_by_predicate)
        self._fact_misses(strict, loose, problems)
        self._full_misses(strict, full, trade)
        for i, f in enumerate(self.facts):
            if i in self.ignored:
                continue
            if i in strict:
                if i not in full:
                    full_gold = set(full.values())  # the closest gold fact left unmatched in full
                    free = [k for (h, k) in trade if h == i and k not in full_gold] or [strict[i]]
                    j = min(free, key=lambda k: (len(trade[(i, k)]), k != strict[i]))
                    why = f"matches gold {self._gold_text(gold[j])} strictly, but not in full: " + "; ".join(trade[(i, j)])
                    res.false_positives.append(self._fact_fp(f, why, loose_match=True, full_match=False))
                continue
            why = mapped[i][2]
            if why is None:
                if i in loose:
                    g = gold[loose[i]]
                    why = f"matches gold {self._gold_text(g)} only loosely: " + "; ".join(problems[(i, loose[i])])
                else:
                    why = "no gold fact links these entities with this predicate"
            res.false_positives.append(self._fact_fp(f, why, loose_match=i in loose))

    def _count(self, match: dict[int, int], total: Counts, by_pred: dict[str, Counts]) -> None:
        def bucket(pred: str) -> Counts:
            return by_pred.setdefault(pred, Counts())

        matched = set(match.values())
        for j, g in enumerate(self.gold.facts):
            if g.optional:
                continue
            if j in matched:
                total.tp += 1
                bucket(g.p.value).tp += 1
            else:
                total.fn += 1
                bucket(g.p.value).fn += 1
        for i, f in enumerate(self.facts):
            if i not in match and i not in self.ignored:
                total.fp += 1
                bucket(str(f.get("p"))).fp += 1
        ordered = dict(sorted(by_pred.items()))
        by_pred.clear()
        by_pred.update(ordered)

    def _fact_misses(
        self, strict: dict[int, int], loose: dict[int, int], problems: dict[tuple[int, int], list[str]]
    ) -> None:
        strict_gold, loose_gold = set(strict.values()), {j: i for i, j in loose.items()}
        for j, g in enumerate(self.gold.facts):
            if g.optional or j in strict_gold:
                continue
            found_loose, sentence = j in loose_gold, None
            if found_loose:
                sentence = self.facts[loose_gold[j]].get("sentence")
                reason = "found with other qualifiers: " + "; ".join(problems[(loose_gold[j], j)])
            elif g.s not in self.to_gold.values():
                reason = f"subject {g.s!r} was not found"
            elif g.o is not None and g.o not in self.to_gold.values():
                reason = f"object {g.o!r} was not found"
            else:
                reason = self._near_misses(g)
            miss: dict[str, Any] = {"kind": "fact", "s": g.s, "p": g.p.value, "o": g.o}
            miss.update(g.qualifiers())
            miss.update({"loose_match": found_loose, "sentence": sentence, "reason": reason})
            self.result.misses.append(miss)

    def _full_misses(
        self, strict: dict[int, int], full: dict[int, int], trade: dict[tuple[int, int], list[str]]
    ) -> None:
        """Gold facts found strictly whose trade qualifiers disagree: misses of the full score only."""
        by_gold, full_gold = {j: i for i, j in strict.items()}, set(full.values())
        for j, g in enumerate(self.gold.facts):
            if g.optional or j not in by_gold or j in full_gold:
                continue
            # Explain by the closest strict match the full pairing left free: with two equal
            # figures for two partners the strict pairing may cross them and blame a right partner.
            free = [i for (i, k) in trade if k == j and i not in full] or [by_gold[j]]
            i = min(free, key=lambda i: (len(trade[(i, j)]), i != by_gold[j]))
            miss: dict[str, Any] = {"kind": "fact", "s": g.s, "p": g.p.value, "o": g.o}
            miss.update(g.qualifiers())
            miss.update({
                "loose_match": True, "full_match": False, "sentence": self.facts[i].get("sentence"),
                "reason": "found, but not in full: " + "; ".join(trade[(i, j)]),
            })
            self.result.misses.append(miss)

    def _near_misses(self, g: GoldFact) -> str:
        """Why no extracted fact took ``g`` although its entities were found."""
        same = [f for f in self.facts if f.get("p") == g.p.value]
        if g.quote is not None:
            others = sorted(
                {self._label(f.get("s")) for f in same if quote_in_sentence(g.quote, str(f.get("sentence") or ""))}
            )
            if others:
                return "the statement is attributed to " + ", ".join(repr(o) for o in others)
        elif g.o is not None:
            mine = [f for f in same if self.to_gold.get(str(f.get("s"))) == g.s and f.get("o")]
            taken = sum(1 for f in mine if self.to_gold.get(str(f.get("o"))) == g.o)
            if taken:  # the facts are there, but fewer than the gold has: each went to another gold fact
                return (
                    f"only {taken} extracted {g.p.value} fact{'s' if taken > 1 else ''} link{'' if taken > 1 else 's'}"
                    " these entities, taken by other gold facts"
                )
            objects = sorted({self._label(f.get("o")) for f in mine})
            if objects:
                return f"extracted with object {', '.join(repr(o) for o in objects)} instead"
        return f"no extracted {g.p.value} fact links these entities"

    def _fact_fp(
        self, f: Mapping[str, Any], reason: str, *, loose_match: bool, full_match: bool | None = None
    ) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": "fact",
            "s": self._label(f.get("s")),
            "p": f.get("p"),
            "o": self._label(f.get("o")) if f.get("o") else None,
        }
        for key in _QUALIFIERS:
            value = f.get(key)
            if value is None or value is False:  # an absent flag is false: nothing to say
                continue
            out[key] = self._label(value) if QUALIFIERS[key].kind == "entity" else value
        out.update({"sentence": f.get("sentence"), "loose_match": loose_match, "reason": reason})
        if full_match is not None:
            out["full_match"] = full_match
        return out

    def _label(self, iri: Any) -> str:
        entity = self.by_iri.get(iri)
        label = entity.get("label") if entity else None
        return str(label) if label else str(iri)

    def _gold_text(self, g: GoldFact) -> str:
        return f"{g.p.value}({g.s}{', ' + g.o if g.o else ''})"


def score(gold: Gold, facts_doc: Mapping[str, Any], *, label: str | None = None) -> FileResult:
    """Score the facts of ``gold``'s article in ``facts_doc`` (other articles are ignored).

    ``label`` names the file in reports (default: the gold file's path).
    """
    scorer = _Scorer(gold, facts_doc, label if label is not None else str(gold.path))
    scorer.score_entities()
    scorer.score_facts()
    return scorer.result


__all__ = ["Counts", "EvalResult", "FileResult", "TOLERANCE", "full_problems", "qualifier_problems", "score"]
