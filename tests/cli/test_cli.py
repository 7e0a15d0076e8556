"""The CLI end to end through Typer's runner: build, query, export, validate, eval, remove."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

ARTICLE = (
    "Jiang Fan, an official with the Ministry of Commerce's foreign trade department, said on "
    "Monday that exports of face masks had doubled. China exported 3.86 billion face masks "
    "in March, according to the General Administration of Customs.\n"
)


def kg(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


@pytest.fixture(scope="module")
def built(tmp_path_factory, nlp):
    """One small graph built through the CLI, shared by the read-only tests below."""
    root = tmp_path_factory.mktemp("cli")
    articles = root / "articles"
    articles.mkdir()
    (articles / "masks.txt").write_text(ARTICLE, encoding="utf-8")
    (articles / "broken.txt").write_bytes(b"\xff\xfe\x00bad")
    result = kg("build", str(articles), "--output", str(root / "out"))
    assert result.exit_code == 3, result.output  # partial: one article in, one file skipped
    return root, result


def test_build_reports_counts_and_skips_the_bad_file(built):
    root, result = built
    assert "2 articles read" not in result.output  # the broken file is not an article
    assert "1 written" in result.output
    assert "broken.txt" in result.output and "UTF-8" in result.output
    assert (root / "out" / "graph.ttl").stat().st_size > 0
    assert (root / "out" / "graph.trig").stat().st_size > 0


def test_second_build_writes_nothing_new(built):
    root, _ = built
    before = (root / "out" / "graph.trig").read_bytes()
    result = kg("build", str(root / "articles" / "masks.txt"), "--output", str(root / "out"))
    assert result.exit_code == 0, result.output
    assert "0 written, 1 unchanged" in result.output
    assert (root / "out" / "graph.trig").read_bytes() == before


def test_query_named_and_inline_in_every_format(built):
    root, _ = built
    out = str(root / "out")
    listed = kg("query", "--list")
    assert listed.exit_code == 0 and "officials-and-posts" in listed.output
    table = kg("query", "officials-and-posts", "--output", out)
    assert table.exit_code == 0, table.output
    assert "Jiang Fan" in table.output
    csv_out = kg("query", "SELECT ?s WHERE { GRAPH ?g { ?s a <https://schema.org/Country> } }", "--format", "csv", "--output", out)
    assert csv_out.exit_code == 0, csv_out.output
    assert csv_out.output.splitlines()[0] == "s" and len(csv_out.output.splitlines()) >= 2
    as_json = kg("query", "ASK { GRAPH ?g { ?s ?p ?o } }", "--format", "json", "--output", out)
    assert json.loads(as_json.output)["boolean"] is True


def test_named_query_pages_with_limit_and_offset(built):
    root, _ = built
    out = str(root / "out")
    full = kg("query", "entities", "--format", "csv", "--limit", "0", "--output", out)
    assert full.exit_code == 0, full.output
    rows = full.output.splitlines()[1:]
    assert len(rows) >= 3
    paged = kg("query", "entities", "--format", "csv", "--limit", "2", "--offset", "1", "--output", out)
    assert paged.exit_code == 0, paged.output
    assert [line for line in paged.output.splitlines() if line.startswith("http")] == rows[1:3]
    table = kg("query", "entities", "--limit", "1", "--output", out)
    assert "1 rows; more with --offset 1" in table.output
    bad = kg("query", "entities", "--limit", "-1", "--output", out)
    assert bad.exit_code != 0 and "0 or more" in bad.output


def test_bad_query_is_a_clear_error_not_a_traceback(built):
    root, _ = built
    result = kg("query", "SELECT WHERE {", "--output", str(root / "out"))
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    unknown = kg("query", "no-such-query", "--output", str(root / "out"))
    assert unknown.exit_code == 2 and "kg query --list" in unknown.output


def test_export_turtle_parses_back_isomorphic_to_the_store(built, tmp_path):
    root, _ = built
    out = str(root / "out")
    ttl = tmp_path / "g.ttl"
    trig = tmp_path / "g.trig"
    assert kg("export", "--format", "ttl", "--to", str(ttl), "--output", out).exit_code == 0
    assert kg("export", "--to", str(trig), "--output", out).exit_code == 0
    union = Graph()
    dataset = Dataset()
    dataset.parse(trig, format="trig")
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(Graph().parse(ttl, format="turtle"), union)


@pytest.mark.parametrize("fmt", ["nt", "nq", "jsonld", "graphml", "facts"])
def test_export_other_formats(built, tmp_path, fmt):
    root, _ = built
    target = tmp_path / f"g.{fmt}"
    result = kg("export", "--format", fmt, "--to", str(target), "--output", str(root / "out"))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    if fmt == "facts":
        doc = json.loads(text)
        assert [a["id"] for a in doc["articles"]] == ["masks"]
        assert any(e["label"] == "Jiang Fan" for e in doc["entities"])
    elif fmt == "graphml":
        import networkx as nx

        graph = nx.read_graphml(target)
        assert any(data.get("label") == "China" for _, data in graph.nodes(data=True))
    else:
        assert "Jiang" in text


def test_every_export_format_writes_files_with_the_same_permissions(built, tmp_path):
    # The facts document once went through a writer of its own that left the file private.
    root, _ = built
    mask = os.umask(0o022)
    try:
        modes = {}
        for fmt in ("ttl", "trig", "nt", "nq", "jsonld", "graphml", "facts"):
            target = tmp_path / f"g.{fmt}"
            assert kg("export", "--format", fmt, "--to", str(target), "--output", str(root / "out")).exit_code == 0
            modes[fmt] = target.stat().st_mode & 0o777
    finally:
        os.umask(mask)
    assert modes == dict.fromkeys(modes, 0o644)


@pytest.mark.parametrize("fmt", ["ttl", "facts", "graphml"])
def test_export_to_stdout_gives_the_file_bytes(built, tmp_path, fmt):
    root, _ = built
    target = tmp_path / f"g.{fmt}"
    assert kg("export", "--format", fmt, "--to", str(target), "--output", str(root / "out")).exit_code == 0
    shown = kg("export", "--format", fmt, "--output", str(root / "out"))
    assert shown.exit_code == 0 and shown.stdout == target.read_text(encoding="utf-8")


def test_export_unknown_format(built):
    root, _ = built
    result = kg("export", "--format", "xls", "--output", str(root / "out"))
    assert result.exit_code == 2 and "choose one of" in result.output


def test_validate_conforms(built):
    root, _ = built
    result = kg("validate", "--output", str(root / "out"))
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_remove_takes_the_article_out(built, tmp_path):
    root, _ = built
    copy = tmp_path / "out"
    shutil.copytree(root / "out", copy)
    result = kg("remove", "masks", "--output", str(copy))
    assert result.exit_code == 0, result.output
    ask = kg("query", "ASK { GRAPH ?g { ?s ?p ?o } }", "--format", "json", "--output", str(copy))
    assert json.loads(ask.output)["boolean"] is False
    again = kg("remove", "masks", "--output", str(copy))
    assert again.exit_code == 1 and "not in the graph" in again.output


def test_unknown_model_names_what_to_install(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = kg("build", str(tmp_path / "a.txt"), "--model", "xx_no_such_model", "--output", str(tmp_path / "o"))
    assert result.exit_code == 2
    assert "xx_no_such_model" in result.output and "pip install" in result.output


def test_build_from_stdin(tmp_path, nlp):
    result = kg("build", "-", "--output", str(tmp_path / "o"), input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert "1 written" in result.output


def test_missing_input_fails_with_its_name(tmp_path):
    result = kg("build", str(tmp_path / "nowhere.txt"), "--output", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert "nowhere.txt" in result.output


def test_eval_on_a_bundled_gold_file_prints_scores(repo, nlp):
    golds = sorted((repo / "tests" / "gold").glob("*.gold.json"))
    if not golds:
        pytest.skip("no bundled gold files")
    result = kg("eval", str(golds[0]), "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report) == {"files", "total"}
    assert 0.0 <= report["total"]["entities"]["typed"]["f1"] <= 1.0


def test_python_dash_m_kg_help(repo):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=repo)
    assert done.returncode == 0 and "build" in done.stdout and "eval" in done.stdout


def test_table_shortens_known_iris_but_csv_keeps_them(built):
    root, _ = built
    out = str(root / "out")
    sparql = "SELECT ?c WHERE { ?c a <https://schema.org/Country> } LIMIT 1"
    table = kg("query", sparql, "--output", out)
    assert "place:Q148" in table.output and "kgid:" not in table.output
    csv_out = kg("query", sparql, "--format", "csv", "--output", out)
    assert "https://w3id.org/kg-news/id/place/" in csv_out.output


@pytest.mark.parametrize("command", [["query", "officials-and-posts"], ["export", "--format", "ttl"], ["validate"]])
def test_reading_commands_need_a_built_graph(tmp_path, command):
    result = kg(*command, "--output", str(tmp_path / "never-built"))
    assert result.exit_code == 1
    assert "no graph at" in result.output and "kg build" in result.output
    assert not (tmp_path / "never-built").exists(), "nothing is created by a reading command"


def test_build_summary_counts_by_kind_and_totals_on_a_rebuild(built):
    root, result = built
    assert "1 articles read: 1 written, 0 unchanged, 1 skipped" in result.output
    assert "Official 1" in result.output and "exports 1" in result.output
    again = kg("build", str(root / "articles" / "masks.txt"), "--output", str(root / "out"))
    assert again.exit_code == 0, again.output
    assert "0 written, 1 unchanged" in again.output
    graph_line = next(line for line in again.output.splitlines() if "the graph:" in line)
    assert "1 articles" in graph_line and "0 entities" not in graph_line and "(unchanged)" in graph_line


def test_quiet_build_prints_only_what_was_skipped(built):
    root, _ = built
    result = kg("--quiet", "build", str(root / "articles"), "--output", str(root / "out"))
    assert result.exit_code == 3
    assert "articles read" not in result.output and "broken.txt" in result.output


def test_a_build_with_nothing_in_exits_1_and_leaves_no_store(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    result = kg("build", str(tmp_path / "bad.txt"), "--output", str(tmp_path / "o"))
    assert result.exit_code == 1, result.output
    assert "nothing written" in result.output
    assert not (tmp_path / "o").exists()
    query = kg("query", "entities", "--output", str(tmp_path / "o"))
    assert query.exit_code == 1 and "no graph at" in query.output


def test_version():
    from kg import __version__

    result = kg("--version")
    assert result.exit_code == 0 and result.output.strip() == f"kg {__version__}"


def test_help_shows_exit_codes_and_every_command_has_an_example():
    import typer.main

    top = kg("--help")
    assert top.exit_code == 0 and "Exit codes" in top.output and "3 partial" in " ".join(top.output.split())
    commands = typer.main.get_command(app).commands
    assert {"build", "query", "export", "stats", "validate", "eval", "remove"} <= set(commands)
    for name in commands:
        result = kg(name, "--help")
        assert result.exit_code == 0, name
        assert "Example: kg " in result.output, f"`kg {name} --help` shows no example"


def test_usage_error_exits_2(built):
    assert kg("build").exit_code == 2
    assert kg("stats", "--top", "0").exit_code == 2


def test_stats_table_and_json(built):
    root, _ = built
    out = str(root / "out")
    table = kg("stats", "--output", out)
    assert table.exit_code == 0, table.output
    assert "Most central officials" in table.output and "Jiang Fan" in table.output
    assert "Entities by type" in table.output and "kg:holdsPostIn" in table.output
    figures = json.loads(kg("stats", "--format", "json", "--output", out).output)
    assert figures["graph"]["articles"] == 1
    assert figures["entities_by_type"]["Official"] == 1
    assert figures["facts_by_predicate"]["kg:exports"] == 1
    assert figures["network"]["isolated"] == 0 and figures["network"]["components"] == 1
    assert [row["label"] for row in figures["central"]["officials"]] == ["Jiang Fan"]
    assert kg("stats", "--format", "xml", "--output", out).exit_code == 2


def test_query_with_kg_prefixes_undeclared_and_pasted_back(built):
    root, _ = built
    out = str(root / "out")
    sparql = "SELECT ?p ?name WHERE { ?p a kg:Official ; skos:prefLabel ?name }"
    table = kg("query", sparql, "--output", out)
    assert table.exit_code == 0, table.output
    iri = next(word for word in table.output.split() if word.startswith("person:"))
    back = kg("query", f"SELECT ?name WHERE {{ {iri} skos:prefLabel ?name }}", "--format", "csv", "--output", out)
    assert back.output.splitlines() == ["name", "Jiang Fan"]


def test_query_errors_are_short_with_line_and_column(built):
    root, _ = built
    out = str(root / "out")
    undeclared = kg("query", "SELECT ?s WHERE {\n  ?s foo:bar ?o }", "--output", out)
    assert undeclared.exit_code == 2
    assert "line 2" in undeclared.output and "foo:" in undeclared.output and "not declared" in undeclared.output
    assert "u{" not in undeclared.output and len(undeclared.output) < 600
    broken = kg("query", "SELECT ?s WHERE {\n ?s ?p ?o .\n FILTER( }", "--output", out)
    assert broken.exit_code == 2 and "line 3" in broken.output and len(broken.output) < 600


def test_limit_on_a_query_with_its_own_limit_and_machine_formats_give_every_row(built):
    root, _ = built
    out = str(root / "out")
    every = kg("query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o", "--format", "csv", "--output", out)
    rows = every.output.splitlines()[1:]
    assert len(rows) > 100  # csv: no silent page of 100
    own = kg("query", "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o LIMIT 6", "--format", "csv",
             "--limit", "2", "--offset", "1", "--output", out)
    assert own.exit_code == 0, own.output
    assert own.output.splitlines()[1:] == rows[1:3]
    named = kg("query", "statements", "--format", "csv", "--limit", "1", "--output", out)
    assert len(named.output.splitlines()) == 2
    ask = kg("query", "PREFIX ask: <http://example.org/>\nASK { ?s ?p ?o }", "--limit", "5", "--output", out)
    assert ask.exit_code == 0 and ask.output.strip() == "true"


def test_jsonld_is_a_plain_graph_unless_dataset(built, tmp_path):
    root, _ = built
    out = str(root / "out")
    plain, named = tmp_path / "g.jsonld", tmp_path / "d.jsonld"
    assert kg("export", "--to", str(plain), "--output", out).exit_code == 0
    assert kg("export", "--to", str(named), "--dataset", "--output", out).exit_code == 0
    ttl = Graph().parse(root / "out" / "graph.ttl", format="turtle")
    assert isomorphic(Graph().parse(plain, format="json-ld"), ttl)
    dataset = Dataset()
    dataset.parse(named, format="json-ld")
    assert len(list(dataset.graphs())) > 1


def test_graphml_is_the_entity_network(built, tmp_path):
    import networkx as nx

    root, _ = built
    out = str(root / "out")
    target = tmp_path / "g.graphml"
    assert kg("export", "--to", str(target), "--output", out).exit_code == 0
    graph = nx.read_graphml(target)
    kinds = {data["type"] for _, data in graph.nodes(data=True)}
    assert "Statement" not in kinds and "Official" in kinds
    assert nx.number_connected_components(graph) == 1
    assert all("pagerank" in data for _, data in graph.nodes(data=True))
    with_statements = tmp_path / "s.graphml"
    assert kg("export", "--to", str(with_statements), "--statements", "--output", out).exit_code == 0
    kinds = [data["type"] for _, data in nx.read_graphml(with_statements).nodes(data=True)]
    assert kinds.count("Statement") == 2
