"""A build killed with SIGKILL at any point resumes with nothing duplicated and nothing lost.

The build runs in a child process that prints its progress after every batch written; the
test kills it (kill -9) mid-build, runs the same build again, and compares the result byte
for byte with a build that was never interrupted.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.build import build
from kg.store import open_store
from test_build import fake_extract, write_corpus

TESTS = Path(__file__).resolve().parent

CHILD = """
import sys, time
sys.path[:0] = [{tests!r}, {shared!r}]  # test_build, and the fixtures it imports
from kg.build import build
import kg.store.oxigraph as backend

if {bulk!r}:  # new articles wait for a bulk load of this many quads (1: every batch goes in as written)
    backend.BULK_EVERY_QUADS = {bulk!r}
slow = None
if {fake!r}:
    from test_build import fake_extract

    def slow(articles):
        for extraction in fake_extract(articles):
            time.sleep(0.15)
            yield extraction

build([{corpus!r}], output={output!r}, batch_size={batch!r}, extractor=slow,
      progress=lambda r: print("written", r.articles_written, flush=True))
print("done", flush=True)
"""


def fake_corpus(folder: Path, n: int = 12) -> Path:
    agencies = ["Ministry of Commerce / MOFCOM", "China's commerce ministry", "Tea Board of Kenya", "MOFCOM"]
    return write_corpus(folder, {
        f"n{i:02d}": f"Agency: {agencies[i % 4]}\nPerson: Person Number{i}\nProduct: goods {i % 3}\n"
        for i in range(n)
    })


def start_child(corpus: Path, output: Path, *, fake: bool, batch: int, bulk: int | None = 1) -> subprocess.Popen[str]:
    """A child build; ``bulk=1`` makes every batch reported written be in the store (by
    default new articles wait in memory for a large bulk load, which a kill loses)."""
    code = CHILD.format(tests=str(TESTS), shared=str(TESTS.parent), fake=fake, corpus=str(corpus), output=str(output),
                        batch=batch, bulk=bulk)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_after(child: subprocess.Popen[str], written: int, *, timeout: float = 240) -> int:
    """SIGKILL the child once it reports ``written`` articles; returns what it reported."""
    assert child.stdout is not None
    deadline = time.monotonic() + timeout
    reported = 0
    for line in child.stdout:
        if line.startswith("written"):
            reported = int(line.split()[1])
        if reported >= written or line.startswith("done") or time.monotonic() > deadline:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert reported >= written, f"the child stopped early: {child.stderr.read() if child.stderr else ''}"
    return reported


def check_store(output: Path, expected_ids: list[str]) -> None:
    with open_store(None, path=output / "store") as store:
        assert store.article_ids() == expected_ids
        hashes = store.query("SELECT ?g (COUNT(?h) AS ?n) WHERE { GRAPH ?g { ?a "
                             "<https://w3id.org/kg-news/ontology#contentHash> ?h } } GROUP BY ?g").rows
        assert len(hashes) == len(expected_ids) and all(int(n) == 1 for _, n in hashes)


@pytest.mark.parametrize("kill_at", [1, 5])
def test_kill_9_mid_build_then_resume_equals_an_uninterrupted_build(tmp_path, kill_at):
    corpus = fake_corpus(tmp_path / "in")
    ids = sorted(p.stem for p in corpus.iterdir())
    child = start_child(corpus, tmp_path / "killed", fake=True, batch=2)
    reported = kill_after(child, kill_at)

    with open_store(None, path=tmp_path / "killed" / "store") as store:
        survived = store.article_ids()
    assert len(survived) >= reported and len(survived) < len(ids)
    resumed = build([corpus], output=tmp_path / "killed", batch_size=2, extractor=fake_extract)
    assert resumed.articles_unchanged == len(survived)
    assert resumed.articles_written == len(ids) - len(survived)
    check_store(tmp_path / "killed", ids)

    clean = build([corpus], output=tmp_path / "clean", batch_size=2, extractor=fake_extract)
    assert clean.articles_written == len(ids)
    assert (tmp_path / "killed" / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()


def test_kill_9_at_an_arbitrary_moment(tmp_path):
    corpus = fake_corpus(tmp_path / "in")
    child = start_child(corpus, tmp_path / "killed", fake=True, batch=1, bulk=None)
    time.sleep(1.0 + 0.37 * (os.getpid() % 5))  # wherever the child happens to be
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    build([corpus], output=tmp_path / "killed", batch_size=1, extractor=fake_extract)
    build([corpus], output=tmp_path / "clean", batch_size=1, extractor=fake_extract)
    check_store(tmp_path / "killed", sorted(p.stem for p in corpus.iterdir()))
    assert (tmp_path / "killed" / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()


ARTICLES = {
    "p1": "Jiang Fan, an official with the Ministry of Commerce, said exports had doubled.\n",
    "p2": "China's commerce ministry said on Tuesday that exports of face masks rose.\n",
    "p3": "Kenya exported 40,000 tonnes of tea in May, the Tea Board of Kenya said.\n",
    "p4": "Chile sold copper worth $2 billion to China in April, the central bank said.\n",
}


def test_kill_9_during_a_real_pipeline_build(tmp_path, nlp):
    corpus = write_corpus(tmp_path / "in", ARTICLES)
    child = start_child(corpus, tmp_path / "killed", fake=False, batch=1)
    kill_after(child, 1)
    resumed = build([corpus], output=tmp_path / "killed", batch_size=1)
    assert resumed.articles_unchanged >= 1 and resumed.articles_written >= 1
    assert resumed.articles_unchanged + resumed.articles_written == 4
    check_store(tmp_path / "killed", sorted(ARTICLES))
    build([corpus], output=tmp_path / "clean", batch_size=1)
    assert (tmp_path / "killed" / "graph.trig").read_bytes() == (tmp_path / "clean" / "graph.trig").read_bytes()
