from __future__ import annotations

import pytest

from kg.io import read_articles
from kg.model import Article
from kg.nlp import lasting_words
from kg.nlp.extract import extract_articles, word_batches
from kg.nlp.lexicon import intergovernmental

TEXTS = (
    "Zorvanka Quillet, the deputy minister of Trade of Freedonia, said on Monday that the "
    "country exported 1.2 million ventilators to Sylvania last month.",
    "The Bureau of Port Safety, part of the Ministry of Transport, is based in Port Royal. "
    "Its director, Ana Ruiz, said shipments of masks worth $3.5 billion had left the port.",
    "Prime Minister Onwubrax Teldimar of Kellavia met officials of the Kellavian Export Council "
    "in Vostrand on Tuesday.",
)


def _articles(prefix: str = "a") -> list[Article]:
    return [Article(f"{prefix}{i}", text) for i, text in enumerate(TEXTS)]


def test_memory_zone_gives_the_extractions_of_a_plain_pipe(nlp):
    plain = list(extract_articles(_articles(), nlp=nlp, batch_size=2, memory_zone=False))
    zoned = list(extract_articles(_articles(), nlp=nlp, batch_size=2, memory_zone=True))
    assert [x.article.id for x in zoned] == ["a0", "a1", "a2"]
    assert zoned == plain
    assert any(x.entities for x in zoned) and any(x.facts for x in zoned)
    # Strings evicted after a batch are added again when the next batch needs them.
    assert list(extract_articles(_articles(), nlp=nlp, batch_size=1, memory_zone=True)) == plain


def test_batches_are_bounded_by_articles_and_by_words():
    articles = [Article(f"w{i}", " ".join(["word"] * n)) for i, n in enumerate((3, 3, 3, 9, 2, 2))]

    def ids(**bounds):
        return [[a.id for a in batch] for batch in word_batches(articles, **bounds)]

    assert ids(max_articles=2, max_words=100) == [["w0", "w1"], ["w2", "w3"], ["w4", "w5"]]
    # An article longer than the word bound is a batch of its own; order is kept.
    assert ids(max_articles=10, max_words=6) == [["w0", "w1"], ["w2"], ["w3"], ["w4", "w5"]]
    assert ids(max_articles=10, max_words=1000) == [["w0", "w1", "w2", "w3", "w4", "w5"]]
    assert list(word_batches([], max_articles=4, max_words=10)) == []


def test_small_word_batches_give_the_same_extractions(nlp):
    whole = list(extract_articles(_articles(), nlp=nlp, batch_size=8))
    assert list(extract_articles(_articles(), nlp=nlp, batch_size=8, max_words=5)) == whole


def test_memory_zone_keeps_the_string_store_from_growing(nlp, monkeypatch):
    monkeypatch.setattr(lasting_words, "LASTING_ARTICLES", 0)  # no words kept to last
    list(extract_articles(_articles("warm"), nlp=nlp, batch_size=2, memory_zone=True))
    before = len(nlp.vocab.strings)
    novel = [Article(f"n{i}", f"Grelvaxion{i} Prundt{i} visited Zyrkosia{i} on Friday.") for i in range(6)]
    assert len(list(extract_articles(_articles("again") + novel, nlp=nlp, batch_size=3, memory_zone=True))) == 9
    assert len(nlp.vocab.strings) == before


def test_every_call_runs_in_a_zone(nlp, monkeypatch):
    monkeypatch.setattr(lasting_words, "LASTING_ARTICLES", 0)
    list(extract_articles(_articles("first"), nlp=nlp, batch_size=8, memory_zone=True))
    before = len(nlp.vocab.strings)
    # One batch per call, as a worker process gets one task at a time.
    for i in range(2):
        novel = [Article(f"t{i}", f"Quembrolt{i} Vashtari{i} flew to Ondrevia{i} on Sunday.")]
        assert len(list(extract_articles(novel, nlp=nlp, batch_size=8, memory_zone=True))) == 1
    assert len(nlp.vocab.strings) == before


def _facts(nlp, text: str):
    from kg.nlp.extract import extract

    x = extract(nlp(text), Article("t", text))
    return {(f.predicate.value, f.subject, f.object, f.role or f.quote) for f in x.facts}


