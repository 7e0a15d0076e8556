"""Read articles from ``.txt``, ``.jsonl``, ``.json``, ``.html`` files, folders and stdin.

Readers stream: a file of a million records is never held in memory. A bad record or file
does not stop the others: it is handed to ``on_error`` (by default, raised).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from kg.errors import InputError
from kg.io.records import article_from_record, article_from_text, clean_id, normalize_published
from kg.model import Article

SUFFIXES = (".txt", ".jsonl", ".jsonl.gz", ".json", ".html", ".htm")

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
            files = sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES)
            if not files:
                on_error(InputError(f"{path}: the folder holds no {', '.join(SUFFIXES)} files."))
            for file in files:
                # Ids from the path below the folder: bbc/sport/001.txt and bbc/tech/001.txt differ.
                prefix = "-".join(file.relative_to(path).parent.parts)
                yield from _guard(lambda f=file, p=prefix: _read_file(f, on_error, prefix=p), on_error)
        elif path.is_file():
            yield from _guard(lambda: _read_file(path, on_error), on_error)
        else:
            on_error(InputError(f"{path}: no such file or folder; check the path."))


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
            with opener(path, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
                yield from _read_jsonl(handle, stem=stem, where=where, on_error=on_error)
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"{where}: cannot read it ({err}); give a UTF-8 JSON Lines file.") from err
        return
    text = _read_text(path)
    if suffix == ".json":
        yield from _read_json(text, stem=stem, where=where, on_error=on_error)
    elif suffix in (".html", ".htm"):
        yield _article_from_html(text, article_id=stem, where=where)
    else:
        yield article_from_text(text, article_id=stem, where=where)


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start}); convert it to UTF-8.") from err
    except OSError as err:
        raise InputError(f"{path}: cannot read it ({err.strerror}).") from err


def _read_jsonl(handle: IO[str], *, stem: str, where: str, on_error: OnError) -> Iterator[Article]:
    for number, line in enumerate(handle):
        if not line.strip():
            continue
        here = f"{where}, line {number + 1}"
        try:
            record = json.loads(line)
            yield article_from_record(record, default_id=f"{stem}-{number}", where=here)
        except json.JSONDecodeError as err:
            on_error(InputError(f"{here}: not valid JSON ({err.msg}, column {err.colno}); fix or remove that line."))
        except InputError as err:
            on_error(err)


def _read_json(text: str, *, stem: str, where: str, on_error: OnError) -> Iterator[Article]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not valid JSON ({err.msg} at line {err.lineno}); fix the file.") from err
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        yield article_from_record(data, default_id=stem, where=where)
        return
    if not isinstance(data, list):
        raise InputError(f"{where}: expected an object, a list of objects, or {{\"articles\": [...]}}.")
    for number, record in enumerate(data):
        try:
            yield article_from_record(record, default_id=f"{stem}-{number}", where=f"{where}, item {number}")
        except InputError as err:
            on_error(err)


def _article_from_html(html: str, *, article_id: str, where: str) -> Article:
    import trafilatura  # imported here: only HTML input pays for it

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(document, "text", None) if document is not None else None
    if not text:
        raise InputError(f"{where}: no article text found in the HTML; give the article page itself, or its text as .txt.")
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
