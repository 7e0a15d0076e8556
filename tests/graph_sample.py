"""A small built graph (the hand-made extractions of rdf_sample, no spaCy) for serve and view tests."""

from __future__ import annotations

from pathlib import Path

from rdf_sample import sample_extraction, second_extraction

from kg.rdf.mapping import extraction_to_quads
from kg.store import OxigraphStore


def build_sample(output: Path) -> Path:
    """Write the two sample articles to ``output/store``, as `kg build` lays it out."""
    with OxigraphStore(output / "store") as store:
        store.replace_articles([
            (extraction.article.id, extraction_to_quads(extraction))
            for extraction in (sample_extraction(), second_extraction())
        ])
    return output
