"""Hand-built extractions for the RDF tests: no spaCy, every offset computed from the text."""

from __future__ import annotations

from kg.model import Article, Entity, EntityType, Extraction, Fact, Mention, Predicate

TEXT = (
    "Ana Ruiz, deputy director of the Bureau of Port Safety under the Ministry of Transport, "
    "said on Monday that Freedonia shipped 1.2 million ventilators last month. "
    "Freedonia exported goods worth 3.5 billion dollars, according to the ministry. "
    "The bureau is based in Port Royal, a city in Freedonia."
)
WD_FREEDONIA = "http://www.wikidata.org/entity/Q999001"


def _sentence(text: str, start: int) -> tuple[int, int]:
    begin = text.rfind(". ", 0, start)
    begin = 0 if begin < 0 else begin + 2
    end = text.find(". ", start)
    end = len(text) if end < 0 else end + 1
    return begin, end


def _mention(article: Article, text: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = article.text.index(text, start + 1)
    begin, end = _sentence(article.text, start)
    return Mention(article.id, start, start + len(text), text, article.text[begin:end], begin)


def _fact(article: Article, anchor: str, **kwargs: object) -> Fact:
    begin, end = _sentence(article.text, article.text.index(anchor))
    return Fact(article=article.id, sentence=article.text[begin:end], start=begin, end=end, **kwargs)  # type: ignore[arg-type]


def sample_extraction(article_id: str = "port-safety") -> Extraction:
    article = Article(
        id=article_id, text=TEXT, title="Ventilator shipments rise", published="2020-04-06",
        url="https://news.example.org/port-safety",
    )
    m = lambda text, nth=0: _mention(article, text, nth)  # noqa: E731
    entities = (
        Entity("ruiz", EntityType.OFFICIAL, "Ana Ruiz", ("Ana Ruiz",), (m("Ana Ruiz"),)),
        Entity("bureau", EntityType.AGENCY, "Bureau of Port Safety", ("Bureau of Port Safety", "bureau"),
               (m("Bureau of Port Safety"), m("bureau"))),
        Entity("ministry", EntityType.AGENCY, "Ministry of Transport", ("Ministry of Transport", "ministry"),
               (m("Ministry of Transport"), m("ministry"))),
        Entity("freedonia", EntityType.COUNTRY, "Freedonia", ("Freedonia",),
               (m("Freedonia"), m("Freedonia", 1), m("Freedonia", 2)), (WD_FREEDONIA,)),
        Entity("port-royal", EntityType.PLACE, "Port Royal", ("Port Royal",), (m("Port Royal"),)),
        Entity("ventilator", EntityType.PRODUCT, "ventilators", ("ventilators",), (m("ventilators"),)),
    )
    facts = (
        _fact(article, "Ana Ruiz", subject="ruiz", predicate=Predicate.HOLDS_POST, object="bureau",
              role="deputy director", confidence=0.9, extractor="posts.appositive"),
        _fact(article, "Ana Ruiz", subject="bureau", predicate=Predicate.SUB_ORGANIZATION_OF,
              object="ministry", confidence=0.8, extractor="organizations.under"),
        _fact(article, "Ana Ruiz", subject="ruiz", predicate=Predicate.SAID,
              quote="Freedonia shipped 1.2 million ventilators last month", confidence=0.85,
              extractor="speech.said", date="2020-04-06"),
        _fact(article, "Ana Ruiz", subject="freedonia", predicate=Predicate.EXPORTS, object="ventilator",
              quantity=1.2e6, unit="units", confidence=0.7, extractor="trade.shipped"),
        _fact(article, "worth", subject="freedonia", predicate=Predicate.EXPORT_VALUE, amount=3.5e9,
              currency="USD", confidence=0.75, extractor="trade.worth"),
        _fact(article, "worth", subject="ministry", predicate=Predicate.SAID,
              quote="Freedonia exported goods worth 3.5 billion dollars", confidence=0.6,
              extractor="speech.according_to"),
        _fact(article, "based in", subject="bureau", predicate=Predicate.BASED_IN, object="port-royal",
              confidence=0.7, extractor="places.based_in"),
        _fact(article, "based in", subject="port-royal", predicate=Predicate.LOCATED_IN, object="freedonia",
              confidence=0.7, extractor="places.city_in"),
        _fact(article, "Ana Ruiz", subject="ruiz", predicate=Predicate.NATIONALITY, object="freedonia",
              confidence=0.4, extractor="places.nationality"),
    )
    return Extraction(article, entities, facts, model="en_core_web_sm-3.8.0")


SECOND_TEXT = "Freedonia, officially the Republic of Freedonia, exported ventilators to its neighbours."


def second_extraction() -> Extraction:
    """Another article naming Freedonia differently: one entity across both graphs."""
    article = Article(id="freedonia-aid", text=SECOND_TEXT)
    m = lambda text: _mention(article, text)  # noqa: E731
    entities = (
        Entity("f", EntityType.COUNTRY, "Freedonia", ("Freedonia", "Republic of Freedonia"),
               (m("Freedonia"), m("Republic of Freedonia")), (WD_FREEDONIA,)),
        Entity("v", EntityType.PRODUCT, "ventilators", ("ventilators",), (m("ventilators"),)),
    )
    facts = (
        _fact(article, "exported", subject="f", predicate=Predicate.EXPORTS, object="v",
              confidence=0.6, extractor="trade.exported"),
    )
    return Extraction(article, entities, facts, model="en_core_web_sm-3.8.0")


TRADE_TEXT = (
    "Sylvania imported 40,000 tonnes of wheat from Freedonia in March, the Sylvanian customs office said. "
    "The ministry expects wheat imports worth 2.5 billion dollars this year."
)


def trade_extraction() -> Extraction:
    """Imports both ways a trade article reports them: a reported quantity from a partner for
    a dated period, with its source, and a forecast value of one product."""
    article = Article(id="sylvania-wheat", text=TRADE_TEXT, published="2021-04-02")
    m = lambda text, nth=0: _mention(article, text, nth)  # noqa: E731
    entities = (
        Entity("sylvania", EntityType.COUNTRY, "Sylvania", ("Sylvania",), (m("Sylvania"),)),
        Entity("wheat", EntityType.PRODUCT, "wheat", ("wheat",), (m("wheat"), m("wheat", 1))),
        Entity("freedonia", EntityType.COUNTRY, "Freedonia", ("Freedonia",), (m("Freedonia"),), (WD_FREEDONIA,)),
        Entity("customs", EntityType.AGENCY, "Sylvanian customs office", ("Sylvanian customs office",),
               (m("Sylvanian customs office"),)),
    )
    facts = (
        _fact(article, "imported", subject="sylvania", predicate=Predicate.IMPORTS, object="wheat",
              quantity=40000, unit="tonnes", partner="freedonia", period="March", period_start="2021-03-01",
              period_end="2021-03-31", source="customs", confidence=0.7, extractor="trade.imported"),
        _fact(article, "expects", subject="sylvania", predicate=Predicate.IMPORT_VALUE, object="wheat",
              amount=2.5e9, currency="USD", period="this year", period_start="2021-01-01",
              period_end="2021-12-31", forecast=True, confidence=0.6, extractor="trade.expects"),
    )
    return Extraction(article, entities, facts, model="en_core_web_sm-3.8.0")
