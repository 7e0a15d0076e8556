"""The extractor's identity: what, besides the article itself, decides the graph read from it.

An article's content hash keys incremental builds, but the same text read by other rules, other
lexicons or another spaCy pipeline gives another graph. The identity names all of that: kg's
version, a digest of the rule code and data files extraction reads, and the spaCy pipeline
with the spaCy version. A build compares it with the one the store recorded
(``kg.extractor_change``) and reads again every article an older extractor wrote.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from kg.nlp.loading import DEFAULT_MODEL, pipeline_identity

NLP_ROOT = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ExtractorIdentity:
    """What produced an article's graph, besides the article: compared part by part."""

    kg: str
    rules: str
    pipeline: str
    spacy: str

    def to_json(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> ExtractorIdentity | None:
        """The identity a record holds; None for one this kg cannot read (which counts as changed)."""
        if not isinstance(data, dict):
            return None
        try:
            return cls(**{name: str(data[name]) for name in ("kg", "rules", "pipeline", "spacy")})
        except KeyError:
            return None

    def changes_since(self, older: ExtractorIdentity) -> list[str]:
        """What differs from ``older``, in words: ``["kg (0.1.0 -> 0.2.0)", "the rules"]``."""
        changes = []
        if self.kg != older.kg:
            changes.append(f"kg ({older.kg} -> {self.kg})")
        if self.rules != older.rules:
            changes.append("the rules")
        if self.pipeline != older.pipeline:
            changes.append(f"the spaCy pipeline ({older.pipeline} -> {self.pipeline})")
        if self.spacy != older.spacy:
            changes.append(f"spaCy ({older.spacy} -> {self.spacy})")
        return changes


def rules_digest(root: Path = NLP_ROOT) -> str:
    """SHA-256 of the rule code (``**/*.py``) and data files (``data/**``) under ``root``.

    Each file counts by its path relative to ``root`` and its bytes, in the order of those
    paths: never modification times or absolute paths, so every checkout of the same files,
    on any machine, gets the same digest. Byte-code caches and hidden files (editor and
    desktop litter) are left out.
    """
    files = {path for path in root.rglob("*.py")} | {path for path in (root / "data").rglob("*") if path.is_file()}
    named = sorted((path.relative_to(root).as_posix(), path) for path in files if _source(path.relative_to(root)))
    digest = hashlib.sha256()
    for relative, path in named:
        content = path.read_bytes()
        # Lengths delimit each name and content, so no two trees hash alike by shifting bytes.
        digest.update(f"{len(relative.encode())}:{relative}\n{len(content)}:".encode())
        digest.update(content)
    return digest.hexdigest()


def _source(relative: Path) -> bool:
    return not any(part == "__pycache__" or part.startswith(".") for part in relative.parts)


@lru_cache(maxsize=1)
def _installed_rules() -> str:
    return rules_digest()  # once per process: some 40 files, a few milliseconds


def extractor_identity(model: str = DEFAULT_MODEL) -> ExtractorIdentity:
    """The identity of extraction with the spaCy pipeline ``model``, without loading it.

    >>> extractor_identity("en_core_web_sm").pipeline  # doctest: +SKIP
    'en_core_web_sm-3.8.0'
    """
    from kg import __version__

    try:
        spacy = version("spacy")
    except PackageNotFoundError:
        spacy = "?"
    return ExtractorIdentity(kg=__version__, rules=_installed_rules(), pipeline=pipeline_identity(model), spacy=spacy)