def test_a_story_opening_on_a_title_names_its_holder_in_the_next_sentence(nlp):
    text = ("The Belgian sports minister at the centre of the doping row says he will not apologise.\n\n"
            "Claude Eerdekens claims the champion tested positive last month.")  # fmt: skip
    facts = _facts(nlp, text)
    assert ("holdsPost", "person:claude-eerdekens", "place:belgium", "sports minister") in facts
    assert ("said", "person:claude-eerdekens", None, "he will not apologise") in facts


def test_a_lead_closing_on_a_title_names_its_holder_speaking_in_the_next_sentence(nlp):
    text = ("Kenya was disappointed by the failure of the tea talks in London, the chairman of the "
            "state-run Tea Marketing Board, TMB, said.\n"
            "    \"This has not been good for tea producers,\" Joseph Kamau said on Friday.")  # fmt: skip
    said = {f[1] for f in _facts(nlp, text) if f[0] == "said"}
    assert said == {"person:joseph-kamau"}
    assert any(f[0] == "holdsPost" and f[1] == "person:joseph-kamau" and f[3] == "chairman" for f in _facts(nlp, text))


def test_a_lead_title_is_nobody_when_the_next_sentence_names_no_speaker(nlp):
    text = ("Kenya was disappointed by the failure of the tea talks in London, the chairman of the "
            "Tea Marketing Board said.\n"
            "    \"This has not been good for tea producers,\" said one delegate. Peter Otieno fled.")  # fmt: skip
    assert not [f for f in _facts(nlp, text) if f[1] == "person:peter-otieno"]


def test_a_title_after_a_named_person_does_not_look_forward(nlp):
    text = "Zhang Qi met the press. The minister said prices would rise. Li Wei left on Monday."
    assert not [f for f in _facts(nlp, text) if f[1] == "person:li-wei"]


def test_a_surname_alone_after_the_full_name_is_the_person(nlp):
    text = ('Prices rose, according to Rodrigo Paredes, head of research at the commission. '
            '"Prices did most of the work," Paredes said.')  # fmt: skip
    assert ("said", "person:rodrigo-paredes", None, "Prices did most of the work") in _facts(nlp, text)


def test_the_countrys_body_said_at_the_end_and_is_the_body_named_in_full(nlp):
    text = ("Tanzania has received 1.5 million doses of vaccine from India, the country's health "
            "ministry said on Tuesday. Amina Mselem, permanent secretary at the Ministry of Health, "
            "said the doses arrived.")  # fmt: skip
    facts = _facts(nlp, text)
    assert ("said", "organization:ministry-of-health", None,
            "Tanzania has received 1.5 million doses of vaccine from India") in facts


@pytest.fixture(scope="module")
def fresh_nlp():
    """kg's pipeline as a user might assemble it: no rule matcher built for its vocab yet."""
    from kg.nlp.loading import load_statistical
    from kg.nlp.pipeline import add_components

    return add_components(load_statistical())


def test_a_fresh_pipeline_streams_in_zones_from_its_first_batch(nlp, fresh_nlp, repo, monkeypatch):
    monkeypatch.setattr(lasting_words, "LASTING_ARTICLES", 0)  # only the zones bound the strings here
    articles = list(read_articles([repo / "examples"]))
    assert len(articles) >= 5
    plain = list(extract_articles(articles, nlp=nlp, batch_size=2, memory_zone=False))
    before = len(fresh_nlp.vocab.strings)
    # The matchers are built before the first zone: no rule name is lost when a zone ends
    # (spaCy E018 would be raised by the second batch's matches).
    zoned = list(extract_articles(articles, nlp=fresh_nlp, batch_size=2))
    assert zoned == plain
    assert sum(len(x.facts) for x in zoned) > 0
    again = list(extract_articles(articles, nlp=fresh_nlp, batch_size=3))
    assert again == plain
    # Only the rule names stay; the texts' own strings are gone.
    novel = [Article(f"z{i}", f"Plovastrin{i} Kedruma{i} arrived in Hollowick{i}.") for i in range(4)]
    after_rules = len(fresh_nlp.vocab.strings)
    list(extract_articles(novel, nlp=fresh_nlp, batch_size=2))
    assert len(fresh_nlp.vocab.strings) == after_rules
    assert after_rules - before < 1000


