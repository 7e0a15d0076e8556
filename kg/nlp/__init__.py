"""spaCy layer: the statistical model plus kg's rulers and components, and extraction."""

from __future__ import annotations

from kg.nlp.extract import extract, extract_articles
from kg.nlp.loading import DEFAULT_MODEL

__all__ = ["DEFAULT_MODEL", "extract", "extract_articles"]
