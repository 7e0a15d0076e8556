"""Read articles from ``.txt``, ``.jsonl``, ``.json``, ``.html`` files, folders and stdin.

Readers stream: a file of a million records is never held in memory. A bad record or file
does not stop the others: it is handed to ``on_error`` (by default, raised) as an
``InputError`` that names it, says why and what to do. Nothing is left out in silence: a
file in a folder that kg does not read (``image.png``) is reported too; only hidden files
(``.DS_Store``, ``.gitkeep``) are passed over without a word.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.errors import InputError
from kg.io.records import article_from_record, article_from_text, clean_id, normalize_published
from kg.model import Article

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".json", ".html", ".htm")

# Formats that are often renamed to .txt or dropped into a corpus folder, by their first bytes.
_MAGIC = {
    b"\x89PNG": "a PNG image", b"%PDF": "a PDF document", b"PK\x03\x04": "a ZIP archive (or .docx)",
    b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

OnError = Callable[[InputError], None]


def _raise(error: InputError) -> None:
    raise error


def read_articles(
    inputs: Iterable[str | Path],
    *,
    on_error: OnError = _raise,
    stdin: IO[str] | None = None,
) -> Iterator[Article]:
    """Yield every article found in ``inputs`` (files, folders, or ``"-"`` for stdin).

    >>> [a.id for a in read_articles(["examples/"])]  # doctest: +SKIP
    ['health-ministry', ...]
    """
    for item in inputs:
        if str(item) == "-":
            yield from _guard(lambda: _read_stdin(stdin or sys.stdin, on_error), on_error)
            continue
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
            files = [p for p in found if _suffix(p) in SUFFIXES]
            for other in found:
                if _suffix(other) not in SUFFIXES:
                    on_error(InputError(input=str(other), kind="unsupported",
                                        reason=f"not an article file ({_suffix(other) or 'no suffix'})",
                                        hint=f"kg reads {', '.join(SUFFIXES)}; rename it if it is one, or move it out"))
            if not files:
                on_error(InputError(input=str(path), kind="missing", reason="the folder holds no article files",
                                    hint=f"give a folder of {', '.join(SUFFIXES)} files"))
            for file in files:
                # Ids from the path below the folder: bbc/sport/001.txt and bbc/tech/001.txt differ.
                prefix = "-".join(file.relative_to(path).parent.parts)
                yield from _guard(lambda f=file, p=prefix: _read_file(f, on_error, prefix=p), on_error)
        elif path.is_file():
            yield from _guard(lambda: _read_file(path, on_error), on_error)
        else:
            on_error(InputError(input=str(path), kind="missing", reason="no such file or folder", hint="check the path"))


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _guard(make: Callable[[], Iterator[Article]], on_error: OnError) -> Iterator[Article]:
    try:
        yield from make()
    except InputError as error:
        on_error(error)


def _suffix(path: Path) -> str:
    name = path.name.lower()
    return ".jsonl.gz" if name.endswith(".jsonl.gz") else path.suffix.lower()


def _read_file(path: Path, on_error: OnError, *, prefix: str = "") -> Iterator[Article]:
    suffix = _suffix(path)
    name = path.name[: -len(suffix)] if suffix else path.name
    stem = clean_id(f"{prefix}-{name}" if prefix else name)
    where = str(path)
    if suffix in (".jsonl", ".jsonl.gz"):
        opener = gzip.open if suffix == ".jsonl.gz" else open
        try:
            # Bytes, decoded line by line: a line in another charset costs that line only.
            with opener(path, "rb") as handle:  # type: ignore[operator]
                yield from _read_jsonl(handle, stem=stem, where=where, on_error=on_error)
        except (OSError, EOFError) as err:
            raise InputError(input=where, kind="unreadable", reason=f"cannot read it ({err})",
                             hint="give a UTF-8 JSON Lines file (gzipped if it ends in .gz)") from err
        return
    text = _read_text(path)
    if suffix == ".json":
        yield from _read_json(text, stem=stem, where=where, on_error=on_error)
    elif suffix in (".html", ".htm"):
        yield _article_from_html(text, article_id=stem, where=where)
    else:
        yield article_from_text(text, article_id=stem, where=where)


def _read_text(path: Path) -> str:
    """The file's text, which must be UTF-8 (with or without a byte-order mark).

    Binary files (images, PDFs, archives renamed to .txt) are refused by their first bytes
    or a NUL byte, before they could pass as text.
    """
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(input=str(path), kind="unreadable", reason=f"cannot read it ({err.strerror})",
                         hint="check that the file exists and is readable") from err
    if data.startswith(_UTF16_BOMS):
        # Refused, not guessed at: two bytes that look like a UTF-16 mark start many a
        # binary file too, and reading one as UTF-16 would make an article of noise.
        raise InputError(input=str(path), kind="encoding", reason="UTF-16 text (or binary data), not UTF-8",
                         hint="convert it to UTF-8, e.g. iconv -f UTF-16 -t UTF-8")
    kind = next((name for magic, name in _MAGIC.items() if data.startswith(magic)), None)
    if kind or b"\x00" in data[:8192]:
        raise InputError(input=str(path), kind="binary", reason=f"{kind or 'binary data'}, not text",
                         hint="give the article's text; extract it from the document first")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(input=str(path), kind="encoding",
                         reason=f"not UTF-8 text ({err.reason} at byte {err.start})",
                         hint="convert it to UTF-8, e.g. iconv -f latin1 -t utf-8") from err


def _read_jsonl(handle: IO[bytes] | IO[str], *, stem: str, where: str, on_error: OnError) -> Iterator[Article]:
    for number, raw in enumerate(handle):
        here = f"{where}, line {number + 1}"
        try:
            line = _decode_line(raw, first=number == 0, where=here)
            if not line.strip():
                continue
            record = _loads(line, where=here)
            yield article_from_record(record, default_id=f"{stem}-{number}", where=here)
        except InputError as err:
            on_error(err)


def _decode_line(raw: bytes | str, *, first: bool, where: str) -> str:
    if isinstance(raw, str):
        return raw
    try:
        return raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError as err:
        raise InputError(input=where, kind="encoding", reason=f"not UTF-8 text ({err.reason} at byte {err.start})",
                         hint="convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8") from err


def _loads(text: str, *, where: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(input=where, kind="json", reason=f"not valid JSON ({err.msg} at line {err.lineno}, column {err.colno})",
                         hint="fix or remove it") from err
    except (ValueError, RecursionError) as err:
        # Nesting deeper than Python's stack, or an integer with thousands of digits.
        raise InputError(input=where, kind="json", reason=f"JSON kg cannot read ({type(err).__name__}: {str(err)[:80]})",
                         hint="give plain article records") from err


def _read_json(text: str, *, stem: str, where: str, on_error: OnError) -> Iterator[Article]:
    data = _loads(text, where=where)
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield article_from_record(data, default_id=stem, where=where)
        return
    if not isinstance(data, list):
        raise InputError(input=where, kind="record", reason="is neither an object nor a list of objects",
                         hint='give an object, a list of objects, or {"articles": [...]}')
    for number, record in enumerate(data):
        try:
            yield article_from_record(record, default_id=f"{stem}-{number}", where=f"{where}, item {number}")
        except InputError as err:
            on_error(err)


# A sentence: some words, then a full stop, question or exclamation mark (maybe in quotes).
_SENTENCE = re.compile(r"(?:\S+\s+){5,}\S*[.!?][\"'\u201d\u2019)]*(?:\s|$)")


def _has_prose(text: str) -> bool:
    return any(_SENTENCE.search(line) for line in text.splitlines())


def _article_from_html(html: str, *, article_id: str, where: str) -> Article:
    import trafilatura  # imported here: only HTML input pays for it

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text or not _has_prose(text):
        # A page of menus and links (an index, a 404) gives trafilatura some text, but no
        # sentence: taking the menu for the article would put its words in the graph.
        raise InputError(input=where, kind="no-text",
                         reason="no article text found in the HTML" + (" (only menus or links)" if text else ""),
                         hint="give the article page itself, or its text as .txt")
    published = getattr(document, "date", None)
    return article_from_text(
        text,
        article_id=article_id,
        where=where,
        title=getattr(document, "title", None) or None,
        url=getattr(document, "url", None) or None,
        published=normalize_published(published, where=where) if published else None,
    )


def _read_stdin(stream: IO[str], on_error: OnError) -> Iterator[Article]:
    text = stream.read()
    if text.lstrip().startswith("{"):
        yield from _read_jsonl(io.StringIO(text), stem="stdin", where="<stdin>", on_error=on_error)
        return
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    yield article_from_text(text, article_id=f"stdin-{digest}", where="<stdin>")
