"""Browser libraries for the query page (YASGUI) and the graph view (Cytoscape.js).

They come from the npm registry, pinned in ``package.json``/``package-lock.json``: ``make
setup`` runs ``npm ci`` and then ``python -m kg.assets node_modules``, which copies their built
files here, next to a note of each one's version and licence. The pages load nothing from
the network, so they work offline.

>>> asset("cytoscape.min.js").name  # doctest: +SKIP
'cytoscape.min.js'
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kg.errors import AssetError

VENDOR = Path(__file__).resolve().parent / "vendor"

# file name here -> (npm package, path of the built file in it)
FILES: dict[str, tuple[str, str]] = {
    "yasgui.min.js": ("@zazuko/yasgui", "build/yasgui.min.js"),
    "yasgui.min.css": ("@zazuko/yasgui", "build/yasgui.min.css"),
    "cytoscape.min.js": ("cytoscape", "dist/cytoscape.min.js"),
    # fCoSE, a force-directed layout fast enough for thousands of nodes, and what it builds on.
    "layout-base.js": ("layout-base", "layout-base.js"),
    "cose-base.js": ("cose-base", "cose-base.js"),
    "cytoscape-fcose.js": ("cytoscape-fcose", "cytoscape-fcose.js"),
}
NOTICE = "NOTICE.txt"


def asset(name: str) -> Path:
    """The path of a vendored browser file; ``AssetError`` when it was never installed."""
    if name not in FILES:
        raise AssetError(f"no browser asset named {name!r}; kg ships {', '.join(FILES)}.")
    path = VENDOR / name
    if not path.is_file():
        raise AssetError(
            f"the browser library {name} (npm package {FILES[name][0]}) is not installed; run "
            f"`make setup` in the kg checkout (it runs `npm ci` and `python -m kg.assets node_modules`)."
        )
    return path


def notice(package: str) -> str:
    """What NOTICE.txt says of one package: its version and licence line, then its licence text."""
    path = VENDOR / NOTICE
    if not path.is_file():
        return package
    text = path.read_text(encoding="utf-8")
    summary = next((line for line in text.splitlines()[1:] if line.startswith(package + " ")), package)
    marker = f"--- {package}: "
    _, found, rest = text.partition("\n" + marker)
    licence = rest.split("\n", 1)[1].split("\n\n--- ", 1)[0].strip() if found else ""
    return f"{summary}\n{licence}".strip()


def install(node_modules: str | Path, *, target: Path = VENDOR) -> list[Path]:
    """Copy the built files from an npm ``node_modules`` folder to ``target``, with a licence notice."""
    source = Path(node_modules)
    target.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    notes: dict[str, str] = {}
    for name, (package, inner) in FILES.items():
        path = source / package / inner
        if not path.is_file():
            raise AssetError(f"{path} is missing: run `npm ci` first, where package.json is.")
        shutil.copyfile(path, target / name)
        written.append(target / name)
        meta = json.loads((source / package / "package.json").read_text(encoding="utf-8"))
        notes[package] = (
            f"{package} {meta.get('version', '?')} — licence {meta.get('license', '?')} — "
            f"{meta.get('homepage') or meta.get('repository', '')}"
        )
    lines = ["Built files copied from the npm registry packages below, under their own licences."]
    lines += [notes[package] for package in sorted(notes)]
    # The licence texts the packages ship travel with the copies (MIT asks for it).
    for package in sorted(notes):
        for licence in sorted((source / package).glob("LICEN[CS]E*")):
            lines += ["", f"--- {package}: {licence.name} ---", licence.read_text(encoding="utf-8").strip()]
    (target / NOTICE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return written

