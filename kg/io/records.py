"""Turning one raw record (a JSON object or a text) into an ``Article``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from kg.errors import InputError
from kg.model import Article

_ID_UNSAFE = re.compile(r"[^A-Za-z0-9._~-]+")

# Date layouts news archives use besides ISO 8601 and RFC 2822 (e.g. Reuters-21578's
# "26-FEB-1987 15:01:01.79"), tried in order.
_DATE_LAYOUTS = (
    "%d-%b-%Y %H:%M:%S.%f", "%d-%b-%Y %H:%M:%S", "%d-%b-%Y", "%B %d, %Y", "%b %d, %Y",
    "%d %B %Y", "%d %b %Y", "%Y/%m/%d", "%m/%d/%Y", "%Y%m%d",
)

# Keys other corpora use for the same fields, so common dumps load without a conversion step.
_TEXT_KEYS = ("text", "body", "content", "article")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date", "publish_date", "published_at", "pubdate")
_URL_KEYS = ("url", "link")


def clean_id(raw: str) -> str:
    """Article ids are kept readable but safe in IRIs and file names."""
    return _ID_UNSAFE.sub("-", raw.strip()).strip("-") or "article"


def normalize_published(value: Any, *, where: str) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``) from the date forms news dumps use, or None."""
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value).date().isoformat()
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    for layout in _DATE_LAYOUTS:
        try:
            return datetime.strptime(text.title() if "%b" in layout or "%B" in layout else text, layout).date().isoformat()
        except ValueError:
            continue
    raise InputError(
        f"{where}: 'published' is {text!r}, which is not a date; give it as YYYY-MM-DD "
        f"(ISO 8601) or leave it out."
    )


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def article_from_record(record: Any, *, default_id: str, where: str) -> Article:
    """Validate one JSON record (``text`` required; ``id``, ``title``, ``published``, ``url``)."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object with a 'text' field, got {type(record).__name__}.")
    text = _first(record, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: the record has no 'text' (or it is empty); every article needs its text.")
    raw_id = record.get("id")
    title = _first(record, _TITLE_KEYS)
    url = _first(record, _URL_KEYS)
    return Article(
        id=clean_id(str(raw_id)) if raw_id not in (None, "") else default_id,
        text=text,
        title=str(title).strip() if title else None,
        published=normalize_published(_first(record, _DATE_KEYS), where=where),
        url=str(url).strip() if url else None,
        source=where,
    )


def article_from_text(text: str, *, article_id: str, where: str, **fields: Any) -> Article:
    if not text.strip():
        raise InputError(f"{where}: the article is empty; give a file with the article's text.")
    return Article(id=article_id, text=text, source=where, **fields)
