"""Validation verdicts kept per article graph, so ``kg validate`` re-checks only changed graphs.

A verdict says what validating one article graph gave: its focus nodes and, where the SPARQL
screen (``kg.rdf.shapes_sparql``) named the graph, pySHACL's result on it. It is keyed by a
fingerprint of the graph's statements (MD5 of its N-Triples lines, sorted), so a verdict
applies to exactly the statements it was made on: a graph rebuilt, removed, or edited by any
means gets a new fingerprint (or none) and is checked again. A graph with a blank node has
no fingerprint (its label is the store's own), so no verdict.

Verdicts live beside the store (``<store>/kg-verdicts.json``), not in its graphs: they are
derived from the graphs, so stating them in a graph would change what they describe, show
up in every export and query, and need a term and shapes of their own; a remote store has
no such file and is validated in full. The file names the shapes, the ontology and the
code that made the verdicts (``screen_version``): any change to those voids them all.

``kg build`` refreshes the verdicts of what it wrote; ``kg validate`` checks whatever has
no current verdict and stores the result (when it may write the file).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

FILE_NAME = "kg-verdicts.json"
_FORMAT = 2  # 2: fingerprints of the sorted N-Triples (1: Oxigraph's MD5 over its own order)
BATCH = 500  # graphs read (and judged) together


@dataclass(frozen=True)
class Verdict:
    """What validating one graph gave: its focus nodes; ``check`` is pySHACL's result
    (conforms, violations, text, report as N-Triples) where the screen named the graph."""

    fingerprint: str
    focus: int
    check: dict[str, Any] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"fp": self.fingerprint, "focus": self.focus, "check": self.check}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Verdict:
        return cls(str(data["fp"]), int(data["focus"]), data.get("check"))


@lru_cache(maxsize=1)
def screen_version() -> str:
    """A digest of what verdicts depend on: shapes, ontology, the screen's and validation's code,
    and the versions of pySHACL and rdflib (read from their metadata, not imported)."""
    from importlib.metadata import PackageNotFoundError, version

    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"{_FORMAT}\n".encode())
    for path in (here / "ontology" / "shapes.ttl", here / "ontology" / "kg.ttl",
                 here / "rdf" / "shapes_sparql.py", here / "validate.py", Path(__file__)):
        digest.update(path.read_bytes())
    for package in ("pyshacl", "rdflib"):
        try:
            digest.update(f"{package} {version(package)}\n".encode())
        except PackageNotFoundError:
            digest.update(f"{package} ?\n".encode())
    return digest.hexdigest()


def verdicts_path(store_path: Path) -> Path:
    return Path(store_path) / FILE_NAME


def load(store_path: Path) -> tuple[dict[str, Verdict], str | None]:
    """The stored verdicts by graph IRI, and the state token of the store they cover whole
    (None: unknown); no verdicts if the file is missing, unreadable or void."""
    try:
        data = json.loads(verdicts_path(store_path).read_text(encoding="utf-8"))
        if data.get("screen") != screen_version():
            return {}, None
        return {name: Verdict.from_json(one) for name, one in data["graphs"].items()}, data.get("token")
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}, None


def save(store_path: Path, verdicts: dict[str, Verdict], *, token: str | None = None) -> bool:
    """Write the verdicts (whole, atomically); False where the store's folder is not writable.

    ``token``: the published state whose every graph has a verdict here. A snapshot never
    changes, so ``kg validate`` on that state reads the verdicts without fingerprinting.
    """
    path = verdicts_path(store_path)
    scratch = path.with_name(f".{FILE_NAME}.{os.getpid()}")
    data = {"screen": screen_version(), "token": token,
            "graphs": {name: verdicts[name].to_json() for name in sorted(verdicts)}}
    try:
        scratch.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(scratch, path)
        return True
    except OSError:
        scratch.unlink(missing_ok=True)
        return False


def dumps(ox_store: Any, graphs: list[str] | None = None) -> Iterator[dict[str, bytes]]:
    """The N-Triples of each named graph that holds statements (only ``graphs``' if given), a
    batch of graphs at a time: the fingerprints are read off them, and the graphs to judge
    are loaded from them, so each graph is read from the store once."""
    import pyoxigraph as ox

    if graphs is None:
        graphs = sorted(g.value for g in ox_store.named_graphs() if isinstance(g, ox.NamedNode))
    for batch in batches(graphs):
        found = {name: ox_store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(name)) for name in batch}
        yield {name: data for name, data in found.items() if data}


def fingerprint(ntriples: bytes) -> str | None:
    """A graph's fingerprint: MD5 of its N-Triples lines in sorted order, so the same for the
    same statements whatever order the store reads them in; None with a blank node, whose
    label is the store's own."""
    if b"_:" in ntriples:
        return None
    lines = ntriples.split(b"\n")
    lines.sort()
    return hashlib.md5(b"\n".join(lines)).hexdigest()


def batches(names: list[str]) -> list[list[str]]:
    return [names[i:i + BATCH] for i in range(0, len(names), BATCH)]
