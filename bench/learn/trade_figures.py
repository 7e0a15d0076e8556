"""Cross-validate a learned reading of trade figures on the annotated trade stories.

Each story of ``bench/gold/trade/{dev,blind,blind2..blind8}`` is read by the rules; every figure
no rule used becomes candidate (trader, figure, direction) readings
(``kg.nlp.relations.learned_figures.candidates``), labelled by the gold file: a reading is
right when a required gold trade fact no rule fact matched has its predicate, subject, object
(goods; a value fact's when the gold gives one) and figure (within 0.5 %, the scorer's rule).
A logistic model (numpy, L2, deterministic) is trained on all sets but one and scored on that
one (the dev set in three parts): the table gives each held-out fold's trade facts, rules alone
and with the step, at several thresholds. Before it, where the rules' misses are: whether a
rule fact holds the figure (read another way), a candidate reads it right, or no candidate has
it (``--list`` prints each such miss, with its gold fact's quote). The held-out ninth set and
the general-news held-out sets are never read.

    python -m bench.learn.trade_figures                       # misses, then cross-validation
    python -m bench.learn.trade_figures --list                # also each miss, by cause
    python -m bench.learn.trade_figures --weights model.json  # also train on every story, write the model
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from kg.eval.normalize import normalize_name
from kg.eval.qualifiers import TOLERANCE

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
GOLD = REPO / "bench" / "gold" / "trade"
SETS = ("dev", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9")
TRADE = ("exports", "imports", "exportValue", "importValue")
L2 = 1.0
EPOCHS = 400
DEV_PARTS = 3


@dataclass
class Story:
    """One story: its candidates' features and labels, and the trade facts the rules got."""

    name: str
    part: str  # the cross-validation fold
    features: list[tuple[str, ...]] = field(default_factory=list)
    labels: list[int] = field(default_factory=list)  # a strict match of a required gold fact
    figures: list[tuple[int, int]] = field(default_factory=list)
    gold_keys: list[int | None] = field(default_factory=list)  # which gold fact a candidate matches
    readings: list = field(default_factory=list)  # the candidates' facts, to look at
    required: int = 0  # required gold trade facts
    losses: Counter[str] = field(default_factory=Counter)  # required facts no rule fact matched, by cause
    missed: list[tuple[str, str]] = field(default_factory=list)  # (cause, the gold fact in a line)
    rule_tp: int = 0
    rule_fp: int = 0


def _names(entity_names: Sequence[str]) -> set[str]:
    return {normalize_name(n) for n in entity_names}


def _close(a: object, b: float | None) -> bool:
    return a is not None and b is not None and abs(float(a) - b) <= abs(b) * TOLERANCE  # type: ignore[arg-type]


def _matches(fact, gold, g, names_of) -> bool:
    """The scorer's strict rule, on one extracted fact and one gold fact."""
    if fact.predicate.value != g.p.value or not (names_of(fact.subject) & _names(gold.entity(g.s).names)):
        return False
    if g.o is not None and not (fact.object and names_of(fact.object) & _names(gold.entity(g.o).names)):
        return False
    if g.p.value in ("exports", "imports"):
        return g.quantity is None or _close(fact.quantity, g.quantity)
    return _close(fact.amount, g.amount) and (g.currency is None or fact.currency == g.currency)


