"""`kg view`: one self-contained, deterministic HTML file, chosen through the CLI."""

from __future__ import annotations

import json
import re

import pytest
from graph_sample import build_sample
from typer.testing import CliRunner

from kg.cli import app
from kg.view import view

runner = CliRunner()


@pytest.fixture(scope="module")
def output(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("view"))


def page_data(path):
    html = path.read_text(encoding="utf-8")
    match = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', html, re.S)
    return html, json.loads(match.group(1))


def test_the_page_is_self_contained_and_deterministic(output, tmp_path):
    first = view(output=output, to=tmp_path / "a.html")
    second = view(output=output, to=tmp_path / "b.html")
    assert first.path.read_bytes() == second.path.read_bytes()
    html, data = page_data(first.path)
    # Nothing loaded from elsewhere: no src/href attributes at all, every library inlined.
    assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html)
    assert "cytoscape" in html and "fcose" in html
    assert "default-src 'none'" in html
    assert len(data["nodes"]) == first.nodes == first.total_nodes == 6
    assert {n["label"] for n in data["nodes"]} >= {"Ana Ruiz", "Freedonia"}


def test_cli_draws_a_part(output, tmp_path):
    target = tmp_path / "ruiz.html"
    result = runner.invoke(app, ["view", "--entity", "Ana Ruiz", "--to", str(target), "--output", str(output)])
    assert result.exit_code == 0, result.output
    assert "3 entities" in result.output
    _, data = page_data(target)
    assert data["note"] == "3 of 6 shown"
    result = runner.invoke(app, ["view", "--type", "agency", "--depth", "0", "--to", str(target), "--output", str(output)])
    assert result.exit_code == 0 and "2 entities, 1 relations" in result.output
    result = runner.invoke(app, ["view", "--article", "freedonia-aid", "--to", str(target), "--output", str(output)])
    assert result.exit_code == 0 and "2 entities" in result.output


def test_cli_draws_a_construct_query(output, tmp_path):
    target = tmp_path / "q.html"
    query = ("PREFIX org: <http://www.w3.org/ns/org#> "
             "CONSTRUCT { ?a org:subOrganizationOf ?b } WHERE { ?a org:subOrganizationOf ?b }")
    result = runner.invoke(app, ["view", "--query", query, "--to", str(target), "--output", str(output)])
    assert result.exit_code == 0, result.output
    _, data = page_data(target)
    assert [e["label"] for e in data["edges"]] == ["subOrganizationOf"]
    assert {n["type"] for n in data["nodes"]} == {"Agency"}


@pytest.mark.parametrize("args, message", [
    (["--entity", "Nobody"], "no entity named"),
    (["--query", "SELECT * WHERE { ?s ?p ?o }"], "CONSTRUCT"),
    (["--query", "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"], "federation is off"),
    (["--type", "spaceship"], "unknown entity type"),
])
def test_bad_choices_are_clear_errors(output, tmp_path, args, message):
    result = runner.invoke(app, ["view", *args, "--to", str(tmp_path / "x.html"), "--output", str(output)])
    assert result.exit_code != 0
    assert message in result.output and "Traceback" not in result.output
