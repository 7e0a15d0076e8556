from __future__ import annotations

import gzip
import io
import json

import pytest

from kg.errors import InputError
from kg.io import read_articles

ARTICLE = "The Ministry of Trade said on Monday that exports rose.\n"


def collect(inputs, **kwargs):
    errors: list[InputError] = []
    articles = list(read_articles(inputs, on_error=errors.append, **kwargs))
    return articles, errors


def test_txt_file_is_one_article_with_its_stem_as_id(tmp_path):
    path = tmp_path / "trade news.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (article,) = list(read_articles([path]))
    assert article.id == "trade-news"
    assert article.text == ARTICLE
    assert article.source == str(path)


def test_jsonl_records_keep_fields_and_bad_lines_cost_nothing_else(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": ARTICLE, "title": "Exports", "published": "2020-04-05T10:00:00Z", "url": "https://example.org/a1"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Second article."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = collect([path])
    assert [a.id for a in articles] == ["a1", "feed-3"]
    assert articles[0].published == "2020-04-05"
    assert articles[0].title == "Exports"
    assert len(errors) == 2
    assert "line 2" in str(errors[0]) and "not valid JSON" in str(errors[0])
    assert "line 3" in str(errors[1]) and "'text'" in str(errors[1])


def test_gzipped_jsonl(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "z", "text": ARTICLE}) + "\n")
    assert [a.id for a in read_articles([path])] == ["z"]


@pytest.mark.parametrize(
    "payload, ids",
    [
        ({"text": ARTICLE}, ["one"]),
        ([{"text": ARTICLE}, {"id": "b", "text": ARTICLE}], ["one-0", "b"]),
        ({"articles": [{"id": "c", "text": ARTICLE}]}, ["c"]),
    ],
)
def test_json_object_list_or_articles_key(tmp_path, payload, ids):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    assert [a.id for a in read_articles([path])] == ids


def test_html_article_text_is_extracted(tmp_path):
    body = " ".join(["Officials at the Ministry of Health said the new clinic opened on Monday in the capital."] * 6)
    html = f"""<html><head><title>Clinic opens</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Clinic opens</h1><p>{body}</p><p>{body}</p></article>
    <footer>Copyright notice and cookie banner</footer></body></html>"""
    path = tmp_path / "clinic.html"
    path.write_text(html, encoding="utf-8")
    (article,) = list(read_articles([path]))
    assert article.id == "clinic"
    assert "Ministry of Health" in article.text
    assert "cookie banner" not in article.text


def test_folder_ids_include_subfolders_so_equal_names_do_not_collide(tmp_path):
    for folder in ("sport", "tech"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "001.txt").write_text(f"{folder} news.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    errors = []
    assert [a.id for a in read_articles([tmp_path], on_error=errors.append)] == ["sport-001", "tech-001"]
    # A file kg does not read is not passed over in silence.
    assert [(e.kind, e.input) for e in errors] == [("unsupported", str(tmp_path / "notes.md"))]


def test_stdin_text_and_stdin_jsonl():
    (text_article,) = list(read_articles(["-"], stdin=io.StringIO(ARTICLE)))
    assert text_article.id.startswith("stdin-") and text_article.text == ARTICLE
    again = list(read_articles(["-"], stdin=io.StringIO(ARTICLE)))
    assert again[0].id == text_article.id, "ids are stable for the same text"
    jsonl = io.StringIO(json.dumps({"id": "s1", "text": ARTICLE}) + "\n")
    assert [a.id for a in read_articles(["-"], stdin=jsonl)] == ["s1"]


def test_bad_inputs_name_the_input_and_what_to_do(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 owners".encode("latin-1"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    articles, errors = collect([latin, tmp_path / "missing.txt", empty, good])
    assert [a.id for a in articles] == ["good"]
    messages = [str(e) for e in errors]
    assert "latin.txt" in messages[0] and "UTF-8" in messages[0]
    assert "missing.txt" in messages[1] and "no such file" in messages[1]
    assert "empty.txt" in messages[2] and "empty" in messages[2]


def test_errors_raise_by_default(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([tmp_path / "nope.txt"]))


def test_bad_published_date_is_an_error_for_that_record(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "published": "last spring"}) + "\n", encoding="utf-8")
    articles, errors = collect([path])
    assert articles == [] and "YYYY-MM-DD" in str(errors[0])


