"""Where a graph lives on disk: the output folder, its embedded store and its graph files.

Kept apart from the build so that reading commands (query, export, validate) find a graph
without importing the code that makes one.
"""

from __future__ import annotations

from pathlib import Path

from kg.errors import StoreError

DEFAULT_OUTPUT = Path("output")
# The files a build writes next to the store, by the format each is written in.
GRAPH_FILES = {"graph.ttl": "ttl", "graph.trig": "trig"}


def store_path(output: str | Path) -> Path:
    return Path(output) / "store"


def existing_store_path(output: str | Path, store: str | None = None) -> Path:
    """The embedded store under ``output``, which reading commands need to exist already.

    Opening a missing on-disk store would silently create an empty one, and a query would
    answer "no rows" about a graph that was never built.
    """
    path = store_path(output)
    if (store in (None, "oxigraph")) and not path.is_dir():
        raise StoreError(
            f"no graph at {path}: build one first with `kg build ARTICLES --output {output}`, "
            f"or point --output at the folder of an existing graph."
        )
    return path


def graph_files_exist(output: str | Path) -> bool:
    return all((Path(output) / name).exists() for name in GRAPH_FILES)
