"""Accuracy on the development set: ``kg eval`` over ``bench/gold/dev/*.gold.json``.

The gold files point at real news articles in the shared datasets folder (``../shared``
next to the repository), which is not shipped with kg; without it the benchmark is skipped.
``--set holdout`` scores the held-out set in ``bench/gold/holdout/`` instead: articles that no
extraction rule was tuned on, for an honest estimate on unseen text; ``--set blind`` scores
``bench/gold/blind/``, a second held-out set annotated later, before kg was ever run on it.

    python -m bench.accuracy.devset                 # score, print, write bench/results/devset.{json,md}
    python -m bench.accuracy.devset --no-details    # figures only
    python -m bench.accuracy.devset --set holdout   # held-out set: bench/results/holdout.{json,md}
    python -m bench.accuracy.devset --set blind     # blind set: bench/results/blind.{json,md}
    python -m bench.accuracy.devset --set trade-dev # Reuters trade stories (bench/gold/trade/)
    python -m bench.accuracy.devset --set trade-blind2  # second held-out trade set, scored once
    python -m bench.accuracy.devset --set trade-blind3  # third trade set (development data since)
    python -m bench.accuracy.devset --set trade-blind4  # fourth trade set (development data since)
    python -m bench.accuracy.devset --set trade-blind5  # fifth trade set (scored blind, then read)
    python -m bench.accuracy.devset --set trade-blind6  # sixth trade set (scored blind twice, then read)
    python -m bench.accuracy.devset --set trade-blind7  # seventh trade set (scored blind twice, then read)
    python -m bench.accuracy.devset --set trade-blind8  # eighth trade set (scored blind twice, then read)
    python -m bench.accuracy.devset --set trade-blind9  # ninth trade set (scored blind twice, then read)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
DEV = REPO / "bench" / "gold" / "dev"
HOLDOUT = REPO / "bench" / "gold" / "holdout"
BLIND = REPO / "bench" / "gold" / "blind"
TRADE_DEV = REPO / "bench" / "gold" / "trade" / "dev"
TRADE_BLIND = REPO / "bench" / "gold" / "trade" / "blind"
TRADE_BLIND2 = REPO / "bench" / "gold" / "trade" / "blind2"
TRADE_BLIND3 = REPO / "bench" / "gold" / "trade" / "blind3"
TRADE_BLIND4 = REPO / "bench" / "gold" / "trade" / "blind4"
TRADE_BLIND5 = REPO / "bench" / "gold" / "trade" / "blind5"
TRADE_BLIND6 = REPO / "bench" / "gold" / "trade" / "blind6"
TRADE_BLIND7 = REPO / "bench" / "gold" / "trade" / "blind7"
TRADE_BLIND8 = REPO / "bench" / "gold" / "trade" / "blind8"
TRADE_BLIND9 = REPO / "bench" / "gold" / "trade" / "blind9"
RESULTS = REPO / "bench" / "results"

# set name -> (gold folder, stem of the result files, heading of the Markdown summary)
SETS: dict[str, tuple[Path, str, str]] = {
    "dev": (DEV, "devset", "Development set"),
    "holdout": (HOLDOUT, "holdout", "Held-out set"),
    "blind": (BLIND, "blind", "Blind set"),
    "trade-dev": (TRADE_DEV, "trade-dev", "Trade set, development half"),
    "trade-blind": (TRADE_BLIND, "trade-blind", "Trade set, blind half"),
    "trade-blind2": (TRADE_BLIND2, "trade-blind2", "Trade set, second blind set"),
    "trade-blind3": (TRADE_BLIND3, "trade-blind3", "Trade set, third blind set"),
    "trade-blind4": (TRADE_BLIND4, "trade-blind4", "Trade set, fourth blind set"),
    "trade-blind5": (TRADE_BLIND5, "trade-blind5", "Trade set, fifth blind set"),
    "trade-blind6": (TRADE_BLIND6, "trade-blind6", "Trade set, sixth blind set"),
    "trade-blind7": (TRADE_BLIND7, "trade-blind7", "Trade set, seventh blind set"),
    "trade-blind8": (TRADE_BLIND8, "trade-blind8", "Trade set, eighth blind set"),
    "trade-blind9": (TRADE_BLIND9, "trade-blind9", "Trade set, ninth blind set"),
}


def gold_files(folder: Path = DEV) -> list[Path]:
    """The development gold files, in a stable order."""
    return sorted(folder.glob("*.gold.json"))


def missing_sources(paths: Sequence[Path]) -> list[str]:
    """The article files that the gold files point at but that are not on this machine."""
    missing = []
    for path in paths:
        text_file = json.loads(path.read_text(encoding="utf-8"))["text_file"]
        if not (path.parent / text_file).resolve().is_file():
            missing.append(text_file)
    return sorted(set(missing))


def miss_causes(files: Sequence[dict[str, Any]]) -> dict[str, Counter[str]]:
    """Misses and false positives counted by kind and predicate, for a quick overview.

    ``files`` is the ``files`` list of ``kg eval --json``.
    """
    out: dict[str, Counter[str]] = {"misses": Counter(), "false_positives": Counter()}
    for f in files:
        for key in out:
            for item in f.get(key, []):
                kind = item.get("kind", "?")
                what = item.get("p") if kind == "fact" else item.get("type")
                suffix = " (loose match)" if item.get("loose_match") else ""
                out[key][f"{kind} {what}{suffix}"] += 1
    return out


def without_source_text(item: dict[str, Any], *, keep_quote: bool = False) -> dict[str, Any]:
    """A miss or false positive without the article's sentences (and extracted quotes).

    The articles belong to their publishers: the results kept in the repository hold
    figures, names and reasons, not the text itself (the printed report shows it). A missed
    fact's quote comes from the gold file, which is in the repository already.
    """
    dropped = ("sentence",) if keep_quote else ("sentence", "quote")
    out = {k: v for k, v in item.items() if k not in dropped}
    if isinstance(out.get("reason"), str):
        out["reason"] = out["reason"].split(" (sentence: ")[0]
    return out


def _relative(path: Path) -> str:
    full = path.resolve()
    return full.relative_to(REPO).as_posix() if full.is_relative_to(REPO) else str(path)


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


TRADE_PREDICATES = ("exports", "imports", "exportValue", "importValue")


def trade_rows(facts: dict[str, Any]) -> list[str]:
    """The four trade predicates added up, strict and full: the issue's trade-fact figure."""
    lines = ["", "## Trade facts (the four trade predicates, added up)", "", "| score | P | R | F1 | TP | FP | FN |",
             "|---|---|---|---|---|---|---|"]
    for score in ("strict", "full"):
        per = facts.get(score, {}).get("per_predicate", {})
        tp, fp, fn = (sum(per.get(pred, {}).get(k, 0) for pred in TRADE_PREDICATES) for k in ("tp", "fp", "fn"))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        lines.append(f"| {score} | {_pct(p)} | {_pct(r)} | {_pct(f1)} | {tp} | {fp} | {fn} |")
    return lines


