"""Gold files: what a careful reader takes from one article (see the gold format)."""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import GoldError
from kg.io.records import article_from_text, clean_id
from kg.model import Article, EntityType, Predicate
from kg.vocab.predicates import PREDICATES, QUALIFIERS, Qualifier

# Types a gold file may require; the others appear only as optional entities.
CORE_TYPES = frozenset(
    {
        EntityType.OFFICIAL,
        EntityType.PERSON,
        EntityType.AGENCY,
        EntityType.ORGANIZATION,
        EntityType.COUNTRY,
        EntityType.PLACE,
        EntityType.PRODUCT,
    }
)
# Predicates without an object: the subject and its qualifiers say everything.
NO_OBJECT = frozenset(p for p, shape in PREDICATES.items() if shape.objects is None)
# Predicates whose object is optional: a value fact names its product when the text does.
OPTIONAL_OBJECT = frozenset(p for p, shape in PREDICATES.items() if shape.objects is not None and not shape.object_required)


@dataclass(frozen=True)
class GoldEntity:
    id: str
    type: EntityType
    names: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True)
class GoldFact:
    s: str
    p: Predicate
    o: str | None = None
    role: str | None = None
    quantity: float | None = None
    unit: str | None = None
    amount: float | None = None
    currency: str | None = None
    quote: str | None = None
    partner: str | None = None  # a gold entity id
    period: str | None = None
    forecast: bool | None = None  # absent reads as false
    optional: bool = False

    def qualifiers(self) -> dict[str, Any]:
        """The qualifiers the gold fact states, in the table's order."""
        return {k: getattr(self, k) for k in GOLD_QUALIFIERS if getattr(self, k) is not None}


# The qualifiers a gold file may state: the table's, where the gold format has a key.
GOLD_QUALIFIERS = tuple(name for name in QUALIFIERS if name in GoldFact.__dataclass_fields__)


