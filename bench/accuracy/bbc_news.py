"""Facts kg reads from BBC business and politics stories, printed for a check by hand.

No gold set uses a BBC business or politics story, so these show how kg does on general news
it was not tuned on. A fixed random draw of stories (``--seed``) is built with kg's
extraction; every fact is printed with its sentence, so that a reader can count the false
positives (the tally is kept in ``bench/results/bbc-precision.md``, without the text).

    python -m bench.accuracy.bbc_news --count 30 --seed 11
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path

from bench.speed.corpus import dataset_paths
from kg.model import Article, Extraction, Fact, Predicate

CATEGORIES = ("business", "politics")
GOLD = Path(__file__).resolve().parents[1] / "gold"


def _gold_ids() -> set[str]:
    # Only the gold files' names are looked at: a story that any gold set uses is left out.
    names = [p.name for p in GOLD.rglob("*.gold.json")]
    out = set()
    for name in names:
        parts = name.split("-")
        if len(parts) > 2 and parts[0] == "bbc":
            out.add(f"{parts[1]}/{parts[2]}")
    return out


def stories(*, count: int, seed: int) -> list[Article]:
    """``count`` business and politics stories drawn with ``seed``, in id order."""
    used = _gold_ids()
    pool = []
    with dataset_paths()["bbc"].open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["category"] in CATEGORIES and record["id"] not in used:
                pool.append(Article(id=record["id"], text=record["text"], title=record.get("title")))
    drawn = random.Random(seed).sample(pool, min(count, len(pool)))
    return sorted(drawn, key=lambda a: a.id)


def fact_line(extraction: Extraction, fact: Fact) -> str:
    """One fact as a reader checks it: subject, predicate, object and qualifiers."""
    names = {e.key: f"{e.label} [{e.type.value}]" for e in extraction.entities}
    parts = [names.get(fact.subject, fact.subject), fact.predicate.value]
    if fact.object:
        parts.append(names.get(fact.object, fact.object))
    extras = {
        "role": fact.role, "quote": fact.quote, "quantity": fact.quantity, "unit": fact.unit,
        "amount": fact.amount, "currency": fact.currency,
        "partner": names.get(fact.partner) if fact.partner else None, "period": fact.period,
    }  # fmt: skip
    shown = ", ".join(f"{k}={v}" for k, v in extras.items() if v not in (None, ""))
    return " | ".join(parts) + (f" ({shown})" if shown else "")


def report(extractions: list[Extraction], *, quotes: bool, entities: bool = False) -> Iterator[str]:
    for x in extractions:
        yield f"== {x.article.id}: {x.article.title}"
        if entities:
            named = (f"{e.label} [{e.type.value}]" for e in x.entities if e.type.value != "Other")
            yield "  entities: " + "; ".join(sorted(named))
        for fact in x.facts:
            if fact.predicate is Predicate.SAID and not quotes:
                continue
            yield f"  {fact_line(x, fact)}"
            yield f"      << {fact.sentence.strip()[:300]}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30, help="stories drawn")
    parser.add_argument("--seed", type=int, default=11, help="seed of the draw")
    parser.add_argument("--no-quotes", action="store_true", help="leave out the said facts")
    parser.add_argument("--entities", action="store_true", help="list each story's entities too")
    args = parser.parse_args(argv)
    if not dataset_paths()["bbc"].exists():
        print("The BBC corpus is not here (../shared/datasets/bbc): nothing to check.")
        return 0
    from kg.nlp.extract import extract_articles

    extractions = [x for x in extract_articles(stories(count=args.count, seed=args.seed)) if isinstance(x, Extraction)]
    counts: dict[str, int] = {}
    for x in extractions:
        for fact in x.facts:
            counts[fact.predicate.value] = counts.get(fact.predicate.value, 0) + 1
    for line in report(extractions, quotes=not args.no_quotes, entities=args.entities):
        print(line)
    print(f"\n{len(extractions)} stories; facts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
