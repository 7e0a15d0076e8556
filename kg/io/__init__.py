"""Reading articles from files, folders and standard input."""

from __future__ import annotations

from kg.io.readers import SUFFIXES, read_articles

__all__ = ["SUFFIXES", "read_articles"]
