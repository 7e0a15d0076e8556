"""Named entities on CoNLL-2003 English: kg's pipeline against the bare statistical model.

Each document is rebuilt as text from its tokens (one sentence per line, token offsets
kept), then run through both systems in one pass each:

- kg: the entities of ``kg.nlp.extract_articles``, every mention typed Official/Person -> PER,
  Agency/Organization -> ORG, Country/Place -> LOC (other types ignored). CoNLL-2003 marks
  names only, so mentions without a capital letter (descriptions and pronouns that kg
  resolves, "the ministry") are left out.
- model: ``doc.ents`` of the statistical model alone, PERSON -> PER, ORG -> ORG,
  GPE/LOC/FAC -> LOC (other labels ignored).

MISC is ignored on both sides. A predicted entity counts only with the exact character span
and type of a gold one (the CoNLL convention); P/R/F1 per type and micro-averaged. One
convention differs between the schemes: the model's training data (OntoNotes) puts a leading
"the" inside names ("the Federal Reserve"), CoNLL-2003 does not, so a leading "the " is cut
from every predicted span of both systems before comparing.

    python -m bench.accuracy.conll2003                 # dev (eng.testa) -> bench/results/conll2003.json
    python -m bench.accuracy.conll2003 --limit 20      # the first 20 documents only
    python -m bench.accuracy.conll2003 --split test    # final figure -> bench/results/conll2003-test.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.accuracy.conll04 import detokenize, prf

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "datasets" / "conll2003"
RESULTS = REPO / "bench" / "results"
TYPES = ("PER", "ORG", "LOC")

KG_TYPE = {
    "Official": "PER",
    "Person": "PER",
    "Agency": "ORG",
    "Organization": "ORG",
    "Country": "LOC",
    "Place": "LOC",
}
MODEL_TYPE = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}

Entity = tuple[str, int, int]  # (type, start, end) in characters


@dataclass(frozen=True)
class Document:
    """One CoNLL-2003 document rebuilt as text, with its gold entities (MISC left out)."""

    id: str
    text: str
    gold: frozenset[Entity]


def iob1_spans(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """Entity (type, start token, end token exclusive) from IOB1 tags.

    In IOB1 an entity starts with I-; B- only separates two adjacent entities of one type.

    >>> iob1_spans(["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"])
    [('PER', 0, 2), ('LOC', 3, 4), ('LOC', 4, 5), ('ORG', 5, 6)]
    """
    spans: list[tuple[str, int, int]] = []
    current: tuple[str, int] | None = None
    for i, tag in enumerate(tags):
        kind = tag[2:] if tag[:2] in ("I-", "B-") else None
        continues = current is not None and kind == current[0] and tag.startswith("I-")
        if current is not None and not continues:
            spans.append((current[0], current[1], i))
            current = None
        if kind is not None and not continues:
            current = (kind, i)
    if current is not None:
        spans.append((current[0], current[1], len(tags)))
    return spans


def read_conll(lines: Iterable[str]) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (word, NER tag) pairs, from the four-column CoNLL layout."""
    docs: list[list[list[tuple[str, str]]]] = []
    sentence: list[tuple[str, str]] = []

    def close_sentence() -> None:
        nonlocal sentence
        if sentence:
            if not docs:
                docs.append([])
            docs[-1].append(sentence)
            sentence = []

    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            close_sentence()
            docs.append([])
            continue
        if not line.strip():
            close_sentence()
            continue
        cols = line.split()
        sentence.append((cols[0], cols[-1]))
    close_sentence()
    return [d for d in docs if d]


def build_document(doc_id: str, sentences: Sequence[Sequence[tuple[str, str]]]) -> Document:
    """Text of the document (one sentence a line) and its gold PER/ORG/LOC character spans."""
    lines, gold = [], set()
    pos = 0
    for sentence in sentences:
        words = [w for w, _ in sentence]
        text, offsets = detokenize(words)
        for kind, s, e in iob1_spans([t for _, t in sentence]):
            if kind in TYPES:
                gold.add((kind, pos + offsets[s][0], pos + offsets[e - 1][1]))
        lines.append(text)
        pos += len(text) + 1
    return Document(doc_id, "\n".join(lines), frozenset(gold))


