"""Each rule of kg.nlp.retype alone: one span it decides, one it leaves to the rules after it.

Spans are cut by hand from the statistical model's parse, with the spaCy label the model
might have given them, so a rule is tested on its own, whatever the model tagged.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from kg.nlp import retype as R
from kg.nlp.retype_bodies import publication, writer_of_outlet
from kg.nlp.retype_places import country_opening_name
from kg.nlp.retype_verdicts import NEXT
from kg.nlp.spans import trim

# (rule, text, words of the span, spaCy label, what the rule says: a kg label, None or NEXT)
CASES = [
    ("norp_country", "Russia's Olympic team won.", "Russia", "NORP", "Country"),
    ("norp_country", "Chinese exports rose.", "Chinese", "NORP", "NEXT"),
    ("norp_city", "Prices at the Mombasa auction fell.", "Mombasa", "NORP", "Place"),
    ("norp_city", "Chinese exports rose.", "Chinese", "NORP", "NEXT"),
    ("disease", "Cases of COVID-19 rose in May.", "COVID-19", "ORG", "Disease"),
    ("disease", "Kenya grew fast.", "Kenya", "GPE", "NEXT"),
    ("generic_or_number", "The government said so.", "government", "ORG", None),
    ("generic_or_number", "Kenya grew fast.", "Kenya", "GPE", "NEXT"),
    ("generic_or_number", "March FOB exports rose to 3.1 billion dlrs.", "FOB", "ORG", None),
    ("generic_or_number", "The peso firmed before 1400 GMT on Tuesday.", "GMT", "ORG", None),
    ("generic_or_number", "The GMB union said so.", "GMB", "ORG", "NEXT"),
    ("lower_case", "He spoke jargon all day.", "jargon", "ORG", None),
    ("lower_case", "Kenya grew fast.", "Kenya", "GPE", "NEXT"),
    ("money", "Exports were worth 944 mln U.S. Dlrs last year.", "U.S. Dlrs", "PERSON", None),
    ("money", "Kenya grew fast.", "Kenya", "GPE", "NEXT"),
    ("money", "The tannery is based in Sucre and sells hides.", "Sucre", "GPE", "NEXT"),
    ("money", "Costs rose to 40 mln sucres; wages paid in Sucre fell.", "Sucre", "ORG", None),
    ("currency_country", "Exports were worth 944 mln U.S. Dlrs last year.", "U.S.", "GPE", None),
    ("currency_country", "The U.S. dollar fell.", "U.S.", "GPE", "NEXT"),
    ("country_and_noun", "Kenyan tea was cheaper than Kenya Origin coffee.", "Kenya Origin", "ORG", None),
    ("country_and_noun", "The Kenya Tea Board said so.", "Kenya Tea Board", "ORG", "NEXT"),
    ("country_pair", "He spoke at a U.S.-USSR business meeting.", "U.S.-USSR", "GPE", None),
    ("country_pair", "Talks on the U.S./Japan chip pact went on.", "U.S./Japan", "ORG", None),
    ("country_pair", "Aid reached Guinea-Bissau last week.", "Guinea-Bissau", "GPE", "NEXT"),
    ("government_debt", "Kenya Government bonds rose on the news.", "Kenya Government", "ORG", None),
    ("government_debt", "The Kenya Government said bonds would rise.", "Kenya Government", "ORG", "NEXT"),
    ("country_and_noun", "This season's U.K. Export performance was strong.", "U.K. Export", "ORG", None),
    ("country_and_going_on", "Exports to the U.S. Fell to 900 sets, as sales fell.", "U.S. Fell", "ORG", None),
    ("country_and_going_on", "U.S. Dairy sources said dairy prices rose.", "U.S. Dairy", "ORG", None),
    ("country_and_going_on", "Exports to the U.S. Fell to 900 sets.", "U.S. Fell", "ORG", None),  # a verb of change
    ("country_and_going_on", "U.S. Steel said steel prices rose.", "U.S. Steel", "ORG", "NEXT"),
    ("country_and_going_on", "The accord gave U.S. Growers better access to the market.", "U.S. Growers", "ORG", None),
    ("country_and_going_on", "U.K. Demand of tin rose in May.", "U.K. Demand", "ORG", None),
    ("country_and_going_on", "Prices rose, said one U.S. Spokesman.", "U.S. Spokesman", "ORG", None),
    ("country_and_going_on", "The mill was sold to U.S. Steel in May.", "U.S. Steel", "ORG", "NEXT"),
    ("country_and_going_on", "Kenya's surplus with the U.K. Rose to 40 mln stg.", "U.K. Rose", "ORG", None),
    ("country_and_going_on", "U.S. Industries said it sold a unit.", "U.S. Industries", "ORG", "NEXT"),
    ("ambiguous_country_in_trade", "Results awaited on a tender by Jordan for 22,000 tonnes of wheat.", "Jordan",
     "PERSON", "Country"),
    ("ambiguous_country_in_trade", "Jordan said wheat exports would rise.", "Jordan", "PERSON", "NEXT"),
    ("country_nouns_only", "Its weekly Export Sales report came out.", "Export Sales", "ORG", None),
    ("country_nouns_only", "The Export Sales Board met.", "Export Sales Board", "ORG", "NEXT"),
    ("goods_opening_flow", "Rice imports rose to 4.1 billion shillings last year.", "Rice", "PERSON", "Product"),
    ("goods_opening_flow", "Cocoa shipments slowed in June, traders said.", "Cocoa", "PERSON", "Product"),
    ("goods_opening_flow", "Rice said on Tuesday that the talks would resume.", "Rice", "PERSON", "NEXT"),
    ("goods_opening_flow", "Sugar Ray boxed in Manila last night.", "Sugar", "PERSON", "NEXT"),
    ("goods_opening_flow", "Officials told Rice imports would rise.", "Rice", "PERSON", "NEXT"),
    ("goods_opening_flow", "Rice imports rose to 4.1 billion shillings last year.", "Rice", "ORG", "NEXT"),
    ("sentence_opener", "Attendance fell sharply this year.", "Attendance", "ORG", None),
    ("sentence_opener", "Kenya grew fast.", "Kenya", "GPE", "NEXT"),
    ("common_opener", "Children play here. The children of the town play here.", "Children", "ORG", None),
    ("common_opener", "He met Kenya officials.", "Kenya", "GPE", "NEXT"),
    ("person_with_digits", "Pohang 3 Ulsan 2 was the score.", "Pohang 3 Ulsan", "PERSON", None),
    ("person_with_digits", "Then Li Ming spoke.", "Li Ming", "PERSON", "NEXT"),
    ("photo_credit", "REUTERS/Leah Millis took it.", "REUTERS/Leah Millis", "ORG", None),
    ("photo_credit", "Then Li Ming spoke.", "Li Ming", "PERSON", "NEXT"),
    ("shouted_headline", "CITING CORONAVIRUS OUTBREAK, firms shut.", "CITING CORONAVIRUS OUTBREAK", "ORG", None),
    ("shouted_headline", "He joined the WORLD HEALTH ORGANIZATION staff.", "WORLD HEALTH ORGANIZATION", "ORG", "NEXT"),
    ("field_of_title", "He met National Security Adviser John Bolton.", "National Security", "ORG", None),
    ("field_of_title", "He met Health Council Chairman John Bolton.", "Health Council", "ORG", "NEXT"),
    ("bilateral_body", "He spoke to the Peru/Chile Chamber of Commerce.", "Peru/Chile Chamber of Commerce", "ORG", "Organization"),
    ("bilateral_body", "The Peru-Chile grain pact ends.", "Peru-Chile", "ORG", "NEXT"),
    ("field_after_a_title", "Ann Roe, Vice President for Consumer Services at Acme, said.", "Consumer Services", "ORG", None),
    ("field_after_a_title", "Ann Roe, spokeswoman for the Consumer Services Board, said.", "Consumer Services Board", "ORG", "NEXT"),
    ("the_house", "The bill passed the House on Monday.", "House", "ORG", "Agency"),
    ("the_house", "The bill passed a House on Monday.", "House", "ORG", "NEXT"),
    ("social_handle", "Follow Instagram @kgnews today.", "@kgnews", "ORG", None),
    ("social_handle", "Then Li Ming spoke.", "Li Ming", "PERSON", "NEXT"),
    ("web_or_camel_name", "He shops at Jet.com daily.", "Jet.com", "GPE", "Organization"),
    ("web_or_camel_name", "He shops at Jet.com daily.", "Jet.com", "ORG", "NEXT"),
    ("court_district_part", "A judge in the Northern District of California ruled.", "Northern District", "GPE", None),
    ("court_district_part", "A judge in California ruled.", "California", "GPE", "NEXT"),
    ("misspelt_month", "Talks broke down in Novmber last year.", "Novmber", "GPE", None),
    ("misspelt_month", "Talks broke down in Augusta last year.", "Augusta", "GPE", "NEXT"),
    ("agreement", "Members of the International Cocoa Agreement met.", "International Cocoa Agreement", "ORG", "Other"),
    ("agreement", "They signed a Cocoa Memorandum of Understanding.", "Cocoa Memorandum of Understanding", "ORG", "Other"),
    ("agreement", "Members of the International Cocoa Organisation met.", "International Cocoa Organisation", "ORG", "NEXT"),
    ("crude_grade", "Refiners paid more for Kuwaiti Light this week.", "Kuwaiti Light", "ORG", "Product"),
    ("crude_grade", "Refiners paid more to Northern Light this week.", "Northern Light", "ORG", "NEXT"),
    ("acronym_of_common_words", "It makes low density polyethylene (LDPE) for export.", "LDPE", "ORG", "Product"),
    ("acronym_of_common_words", "The Export Credits Guarantee Department (ECGD) said so.", "ECGD", "ORG", "NEXT"),
    ("after_company_word", "Data from research firm Canalys showed it.", "Canalys", "GPE", "Organization"),
    ("after_company_word", "Data from Canalys showed it.", "Canalys", "GPE", "NEXT"),
    ("after_company_word", "Output at PT Sinar Jaya rose.", "Sinar Jaya", "PERSON", "Organization"),
    ("after_company_word", "Sales by Cia Rio Verde fell.", "Rio Verde", "GPE", "Organization"),
    ("after_company_word", "Kenya's state tea company, Acme Tea, sold more.", "Acme Tea", "PERSON", "Organization"),
    ("after_company_word", "He met the boss of the tea company, John Smith, today.", "John Smith", "PERSON", "NEXT"),
    ("after_company_word", "He met the head of the company, John Smith, today.", "John Smith", "PERSON", "NEXT"),
    ("country_opening_name", "He went to the US last year.", "US", "GPE", "NEXT"),
    ("ambiguous_country_place", "She lives in Atlanta, Georgia, with her family.", "Georgia", "GPE", "Place"),
    ("ambiguous_country_place", "She lives in Tbilisi, the capital of Georgia.", "Georgia", "GPE", "NEXT"),
    ("demonym", "The Briton won the race.", "Briton", "PERSON", "NORP"),
    ("demonym", "The Briton won the race.", "Briton", "ORG", "NEXT"),
    ("country", "Kenya grew fast.", "Kenya", "GPE", "Country"),
    ("country", "Jordan scored twice.", "Jordan", "PERSON", "NEXT"),
    ("place_agency", "L.A. County Public Health said so.", "L.A. County Public Health", "ORG", "Agency"),
    ("place_agency", "Kenya grew fast.", "Kenya", "GPE", "NEXT"),
    ("region", "Alameda County reported cases.", "Alameda County", "ORG", "Place"),
    ("region", "Acme reported cases.", "Acme", "ORG", "NEXT"),
    ("water", "Freight from the Oregon Gulf to Osaka rose.", "Oregon Gulf", "ORG", "Place"),
    ("water", "Gulf Canada Resources said so.", "Gulf Canada Resources", "ORG", "NEXT"),
    ("place_with_company_ending", "Shares of Acme Holdings fell.", "Acme Holdings", "GPE", "Organization"),
    ("place_with_company_ending", "Protests in the West Bank grew.", "West Bank", "GPE", "NEXT"),
    ("place_with_company_ending", "He joined the Kenya-Peru Business Forum.", "Kenya-Peru Business Forum", "GPE", "Organization"),
    ("place", "Protests in the West Bank grew.", "West Bank", "LOC", "Place"),
    ("place", "Acme reported cases.", "Acme", "ORG", "NEXT"),
    ("facility", "Gas from the Kollsnes plant stopped.", "Kollsnes", "ORG", "Place"),
    ("facility", "Acme reported cases.", "Acme", "ORG", "NEXT"),
    ("unknown_place", "Tankers loaded at the port of Quelomba on Monday.", "Quelomba", "ORG", "Place"),
    ("unknown_place", "Bauxite reached the smelter at Tarrabel, 30 miles west of the capital.", "Tarrabel", "PERSON", "Place"),
    ("unknown_place", "The port of Quelomba Shipping Company said so.", "Quelomba Shipping Company", "ORG", "NEXT"),
    ("unknown_place", "Brokers in the Sri Lankan capital Quelomba said so.", "Quelomba", "ORG", "Place"),
    ("unknown_place", "Oil flows to the Pacific coast of Quelomba.", "Quelomba", "ORG", "Place"),
    ("unknown_place", "The firm raised venture capital Quelomba said.", "Quelomba", "ORG", "NEXT"),
    ("person_after_portfolio", "Reporters quoted the Minister of Mines and Energy Boubacar Traore.", "Energy Boubacar Traore", "ORG", "Person"),
    ("person_after_portfolio", "The Ministry of Mines and Energy Planning Board met.", "Energy Planning Board", "ORG", "NEXT"),
    ("city_in_context", "Traders in Aba said prices rose.", "Aba", "PERSON", "Place"),
    ("city_in_context", "Aba said prices rose.", "Aba", "PERSON", "NEXT"),
    ("city_in_context", "The oil goes to Mombasa refineries.", "Mombasa", "ORG", "Place"),
    ("city_in_context", "The Nairobi government said so.", "Nairobi", "ORG", "Place"),
    ("titled_organization", "John Mbadi, the state commissioner, spoke.", "John Mbadi", "ORG", "Person"),
    ("titled_organization", "Acme reported cases.", "Acme", "ORG", "NEXT"),
    ("organization", "The Ministry of Health said so.", "Ministry of Health", "ORG", "Agency"),
    ("organization", "Then Li Ming spoke.", "Li Ming", "PERSON", "NEXT"),
    ("person_described_as_company", "Gassco, the state-owned operator of the pipes, said so.", "Gassco", "PERSON", "Organization"),
    ("person_described_as_company", "Then Li Ming spoke.", "Li Ming", "PERSON", "NEXT"),
    ("person_named_like_body", "Then Acme University said so.", "Acme University", "PERSON", "Organization"),
    ("person_named_like_body", "Then Li Ming spoke.", "Li Ming", "PERSON", "NEXT"),
    ("person", "Then Li Ming spoke.", "Li Ming", "PERSON", "Person"),
    ("person", "Acme reported cases.", "Acme", "ORG", "NEXT"),
    ("event", "He ran in the Boston Marathon.", "Boston Marathon", "EVENT", "Event"),
    ("event", "Acme reported cases.", "Acme", "ORG", "NEXT"),
    ("product_name", "She bought an iPhone yesterday.", "iPhone", "PRODUCT", "Other"),
    ("product_name", "Acme reported cases.", "Acme", "ORG", "NEXT"),
    ("publication", "The decree appeared in the Official Gazette today.", "Gazette", "PERSON", "Organization"),
    ("publication", "Acme reported cases.", "Acme", "PERSON", "NEXT"),
]


_RULES = {rule.__name__: rule for rule in (*R.KEPT_RULES, *R.RULES)}


def _span(doc: Doc, words: str, label: str) -> Span:
    start = doc.text.index(words)
    span = doc.char_span(start, start + len(words), label=label)
    assert span is not None, words
    return span


def _said(verdict) -> str | None:
    if verdict is NEXT:
        return "NEXT"
    return None if verdict is None else verdict.label_


@pytest.mark.parametrize(("rule", "text", "words", "label", "expected"), CASES,
                         ids=[f"{c[0]}-{c[4]}" for c in CASES])
def test_rule_alone(parser, rule, text, words, label, expected) -> None:
    assert _said(_RULES[rule](_span(parser(text), words, label))) == expected


def test_every_rule_is_tested_both_ways() -> None:
    named = {rule.__name__ for rule in (*R.KEPT_RULES, *R.RULES)}
    deciding = {c[0] for c in CASES if c[4] != "NEXT"} | {"country_opening_name", "writer_of_outlet"}
    passing = {c[0] for c in CASES if c[4] == "NEXT"} | {"writer_of_outlet"}
    assert named == deciding == passing


def test_a_country_name_opening_a_longer_name_is_no_entity() -> None:
    # "the US Open champion": the model leaves "Open" outside every entity.
    words = ["He", "is", "the", "US", "Open", "champion", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["PRON", "AUX", "DET", "PROPN", "PROPN", "NOUN", "PUNCT"],
              deps=["nsubj", "ROOT", "det", "compound", "compound", "attr", "punct"],
              heads=[1, 1, 5, 5, 5, 1, 1], ents=["O", "O", "O", "B-GPE", "O", "O", "O"])
    assert country_opening_name(Span(doc, 3, 4, label="GPE")) is None
    assert country_opening_name(Span(doc, 3, 4, label="LOC")) is NEXT


def test_the_writer_named_after_an_outlet_is_the_entity(parser) -> None:
    doc = parser("As Vox's Julia Belluz wrote, it spread.")
    verdict = writer_of_outlet(_span(doc, "Vox's Julia Belluz", "ORG"))
    assert (verdict.text, verdict.label_) == ("Julia Belluz", "Person")
    assert writer_of_outlet(_span(doc, "Vox's Julia Belluz", "PERSON")) is NEXT


def test_retype_trims_and_takes_the_first_verdict(parser) -> None:
    doc = parser("Officials said the Ministry of Health's staff and spokesperson Li Ming left.")
    assert (R.retype(_span(doc, "the Ministry of Health's", "ORG")).text) == "Ministry of Health"
    person = R.retype(_span(doc, "spokesperson Li Ming", "PERSON"))
    assert (person.text, person.label_) == ("Li Ming", "Person")
    assert R.retype(_span(doc, "Officials", "ORG")) is None  # generic_or_number decides first


def test_a_name_run_into_the_next_ends_before_its_the() -> None:
    words = ["He", "told", "the", "Courier", "the", "Greens", "'", "plan", "failed", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert trim(Span(doc, 2, 7, label="ORG")).text == "Courier"
    words = ["the", "Bank", "of", "the", "West", "grew", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    assert trim(Span(doc, 0, 5, label="ORG")).text == "Bank of the West"


def test_kept_labels_pass_unless_a_kept_rule_decides(parser) -> None:
    doc = parser("Chinese exports rose 5% to Russia.")
    kept = _span(doc, "5%", "PERCENT")
    assert R.retype(kept) is kept
    assert R.retype(_span(doc, "Russia", "NORP")).label_ == "Country"


def test_a_description_after_an_of_phrase_is_no_description_of_the_person() -> None:
    # the parse the model gives "said Paul Weber of the Lisbon Forum, a citizen group": the
    # apposition hangs on the person although it describes the forum
    import spacy
    from spacy.tokens import Doc, Span

    from kg.nlp.cues import described_as_company

    words = ["said", "Paul", "Weber", "of", "the", "Lisbon", "Forum", ",", "a", "citizen", "group", "."]
    heads = [0, 2, 0, 2, 6, 6, 3, 2, 10, 10, 2, 0]
    deps = ["ROOT", "compound", "nsubj", "prep", "det", "compound", "pobj", "punct", "det", "compound", "appos", "punct"]
    pos = ["VERB", "PROPN", "PROPN", "ADP", "DET", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT"]
    lemmas = ["say", "Paul", "Weber", "of", "the", "Lisbon", "Forum", ",", "a", "citizen", "group", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    assert not described_as_company(Span(doc, 1, 3, label="PERSON"))
    # without the "of" phrase the apposition is the name's own description
    words2 = ["said", "Paul", "Weber", ",", "a", "citizen", "group", "."]
    doc2 = Doc(spacy.blank("en").vocab, words=words2, heads=[0, 2, 0, 2, 6, 6, 2, 0],
               deps=["ROOT", "compound", "nsubj", "punct", "det", "compound", "appos", "punct"],
               pos=["VERB", "PROPN", "PROPN", "PUNCT", "DET", "NOUN", "NOUN", "PUNCT"],
               lemmas=["say", "Paul", "Weber", ",", "a", "citizen", "group", "."])
    assert described_as_company(Span(doc2, 1, 3, label="PERSON"))


def test_a_list_figure_run_into_a_country_name_is_trimmed(nlp) -> None:
    from kg.nlp.spans import trim

    doc = nlp.make_doc("Angola 4,800 (12,100), Malta 500 (700), Apollo 11")
    assert trim(doc[0:2]).text == "Angola"
    assert trim(doc[6:8]).text == "Malta"
    assert trim(doc[12:14]).text == "Apollo 11"


def test_a_name_cut_after_a_linking_word_runs_on_to_its_end(parser) -> None:
    doc = parser("The state firm Aceros del\nPeru lost money.")
    cut = _span(doc, "Aceros del", "ORG")
    assert R.through_linking_word(cut).text.split() == ["Aceros", "del", "Peru"]
    whole = _span(doc, "Aceros", "ORG")
    assert R.through_linking_word(whole) == whole


def test_a_description_run_into_a_name_is_trimmed(parser) -> None:
    doc = parser("Exports rose, the semi-official Kenya News Agency and the private Tea Traders Guild said.")
    assert trim(_span(doc, "the semi-official Kenya News Agency", "ORG")).text == "Kenya News Agency"
    assert trim(_span(doc, "the private Tea Traders Guild", "ORG")).text == "Tea Traders Guild"
    doc2 = parser("He admired de Gaulle.")
    assert trim(_span(doc2, "de Gaulle", "PERSON")).text == "de Gaulle"


def test_a_prefixed_modifier_run_into_a_name_is_trimmed(parser) -> None:
    doc = parser("Oil from non-OPEC Norway and ex-Soviet Georgia rose.")
    assert trim(_span(doc, "non-OPEC Norway", "GPE")).text == "Norway"
    assert trim(_span(doc, "ex-Soviet Georgia", "GPE")).text == "Georgia"
    doc2 = parser("The Anti-Doping Agency said so.")  # a prefix of the name's own word stays
    assert trim(_span(doc2, "Anti-Doping Agency", "ORG")).text == "Anti-Doping Agency"


def test_a_publication_read_as_a_person_takes_the_words_before_its_head(parser) -> None:
    doc = parser("The decree appeared in the Official Gazette today.")
    verdict = publication(_span(doc, "Gazette", "PERSON"))
    assert verdict.text == "Official Gazette"


def _read_once(span: Span) -> Span:
    return R._ReadOnce(span.doc, span.start, span.end, label=span.label, kb_id=span.kb_id, span_id=span.id)


@pytest.mark.parametrize(("rule", "text", "words", "label", "expected"), CASES,
                         ids=[f"{c[0]}-{c[4]}" for c in CASES])
def test_each_rule_answers_the_span_read_once_as_the_plain_span(parser, rule, text, words, label, expected) -> None:
    span = _span(parser(text), words, label)
    assert _said(_RULES[rule](_read_once(span))) == _said(_RULES[rule](span)) == expected


def test_the_span_read_once_has_the_plain_spans_text_and_words() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["The", "Wool", "Board", "of", "Ruritania", "met", "."],
              spaces=[True, True, True, True, False, False, False])
    plain, read = Span(doc, 1, 5, label="ORG"), _read_once(Span(doc, 1, 5, label="ORG"))
    assert read == plain and hash(read) == hash(plain) and read.label_ == "ORG"
    assert read.text == plain.text == "Wool Board of Ruritania" and read.text is read.text
    assert [t.i for t in read] == [t.i for t in plain] and read[-1].i == 4 and read[0] is read[0]
    assert type(read[1:3]) is Span and read[1:3].text == "Board of"
    with pytest.raises(IndexError):
        read[4]


def test_a_rule_answering_with_its_span_gives_the_plain_span_back() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["Tin", "Council", "met"])
    plain = Span(doc, 0, 2, label="ORG")
    verdict = R._first_verdict((lambda span: span,), plain, fallback=plain)
    assert verdict is plain
    assert R._first_verdict((lambda span: R.NEXT,), plain, fallback=plain) is plain
