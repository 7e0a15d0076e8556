"""spaCy layer: the statistical model plus kg's rulers and components, and extraction."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from kg.nlp.loading import DEFAULT_MODEL


def __getattr__(name: str) -> Any:
    # Extraction pulls in spaCy; load it only when it is used.
    if name in ("extract", "extract_articles"):
        return getattr(import_module("kg.nlp.extract"), name)
    raise AttributeError(f"module 'kg.nlp' has no attribute {name!r}")


__all__ = ["DEFAULT_MODEL", "extract", "extract_articles"]