def test_content_hash_changes_with_text_only():
    from kg.model import Article

    a = Article("x", "one")
    assert a.content_hash == Article("x", "one", source="elsewhere").content_hash
    assert a.content_hash != Article("x", "two").content_hash


def test_archive_date_layouts_are_read_as_iso_dates():
    from kg.io.records import normalize_published

    assert normalize_published("26-FEB-1987 15:01:01.79", where="x") == "1987-02-26"
    assert normalize_published("April 5, 2020", where="x") == "2020-04-05"
    assert normalize_published("Sun, 05 Apr 2020 10:00:00 GMT", where="x") == "2020-04-05"
    assert normalize_published("2020-04-05", where="x") == "2020-04-05"


def _read_all(*inputs):
    errors = []
    articles = list(read_articles(list(inputs), on_error=errors.append))
    return articles, errors


@pytest.mark.parametrize("data, kind", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "binary"),
    (b"Some text\x00with a NUL byte.", "binary"),
    ("Caf\u00e9 exports rose in S\u00e3o Paulo.".encode("latin-1"), "encoding"),
    (b"", "empty"),
    (b" \n\t\n", "empty"),
])
def test_files_that_are_not_utf8_text_are_reported_by_kind(tmp_path, data, kind):
    path = tmp_path / "renamed.txt"
    path.write_bytes(data)
    articles, errors = _read_all(path)
    assert articles == []
    assert [(e.kind, e.input) for e in errors] == [(kind, str(path))]
    assert errors[0].hint, "every skip says what to do"


def test_utf16_is_refused_with_the_command_that_converts_it(tmp_path):
    for name, data in (("utf16.txt", ARTICLE.encode("utf-16")), ("noise.txt", b"\xff\xfe\x00bad")):
        path = tmp_path / name
        path.write_bytes(data)
        articles, errors = _read_all(path)
        assert articles == [] and [e.kind for e in errors] == ["encoding"]
        assert "UTF-16" in errors[0].reason and "iconv -f UTF-16" in errors[0].hint


def test_a_navigation_only_page_is_no_article(tmp_path):
    path = tmp_path / "index.html"
    links = "".join(f'<li><a href="/{w}">{w.title()}</a></li>' for w in ("home", "news", "sport", "weather", "contact"))
    path.write_text(f"<html><body><nav><ul>{links}</ul></nav><div><p>Home | News | Sport</p><p>Sign in</p></div>"
                    f"</body></html>", encoding="utf-8")
    articles, errors = _read_all(path)
    assert articles == [] and [e.kind for e in errors] == ["no-text"]
    assert "menus" in errors[0].reason


def test_hostile_json_lines_cost_only_their_own_line(tmp_path):
    path = tmp_path / "mixed.jsonl"
    lines = [
        json.dumps({"id": "good-1", "text": ARTICLE}),
        "[" * 100_000,  # deeper than Python's stack
        '{"text": "x", "published": 1e400}',
        json.dumps({"id": "bad-date", "text": ARTICLE, "published": True}),
        json.dumps({"id": "good-2", "text": ARTICLE, "url": "https://example.org/a>b"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    articles, errors = _read_all(path)
    assert [a.id for a in articles] == ["good-1", "good-2"]
    assert [(e.input.rsplit(", ", 1)[1], e.kind) for e in errors] == [
        ("line 2", "json"), ("line 3", "field"), ("line 4", "field")]


def test_a_jsonl_file_that_turns_to_latin1_keeps_the_lines_before(tmp_path):
    path = tmp_path / "half.jsonl"
    path.write_bytes(json.dumps({"id": "first", "text": ARTICLE}).encode() + b"\n"
                     + b'{"text": "Caf\xe9 exports rose."}\n')
    articles, errors = _read_all(path)
    assert [a.id for a in articles] == ["first"]
    assert [e.kind for e in errors] == ["encoding"]


def test_hidden_files_pass_in_silence_other_files_are_named(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    articles, errors = _read_all(tmp_path)
    assert [a.id for a in articles] == ["a"]
    assert [(e.kind, e.input) for e in errors] == [("unsupported", str(tmp_path / "image.png"))]


def test_content_hash_changes_with_the_graph_shape(monkeypatch):
    # A store written by a kg whose graphs had another shape must not look up to date.
    import kg.model
    from kg.model import Article

    before = Article("x", "one").content_hash
    monkeypatch.setattr(kg.model, "GRAPH_SHAPE", "kg-graph-shape-older")
    assert Article("x", "one").content_hash != before
