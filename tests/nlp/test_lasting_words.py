from __future__ import annotations

from weakref import WeakKeyDictionary

from kg.model import Article
from kg.nlp import lasting_words
from kg.nlp.extract import extract_articles


def _novel(prefix: str) -> list[Article]:
    return [Article(f"{prefix}{i}", f"{prefix}Grelvaxion{i} of {prefix}Prundtco shipped 40,000 tonnes of wheat "
                                    f"to {prefix}Zyrkosia{i} on Friday.") for i in range(3)]


def test_the_first_articles_words_outlive_the_zones_and_later_ones_do_not(nlp, monkeypatch):
    monkeypatch.setattr(lasting_words, "_kept", WeakKeyDictionary())
    monkeypatch.setattr(lasting_words, "LASTING_ARTICLES", 2)
    articles = _novel("kept")
    zoned = list(extract_articles(articles, nlp=nlp, batch_size=1, memory_zone=True))
    strings = nlp.vocab.strings
    assert "keptGrelvaxion0" in strings and "keptGrelvaxion1" in strings
    assert "keptGrelvaxion2" not in strings  # the budget was spent: the third article's words went with its zone
    later = list(extract_articles(_novel("later"), nlp=nlp, batch_size=1, memory_zone=True))
    assert not any(f"laterGrelvaxion{i}" in strings for i in range(3))
    # Words made outside the zone make the same Docs: the same extractions.
    plain = list(extract_articles(articles, nlp=nlp, batch_size=1, memory_zone=False))
    assert zoned == plain and any(x.entities for x in zoned)
    assert later == list(extract_articles(_novel("later"), nlp=nlp, batch_size=1, memory_zone=False))


class _FailingPipeline:
    """A pipeline whose tokenizer fails on every text."""

    @staticmethod
    def tokenizer(text: str) -> None:
        raise ValueError(text)


def test_a_text_the_tokenizer_fails_on_is_left_to_the_models_read(monkeypatch):
    monkeypatch.setattr(lasting_words, "_kept", WeakKeyDictionary())
    pipeline = _FailingPipeline()
    lasting_words.keep_words(pipeline, [["a text"], ["another"]])  # no error: a build isolates it later
    assert lasting_words._kept[pipeline] == 2
