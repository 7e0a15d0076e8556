"""Goods words the newswire counts in bulk that no goods lexicon of kg knows yet.

Reads the Reuters-21578 TRAIN records only (TEST and NOT-USED stay unread), takes the head of
every "<figure> <bulk unit> of <goods>" ("4,000 tonnes of semolina", "1.5 mln bags of coffee")
and every commodity topic name, and prints those that neither ``product_heads.txt``,
``commodity_heads.txt`` nor ``products.tsv`` holds, most frequent first. A person reads the list
and copies the real goods (not "capacity", "reserves", "intervention") into
``commodity_heads.txt``: a word found this way is read as goods only in a tight trade context.

    python -m bench.learn.goods_heads            # words seen at least three times
    python -m bench.learn.goods_heads --least 1  # every word
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from kg.nlp import lexicon
from kg.nlp.datafiles import load

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "datasets" / "reuters21578" / "reuters21578.jsonl.gz"
_UNITS = r"(?:tonnes?|tons?|bags|bales|barrels|bushels|cargoe?s?|lbs|pounds|head|kilos|kilograms|litres|gallons|ounces|cartons)"
# "<figure> [mln] [metric] <unit> of <up to three words>"
_COUNTED = re.compile(r"\b[\d.,]+\s*(?:mln|million|billion|bln)?\s*(?:metric\s+|short\s+|long\s+)?" + _UNITS
                      + r"\s+of\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", re.IGNORECASE)
# Words that end the goods' phrase ("tonnes of wheat to Egypt", "tonnes of the crop").
_PHRASE_ENDS = frozenset({"to", "from", "for", "in", "at", "and", "or", "by", "with", "on", "a", "an", "the",
                          "were", "was", "is", "are", "which", "this", "that", "last", "its", "their"})


def train_records(path: Path = CORPUS) -> Iterator[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record.get("lewissplit") == "TRAIN":  # the only split that may be read
                yield record


def counted_heads(text: str) -> Iterator[str]:
    """The head word of each phrase of goods counted in a bulk unit in ``text``."""
    for match in _COUNTED.finditer(text):
        head = None
        for word in match.group(1).lower().split():
            if word in _PHRASE_ENDS:
                break
            head = word
        if head is not None:
            yield head


def known_words() -> set[str]:
    known = set(lexicon.product_heads()) | set(lexicon.commodity_heads())
    for row in load("products.tsv"):
        for name in row.values():
            for variant in str(name).split("|"):
                known.update(variant.lower().replace("-", " ").split())
    return known


def unknown_goods(records: Iterator[dict], *, least: int) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    for record in records:
        counts.update(counted_heads(record.get("body") or ""))
        # "veg-oil", "l-cattle": a topic name's words ("earn", "acq" and other topics of no goods show too)
        counts.update(w for t in record.get("topics") or () for w in t.split("-") if len(w) > 2)
    known = known_words()
    return [(w, n) for w, n in counts.most_common()
            if n >= least and w not in known and w.removesuffix("s") not in known]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--least", type=int, default=3, help="the fewest times a word is seen (3)")
    args = parser.parse_args(argv)
    for word, count in unknown_goods(train_records(), least=args.least):
        print(f"{count}\t{word}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