def test_a_doc_extracted_again_gives_the_same_extraction_and_keeps_no_state(nlp):
    # A long build may extract from Docs that outlive one article (cached or replayed
    # Docs): extraction must read a Doc, never write onto it or grow the vocab.
    from kg.nlp.extract import extract

    doc = nlp(TEXTS[1] + " " + TEXTS[0])
    article = Article("r0", doc.text)
    first = extract(doc, article)
    strings, spans, ents = len(nlp.vocab.strings), dict(doc.spans), doc.ents
    for _ in range(3):
        assert extract(doc, article) == first
    assert first.entities and first.facts
    assert not doc.user_data
    assert dict(doc.spans) == spans and doc.ents == ents
    assert len(nlp.vocab.strings) == strings


def test_a_long_article_is_read_in_parts_with_exact_offsets(nlp, monkeypatch):
    text = "\n\n".join(TEXTS * 3)
    whole = next(extract_articles([Article("long", text)], nlp=nlp))
    # A pipeline that refuses texts over 400 characters (spaCy's E088) still reads it all.
    monkeypatch.setattr(nlp, "max_length", 400)
    with pytest.raises(ValueError, match="E088"):
        nlp(text)
    (parted,) = extract_articles([Article("long", text)], nlp=nlp)
    assert parted.entities and parted.facts
    for entity in parted.entities:
        for mention in entity.mentions:
            assert text[mention.start:mention.end] == mention.text
    for fact in parted.facts:
        assert fact.sentence.strip() in text[fact.start:fact.end] or text[fact.start:fact.end] in fact.sentence
    # Cut at paragraph ends, the parts read as the whole does: the same entities and facts.
    assert parted == whole
    # Mentions past the first part keep offsets into the whole text, not into their part.
    assert max(m.start for e in parted.entities for m in e.mentions) > 400


def test_one_failing_article_costs_only_itself_when_isolated(nlp, monkeypatch):
    import kg.nlp.extract as module

    real = module.extract

    def fragile(doc, article, **kwargs):
        if article.id == "a1":
            raise RuntimeError("boom\nsecond line")
        return real(doc, article, **kwargs)

    monkeypatch.setattr(module, "extract", fragile)
    results = list(extract_articles(_articles(), nlp=nlp, batch_size=8, isolate=True))
    assert [type(r).__name__ for r in results] == ["Extraction", "Skipped", "Extraction"]
    skipped = results[1]
    assert skipped.kind == "extraction" and skipped.input == "a1"
    assert skipped.reason == "extraction failed (RuntimeError: boom)" and "'a1'" in skipped.hint
    with pytest.raises(RuntimeError):
        list(extract_articles(_articles(), nlp=nlp, batch_size=8))


def _one(nlp, text: str):
    (extraction,) = extract_articles([Article("d1", text)], nlp=nlp)
    return extraction


def test_a_demonym_inside_the_goods_gives_the_partner_country(nlp):
    found = _one(nlp, "Egypt bought 200,000 tonnes of soft French wheat last week, traders said.")
    named = _one(nlp, "Egypt bought 200,000 tonnes of wheat from France last week, traders said.")
    france = next(e for e in found.entities if e.label == "France")
    assert france.names == ("France", "French") and france.mentions == ()
    # the same node as where the country is named, so that stories link across the graph
    assert france.key == next(e.key for e in named.entities if e.label == "France")
    assert france.same_as == next(e.same_as for e in named.entities if e.label == "France")
    assert [(f.predicate.value, f.partner) for f in found.facts] == [("imports", france.key)]


def test_a_demonym_in_a_dateline_date_gives_the_trader(nlp):
    found = _one(nlp, "TOKYO, June 9 - Japanese importers bought 40,000 tonnes of Chinese soybeans "
                      "last week, trade sources said.")
    keys = {e.label: e.key for e in found.entities}
    assert [(f.subject, f.predicate.value, f.partner) for f in found.facts] == [
        (keys["Japan"], "imports", keys["China"])]


def test_a_demonym_inside_goods_no_trade_fact_uses_makes_no_country(nlp):
    found = _one(nlp, "Shipments of soft French wheat were delayed by the strike, port officials said.")
    assert [e.label for e in found.entities if e.label == "France"] == []


