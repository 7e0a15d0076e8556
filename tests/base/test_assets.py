"""The browser libraries: copied from npm's node_modules with their licences, or a clear error."""

from __future__ import annotations

import json

import pytest

import kg.assets as assets
from kg.errors import AssetError


def fake_node_modules(root):
    for name, (package, inner) in assets.FILES.items():
        path = root / package / inner
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"/* {name} */", encoding="utf-8")
        (root / package / "package.json").write_text(json.dumps({"version": "1.2.3", "license": "MIT"}), encoding="utf-8")
    (root / "cytoscape" / "LICENSE").write_text("Copyright (c) The Cytoscape Consortium", encoding="utf-8")
    return root


def test_install_copies_every_file_with_a_notice(tmp_path, monkeypatch):
    source = fake_node_modules(tmp_path / "node_modules")
    target = tmp_path / "vendor"
    written = assets.install(source, target=target)
    assert sorted(p.name for p in written) == sorted(assets.FILES)
    assert (target / "cytoscape.min.js").read_text() == "/* cytoscape.min.js */"
    monkeypatch.setattr(assets, "VENDOR", target)
    assert assets.notice("cytoscape") == "cytoscape 1.2.3 — licence MIT — \nCopyright (c) The Cytoscape Consortium"
    assert assets.notice("@zazuko/yasgui").startswith("@zazuko/yasgui 1.2.3 — licence MIT")
    assert assets.asset("cytoscape.min.js") == target / "cytoscape.min.js"


def test_missing_files_say_how_to_get_them(tmp_path, monkeypatch):
    monkeypatch.setattr(assets, "VENDOR", tmp_path / "empty")
    with pytest.raises(AssetError, match="make setup"):
        assets.asset("yasgui.min.js")
    with pytest.raises(AssetError, match="no browser asset"):
        assets.asset("jquery.js")
    with pytest.raises(AssetError, match="npm ci"):
        assets.install(tmp_path / "nothing", target=tmp_path / "out")