def markdown(report: dict[str, Any], *, model: str, heading: str = "Development set") -> str:
    """A short Markdown summary of a ``kg eval --json`` report."""
    lines = [
        f"# {heading}: kg eval",
        "",
        f"Model: `{model}`. {len(report['files'])} articles. P/R/F1 in percent.",
        "",
        "| file | entities typed F1 | entities untyped F1 | facts strict P | facts strict R | facts strict F1 | facts loose F1 |",
        "|---|---|---|---|---|---|---|",
    ]
    rows = [(Path(f["gold"]).name, f) for f in report["files"]] + [("**total**", report["total"])]
    for name, f in rows:
        e, s, lo = f["entities"], f["facts"]["strict"], f["facts"]["loose"]
        lines.append(
            f"| {name} | {_pct(e['typed']['f1'])} | {_pct(e['untyped']['f1'])} | {_pct(s['p'])} | "
            f"{_pct(s['r'])} | {_pct(s['f1'])} | {_pct(lo['f1'])} |"
        )
    lines += ["", "## Strict facts per predicate (all files)", "", "| predicate | P | R | F1 |", "|---|---|---|---|"]
    for pred, c in report["total"]["facts"]["strict"].get("per_predicate", {}).items():
        lines.append(f"| {pred} | {_pct(c['p'])} | {_pct(c['r'])} | {_pct(c['f1'])} |")
    lines += trade_rows(report["total"]["facts"])
    if report["files"] and not any("misses" in f for f in report["files"]):
        return "\n".join([*lines, "", "Misses and false positives are left out (`--no-details`): a held-out set."]) + "\n"
    for key, counts in miss_causes(report["files"]).items():
        lines += ["", f"## {key.replace('_', ' ').capitalize()} by kind", ""]
        lines += [f"- {what}: {n}" for what, n in counts.most_common()] or ["- none"]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.accuracy.devset", description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path, help="gold files (default: all of the chosen set)")
    parser.add_argument(
        "--set", dest="gold_set", choices=sorted(SETS), default="dev",
        help="dev: bench/gold/dev/ (default); holdout: bench/gold/holdout/ and blind: bench/gold/blind/, never used to tune rules",
    )
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: kg's)")
    parser.add_argument("--results", type=Path, default=RESULTS, help="folder for devset.json and devset.md")
    parser.add_argument(
        "--no-details", action="store_true",
        help="leave out misses and false positives, on the screen and in the results (for held-out sets)",
    )
    args = parser.parse_args(argv)

    folder, stem, heading = SETS[args.gold_set]
    paths = args.gold or gold_files(folder)
    if not paths:  # an empty set would score a perfect 1.000: say so instead
        print(f"{heading}: no *.gold.json files in {_relative(folder)}; nothing to score.", file=sys.stderr)
        return 1
    if not SHARED.is_dir():
        print(f"{heading} skipped: the shared datasets folder {SHARED} is absent.")
        return 0
    missing = missing_sources(paths)
    if missing:
        print(f"{heading} skipped: these articles are absent: " + ", ".join(missing))
        return 0

    from kg.eval import evaluate, render_report, to_json
    from kg.nlp.loading import DEFAULT_MODEL

    model = args.model or DEFAULT_MODEL
    result = evaluate(paths, model=model)
    print(render_report(result, details=not args.no_details))
    report = to_json(result)
    for f in report["files"]:  # paths relative to the repository, so results diff cleanly
        f["gold"] = _relative(Path(f["gold"]))
        if args.no_details:  # a held-out set's misses stay unread, in the files as on the screen
            del f["misses"], f["false_positives"]
            continue
        f["misses"] = [without_source_text(m, keep_quote=True) for m in f["misses"]]
        f["false_positives"] = [without_source_text(m) for m in f["false_positives"]]
    report["model"] = model
    args.results.mkdir(parents=True, exist_ok=True)
    json_path, md_path = args.results / f"{stem}.json", args.results / f"{stem}.md"
    json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    md_path.write_text(markdown(report, model=model, heading=heading), encoding="utf-8")
    print(f"Wrote {json_path} and {md_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
