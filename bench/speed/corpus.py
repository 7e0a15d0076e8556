"""Corpora for the speed benchmarks: BBC and Reuters-21578 when present, else generated news.

The real corpora live in ``<repo>/../shared/datasets`` (or ``$KG_BENCH_SHARED/datasets``);
a user's checkout does not have them, so every benchmark can also run on the bundled
generator, which writes plausible public-affairs news (officials, agencies, countries,
exports, quotes) deterministically from a seed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from itertools import islice
from pathlib import Path

from kg.errors import InputError
from kg.io import read_articles
from kg.model import Article

REPO = Path(__file__).resolve().parents[2]
CORPORA = ("bbc", "reuters", "bbc+reuters", "synthetic")


def shared_dir() -> Path:
    return Path(os.environ.get("KG_BENCH_SHARED") or REPO.parent / "shared")


def shown(path: Path) -> str:
    """``path`` as results record it: relative to the repository, so no machine's folders show."""
    return os.path.relpath(path, REPO)


def dataset_paths() -> dict[str, Path]:
    datasets = shared_dir() / "datasets"
    return {
        "bbc": datasets / "bbc" / "bbc_fulltext.jsonl",
        "reuters": datasets / "reuters21578" / "reuters21578.jsonl.gz",
    }


@dataclass(frozen=True)
class Corpus:
    """Articles with the name and origin the results report."""

    name: str
    articles: tuple[Article, ...]
    origin: str

    @property
    def words(self) -> int:
        return sum(word_count(a) for a in self.articles)

    def describe(self) -> dict[str, object]:
        return {"name": self.name, "origin": self.origin, "articles": len(self.articles), "words": self.words}


def word_count(article: Article) -> int:
    # The same count kg's BuildReport uses, so figures compare.
    return len(article.text.split())


def _read(path: Path, limit: int | None) -> list[Article]:
    # Records without text (Reuters has some) are skipped, as `kg build` skips them.
    skipped: list[InputError] = []
    return list(islice(read_articles([path], on_error=skipped.append), limit))


def reuters_article(record: dict) -> Article | None:
    """One Reuters-21578 record as an article (id from NEWID, body as text, ISO date); None without a body.

    Its dates read "26-FEB-1987 15:01:01.79" or, before the tenth of a month, "5-MAR-1987
    04:49:51.18": the day is the first word, whatever its width (a fixed slice of eleven
    characters left the stories of days 1 to 9 undated, and their periods without ISO dates).
    """
    text = (record.get("body") or "").strip()
    if not text:
        return None
    day = (record.get("date") or "").split()
    try:
        published = datetime.strptime(day[0], "%d-%b-%Y").date().isoformat() if day else None
    except ValueError:
        published = None
    return Article(id=f"reuters-{record['newid']}", text=text, title=record.get("title") or None, published=published)


def _read_reuters(path: Path, limit: int | None) -> list[Article]:
    def articles() -> Iterator[Article]:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("lewissplit") != "TRAIN":  # TEST and NOT-USED are the accuracy measure: never read
                    continue
                article = reuters_article(record)
                if article is not None:
                    yield article

    return list(islice(articles(), limit))


def available(name: str) -> bool:
    paths = dataset_paths()
    if name == "synthetic":
        return True
    if name == "bbc+reuters":
        return all(p.is_file() for p in paths.values())
    return paths[name].is_file()


