"""``kg eval``: score what kg extracts from an article against a gold file.

>>> result = evaluate(["medical-supplies-export.gold.json"])  # doctest: +SKIP
>>> round(result.total.facts_strict.f1, 2)  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from kg.build import build_dataset
from kg.eval.gold import Gold, GoldEntity, GoldFact, load_article, load_gold
from kg.eval.normalize import normalize_name
from kg.eval.report import print_report, render_report, to_json
from kg.eval.score import Counts, EvalResult, FileResult, score
from kg.model import Article
from kg.nlp.loading import DEFAULT_MODEL
from kg.rdf.facts import facts_document

# Builds the facts document (the gold format's neutral JSON) for a list of articles.
FactsFor = Callable[..., dict[str, Any]]


def build_facts(articles: Sequence[Article], *, model: str = DEFAULT_MODEL) -> dict[str, Any]:
    """Extract ``articles`` in one pass and read the resulting graph back as a facts document."""
    return facts_document(build_dataset(list(articles), model=model))


def evaluate(
    gold_paths: Iterable[str | Path],
    *,
    model: str = DEFAULT_MODEL,
    facts_for: FactsFor | None = None,
) -> EvalResult:
    """Score every gold file; all their articles are built together, once each.

    ``facts_for(articles, model=...)`` returns the facts document; the default builds the
    graph with kg itself. Files are reported under the paths given.
    """
    facts_for = facts_for or build_facts
    golds = [(str(p), load_gold(p)) for p in gold_paths]
    articles: dict[str, Article] = {}
    for _, gold in golds:
        if gold.article_id not in articles:
            articles[gold.article_id] = load_article(gold)
    doc = facts_for(list(articles.values()), model=model) if golds else {}
    return EvalResult([score(gold, doc, label=label) for label, gold in golds])


__all__ = [
    "Counts",
    "EvalResult",
    "FileResult",
    "Gold",
    "GoldEntity",
    "GoldFact",
    "build_facts",
    "evaluate",
    "load_article",
    "load_gold",
    "normalize_name",
    "print_report",
    "render_report",
    "score",
    "to_json",
]
