"""One bad input costs only itself: the hostile-input folder of issue 13, and failures in
extraction, mapping and writing, each reported as a ``Skipped`` (input, reason, what to do)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph
import pytest

import kg.build
from kg.build import build
from kg.errors import StoreError
from kg.model import Article, Extraction, Skipped
from kg.store import OxigraphStore, open_store
from test_build import fake_extract, fake_extraction

GOOD = "Jiang Fan, deputy director of the Ministry of Commerce of China, said exports of masks rose.\n"
LONG_PARAGRAPH = ("Zhang Qi, the trade minister of Kenya, said on Monday that Kenya exported 1.2 million "
                  "tonnes of tea to Pakistan last year.")


def hostile_folder(folder: Path) -> dict[str, str]:
    """The issue's folder: good articles among bad ones. Returns the skip kind expected per input."""
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "long.txt").write_text("\n\n".join([LONG_PARAGRAPH] * 40), encoding="utf-8")
    expected = {}

    def bad(name: str, data: bytes | str, kind: str) -> None:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        expected[str(path)] = kind

    bad("empty.txt", b"", "empty")
    bad("blank.txt", " \n\t\n", "empty")
    bad("binary.txt", b"text\x00\x01\x02 with NUL bytes", "binary")
    bad("png-renamed.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")
    bad("pdf-renamed.txt", b"%PDF-1.7\n1 0 obj", "binary")
    bad("utf16.txt", GOOD.encode("utf-16"), "encoding")
    bad("latin1.txt", "Caf\u00e9 exports rose in S\u00e3o Paulo.".encode("latin-1"), "encoding")
    bad("image.png", b"\x89PNG\r\n\x1a\n", "unsupported")
    bad("broken.json", '{"text": "unterminated', "json")
    nav = "".join(f'<li><a href="/{w}">{w}</a></li>' for w in ("home", "news", "sport", "weather"))
    bad("nav.html", f"<html><body><nav><ul>{nav}</ul></nav><p>Home | News</p></body></html>", "no-text")
    records = [
        {"id": "rec-good", "text": GOOD.replace("Jiang Fan", "Wang Wen"), "url": "https://example.org/a>b"},
        {"id": "rec-1e20", "text": GOOD, "published": 1e20},
        {"id": "rec-neg", "text": GOOD, "published": -1e15},
        {"id": "rec-true", "text": GOOD, "published": True},
        {"id": "rec-title", "text": GOOD, "title": {"en": "Exports"}},
        {"id": "rec-list", "text": ["para one", "para two"]},
        {"id": "rec-notext", "title": "only a title"},
        {"id": "good", "text": "A second article with the id of good.txt."},
        ["not", "an", "object"],
    ]
    lines = [json.dumps(r) for r in records] + ['{"id": "rec-nan", "text": "x", "published": NaN}', "{not json"]
    (folder / "records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    where = str(folder / "records.jsonl")
    for number, kind in [(2, "field"), (3, "field"), (4, "field"), (5, "field"), (6, "field"), (7, "empty"),
                         (8, "duplicate"), (9, "record"), (10, "field"), (11, "json")]:
        expected[f"{where}, line {number}"] = kind
    return expected


def _skips(report) -> dict[str, str]:
    return {item.input: item.kind for item in report.skipped}


def test_the_hostile_folder_costs_only_the_bad_inputs(tmp_path, nlp, monkeypatch):
    # The pipeline refuses texts over 2,000 characters (spaCy E088): long.txt is read in parts.
    monkeypatch.setattr(nlp, "max_length", 2_000)
    expected = hostile_folder(tmp_path / "in")
    report = build([tmp_path / "in"], output=tmp_path / "out")
    assert report.articles_written == 3  # good, long, rec-good
    assert _skips(report) == expected
    assert report.articles_failed == len(expected) and len(report.errors) == len(expected)
    assert all(item.hint for item in report.skipped), "every skip says what to do"
    assert report.errors == [str(item) for item in report.skipped]
    assert report.skipped_by_kind()["field"] == 6
    # The graph files are written, and hold the long article's mentions at their true offsets.
    graph = pyoxigraph.Store()
    graph.load(path=str(tmp_path / "out" / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    offsets = [int(row["end"].value) for row in graph.query(
        "PREFIX kg: <https://w3id.org/kg-news/ontology#> SELECT ?end WHERE { GRAPH ?g { ?m kg:endOffset ?end } "
        "FILTER(CONTAINS(STR(?g), 'long')) }")]
    assert max(offsets) > 2_000
    urls = [row["u"].value for row in graph.query(
        "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?u WHERE { GRAPH ?g { ?a dct:source ?u } }")]
    assert urls == ["https://example.org/a%3Eb"]


@pytest.mark.parametrize("store", [None, "memory"])
def test_skips_in_the_extraction_stream_are_reported_and_the_rest_written(tmp_path, store):
    def stream(articles: Iterable[Article], **options: object) -> Iterator[Extraction | Skipped]:
        for article in articles:
            if article.id == "b":  # what a worker process sends back for an article that failed
                yield Skipped.failed(article, "extraction", MemoryError("out of memory"))
            else:
                yield fake_extraction(article)

    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.txt").write_text(f"Agency: Ministry {name}\n", encoding="utf-8")
    report = build([folder], output=tmp_path / "out", store=store, batch_size=8, extractor=stream)
    assert report.articles_written == 2
    assert [(s.input, s.kind, s.reason) for s in report.skipped] == [
        (str(folder / "b.txt"), "extraction", "extraction failed (MemoryError: out of memory)")]


def test_a_mapping_failure_costs_that_article_only(tmp_path, monkeypatch):
    real = kg.build.article_quads

    def quads(linker, extraction):
        if extraction.article.id == "b":
            raise KeyError("no such entity")
        return real(linker, extraction)

    monkeypatch.setattr(kg.build, "article_quads", quads)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.txt").write_text(f"Agency: Ministry {name}\n", encoding="utf-8")
    report = build([folder], output=tmp_path / "out", extractor=fake_extract)
    assert report.articles_written == 2 and [s.kind for s in report.skipped] == ["mapping"]


def test_an_article_the_store_refuses_is_skipped_a_store_fault_stops_the_build(tmp_path, monkeypatch):
    real = OxigraphStore.replace_articles
    fault: list[BaseException] = []

    def replace_articles(self, batch):
        ids = [article_id for article_id, _ in batch]
        if fault:
            raise StoreError("cannot write") from fault[0]
        if "b" in ids:
            raise StoreError(f"cannot write articles {ids}") from ValueError("Invalid IRI code point '>'")
        return real(self, batch)

    monkeypatch.setattr(OxigraphStore, "replace_articles", replace_articles)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in "abc":
        (folder / f"{name}.txt").write_text(f"Agency: Ministry {name}\n", encoding="utf-8")
    report = build([folder], output=tmp_path / "out", batch_size=8, extractor=fake_extract)
    assert report.articles_written == 2
    assert [(s.input, s.kind) for s in report.skipped] == [(str(folder / "b.txt"), "write")]
    with open_store(None, path=tmp_path / "out" / "store") as store:
        assert store.article_hash("a") and store.article_hash("c") and not store.article_hash("b")
    # A disk that fails fails every article alike: that is no article's fault, and stops the build.
    fault.append(OSError(28, "No space left on device"))
    with pytest.raises(StoreError):
        build([folder], output=tmp_path / "out2", extractor=fake_extract)


def test_an_odd_url_is_written_as_a_valid_iri_by_the_memory_store_too(tmp_path):
    path = tmp_path / "in.jsonl"
    urls = ["https://example.org/a>b", "https://example.org/x y|z", "http://[broken/", "example.org/plain"]
    path.write_text("\n".join(json.dumps({"id": f"u{i}", "text": "Agency: Ministry of Ports\n", "url": url})
                              for i, url in enumerate(urls)) + "\n", encoding="utf-8")
    report = build([path], output=tmp_path / "out", store="memory", extractor=fake_extract)
    assert report.articles_written == 4 and report.skipped == []
    data = (tmp_path / "out" / "graph.ttl").read_bytes()
    stored = {str(t.object) for t in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE)
              if t.predicate.value == "http://purl.org/dc/terms/source"}
    assert stored == {"<https://example.org/a%3Eb>", "<https://example.org/x%20y%7Cz>", '"http://[broken/"',
                      '"example.org/plain"'}
