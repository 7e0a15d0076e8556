"""Trade facts over Reuters-21578 TRAIN stories with a trade or commodity topic.

Only records whose ``lewissplit`` is TRAIN are read (TEST and NOT-USED stay unread). Counts
the trade facts kg reads per predicate and draws a fixed random sample of them, written with
their sentences so that a person can judge each one (``bench/results/trade-corpus.md``).

    python -m bench.accuracy.trade_corpus --limit 300 --sample 50
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

from bench.speed.corpus import dataset_paths, reuters_article

TOPICS = frozenset({
    "trade", "grain", "wheat", "corn", "sugar", "oilseed", "coffee", "veg-oil", "soybean", "cocoa",
    "copper", "cotton", "rice", "rubber", "palm-oil", "barley", "sorghum", "tin", "zinc", "meal-feed",
    "rapeseed", "livestock", "carcass", "iron-steel", "alum", "orange", "lumber", "soy-oil", "soy-meal",
    "sunseed", "lead", "tea", "nickel", "wool", "oat", "rye", "cotton-oil", "groundnut", "coconut",
})  # fmt: skip
TRADE = ("exports", "exportValue", "imports", "importValue")
RESULTS = Path(__file__).resolve().parents[1] / "results"
GOLD = Path(__file__).resolve().parents[1] / "gold"


def held_out_ids(gold: Path = GOLD) -> frozenset[str]:
    """The article ids of every held-out gold set, read from the file names alone.

    Their stories are counted with the rest of the corpus but never drawn for a look: a
    sample that shows one would put a held-out story before the people writing the rules.
    """
    ids = set()
    for folder in [gold / "blind", gold / "holdout", *sorted((gold / "trade").glob("blind*"))]:
        for path in folder.glob("reuters-*.gold.json"):
            newid = path.name.split("-")[1]
            if newid.isdigit():
                ids.add(f"reuters-{newid}")
    return frozenset(ids)


def train_articles(limit: int | None) -> list:
    path = dataset_paths()["reuters"]
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("lewissplit") != "TRAIN":
                continue  # the TEST and NOT-USED splits are never read
            if not TOPICS & set(record.get("topics") or ()):
                continue
            article = reuters_article(record)
            if article is not None:
                out.append(article)
    if limit is not None and limit < len(out):
        out = random.Random(21578).sample(out, limit)
        out.sort(key=lambda a: a.id)
    return out


def _row(extraction, fact) -> dict:
    names = {e.key: e.label for e in extraction.entities}
    return {
        "article": extraction.article.id, "p": fact.predicate.value, "s": names.get(fact.subject),
        "o": names.get(fact.object), "quantity": None if fact.quantity is None else str(fact.quantity),
        "unit": fact.unit, "amount": None if fact.amount is None else str(fact.amount),
        "currency": fact.currency, "partner": names.get(fact.partner), "period": fact.period,
        "period_start": fact.period_start, "period_end": fact.period_end, "forecast": fact.forecast,
        "sentence": fact.sentence,
    }  # fmt: skip


def _write_jsonl(articles: list, path: Path) -> None:
    from kg.files import write_atomic

    lines = (json.dumps({"id": a.id, "title": a.title, "published": a.published, "text": a.text}, ensure_ascii=False)
             for a in articles)  # fmt: skip
    write_atomic(path, ("\n".join(lines) + "\n").encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="a random sample of this many stories")
    parser.add_argument("--sample", type=int, default=50, help="trade facts drawn for checking by hand")
    parser.add_argument("--seed", type=int, default=50, help="seed of the draw (a new seed for a fresh check)")
    parser.add_argument("--jsonl", type=Path, default=None,
                        help="only write the stories as kg's JSON Lines input to this file (for `kg build`)")
    args = parser.parse_args(argv)
    if not dataset_paths()["reuters"].exists():
        print("Reuters-21578 is not in ../shared/datasets: nothing to do.")
        return 0
    import kg

    articles = train_articles(args.limit)
    if args.jsonl is not None:
        _write_jsonl(articles, args.jsonl)
        print(f"wrote {len(articles)} stories to {args.jsonl}")
        return 0
    began = time.perf_counter()
    rows = [_row(x, f) for x in kg.extract_articles(articles) for f in x.facts if f.predicate.value in TRADE]
    seconds = time.perf_counter() - began
    counts = Counter(r["p"] for r in rows)
    held_out = held_out_ids()
    open_rows = [r for r in rows if r["article"] not in held_out]
    drawn = random.Random(args.seed).sample(open_rows, min(args.sample, len(open_rows)))
    RESULTS.mkdir(exist_ok=True)
    summary = {"articles": len(articles), "seed": args.seed, "seconds": round(seconds, 1), "facts": dict(sorted(counts.items())),
               "held_out_stories": len({r["article"] for r in rows} & held_out),
               "with_partner": sum(1 for r in rows if r["partner"]),
               "with_period": sum(1 for r in rows if r["period"]),
               "forecast": sum(1 for r in rows if r["forecast"]), "sample": drawn}  # fmt: skip
    (RESULTS / "trade-corpus.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in summary.items() if k != "sample"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
