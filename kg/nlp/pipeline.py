"""kg's spaCy pipeline: the statistical model plus kg's entity components.

>>> nlp = build_pipeline()  # doctest: +SKIP
>>> [(e.text, e.label_) for e in nlp("Zhang Qi, deputy director of the Ministry of Commerce, spoke.").ents]  # doctest: +SKIP
[('Zhang Qi', 'Official'), ('Ministry of Commerce', 'Agency')]
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language

import kg.nlp.entities  # noqa: F401  (registers the kg_entities factory)
import kg.nlp.paragraphs  # noqa: F401  (registers the kg_paragraphs component)
from kg.nlp.loading import DEFAULT_MODEL, load_statistical

KG_COMPONENTS = ("kg_entities",)


def add_components(nlp: Language) -> Language:
    """Add kg's components after the model's own; idempotent."""
    if "kg_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    for name in KG_COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name, last=True)
    return nlp


def build_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load ``model`` and add kg's components, so that ``doc.ents`` carry kg types."""
    return add_components(load_statistical(model))


@lru_cache(maxsize=4)
def cached_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """One built pipeline per model and process."""
    return build_pipeline(model)
