"""kg's layers, bottom to top, and the rules that hold them: a module imports only from its
own layer or the ones below, and no modules import each other in a circle (docs/architecture.md)."""

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


def imported_modules(path: Path, known: set[str]) -> set[str]:
    """The kg modules ``path`` imports: "from kg.nlp.relations import places" names the module
    kg.nlp.relations.places, "from kg.nlp.relations.base import Context" names kg.nlp.relations.base.

    Every import counts, a deferred one in a function body or one under ``if TYPE_CHECKING:``
    too: the two modules still depend on each other, and hiding the import is how a cycle
    survives. The packages a module stands in do not count: Python runs a package's
    ``__init__`` before its modules by design, and a package that gathers its modules would
    otherwise circle with each of them."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in known else node.module
                      for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return found & known


def _paths_from(graph: dict[str, set[str]], start: str) -> dict[str, list[str]]:
    """A shortest import path from ``start`` to every module it reaches (breadth first), a way
    back to ``start`` itself included when there is one."""
    paths: dict[str, list[str]] = {}
    queue = [[start]]
    while queue:
        path = queue.pop(0)
        for target in sorted(graph.get(path[-1], ())):
            if target not in paths:
                paths[target] = path + [target]
                queue.append(paths[target])
    return paths


def import_cycles(graph: dict[str, set[str]]) -> list[tuple[list[str], set[str]]]:
    """Each group of modules that import each other: a shortest circle through its first module
    (alphabetically), and the whole group."""
    reach = {module: _paths_from(graph, module) for module in graph}
    cycles: list[tuple[list[str], set[str]]] = []
    grouped: set[str] = set()
    for start in sorted(graph):
        if start in reach[start] and start not in grouped:
            group = {m for m in reach[start] if start in reach.get(m, {})}
            grouped |= group
            cycles.append(([start] + reach[start][start][1:], group))
    return cycles


def test_no_modules_import_each_other() -> None:
    names = {module_name(p) for p in MODULES}
    graph = {module_name(p): imported_modules(p, names) - {module_name(p)} for p in MODULES}
    circles = [f"{' -> '.join(cycle)} (a circle of {len(group)}: {', '.join(sorted(group))})"
               for cycle, group in import_cycles(graph)]
    assert not circles, "kg modules import each other in a circle; move what they share into a " \
        "module below both:\n" + "\n".join(circles)


def test_the_rule_catches_a_circle_of_imports(tmp_path: Path) -> None:
    hidden = tmp_path / "hidden.py"
    hidden.write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kg.a import A\n"
                      "def late():\n    from kg.pkg import b, gone\n", encoding="utf-8")
    assert imported_modules(hidden, {"kg.a", "kg.pkg", "kg.pkg.b"}) == {"kg.a", "kg.pkg", "kg.pkg.b"}
    graph = {"kg.a": {"kg.b"}, "kg.b": {"kg.c", "kg.a"}, "kg.c": {"kg.a"}, "kg.d": {"kg.a"}}
    assert import_cycles(graph) == [(["kg.a", "kg.b", "kg.a"], {"kg.a", "kg.b", "kg.c"})]
    assert import_cycles({"kg.a": {"kg.b"}, "kg.b": set()}) == []
