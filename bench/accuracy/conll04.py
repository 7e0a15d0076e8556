"""Relation extraction on CoNLL04 (Roth & Yih 2004), scored per relation type.

Each sentence of the split is rebuilt as text from its tokens and run through kg's own
pipeline (``kg.nlp.extract_articles``). kg's predicates are mapped onto CoNLL04's:

    holdsPost -> Work_For      basedIn  -> OrgBased_In
    locatedIn -> Located_In    nationality -> Live_In

(``Kill`` has no kg counterpart and is reported for its gold count only.) Work_For links a
person to an organization, so a post held in a country or place ("U.S. Ambassador X") is
not counted as Work_For; CoNLL04 reads such phrases as Live_In, which kg's nationality gives.

Matching. An extracted fact matches a gold relation of the mapped type when its subject
matches the gold head entity and its object the gold tail entity. An extracted entity
matches a gold entity when one of its mentions in the sentence ends on the same word: the
head words (last words, punctuation aside) overlap. "Lincoln" matches "President Lincoln",
"the Palace of Fine Arts" matches "Palace of Fine Arts", "Kevin O'Brien" matches "Kevin O
'Brien", but "Hong Kong construction firm" does not match "Hong Kong". Matching is one to one:
each gold relation is found by at most one extracted fact; the extra ones are false positives.

    python -m bench.accuracy.conll04                  # dev split -> bench/results/conll04.json
    python -m bench.accuracy.conll04 --split test     # final figure -> bench/results/conll04-test.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.eval.score import Counts

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "datasets" / "conll04"
RESULTS = REPO / "bench" / "results"

RELATION_OF = {
    "holdsPost": "Work_For",
    "employment": "Work_For",
    "basedIn": "OrgBased_In",
    "locatedIn": "Located_In",
    "nationality": "Live_In",
}
_PLACE_TYPES = {"Country", "Place"}
SCORED = ("Work_For", "OrgBased_In", "Located_In", "Live_In")

# Tokens written without a space before them, and tokens written without one after them.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'", "''", "n't"}
_NO_SPACE_AFTER = {"(", "[", "{", "`", "``", "$", "#"}
_CLITICS = ("'s", "'S", "'t", "'re", "'d", "'ll", "'ve", "'m")
_PUNCT = set(",.;:?!()[]{}'\"`-_")


def detokenize(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """Join tokens into readable text; return it with each token's (start, end) offsets.

    >>> detokenize(["He", "said", ",", "`", "`", "yes", "'", "'", "."])[0]
    "He said, ``yes''."
    """
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    open_double = False
    prev: str | None = None
    for tok in tokens:
        space = prev is not None
        if tok in _NO_SPACE_BEFORE or tok.startswith(_CLITICS) or (tok.startswith("'") and len(tok) > 1 and tok[1:].isalpha()):
            space = False
        if tok == '"':
            if open_double:
                space = False
            open_double = not open_double
        if prev is not None and (prev in _NO_SPACE_AFTER or (prev == '"' and open_double and tok != '"')):
            space = False
        if space:
            parts.append(" ")
            pos += 1
        parts.append(tok)
        offsets.append((pos, pos + len(tok)))
        pos += len(tok)
        prev = tok
    return "".join(parts), offsets


def head_span(start: int, end: int, tokens: Sequence[str]) -> int:
    """Index of the head token of tokens[start:end]: the last one that is not punctuation."""
    for i in range(end - 1, start - 1, -1):
        if not set(tokens[i]) <= _PUNCT:
            return i
    return end - 1


@dataclass(frozen=True)
class Span:
    """A character span with the offsets of its head word."""

    start: int
    end: int
    head_start: int
    head_end: int

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end


def spans_match(a: Span, b: Span) -> bool:
    """Spans whose head words overlap (English names end on their head)."""
    return a.head_start < b.head_end and b.head_start < a.head_end


def char_span(text: str, start: int, end: int) -> Span:
    """A Span for text[start:end], its head being the last word (trailing punctuation aside)."""
    words = [w for w in _words(text, start, end) if not set(text[w[0] : w[1]]) <= _PUNCT]
    hs, he = words[-1] if words else (start, end)
    return Span(start, end, hs, he)


def _words(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    i = start
    while i < end:
        while i < end and text[i].isspace():
            i += 1
        j = i
        while j < end and not text[j].isspace():
            j += 1
        if j > i:
            # "Reuters'" or "Beijing," : the word without trailing punctuation
            k = j
            while k > i + 1 and text[k - 1] in _PUNCT:
                k -= 1
            yield i, k
        i = j


@dataclass(frozen=True)
class Sentence:
    """One CoNLL04 example: its text, gold entity spans and gold relations."""

    id: str
    text: str
    entities: tuple[Span, ...]
    relations: tuple[tuple[str, int, int], ...]  # (type, head entity index, tail entity index)


def sentence_from_record(record: dict[str, Any]) -> Sentence:
    """Build a Sentence from one record of ``conll04_<split>.spans.json``."""
    tokens = record["tokens"]
    text, offsets = detokenize(tokens)
    spans = []
    for e in record["entities"]:
        h = head_span(e["start"], e["end"], tokens)
        spans.append(Span(offsets[e["start"]][0], offsets[e["end"] - 1][1], *offsets[h]))
    rels = tuple((r["type"], r["head"], r["tail"]) for r in record["relations"])
    return Sentence(f"conll04-{record['orig_id']}", text, tuple(spans), rels)


def load_split(split: str, *, data: Path = DATA) -> list[Sentence]:
    path = data / f"conll04_{split}.spans.json"
    return [sentence_from_record(r) for r in json.loads(path.read_text(encoding="utf-8"))]


# -- predictions -----------------------------------------------------------------------


@dataclass(frozen=True)
class Predicted:
    """A kg fact mapped to a CoNLL04 relation: the spans of its subject and object."""

    type: str
    subject: tuple[Span, ...]
    object: tuple[Span, ...]


def predictions(extraction: Any) -> list[Predicted]:
    """The facts of one Extraction that map to a CoNLL04 relation (one per entity pair)."""
    text = extraction.article.text
    spans = {
        e.key: tuple(char_span(text, m.start, m.end) for m in e.mentions) for e in extraction.entities
    }
    places = {e.key for e in extraction.entities if str(e.type) in _PLACE_TYPES}
    out: dict[tuple[str, str, str], Predicted] = {}
    for f in extraction.facts:
        rel = RELATION_OF.get(str(f.predicate))
        if rel is None or not f.object or (rel == "Work_For" and f.object in places):
            continue
        key = (rel, f.subject, f.object)
        if key not in out:
            out[key] = Predicted(rel, spans.get(f.subject, ()), spans.get(f.object, ()))
    return list(out.values())


def _entity_matches(mentions: Sequence[Span], gold: Span) -> bool:
    return any(spans_match(m, gold) for m in mentions)


def match_sentence(sentence: Sentence, predicted: Sequence[Predicted]) -> dict[str, list[int]]:
    """Per relation type: [tp, fp, fn] for one sentence (one-to-one, in input order)."""
    counts = {t: [0, 0, 0] for t in (*SCORED, "Kill")}
    taken: set[int] = set()
    for p in predicted:
        hit = None
        for j, (rtype, h, t) in enumerate(sentence.relations):
            if j in taken or rtype != p.type:
                continue
            if _entity_matches(p.subject, sentence.entities[h]) and _entity_matches(p.object, sentence.entities[t]):
                hit = j
                break
        if hit is None:
            counts[p.type][1] += 1
        else:
            taken.add(hit)
            counts[p.type][0] += 1
    for j, (rtype, _, _) in enumerate(sentence.relations):
        if j not in taken:
            counts.setdefault(rtype, [0, 0, 0])[2] += 1
    return counts


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    """P/R/F1 as ``kg eval`` computes them (``kg.eval.Counts``), rounded, with the counts.

    One case differs on purpose: a type with nothing to find and nothing found scores 0 here,
    as shared-task scorers have it (a macro average must not gain from an absent type),
    where ``kg eval`` scores a gold file with no facts and none extracted as perfect.
    """
    c = Counts(tp, fp, fn)
    if not (tp or fp or fn):
        return {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "fp": 0, "fn": 0}
    return {"p": round(c.p, 4), "r": round(c.r, 4), "f1": round(c.f1, 4), "tp": tp, "fp": fp, "fn": fn}


def summarize(per_sentence: Iterable[dict[str, list[int]]]) -> dict[str, Any]:
    """Sum sentence counts into per-relation, macro (over the mapped relations) and micro figures."""
    totals = {t: [0, 0, 0] for t in (*SCORED, "Kill")}
    for counts in per_sentence:
        for t, c in counts.items():
            for k in range(3):
                totals.setdefault(t, [0, 0, 0])[k] += c[k]
    per = {t: prf(*totals[t]) for t in SCORED}
    macro = {k: round(sum(per[t][k] for t in SCORED) / len(SCORED), 4) for k in ("p", "r", "f1")}
    micro = prf(*(sum(totals[t][k] for t in SCORED) for k in range(3)))
    return {"per_relation": per, "macro": macro, "micro": micro, "unsupported": {"Kill": {"gold": totals["Kill"][2]}}}


def run(sentences: Sequence[Sentence], *, model: str | None = None, batch_size: int = 64) -> dict[str, Any]:
    from kg.model import Article
    from kg.nlp import extract_articles
    from kg.nlp.loading import DEFAULT_MODEL

    articles = [Article(s.id, s.text) for s in sentences]
    per_sentence = []
    for sentence, extraction in zip(sentences, extract_articles(articles, model=model or DEFAULT_MODEL, batch_size=batch_size), strict=True):
        per_sentence.append(match_sentence(sentence, predictions(extraction)))
    return summarize(per_sentence)


def format_table(summary: dict[str, Any]) -> str:
    lines = [f"{'relation':<12} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5}"]
    for t, c in summary["per_relation"].items():
        lines.append(f"{t:<12} {c['p']:6.3f} {c['r']:6.3f} {c['f1']:6.3f} {c['tp']:5d} {c['fp']:5d} {c['fn']:5d}")
    m, mi = summary["macro"], summary["micro"]
    lines.append(f"{'macro':<12} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f}")
    lines.append(f"{'micro':<12} {mi['p']:6.3f} {mi['r']:6.3f} {mi['f1']:6.3f} {mi['tp']:5d} {mi['fp']:5d} {mi['fn']:5d}")
    lines.append(f"(Kill: {summary['unsupported']['Kill']['gold']} gold relations, not extracted by kg)")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy.conll04", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N sentences")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    parser.add_argument("--out", type=Path, default=None, help="results file (default: bench/results/conll04[-SPLIT].json)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"CoNLL04 skipped: {DATA} is absent.")
        return 0
    sentences = load_split(args.split)[: args.limit]
    summary = run(sentences, model=args.model)
    summary = {"dataset": "conll04", "split": args.split, "sentences": len(sentences), **summary}
    print(f"CoNLL04 {args.split}: {len(sentences)} sentences")
    print(format_table(summary))
    out = args.out or RESULTS / ("conll04.json" if args.split == "dev" else f"conll04-{args.split}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
