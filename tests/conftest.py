"""Shared fixtures. Tests that need ../shared (corpora, gold files) skip cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared corpora and gold files are not on this machine")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    """kg's full pipeline (statistical model + kg components), loaded once per test run."""
    from kg.nlp.pipeline import cached_pipeline

    return cached_pipeline()


@pytest.fixture(scope="session")
def extracted(nlp):
    """``extracted(text, title=...)``: the Extraction of one article through the full
    pipeline, published on 1987-03-10 (a wire date that relative periods are read from)."""
    from kg.model import Article
    from kg.nlp.extract import extract_articles

    def extract_one(text: str, *, title: str | None = None):
        (extraction,) = extract_articles([Article(id="t", text=text, title=title, published="1987-03-10")], nlp=nlp)
        return extraction

    return extract_one


@pytest.fixture(scope="session")
def parser():
    """The statistical pipeline alone (tagger, parser, NER), loaded once per test run; the
    tests that need it skip when the model is not installed."""
    from kg.errors import ModelError
    from kg.nlp.loading import cached_statistical

    try:
        return cached_statistical()
    except ModelError as err:
        pytest.skip(str(err))


# A headless Chromium for the page tests, started once per run (tests/browser.py).
from browser import chromium, watched  # noqa: E402, F401
