"""kg verify reads every index and checks the graph files; kg repair puts derived state right.

Also what every command says about a damaged store: a message with the way out, never a
traceback (kg.store.faults).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import kg.build
from kg.build import build
from kg.cli import app
from kg.errors import StoreError
from kg.store.faults import StoreDamaged
from kg.verify import repair, verify
from test_build import fake_extract, write_corpus

TESTS = Path(__file__).resolve().parent
ARTICLES = {f"v{i}": f"Agency@Country{i % 2}: Office of Trade {i} / OT{i}\nPerson: Official Number{i}\n"
            for i in range(8)}


@pytest.fixture
def graph(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build, "extract_stream", fake_extract)
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", ARTICLES)], output=out)
    return out


def cli(*args: str):
    return CliRunner().invoke(app, list(args))


def tables(output: Path) -> list[Path]:
    return sorted((output / "store").glob("*.sst"))


def zero_every_table(output: Path) -> None:
    """Zero up to 4 KB a third of the way into every table file (the snapshot shares them:
    hard links). A small build's tables are small (the bulk loader writes one set per batch)."""
    for path in tables(output):
        size = path.stat().st_size
        if size > 4_000:
            with open(path, "r+b") as handle:
                handle.seek(size // 3)
                handle.write(b"\0" * min(4096, size // 3))


def test_a_sound_graph_verifies(graph):
    report = verify(output=graph)
    assert report.ok, report.problems
    assert report.quads > 0 and report.articles == len(ARTICLES) and report.files_fresh
    result = cli("verify", "--output", str(graph))
    assert result.exit_code == 0 and "read through every index" in result.output


def test_zeroed_bytes_in_any_index_are_found(graph):
    zero_every_table(graph)
    report = verify(output=graph)
    assert not report.ok
    assert any("damaged" in problem and "kg build" in problem for problem in report.problems)
    result = cli("verify", "--output", str(graph))
    assert result.exit_code == 1 and "damaged" in result.output
    with pytest.raises(StoreDamaged):
        repair(output=graph)


def test_changed_graph_files_are_found_and_repaired(graph):
    expected = (graph / "graph.ttl").read_bytes()
    (graph / "graph.ttl").write_bytes(expected.replace(b"Office", b"Offise"))  # same size, other bytes
    report = verify(output=graph)
    assert any("SHA-256 differs" in problem for problem in report.problems)
    result = cli("repair", "--output", str(graph))
    assert result.exit_code == 0 and "rewrote" in result.output
    assert (graph / "graph.ttl").read_bytes() == expected
    assert verify(output=graph).ok
    assert "nothing to repair" in cli("repair", "--output", str(graph)).output


def test_a_damaged_snapshot_is_published_again(graph):
    snapshots = graph / "store" / "snapshots"
    current = snapshots / (snapshots / "CURRENT").read_text().strip()
    for table in current.glob("*.sst"):  # replace the snapshot's links with an empty copy
        table.unlink()
        table.write_bytes(b"")
    assert not verify(output=graph).ok
    assert repair(output=graph).published
    assert verify(output=graph).ok


def test_verify_during_a_build_reads_the_published_state(graph, tmp_path):
    code = (f"import sys; sys.path[:0] = [{str(TESTS)!r}, {str(TESTS.parent)!r}]; import kg.build; "
            "from test_build import fake_extract; kg.build.extract_stream = fake_extract; "
            f"kg.build.build([{str(write_corpus(tmp_path / 'more', {**ARTICLES, 'v9': 'Country: Chile'}))!r}], "
            f"output={str(graph)!r}, progress=lambda r: (print('written', flush=True), sys.stdin.readline()))")
    # The build waits after its first batch for a line that never comes: it holds the store.
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().startswith("written")
        report = verify(output=graph)
        assert report.ok, report.problems
        assert "last published state" in report.read
    finally:
        child.kill()
        child.wait(timeout=30)


@pytest.mark.parametrize("command", [["query", "officials-and-posts"], ["export", "--format", "ttl"], ["validate"],
                                     ["verify"], ["repair"], ["remove", "v1"]])
def test_a_truncated_table_is_a_message_with_the_way_out(graph, command):
    biggest = max(tables(graph), key=lambda p: p.stat().st_size)
    os.truncate(biggest, biggest.stat().st_size // 2)
    result = cli(*command, "--output", str(graph))
    assert result.exit_code == 1, result.output
    assert not isinstance(result.exception, RuntimeError)  # a message, not a traceback
    assert "damaged" in result.output and "kg build" in result.output and "backup" in result.output


def test_a_build_on_a_truncated_store_says_how_to_recover(graph, tmp_path):
    biggest = max(tables(graph), key=lambda p: p.stat().st_size)
    os.truncate(biggest, biggest.stat().st_size // 2)
    with pytest.raises(StoreError, match="damaged.*move .* aside.*kg build"):
        build([tmp_path / "in"], output=graph)


def test_numbers_whose_keys_end_in_0xff_are_no_false_alarm(tmp_path):
    """pyoxigraph's object scan for 767 also returns 768: verify counts only what it asked for."""
    from rdflib import Literal, URIRef

    from kg.graph_files import refresh_graph_files
    from kg.store import open_store

    out = tmp_path / "out"
    p = URIRef("http://example.org/p")
    with open_store(None, path=out / "store") as store:
        store.replace_articles([(f"n{i}", [(URIRef(f"http://example.org/s{i}"), p, Literal(i))])
                                for i in (255, 256, 767, 768, 1023, 1024)])
    refresh_graph_files(out)
    report = verify(output=out)
    assert report.quads >= 6  # the merged default graph may hold a copy
    assert not [problem for problem in report.problems if "indexes" in problem]
