"""Readers beside a writer and beside each other; reading a folder that cannot be written.

Reading commands open the store's last published snapshot read-only (``kg.store.snapshots``):
a query runs while a build holds the store and answers from the last finished build, any
number of queries run at once, and a folder nobody may write to can still be queried.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import kg.build
from kg.build import build
from kg.serve.workers import Job, WorkerPool
from kg.store import open_store
from kg.store.faults import StoreInUse
from test_build import fake_extract, write_corpus

TESTS = Path(__file__).resolve().parent
COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

SLOW_BUILD = """
import sys
sys.path[:0] = [{tests!r}, {tests!r} + "/.."]  # test_build, and the fixtures it imports
import kg.build
from test_build import fake_extract
kg.build.extract_stream = fake_extract
kg.build.build([{corpus!r}], output={output!r}, batch_size=1,
               progress=lambda r: (print("written", r.articles_written, flush=True), sys.stdin.readline()))
print("done", flush=True)
"""


def articles(n: int) -> dict[str, str]:
    return {f"c{i:02d}": f"Agency: Board of Trade {i}\nPerson: Official Number{i}\n" for i in range(n)}


def kg_query(output: Path, *prefix: str) -> subprocess.CompletedProcess[str]:
    command = [*prefix, sys.executable, "-m", "kg.cli", "query", COUNT, "--format", "csv", "--output", str(output)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.fixture
def built(tmp_path, monkeypatch) -> Path:
    monkeypatch.setattr(kg.build, "extract_stream", fake_extract)
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", articles(3))], output=out)
    return out


def test_a_query_runs_while_a_build_holds_the_store_and_sees_the_last_finished_build(tmp_path, built):
    corpus = write_corpus(tmp_path / "more", articles(6))
    code = SLOW_BUILD.format(tests=str(TESTS), corpus=str(corpus), output=str(built))
    # The build waits after each batch for a line from this test: it holds the store until told.
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdin is not None
        line = child.stdout.readline()  # bounded: the child prints or ends within its six articles
        assert line.startswith("written"), child.stderr.read() if child.stderr else ""
        with pytest.raises(StoreInUse):  # writers still exclude each other
            open_store(None, path=built / "store")
        during = kg_query(built)
        assert during.returncode == 0, during.stderr
        assert during.stdout.splitlines()[-1] == "3"  # the last finished build, not half of this one
        with WorkerPool(built / "store", size=1, timeout=60) as pool:  # kg serve's workers read it too
            answer = pool.run(Job(COUNT, accept="text/csv"))
        assert answer.body.decode().split()[-1] == "3"
        child.stdin.close()  # go on: readline() now returns at once
        assert child.wait(timeout=120) == 0
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    after = kg_query(built)
    assert after.returncode == 0 and after.stdout.splitlines()[-1] == "6"


def test_queries_run_beside_each_other(built):
    with open_store(None, path=built / "store", read_only=True) as first, \
            open_store(None, path=built / "store", read_only=True) as second:
        assert first.article_ids() == second.article_ids() == ["c00", "c01", "c02"]
        both = [subprocess.Popen([sys.executable, "-m", "kg.cli", "query", COUNT, "--format", "csv", "--output",
                                  str(built)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
        results = [p.communicate(timeout=120) for p in both]
        assert [p.returncode for p in both] == [0, 0], results
        assert [out.splitlines()[-1] for out, _ in results] == ["3", "3"]
        assert len(first) == len(second) > 0


def test_a_writer_does_not_delete_the_snapshot_a_reader_holds(tmp_path, built, monkeypatch):
    with open_store(None, path=built / "store", read_only=True) as reader:
        held = reader.state_token
        build([write_corpus(tmp_path / "more", articles(4))], output=built)
        assert (built / "store" / "snapshots" / held).is_dir()
        assert reader.article_ids() == ["c00", "c01", "c02"]  # repeatable: the state it opened
    with open_store(None, path=built / "store"):
        pass  # the next writer takes away what no reader holds any more
    assert not (built / "store" / "snapshots" / held).exists()


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _read_only_runner() -> tuple[str, ...]:
    """The prefix that runs a command unable to write a read-only folder (root ignores modes)."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a folder's modes cannot stop this process")
    return (setpriv, "--bounding-set", "-all", "--")


@pytest.mark.parametrize("published", [True, False], ids=["published", "older-kg-store"])
def test_a_query_on_a_folder_that_cannot_be_written(tmp_path, built, published):
    folder = tmp_path / "readonly"
    shutil.copytree(built, folder)
    if not published:  # a store from before snapshots: read in place, as nobody can write it
        shutil.rmtree(folder / "store" / "snapshots")
        (folder / "store" / "KG-STATE").unlink()
    prefix = _read_only_runner()
    for path in [folder, *folder.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = _tree(folder)
    try:
        result = kg_query(folder, *prefix)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[-1] == "3"
        assert _tree(folder) == before  # nothing written, not even a lock file
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)


def test_the_first_build_has_nothing_to_read_yet(tmp_path):
    corpus = write_corpus(tmp_path / "in", articles(4))
    out = tmp_path / "first"
    code = SLOW_BUILD.format(tests=str(TESTS), corpus=str(corpus), output=str(out))
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().startswith("written")
        result = kg_query(out)
        assert result.returncode == 1
        assert "no finished state to read yet" in result.stderr
    finally:
        child.kill()
        child.wait(timeout=30)