@dataclass(frozen=True)
class Gold:
    """One gold file. ``article_id`` is the id ``kg`` gives the article it is about."""

    path: Path
    text_file: Path
    published: str | None
    entities: tuple[GoldEntity, ...]
    facts: tuple[GoldFact, ...]
    line: int | None = None
    field: str = "text"

    @property
    def article_id(self) -> str:
        stem = _stem(self.text_file)
        return clean_id(f"{stem}-{self.line}" if self.line is not None else stem)

    def entity(self, entity_id: str) -> GoldEntity:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".jsonl.gz", ".jsonl", ".txt"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def _is_jsonl(path: Path) -> bool:
    return path.name.lower().endswith((".jsonl", ".jsonl.gz"))


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file; a malformed one raises ``GoldError`` naming the problem."""
    path = Path(path)
    try:
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except OSError as err:
        raise GoldError(f"{path}: cannot read the gold file ({err.strerror}); check the path.") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"{path}: the gold file is not valid UTF-8 JSON ({err}); fix it.") from err
    if not isinstance(data, dict):
        raise GoldError(f"{path}: a gold file is one JSON object with 'text_file', 'entities' and 'facts'.")
    text_file = data.get("text_file")
    if not isinstance(text_file, str) or not text_file:
        raise GoldError(f"{path}: 'text_file' is missing; give the article's path relative to the gold file.")
    source = (path.parent / text_file).resolve()
    if not source.is_file():
        raise GoldError(f"{path}: the article {text_file!r} (resolved to {source}) does not exist.")
    line, field = _line_and_field(path, data, source)
    published = data.get("published")
    if published is not None and not isinstance(published, str):
        raise GoldError(f"{path}: 'published' must be an ISO 8601 date string or null.")
    entities = _entities(path, data.get("entities"))
    ids = {e.id for e in entities}
    facts = _facts(path, data.get("facts"), ids)
    return Gold(path, source, published, entities, facts, line=line, field=field)


def _line_and_field(path: Path, data: dict[str, Any], source: Path) -> tuple[int | None, str]:
    line, field = data.get("line"), data.get("field", "text")
    if not _is_jsonl(source):
        if line is not None:
            raise GoldError(f"{path}: 'line' applies only to a .jsonl or .jsonl.gz text_file.")
        return None, "text"
    if not isinstance(line, int) or isinstance(line, bool) or line < 0:
        raise GoldError(f"{path}: a .jsonl text_file needs 'line', the record's 0-based line number.")
    if not isinstance(field, str) or not field:
        raise GoldError(f"{path}: 'field' must name the record's text field (default 'text').")
    return line, field


def _entities(path: Path, raw: Any) -> tuple[GoldEntity, ...]:
    if not isinstance(raw, list):
        raise GoldError(f"{path}: 'entities' must be a list of entities.")
    seen: set[str] = set()
    out: list[GoldEntity] = []
    for n, item in enumerate(raw):
        where = f"{path}: entities[{n}]"
        if not isinstance(item, dict):
            raise GoldError(f"{where} is not an object.")
        eid = item.get("id")
        if not isinstance(eid, str) or not eid:
            raise GoldError(f"{where} has no 'id'.")
        if eid in seen:
            raise GoldError(f"{where}: the id {eid!r} is used twice; ids must be unique.")
        seen.add(eid)
        try:
            etype = EntityType(item.get("type"))
        except ValueError:
            kinds = ", ".join(t.value for t in EntityType)
            raise GoldError(f"{where} ({eid}): type {item.get('type')!r} is not one of {kinds}.") from None
        names = item.get("names")
        if not isinstance(names, list) or not names or not all(isinstance(x, str) and x.strip() for x in names):
            raise GoldError(f"{where} ({eid}): 'names' must be a non-empty list of names.")
        optional = _flag(where, item)
        # Disease, Event and Other are never required (gold format): read them as optional.
        out.append(GoldEntity(eid, etype, tuple(names), optional or etype not in CORE_TYPES))
    return tuple(out)


def _flag(where: str, item: dict[str, Any]) -> bool:
    optional = item.get("optional", False)
    if not isinstance(optional, bool):
        raise GoldError(f"{where}: 'optional' must be true or false.")
    return optional


def _facts(path: Path, raw: Any, ids: set[str]) -> tuple[GoldFact, ...]:
    if not isinstance(raw, list):
        raise GoldError(f"{path}: 'facts' must be a list of facts.")
    out: list[GoldFact] = []
    for n, item in enumerate(raw):
        where = f"{path}: facts[{n}]"
        if not isinstance(item, dict):
            raise GoldError(f"{where} is not an object.")
        try:
            pred = Predicate(item.get("p"))
        except ValueError:
            preds = ", ".join(p.value for p in Predicate)
            raise GoldError(f"{where}: predicate {item.get('p')!r} is not one of {preds}.") from None
        s, o = item.get("s"), item.get("o")
        if s not in ids:
            raise GoldError(f"{where}: subject {s!r} is not the id of a gold entity.")
        if pred in NO_OBJECT:
            if o is not None:
                raise GoldError(f"{where}: {pred.value} has no object; remove 'o'.")
        elif pred in OPTIONAL_OBJECT and o is None:
            pass
        elif o not in ids:
            raise GoldError(f"{where}: object {o!r} is not the id of a gold entity ({pred.value} needs one).")
        values: dict[str, Any] = {}
        for key in GOLD_QUALIFIERS:
            value = item.get(key)
            if value is not None:
                values[key] = _qualifier(where, QUALIFIERS[key], value, ids)
        out.append(GoldFact(s, pred, o, optional=_flag(where, item), **values))
    return tuple(out)


def _qualifier(where: str, qualifier: Qualifier, value: Any, ids: set[str]) -> Any:
    """A gold qualifier's value, checked against its kind in the predicate table."""
    key = qualifier.name
    if qualifier.kind == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise GoldError(f"{where}: {key!r} must be a number.")
        return float(value)
    if qualifier.kind == "flag":
        if not isinstance(value, bool):
            raise GoldError(f"{where}: {key!r} must be true or false.")
        return value
    if not isinstance(value, str) or not value.strip():
        raise GoldError(f"{where}: {key!r} must be a non-empty string.")
    if qualifier.kind == "entity" and value not in ids:
        raise GoldError(f"{where}: {key} {value!r} is not the id of a gold entity.")
    return value


def load_article(gold: Gold) -> Article:
    """The article a gold file is about, with the id ``kg`` gives it."""
    if gold.line is None:
        try:
            text = gold.text_file.read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as err:
            raise GoldError(f"{gold.path}: cannot read the article {gold.text_file} ({err}).") from err
        return _article(gold, text, None)
    record = _jsonl_record(gold)
    text = record.get(gold.field)
    if not isinstance(text, str) or not text.strip():
        raise GoldError(
            f"{gold.path}: line {gold.line} of {gold.text_file} has no text in field {gold.field!r}; "
            f"set 'field' to the record's text field."
        )
    title = record.get("title")
    return _article(gold, text, title if isinstance(title, str) and title.strip() else None)


def _article(gold: Gold, text: str, title: str | None) -> Article:
    if not text.strip():
        raise GoldError(f"{gold.path}: the article {gold.text_file} is empty.")
    return article_from_text(
        text, article_id=gold.article_id, where=str(gold.text_file), published=gold.published, title=title
    )


def _jsonl_record(gold: Gold) -> dict[str, Any]:
    opener = gzip.open if gold.text_file.name.lower().endswith(".gz") else open
    try:
        with opener(gold.text_file, "rt", encoding="utf-8") as handle:  # type: ignore[operator]
            for number, line in enumerate(handle):
                if number == gold.line:
                    record = json.loads(line)
                    if not isinstance(record, dict):
                        raise GoldError(f"{gold.path}: line {gold.line} of {gold.text_file} is not a JSON object.")
                    return record
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"{gold.path}: cannot read line {gold.line} of {gold.text_file} ({err}).") from err
    raise GoldError(f"{gold.path}: {gold.text_file} has no line {gold.line} (lines count from 0).")