def test_goods_in_two_states_counted_together_are_a_product_of_their_own(nlp):
    found = _one(nlp, "Gabon exported 40,000 tonnes of crude and refined oil in June. "
                      "Its crude oil exports were 30,000 tonnes in July.")
    products = sorted(e.label for e in found.entities if e.type.value == "Product")
    assert products == ["crude and refined oil", "crude oil"]


def test_a_minister_is_an_official_and_the_body_he_heads_an_agency(nlp):
    text = "A team led by Peruvian Mining Fund Minister Rosa Quispe will visit Chile on Friday."
    (x,) = extract_articles([Article("m1", text)], nlp=nlp)
    types = {e.label: e.type.value for e in x.entities}
    assert types["Rosa Quispe"] == "Official"
    assert types["Peruvian Mining Fund"] == "Agency"


def test_a_post_in_a_body_of_states_is_a_public_office(nlp):
    text = ("Pedro Alves, chairman of the Association of Cashew Producing Countries, said output fell. "
            "Luis Gomez, chief economist at Nomura, said exports rose.")
    (x,) = extract_articles([Article("ig1", text)], nlp=nlp)
    types = {e.label: e.type.value for e in x.entities}
    assert types["Pedro Alves"] == "Official"
    assert types["Luis Gomez"] == "Person"


def test_bodies_of_states_are_known_by_name_or_by_their_members():
    assert intergovernmental("the WHO") and intergovernmental("Organization of American States")
    assert not intergovernmental("Michigan Chamber of Commerce") and not intergovernmental("United States")


def test_ec_in_a_story_of_1987_is_the_european_community(nlp):
    text = "EC member states agreed on the sugar tender, the EC said on Tuesday."
    (old,) = extract_articles([Article("ec1", text, published="1987-03-02")], nlp=nlp)
    (new,) = extract_articles([Article("ec2", text, published="2015-03-02")], nlp=nlp)
    assert {e.label: e.type.value for e in old.entities}.get("European Community") == "Organization"
    assert "European Community" not in {e.label for e in new.entities}


def test_a_country_named_only_in_a_body_s_name_is_its_seat(nlp):
    text = "The Kenyan Coffee Board said sales rose, and the Bank of Malawi agreed."
    (x,) = extract_articles([Article("k1", text)], nlp=nlp)
    labels = {e.key: e.label for e in x.entities}
    based = {(labels[f.subject], labels[f.object]) for f in x.facts if f.predicate.value == "basedIn"}
    assert ("Kenyan Coffee Board", "Kenya") in based and ("Bank of Malawi", "Malawi") in based


def test_a_known_national_body_is_based_in_its_country_where_the_story_names_it(nlp):
    text = "Farmers in the U.S. sold more corn, USDA officials said on Friday."
    (x,) = extract_articles([Article("s1", text)], nlp=nlp)
    labels = {e.key: e.label for e in x.entities}
    based = {(labels[f.subject], labels[f.object]) for f in x.facts if f.predicate.value == "basedIn"}
    assert ("Department of Agriculture", "United States") in based
    (y,) = extract_articles([Article("s2", "Corn sales rose, USDA officials said on Friday.")], nlp=nlp)
    assert not [f for f in y.facts if f.predicate.value == "basedIn"]  # no country named: none made


def test_a_country_named_only_in_its_currency_trades_the_storys_flows(nlp):
    text = ("Preliminary figures show a trade surplus of 41.7 mln N.Z. Dlrs in May, the Statistics "
            "Department said. Exports rose to 1.21 billion dlrs from 1.02 billion in April.")
    found = _one(nlp, text)
    keys = {e.label: e.key for e in found.entities}
    assert "N.Z." in next(e.names for e in found.entities if e.label == "New Zealand")
    assert [(f.subject, f.predicate.value, f.currency) for f in found.facts if f.predicate.value == "exportValue"] == [
        (keys["New Zealand"], "exportValue", "NZD"), (keys["New Zealand"], "exportValue", "NZD")]


def test_a_currency_country_without_a_trade_fact_is_no_entity(nlp):
    found = _one(nlp, "The N.Z. dlr rose to 56.2 U.S. cents on Monday, dealers said.")
    assert [e.label for e in found.entities if e.type.value == "Country"] == []