def load(name: str, *, limit: int | None = None, seed: int = 7) -> Corpus:
    """The corpus ``name`` (first ``limit`` articles); generated news when it is absent."""
    if name not in CORPORA:
        raise ValueError(f"unknown corpus {name!r}; choose one of {', '.join(CORPORA)}")
    if not available(name):
        count = limit or 500
        return Corpus(f"synthetic (no {name} at {shown(shared_dir())})", tuple(synthetic(count, seed=seed)), "generated")
    paths = dataset_paths()
    if name == "synthetic":
        return Corpus("synthetic", tuple(synthetic(limit or 500, seed=seed)), "generated")
    if name == "bbc+reuters":
        # Limits split by proportion: BBC 2,225 articles to Reuters' 13,571 TRAIN records with text.
        bbc = _read(paths["bbc"], None if limit is None else max(1, limit // 10))
        rest = None if limit is None else max(0, limit - len(bbc))
        reuters = _read_reuters(paths["reuters"], rest)
        return Corpus("bbc+reuters", tuple(bbc + reuters), f"{shown(paths['bbc'])} + {shown(paths['reuters'])}")
    reader = _read_reuters if name == "reuters" else _read
    return Corpus(name, tuple(reader(paths[name], limit)), shown(paths[name]))


def replicate(articles: Sequence[Article], count: int) -> Iterator[Article]:
    """``count`` articles cycling through ``articles`` with fresh ids (copy number appended)."""
    for index in range(count):
        base = articles[index % len(articles)]
        yield replace(base, id=f"{base.id}-r{index // len(articles)}", source=None)


def write_jsonl(articles: Iterable[Article], path: Path) -> Path:
    """Write articles as JSON lines that ``kg build`` reads back with the same ids."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for a in articles:
            record = {"id": a.id, "text": a.text}
            if a.title:
                record["title"] = a.title
            if a.published:
                record["published"] = a.published
            if a.url:
                record["url"] = a.url
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


# --- the generator ---------------------------------------------------------------------------

_FIRST = ("Zhang", "Maria", "John", "Amina", "Lars", "Priya", "Carlos", "Yuki", "Olga", "Samuel",
          "Fatima", "Hans", "Grace", "Ivan", "Leila", "Tomas", "Nadia", "Kwame", "Elena", "David")
_LAST = ("Wei", "Santos", "Miller", "Okafor", "Berg", "Sharma", "Ruiz", "Tanaka", "Petrova", "Mensah",
         "Haddad", "Schmidt", "Kimani", "Volkov", "Farah", "Novak", "Rahman", "Boateng", "Costa", "Cohen")
_TITLES = ("Minister of Trade", "spokesperson", "deputy director", "Finance Minister",
           "chief executive", "Foreign Minister", "director general", "senior official")
_AGENCIES = ("Ministry of Commerce", "Ministry of Health", "Customs Administration",
             "Central Bank", "Ministry of Foreign Affairs", "Statistics Office", "Energy Agency")
_COMPANIES = ("Northwind Trading", "Atlas Steel", "Blue River Foods", "Helios Energy",
              "Meridian Pharma", "Summit Motors", "Orion Textiles", "Delta Shipping")
_COUNTRIES = ("China", "Germany", "Brazil", "India", "Japan", "Kenya", "France", "Canada",
              "Mexico", "Australia", "Nigeria", "Italy", "Spain", "Egypt", "Chile", "Vietnam")
_CITIES = ("Beijing", "Berlin", "Brasilia", "New Delhi", "Tokyo", "Nairobi", "Paris", "Ottawa",
           "Mexico City", "Canberra", "Abuja", "Rome", "Madrid", "Cairo", "Santiago", "Hanoi")
_PRODUCTS = ("face masks", "steel", "soybeans", "crude oil", "vaccines", "cars", "cotton",
             "coffee", "copper", "wheat", "ventilators", "rice", "solar panels", "cocoa")
_UNITS = ("tonnes", "million units", "barrels", "billion pieces")
_CURRENCIES = ("dollars", "euros", "yuan", "yen")
_VERBS = ("rose", "fell", "climbed", "dropped", "increased", "declined")
_FILLER = (
    "Analysts said the figures reflected stronger demand in the region.",
    "The announcement came ahead of talks scheduled for next month.",
    "Officials did not give further details on the timetable.",
    "Markets reacted calmly to the news on Tuesday.",
    "The government has faced pressure to support domestic producers.",
    "Trade volumes have recovered since the start of the year.",
    "The figures were published in a statement on the agency's website.",
)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _paragraph(rng: random.Random) -> str:
    country, other = rng.sample(_COUNTRIES, 2)
    agency, company, product = rng.choice(_AGENCIES), rng.choice(_COMPANIES), rng.choice(_PRODUCTS)
    person, title = _person(rng), rng.choice(_TITLES)
    city = _CITIES[_COUNTRIES.index(country)]
    amount, quantity = rng.randint(2, 900), rng.randint(10, 5000)
    sentences = [
        f"{person}, {title} of the {agency} of {country}, said on {rng.choice(('Monday', 'Friday'))} "
        f"that exports of {product} to {other} {rng.choice(_VERBS)} by {rng.randint(2, 40)} percent.",
        f"{country} exported {quantity:,} {rng.choice(_UNITS)} of {product} worth {amount} million "
        f"{rng.choice(_CURRENCIES)} in the first quarter, the {agency} said.",
        f"\"We expect demand to remain strong this year,\" {person} told reporters in {city}.",
        f"{company}, a subsidiary of {rng.choice(_COMPANIES)} based in {city}, supplies most of the "
        f"{product} shipped to {other}.",
        rng.choice(_FILLER),
        rng.choice(_FILLER),
    ]
    rng.shuffle(sentences)
    return " ".join(sentences)


def synthetic(count: int, *, seed: int = 7, paragraphs: int = 5) -> Iterator[Article]:
    """``count`` generated news articles (about 100 words a paragraph), the same for a seed."""
    rng = random.Random(seed)
    for index in range(count):
        text = "\n\n".join(_paragraph(rng) for _ in range(paragraphs))
        title = f"{rng.choice(_COUNTRIES)} trade update {index + 1}"
        yield Article(id=f"synthetic-{index + 1:05d}", text=text, title=title,
                      published=f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}")
