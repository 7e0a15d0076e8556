"""Turning one raw record (a JSON object or a text) into an ``Article``.

Strict on purpose: a field of the wrong type (``"published": true``, a title that is an
object) or a value out of range (``"published": 1e20``) skips the record with a message that
names the field and what to give instead, rather than storing a guess (1970-01-01, a Python
repr). The skip is reported; the other records are read as usual.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone
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


# Lone UTF-16 surrogates ("\ud800" in JSON) decode into a str that cannot be written as
# UTF-8: every file and store write of the article would fail later.
_SURROGATE = re.compile("[\ud800-\udfff]")
# U+FFFE and U+FFFF are Unicode noncharacters: no text means them (a U+FFFE is most often a
# byte-order mark read the wrong way round), and RDF parsers such as Raptor refuse them.
# Each becomes U+FFFD, the replacement character: one for one, so offsets stay exact.
_NONCHARACTERS = str.maketrans({"\ufffe": "\ufffd", "\uffff": "\ufffd"})


def clean_id(raw: str) -> str:
    """Article ids are kept readable but safe in IRIs and file names."""
    return _ID_UNSAFE.sub("-", raw.strip()).strip("-") or "article"


def _field_error(where: str, name: str, problem: str, hint: str) -> InputError:
    return InputError(input=where, reason=f"'{name}' {problem}", hint=hint, kind="field")


def _type_name(value: Any) -> str:
    return {bool: "true/false", dict: "an object", list: "a list", type(None): "null"}.get(
        type(value), type(value).__name__)


def normalize_published(value: Any, *, where: str) -> str | None:
    """An ISO 8601 date (``YYYY-MM-DD``) from the date forms news dumps use, or None.

    A number is read as a Unix timestamp in seconds, in UTC (so the date is the same on every
    machine); one outside the years 1 to 9999, or not finite, is an error, as is a boolean.
    """
    if value in (None, "") and not isinstance(value, bool):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _field_error(where, "published", f"is {_type_name(value)}, not a date",
                           "give it as YYYY-MM-DD (ISO 8601) or leave it out")
    if isinstance(value, (int, float)):
        return _from_timestamp(value, where=where)
    text = value.strip()
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
    raise _field_error(where, "published", f"is {text[:80]!r}, which is not a date",
                       "give it as YYYY-MM-DD (ISO 8601) or leave it out")


def _from_timestamp(value: int | float, *, where: str) -> str:
    try:
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(value)
        return datetime.fromtimestamp(value, tz=timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        shown = repr(value) if len(repr(value)) <= 40 else f"{repr(value)[:37]}..."
        raise _field_error(where, "published", f"is {shown}, which is no Unix timestamp of a date in years 1-9999",
                           "give it as YYYY-MM-DD (ISO 8601), as seconds since 1970, or leave it out") from None


def _first(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _string_field(record: dict[str, Any], keys: tuple[str, ...], *, where: str) -> str | None:
    """The first of ``keys`` present, which must be a string; blank is as good as absent."""
    for key in keys:
        value = record.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise _field_error(where, key, f"is {_type_name(value)}, not a string",
                               f"give '{key}' as text or leave it out")
        _check_text(value, where=where, name=key)
        return value.strip().translate(_NONCHARACTERS) or None
    return None


def _check_text(value: str, *, where: str, name: str) -> None:
    found = _SURROGATE.search(value)
    if found:
        raise InputError(input=where, kind="encoding",
                         reason=f"'{name}' holds a lone UTF-16 surrogate (\\u{ord(found.group()):04x} at character {found.start()})",
                         hint="fix the escape in the source data; it stands for no character")


def _record_id(raw: Any, *, default_id: str, where: str) -> str:
    if raw is None or raw == "":
        return default_id
    if isinstance(raw, bool) or not isinstance(raw, (str, int)):
        raise _field_error(where, "id", f"is {_type_name(raw)}, not a string or integer",
                           "give each record a text or integer id, or leave 'id' out")
    return clean_id(str(raw))


def article_from_record(record: Any, *, default_id: str, where: str) -> Article:
    """Validate one JSON record (``text`` required; ``id``, ``title``, ``published``, ``url``)."""
    if not isinstance(record, dict):
        raise InputError(input=where, kind="record", reason=f"is {_type_name(record)}, not a JSON object",
                         hint="give each article as an object with a 'text' field")
    text = _first(record, _TEXT_KEYS)
    if text is not None and not isinstance(text, str):
        key = next(k for k in _TEXT_KEYS if record.get(k) not in (None, ""))
        raise _field_error(where, key, f"is {_type_name(text)}, not a string", "give the article's text as one string")
    if text is None or not text.strip():
        raise InputError(input=where, kind="empty", reason="the record has no 'text' (or it is empty)",
                         hint="every article needs its text")
    _check_text(text, where=where, name="text")
    return Article(
        id=_record_id(record.get("id"), default_id=default_id, where=where),
        text=text.translate(_NONCHARACTERS),
        title=_string_field(record, _TITLE_KEYS, where=where),
        published=normalize_published(_first(record, _DATE_KEYS), where=where),
        url=_string_field(record, _URL_KEYS, where=where),
        source=where,
    )


def article_from_text(text: str, *, article_id: str, where: str, **fields: Any) -> Article:
    if not text.strip():
        raise InputError(input=where, kind="empty", reason="the article is empty",
                         hint="give a file with the article's text")
    _check_text(text, where=where, name="text")
    return Article(id=article_id, text=text.translate(_NONCHARACTERS), source=where, **fields)