def read_stories(sets: Sequence[str] = SETS) -> list[Story]:
    """Every story of ``sets``, read by the rules, with its labelled candidates."""
    from kg.eval.gold import load_article, load_gold
    from kg.nlp.extract import _docs
    from kg.nlp.loading import DEFAULT_MODEL
    from kg.nlp.pipeline import cached_pipeline
    from kg.nlp.relations import extract_facts
    from kg.nlp.relations.base import Context
    from kg.nlp.relations.learned_figures import TRADE as TRADE_PREDICATES
    from kg.nlp.relations.learned_figures import candidates
    from kg.nlp.resolve import resolve_mentions
    from kg.nlp.rules import RelationRules

    nlp = cached_pipeline(DEFAULT_MODEL)
    rules = RelationRules(nlp.vocab)  # the rules alone
    stories = []
    for set_name in sets:
        paths = sorted((GOLD / set_name).glob("*.gold.json"))
        for n, path in enumerate(paths):
            gold = load_gold(path)
            article = load_article(gold)
            ((doc, _),) = _docs(nlp, [article])
            table = resolve_mentions(doc, article, references=rules.references)
            facts = extract_facts(doc, article, table, rules=rules)
            ctx = Context(doc, article, table, rules=rules)

            def names_of(key: str) -> set[str]:
                entity = table.entities.get(key)
                return _names(entity.all_names) if entity is not None else set()

            required = [g for g in gold.facts if g.p.value in TRADE and not g.optional]
            optional = [g for g in gold.facts if g.p.value in TRADE and g.optional]
            part = set_name if set_name != "dev" else f"dev{n % DEV_PARTS + 1}"
            story = Story(name=path.name, part=part, required=len(required))
            taken: set[int] = set()
            for f in (f for f in facts if f.predicate in TRADE_PREDICATES):
                hit = next((k for k, g in enumerate(required) if k not in taken and _matches(f, gold, g, names_of)), None)
                if hit is not None:
                    taken.add(hit)
                    story.rule_tp += 1
                elif not any(_matches(f, gold, g, names_of) for g in optional):
                    story.rule_fp += 1
            for cand in candidates(ctx, facts):
                hit = next((k for k, g in enumerate(required) if k not in taken and _matches(cand.fact, gold, g, names_of)),
                           None)
                if hit is None and any(_matches(cand.fact, gold, g, names_of) for g in optional):
                    continue  # an optional fact: neither right nor wrong, so no lesson either way
                story.features.append(cand.features)
                story.labels.append(int(hit is not None))
                story.figures.append(cand.figure)
                story.gold_keys.append(hit)
                story.readings.append(cand.fact)
            for k, g in enumerate(required):
                if k not in taken:
                    cause = _loss(g, facts, story, k)
                    story.losses[cause] += 1
                    story.missed.append((cause, _described(gold, g)))
            stories.append(story)
    return stories


def _loss(g, facts, story: Story, k: int) -> str:
    """Why the rules missed required gold fact ``g`` (the ``k``-th), in a few words."""
    value = g.quantity if g.p.value in ("exports", "imports") else g.amount
    if value is None:
        return "goods without a figure"
    if k in story.gold_keys:
        return "a candidate reads it right"
    if any(_close(f.quantity if g.p.value in ("exports", "imports") else f.amount, value) for f in facts):
        return "a rule fact holds the figure, read another way"
    if any(_close(f.quantity if g.p.value in ("exports", "imports") else f.amount, value) for f in story.readings):
        return "a candidate holds the figure, read another way"
    return "no candidate holds the figure (no trade word in or just before its sentence)"


def _described(gold, g) -> str:
    """A gold fact in one line: predicate, subject, object, figure and quote."""
    obj = gold.entity(g.o).names[0] if g.o is not None else "-"
    figure = g.quantity if g.p.value in ("exports", "imports") else g.amount
    partner = f" to/from {gold.entity(g.partner).names[0]}" if g.partner is not None else ""
    measure = g.unit or g.currency or ""
    return f"{g.p.value}({gold.entity(g.s).names[0]}, {obj}) {figure} {measure}{partner} | {g.quote or ''}"


class Vocabulary:
    def __init__(self, stories: Sequence[Story]) -> None:
        seen: dict[str, int] = {}
        for s in stories:
            for feats in s.features:
                for f in feats:
                    seen[f] = seen.get(f, 0) + 1
        self.names = sorted(f for f, n in seen.items() if n >= 2)  # a feature seen once teaches nothing
        self.index = {f: i for i, f in enumerate(self.names)}

    def matrix(self, rows: Sequence[tuple[str, ...]]) -> np.ndarray:
        x = np.zeros((len(rows), len(self.names)))
        for r, feats in enumerate(rows):
            for f in feats:
                if (i := self.index.get(f)) is not None:
                    x[r, i] = 1.0
        return x


