"""kg's layers, bottom to top, and the rule that holds them: a module imports only from its
own layer or the ones below (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[2] / "kg"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("kg.errors", "kg.model", "kg.files", "kg.vocab", "kg.workspace", "kg.io", "kg.results", "kg.clean",
     "kg.guard", "kg.assets", "kg.bounded"),
    ("kg.nlp",),
    ("kg.linking",),
    ("kg.rdf",),
    ("kg.store",),
    ("kg.build", "kg.extractor_change", "kg.graph_files", "kg.distributed", "kg.query", "kg.export", "kg.validate", "kg.verdicts", "kg.eval", "kg.stats",
     "kg.console", "kg.serve", "kg.view", "kg.verify"),
    ("kg.cli", "kg.__main__"),
)


def layer_of(module: str) -> int:
    for number, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return number
    raise LookupError(f"{module} is in no layer: add it to LAYERS and to docs/architecture.md")


def module_name(path: Path) -> str:
    parts = path.relative_to(KG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def kg_imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of a kg module, wherever it stands in the file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        # "from kg.nlp import lexicon" counts as kg.nlp: the same layer as kg.nlp.lexicon.
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "kg" or node.module.startswith("kg."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name == "kg" or a.name.startswith("kg.")]
    return found


MODULES = sorted(p for p in KG.rglob("*.py") if module_name(p) != "kg")


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_go_down_or_across_never_up(path: Path) -> None:
    own = layer_of(module_name(path))
    upward = [f"line {line}: {module}" for line, module in kg_imports(path)
              if module != "kg" and layer_of(module) > own]
    assert not upward, f"{module_name(path)} (layer {own}) imports from a higher layer: {upward}"


def test_the_rule_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from kg.store import open_store\nimport kg.cli\n", encoding="utf-8")
    assert [layer_of(m) for _, m in kg_imports(bad)] == [4, 6]
    assert layer_of("kg.vocab.iri") < layer_of("kg.nlp.extract") < layer_of("kg.linking") \
        < layer_of("kg.rdf.mapping") < layer_of("kg.store.base") < layer_of("kg.export") < layer_of("kg.cli")
