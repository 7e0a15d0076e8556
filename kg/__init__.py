"""kg: turn news articles into an RDF knowledge graph you can question.

>>> import kg
>>> report = kg.build(["examples/"], output="output")        # doctest: +SKIP
>>> kg.run_query("officials-and-posts", output="output").rows  # doctest: +SKIP
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from kg.errors import GoldError, InputError, KgError, ModelError, QueryError, StoreError, ValidationError

if TYPE_CHECKING:
    from kg.model import Article, BuildReport, Entity, EntityType, Extraction, Fact, Mention, Predicate, Skipped

__version__ = "0.1.0"

# The heavy layers (spaCy, rdflib, pyoxigraph) load on first use, so `import kg` stays cheap;
# so does the data model, which `kg query` does not need (decimal, enum, hashlib and its own
# classes: some 15 ms of that command's start-up).
_LAZY = {
    **dict.fromkeys(("Article", "BuildReport", "Entity", "EntityType", "Extraction", "Fact", "Mention",
                     "Predicate", "Skipped"), "kg.model"),
    "build": "kg.build",
    "build_dataset": "kg.build",
    "remove": "kg.build",
    "extract_articles": "kg.nlp",
    "read_articles": "kg.io",
    "run_query": "kg.query",
    "export": "kg.export",
    "evaluate": "kg.eval",
    "open_store": "kg.store",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


__all__ = [
    "Article", "BuildReport", "Entity", "EntityType", "Extraction", "Fact", "GoldError", "InputError",
    "KgError", "Mention", "ModelError", "Predicate", "QueryError", "Skipped", "StoreError", "ValidationError",
    "__version__", *_LAZY,
]