def train(stories: Sequence[Story]) -> tuple[dict[str, float], float]:
    """Logistic regression by full-batch gradient descent with Adam steps (deterministic)."""
    vocab = Vocabulary(stories)
    rows = [f for s in stories for f in s.features]
    y = np.array([lab for s in stories for lab in s.labels], dtype=float)
    x = vocab.matrix(rows)
    w, b = np.zeros(x.shape[1]), 0.0
    m, v, mb, vb = np.zeros_like(w), np.zeros_like(w), 0.0, 0.0
    rate, beta1, beta2 = 0.05, 0.9, 0.999
    for step in range(1, EPOCHS + 1):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        gw = x.T @ (p - y) / len(y) + L2 * w / len(y)
        gb = float(np.mean(p - y))
        m, v = beta1 * m + (1 - beta1) * gw, beta2 * v + (1 - beta2) * gw**2
        mb, vb = beta1 * mb + (1 - beta1) * gb, beta2 * vb + (1 - beta2) * gb**2
        w -= rate * (m / (1 - beta1**step)) / (np.sqrt(v / (1 - beta2**step)) + 1e-8)
        b -= rate * (mb / (1 - beta1**step)) / (np.sqrt(vb / (1 - beta2**step)) + 1e-8)
    weights = {name: round(float(wi), 4) for name, wi in zip(vocab.names, w) if abs(wi) >= 1e-3}
    return weights, round(b, 4)


def added(story: Story, weights: dict[str, float], bias: float, threshold: float) -> tuple[int, int]:
    """Right and wrong facts the step adds to a story: one per figure, the likeliest reading."""
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for feats, figure, key in zip(story.features, story.figures, story.gold_keys):
        p = 1.0 / (1.0 + np.exp(-(bias + sum(weights.get(f, 0.0) for f in feats))))
        if p >= threshold and (figure not in best or p > best[figure][0]):
            best[figure] = (p, -1 if key is None else key)
    keys = [k for _, k in best.values()]
    right = len({k for k in keys if k >= 0})
    return right, len(keys) - right


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def cross_validate(stories: Sequence[Story], thresholds: Sequence[float]) -> None:
    parts = sorted({s.part for s in stories})
    models = {part: train([s for s in stories if s.part != part]) for part in parts}
    for threshold in thresholds:
        print(f"\nthreshold {threshold}")
        print("| fold | stories | rules P / R / F1 | + learned P / R / F1 | added right / wrong |")
        totals = np.zeros(5, dtype=int)
        for part in parts:
            held = [s for s in stories if s.part == part]
            weights, bias = models[part]
            tp = sum(s.rule_tp for s in held)
            fp = sum(s.rule_fp for s in held)
            req = sum(s.required for s in held)
            right = wrong = 0
            for s in held:
                r, w = added(s, weights, bias, threshold)
                right, wrong = right + r, wrong + w
            before, after = _prf(tp, fp, req - tp), _prf(tp + right, fp + wrong, req - tp - right)
            totals += (tp, fp, req, right, wrong)
            print(f"| {part} | {len(held)} | {' / '.join(f'{x:.3f}' for x in before)} | "
                  f"{' / '.join(f'{x:.3f}' for x in after)} | {right} / {wrong} |")
        tp, fp, req, right, wrong = totals
        before, after = _prf(tp, fp, req - tp), _prf(tp + right, fp + wrong, req - tp - right)
        print(f"| all | {len(stories)} | {' / '.join(f'{x:.3f}' for x in before)} | "
              f"{' / '.join(f'{x:.3f}' for x in after)} | {right} / {wrong} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.learn.trade_figures", description=__doc__.splitlines()[0])
    parser.add_argument("--weights", type=Path, help="train on every story too and write the model to this file")
    parser.add_argument("--list", action="store_true", help="print every miss by cause, with its gold fact")
    parser.add_argument("--threshold", type=float, default=0.9, help="the written model's threshold (default 0.9)")
    args = parser.parse_args(argv)
    if not SHARED.is_dir():
        print(f"skipped: the shared datasets folder {SHARED} is absent.")
        return 0
    stories = read_stories()
    n = sum(len(s.labels) for s in stories)
    print(f"{len(stories)} stories, {n} candidate readings, {sum(sum(s.labels) for s in stories)} right")
    losses = sum((s.losses for s in stories), Counter())
    print(f"\nrequired trade facts the rules miss: {sum(losses.values())}")
    for cause, count in losses.most_common():
        print(f"- {cause}: {count}")
    if args.list:
        for cause, _ in losses.most_common():
            print(f"\n## {cause}")
            for s in stories:
                for c, line in s.missed:
                    if c == cause:
                        print(f"- {s.part}/{s.name}: {line}")
    cross_validate(stories, (0.5, 0.7, 0.8, 0.9))
    if args.weights is not None:
        weights, bias = train(stories)
        data = {"stories": len(stories), "threshold": args.threshold, "bias": bias, "weights": dict(sorted(weights.items()))}
        args.weights.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"Wrote {args.weights} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
