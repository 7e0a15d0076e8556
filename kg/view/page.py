"""One self-contained HTML file for a scene: data, libraries, style and script inlined.

The file loads nothing from the network (its Content-Security-Policy forbids it), so it
opens offline, can be mailed, and stays byte-identical for the same graph and options.
"""

from __future__ import annotations

import json
import math
from html import escape
from pathlib import Path
from typing import Any

from kg.assets import FILES, asset, notice
from kg.view.scene import Scene

HERE = Path(__file__).resolve().parent
# Order matters: fCoSE needs cose-base, which needs layout-base.
LIBRARIES = ("cytoscape.min.js", "layout-base.js", "cose-base.js", "cytoscape-fcose.js")
# One colour per entity kind (colour-blind-safe where possible: Okabe-Ito, then greys).
COLOURS = {
    "Official": "#D55E00", "Person": "#E69F00", "Agency": "#0072B2", "Organization": "#56B4E9",
    "Country": "#009E73", "Place": "#8FD18F", "Product": "#CC79A7", "Disease": "#B22222",
    "Event": "#F0E442", "Other": "#8c959f",
}


def _script(text: str) -> str:
    # Inside <script>, only "</script" (any case) could end the element early.
    return text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT")


def scene_json(scene: Scene, *, note: str = "") -> dict[str, Any]:
    """The data the page draws, in a stable order."""
    degree: dict[str, int] = {}
    for edge in scene.edges:
        degree[edge.source] = degree.get(edge.source, 0) + 1
        degree[edge.target] = degree.get(edge.target, 0) + 1
    nodes = []
    for key in sorted(scene.nodes):
        item = scene.nodes[key].to_json()
        item["size"] = round(min(14 + 4 * math.sqrt(degree.get(key, 0)), 60), 1)
        nodes.append(item)
    edges = [
        {"source": e.source, "target": e.target, "label": e.label, "count": len(articles)}
        for e, articles in sorted(scene.edges.items(), key=lambda item: (item[0].source, item[0].target, item[0].label))
    ]
    return {"nodes": nodes, "edges": edges, "colours": COLOURS, "note": note}


def render_page(scene: Scene, *, title: str = "kg graph", note: str = "") -> str:
    """The HTML text of the view."""
    libraries = []
    for name in LIBRARIES:
        path = asset(name)
        # Each library's licence travels with its copy; "--" may not appear in a comment.
        comment = notice(FILES[name][0]).replace("--", "- -")
        libraries.append(f"<!--\n{comment}\n-->\n<script>\n{_script(path.read_text(encoding='utf-8'))}\n</script>")
    data = json.dumps(scene_json(scene, note=note), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    parts = {
        "{{TITLE}}": escape(title),
        "{{STYLE}}": (HERE / "view.css").read_text(encoding="utf-8"),
        "{{DATA}}": _script(data.replace("<!--", "<\\u0021--")),
        "{{LIBRARIES}}": "\n".join(libraries),
        "{{SCRIPT}}": _script((HERE / "view.js").read_text(encoding="utf-8")),
    }
    html = (HERE / "template.html").read_text(encoding="utf-8")
    for mark, text in parts.items():
        html = html.replace(mark, text)
    return html
