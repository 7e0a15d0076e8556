"""kill -9 of a real build at many points, files and snapshot included, resumes to the same bytes.

The build runs in a child process (fake extraction: the model is not the point here) that
says what it is about to do before every rename (``os.replace``/``os.rename``: graph files,
their stamp, the store's state mark and snapshot) and after every batch, and pauses there
for a moment; the test kills it with SIGKILL at the chosen moment, builds again, and
compares with a build never interrupted: same graph files byte for byte, a stamp that
matches the store, no scratch left behind.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import kg.build
from kg.build import build
from kg.graph_files import STAMP, check_files
from kg.store import open_store
from test_build import fake_extract, write_corpus

TESTS = Path(__file__).resolve().parent

CHILD = """
import os, sys, time
sys.path[:0] = [{tests!r}, {tests!r} + "/.."]  # test_build, and the fixtures it imports
import kg.build
from test_build import fake_extract

kg.build.extract_stream = fake_extract
for name in ("replace", "rename"):
    def say_first(*args, _original=getattr(os, name), _name=name, **kwargs):
        print(_name, os.path.basename(str(args[1])), flush=True)
        time.sleep(0.2)
        return _original(*args, **kwargs)
    setattr(os, name, say_first)
kg.build.build([{corpus!r}], output={output!r}, batch_size=1,
               progress=lambda r: (print("written", r.articles_written, flush=True), time.sleep(0.2)))
print("done", flush=True)
"""


def corpus(folder: Path, n: int, *, version: int = 1) -> Path:
    return write_corpus(folder, {
        f"k{i:02d}": f"Agency: Ministry of Trade {i % 3}\nPerson: Person Number{i} v{version if i % 2 else 1}\n"
        for i in range(n)
    })


def kill_at(corpus_dir: Path, output: Path, marker: str, occurrence: int = 1, *, timeout: float = 120) -> list[str]:
    """Run the child build and SIGKILL it as it announces ``marker`` for the ``occurrence``-th time."""
    code = CHILD.format(tests=str(TESTS), corpus=str(corpus_dir), output=str(output))
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    try:
        for line in child.stdout:
            seen.append(line.strip())
            if sum(1 for s in seen if s.startswith(marker)) >= occurrence or line.startswith("done"):
                break
            if time.monotonic() > deadline:
                break
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert any(s.startswith(marker) for s in seen), f"never reached {marker!r}: {seen} {child.stderr.read()}"
    return seen


def scratch(output: Path) -> list[str]:
    return sorted(p.name for p in output.iterdir() if p.name.startswith(".") and p.name != ".graph-files.lock")


def assert_resumed_like(output: Path, clean: Path) -> None:
    for name in ("graph.ttl", "graph.trig"):
        assert (output / name).read_bytes() == (clean / name).read_bytes(), name
    with open_store(None, path=output / "store", read_only=True) as store:
        assert check_files(output, store.state_token, hashes=True).fresh
    assert scratch(output) == []
    assert not list((output / "store").glob(".*.tmp"))
    assert sorted(p.name for p in (output / "store" / "snapshots").iterdir() if p.name != "CURRENT") == [
        (output / "store" / "snapshots" / "CURRENT").read_text().strip()]


@pytest.fixture
def clean_builds(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build, "extract_stream", fake_extract)
    first, second = corpus(tmp_path / "in1", 6), corpus(tmp_path / "in2", 8, version=2)
    build([first], output=tmp_path / "clean1", batch_size=1)
    build([second], output=tmp_path / "clean2", batch_size=1)
    return first, second


# Markers: "written N" after a batch; "replace/rename NAME" just before a rename happens.
FIRST_BUILD_POINTS = [
    ("written", 2),  # mid-build: some articles in the store, no files yet
    ("replace KG-STATE", 2),  # snapshot made and made current, the store not yet marked clean
    ("rename", 1),  # the checkpoint taken, not yet named
    ("replace graph.ttl", 1),  # sorted, Turtle written to its temporary file
    ("replace graph.trig", 1),  # graph.ttl in place, graph.trig not
    ("replace graph-files.json", 1),  # both files in place, no stamp
]


@pytest.mark.parametrize(("marker", "occurrence"), FIRST_BUILD_POINTS)
def test_kill_9_during_a_first_build_then_build_again(tmp_path, clean_builds, marker, occurrence):
    first, _ = clean_builds
    out = tmp_path / "killed"
    kill_at(first, out, marker, occurrence)
    build([first], output=out, batch_size=1)
    assert_resumed_like(out, tmp_path / "clean1")


INCREMENTAL_POINTS = [("written", 1), ("replace CURRENT", 1), ("replace graph.ttl", 1), ("replace graph.trig", 1)]


@pytest.mark.parametrize(("marker", "occurrence"), INCREMENTAL_POINTS)
def test_kill_9_during_an_incremental_build_then_build_again(tmp_path, clean_builds, monkeypatch, marker, occurrence):
    first, second = clean_builds
    out = tmp_path / "killed"
    build([first], output=out, batch_size=1)
    old_files = (out / "graph.trig").read_bytes()
    kill_at(second, out, marker, occurrence)
    report = build([second], output=out, batch_size=1)
    assert report.articles_written + report.articles_unchanged == 8
    assert (out / "graph.trig").read_bytes() != old_files
    assert_resumed_like(out, tmp_path / "clean2")


def test_kill_9_at_random_moments_of_an_incremental_build(tmp_path, clean_builds):
    """Random kill points (seeded, so a failure can be replayed): wherever the child is."""
    first, second = clean_builds
    rng = random.Random(13)
    out = tmp_path / "killed"
    build([first], output=out, batch_size=1)
    killed = 0
    for _ in range(2):
        code = CHILD.format(tests=str(TESTS), corpus=str(second), output=str(out))
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            child.wait(timeout=1.5 + rng.random() * 3.0)
        except subprocess.TimeoutExpired:
            child.kill()  # SIGKILL
            child.wait(timeout=30)
            killed += 1
    assert killed >= 1  # a second run may finish first: it has less left to do
    build([second], output=out, batch_size=1)
    assert_resumed_like(out, tmp_path / "clean2")


def test_a_stamp_left_by_an_older_state_makes_the_next_build_rewrite(tmp_path, clean_builds):
    first, second = clean_builds
    out = tmp_path / "out"
    build([second], output=out, batch_size=1)
    stamp = (out / STAMP).read_text()
    (out / "graph.trig").write_bytes((tmp_path / "clean1" / "graph.trig").read_bytes())
    (out / STAMP).write_text(stamp)  # the stamp says nothing changed; the size says otherwise
    report = build([second], output=out, batch_size=1)
    assert report.articles_written == 0
    assert_resumed_like(out, tmp_path / "clean2")
