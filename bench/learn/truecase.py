"""Each word's usual case in running newswire, for stories written in the wrong case.

Reads the Reuters-21578 TRAIN records only (TEST and NOT-USED stay unread), of normal case
(stories written in lower or upper case, and lines set in capitals such as table headers, are
left out), and counts the forms each word takes where it opens no sentence. A word written there with a
capital most of the time ("Venezuela", "PDVSA", "McDonald"), and seen often enough, is written
in its commonest capitalized form to ``kg/nlp/data/truecase.tsv``: ``kg.nlp.truecase``
gives it back its capitals in a story written in lower case.

    python -m bench.learn.truecase > kg/nlp/data/truecase.tsv   # the lexicon, with its header
    python -m bench.learn.truecase --measure                      # the share of lowered words per story
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from bench.learn.goods_heads import train_records
from kg.nlp.truecase import case_is_lowered, letters_and_capitals, running_words

# A form is kept when the word is seen at least this often in running text, and the form is
# at least this share of its sightings: "march" (the month far more than the verb) is kept,
# "may" (verb and month alike) is not.
LEAST_SEEN = 3
LEAST_SHARE = 0.7
_CAPITALS = (0.01, 0.5)  # a story of normal case writes 1-50 % of its letters as capitals

HEADER = """\
# Words running newswire writes with a capital, in their usual form ("Venezuela", "PDVSA"):
# kg.nlp.truecase restores them in a story written all in lower case, which the model would
# read as having no names. Mined from Reuters-21578 TRAIN by bench/learn/truecase.py: each
# word's commonest capitalized form where it opens no sentence, kept when seen at least {seen}
# times and capitalized at least {share:.0%} of them, with the share written capitalized (a text is
# read as lowered by the words nearly always capitalized). Regenerate rather than edit by hand.
"""


def normal_case(body: str) -> bool:
    letters, capitals = letters_and_capitals(body)
    return bool(letters) and _CAPITALS[0] <= capitals / letters <= _CAPITALS[1]


def form_counts(bodies: Iterable[str]) -> dict[str, Counter[str]]:
    """The forms each word (by its lower case) takes in running text."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for body in bodies:
        if not normal_case(body):
            continue
        text = "\n".join(line if line.upper() != line else " " * len(line) for line in body.split("\n"))
        for match in running_words(text):
            word = match.group()
            forms[word.lower()][word] += 1
    return forms


def usual_forms(forms: dict[str, Counter[str]], *, least: int = LEAST_SEEN,
                share: float = LEAST_SHARE) -> list[tuple[str, float]]:
    """The capitalized words: each one's commonest capitalized form and the share of its
    sightings written with a capital."""
    kept = []
    for word, counts in forms.items():
        if len(word) < 2:
            continue  # "d", "w": initials and compass points say nothing of a word
        # "Pemex" and "PEMEX" both say the word takes a capital; the commoner is its form
        capitalized = [(n, form) for form, n in counts.items() if not form.islower()]
        total = sum(counts.values())
        written = sum(n for n, _ in capitalized)
        if total >= least and capitalized and written >= share * total:
            kept.append((max(capitalized)[1], written / total))
    return sorted(kept, key=lambda kept: kept[0].lower())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--least", type=int, default=LEAST_SEEN, help="the fewest sightings of a word")
    parser.add_argument("--share", type=float, default=LEAST_SHARE, help="the least share of its usual form")
    parser.add_argument("--measure", action="store_true",
                        help="list the TRAIN stories kg.nlp.truecase reads as lowered")
    parser.add_argument("--exclude", nargs="*", default=(), metavar="NEWID",
                        help="records to leave unread (stories kept aside for a blind check)")
    args = parser.parse_args(argv)
    left_out = set(args.exclude)
    records = [r for r in train_records() if str(r["newid"]) not in left_out]
    if args.measure:
        for record in records:
            body = record.get("body") or ""
            if case_is_lowered(body):
                print(record["newid"], (record.get("title") or "")[:60], sep="\t")
        return 0
    forms = usual_forms(form_counts(r.get("body") or "" for r in records),
                        least=args.least, share=args.share)
    print(HEADER.format(seen=args.least, share=args.share), end="")
    print("form\tcapitalized")
    print("\n".join(f"{form}\t{share:.2f}" for form, share in forms))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