def load_split(split: str, *, data: Path = DATA) -> list[Document]:
    name = {"dev": "dev.txt", "test": "test.txt", "train": "train.txt"}[split]
    with open(data / name, encoding="utf-8") as handle:
        docs = read_conll(handle)
    return [build_document(f"conll2003-{split}-{i:03d}", d) for i, d in enumerate(docs)]


def trim_determiner(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without a leading "the " (OntoNotes spans keep it, CoNLL-2003 spans do not)."""
    if end - start > 4 and text[start : start + 4].lower() == "the ":
        return start + 4, end
    return start, end


def kg_entities(extraction: Any) -> set[Entity]:
    """Typed mention spans of one Extraction, mapped to CoNLL types (names only)."""
    out = set()
    for entity in extraction.entities:
        kind = KG_TYPE.get(str(entity.type.value if hasattr(entity.type, "value") else entity.type))
        if kind is None:
            continue
        for m in entity.mentions:
            if any(c.isupper() for c in m.text):
                out.add((kind, *trim_determiner(extraction.article.text, m.start, m.end)))
    return out


def model_entities(doc: Any) -> set[Entity]:
    """``doc.ents`` mapped to CoNLL types."""
    return {
        (MODEL_TYPE[e.label_], *trim_determiner(doc.text, e.start_char, e.end_char))
        for e in doc.ents
        if e.label_ in MODEL_TYPE
    }


def score(pairs: Iterable[tuple[frozenset[Entity] | set[Entity], set[Entity]]]) -> dict[str, Any]:
    """Exact-span P/R/F1 per type and micro, from (gold, predicted) pairs of one system."""
    counts = {t: [0, 0, 0] for t in TYPES}
    for gold, predicted in pairs:
        for t in TYPES:
            g = {e for e in gold if e[0] == t}
            p = {e for e in predicted if e[0] == t}
            counts[t][0] += len(g & p)
            counts[t][1] += len(p - g)
            counts[t][2] += len(g - p)
    per = {t: prf(*counts[t]) for t in TYPES}
    return {"per_type": per, "micro": prf(*(sum(counts[t][k] for t in TYPES) for k in range(3)))}


def run(documents: Sequence[Document], *, model: str | None = None, batch_size: int = 16) -> dict[str, Any]:
    from kg.model import Article
    from kg.nlp import extract_articles
    from kg.nlp.loading import DEFAULT_MODEL, load_statistical

    model = model or DEFAULT_MODEL
    articles = [Article(d.id, d.text) for d in documents]
    kg_pred = [kg_entities(x) for x in extract_articles(articles, model=model, batch_size=batch_size)]
    nlp = load_statistical(model)
    model_pred = [model_entities(doc) for doc in nlp.pipe((d.text for d in documents), batch_size=batch_size)]
    gold = [d.gold for d in documents]
    return {"kg": score(zip(gold, kg_pred, strict=True)), "model": score(zip(gold, model_pred, strict=True))}


def format_table(result: dict[str, Any]) -> str:
    lines = [f"{'system':<7} {'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'TP':>6} {'FP':>6} {'FN':>6}"]
    for system in ("model", "kg"):
        rows = [*result[system]["per_type"].items(), ("micro", result[system]["micro"])]
        for t, c in rows:
            lines.append(
                f"{system:<7} {t:<6} {c['p']:6.3f} {c['r']:6.3f} {c['f1']:6.3f} {c['tp']:6d} {c['fp']:6d} {c['fn']:6d}"
            )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy.conll2003", description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    parser.add_argument("--out", type=Path, default=None, help="results file (default: bench/results/conll2003[-SPLIT].json)")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"CoNLL-2003 skipped: {DATA} is absent.")
        return 0
    documents = load_split(args.split)[: args.limit]
    result = run(documents, model=args.model)
    n_gold = sum(len(d.gold) for d in documents)
    result = {"dataset": "conll2003", "split": args.split, "documents": len(documents), "gold_entities": n_gold, **result}
    print(f"CoNLL-2003 {args.split}: {len(documents)} documents, {n_gold} PER/ORG/LOC entities")
    print(format_table(result))
    out = args.out or RESULTS / ("conll2003.json" if args.split == "dev" else f"conll2003-{args.split}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
