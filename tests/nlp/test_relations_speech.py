from __future__ import annotations

import pytest

from relations_tables import T, facts_of, only, table_for

from kg.model import Article, Entity, Predicate
from kg.nlp.rules import RelationRules
from kg.nlp.relations import speech
from kg.nlp.relations.base import Context

SAID = Predicate.SAID


def test_speaker_said_that(parser) -> None:
    text = "Zhang Qi said at a news conference that the department will enhance supervision."
    facts = facts_of(parser, text, {"Zhang Qi": ("zhang", T.OFFICIAL)}, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [
        ("zhang", "the department will enhance supervision")
    ]
    fact = facts[0]
    assert (fact.start, fact.end) == (0, len(text))  # the statement's sentence
    assert fact.sentence == text
    assert fact.extractor == "speech-verb"


def test_pronoun_speaker_comes_from_the_table(parser) -> None:
    text = "Zhang Qi spoke first. Violations would be severely dealt with, she said."
    facts = facts_of(parser, text, {"Zhang Qi": ("zhang", T.OFFICIAL), "she": ("zhang", T.OFFICIAL)},
                     module=speech)  # fmt: skip
    assert [(f.subject, f.quote) for f in facts] == [
        ("zhang", "Violations would be severely dealt with")
    ]


def test_according_to_and_description_speakers(parser) -> None:
    text = ("According to the ministry, 54 countries have signed contracts. "
            "The Ministry of Commerce said China will not restrict exports.")  # fmt: skip
    table = {"Ministry of Commerce": ("mofcom", T.AGENCY), "ministry": ("mofcom", T.AGENCY),
             "China": ("china", T.COUNTRY)}  # fmt: skip
    facts = facts_of(parser, text, table, module=speech)
    assert sorted((f.extractor, f.quote) for f in facts) == [
        ("according-to", "54 countries have signed contracts"),
        ("speech-verb", "China will not restrict exports"),
    ]
    assert {f.subject for f in facts} == {"mofcom"}


def test_unknown_speakers_and_countries_say_nothing(parser) -> None:
    text = "A government official said on Sunday that supplies will rise. China said it was ready."
    assert facts_of(parser, text, {"China": ("china", T.COUNTRY)}, module=speech) == []


def test_quotation_over_two_sentences_gives_one_fact_per_sentence(parser) -> None:
    text = '"We are ready. We will ship masks next week," Li Ming said.'
    facts = facts_of(parser, text, {"Li Ming": ("li", T.PERSON)}, module=speech)
    assert sorted(f.quote for f in facts) == ["We are ready", "We will ship masks next week"]
    assert {f.subject for f in facts} == {"li"}
    assert len({f.start for f in facts}) == 2


def test_quotation_continued_after_the_attribution(parser) -> None:
    text = '"We are in great shape," Trump said. "We will see what happens."\n\nOthers disagreed.'
    facts = facts_of(parser, text, {"Trump": ("trump", T.OFFICIAL)}, module=speech)
    assert sorted(f.quote for f in facts) == ["We are in great shape", "We will see what happens"]


def test_date_of_the_saying_not_of_the_content(parser) -> None:
    text = "Gao Feng said on Thursday that exports will rise next week."
    facts = facts_of(parser, text, {"Gao Feng": ("gao", T.OFFICIAL)}, published="2020-04-06",
                     module=speech)  # fmt: skip
    assert [f.date for f in facts] == ["2020-04-02"]


def test_extract_facts_includes_said(parser) -> None:
    text = "Jiang Fan said those reports did not reflect the truth."
    facts = only(facts_of(parser, text, {"Jiang Fan": ("jiang", T.OFFICIAL)}), SAID)
    assert [f.quote for f in facts] == ["those reports did not reflect the truth"]


def test_clause_parsed_as_an_object_is_what_was_said(parser) -> None:
    text = "Zhao said the U.S. decision to stop contributing to the WHO was a violation of its obligations."
    table = {"Zhao": ("zhao", T.PERSON), "U.S.": ("us", T.COUNTRY), "WHO": ("who", T.ORGANIZATION)}
    facts = only(facts_of(parser, text, table, module=speech), Predicate.SAID)
    assert [f.subject for f in facts] == ["zhao"]
    assert "was a violation" in facts[0].quote


def test_reporters_told_are_no_statement(parser) -> None:
    text = "Zhao told reporters in Beijing."
    assert facts_of(parser, text, {"Zhao": ("zhao", T.PERSON)}, module=speech) == []


def test_unattributed_quotation_after_an_attributed_one_keeps_the_speaker(parser) -> None:
    text = ("\u201cThis does not mean output is back,\u201d said Julian Evans, an economist. "
            "\u201cInstead, it simply suggests that activity improved.\u201d\n\n"
            "\u201cA new paragraph quotes someone else,\u201d said Mary Lu.")  # fmt: skip
    table = {"Julian Evans": ("evans", T.PERSON), "Mary Lu": ("lu", T.PERSON)}
    facts = only(facts_of(parser, text, table, module=speech), Predicate.SAID)
    said = sorted((f.subject, f.sentence[:12]) for f in facts)
    assert ("evans", "\u201cInstead, it") in said
    assert not any(s == "evans" and q.startswith("\u201cA new") for s, q in said)


def test_quotation_paragraph_after_an_attributed_quotation(parser) -> None:
    text = ("\u201cWe are ready,\u201d said Mary Lu, the director.\n\n"
            "\u201cThe plan is working and cases are falling.\u201d\n\n"
            "Prices rose again in March.")  # fmt: skip
    facts = only(facts_of(parser, text, {"Mary Lu": ("lu", T.PERSON)}, module=speech), Predicate.SAID)
    assert sorted(f.sentence[:7] for f in facts) == ["\u201cThe pl", "\u201cWe are"]


def _said(facts):
    return [(f.subject, f.quote) for f in only(facts, SAID)]


def test_title_speaker_is_the_last_holder_of_that_title(parser) -> None:
    text = 'Gov. Rosa Vell toured Fresno. "Help is coming," the governor said.'
    facts = facts_of(parser, text, {"Rosa Vell": ("vell", T.OFFICIAL), "Fresno": ("fresno", T.PLACE)},
                     module=speech)  # fmt: skip
    assert _said(facts) == [("vell", "Help is coming")]


def test_title_without_a_named_holder_is_no_speaker(parser) -> None:
    text = 'Rosa Vell toured Fresno. "Help is coming," the governor said.'
    facts = facts_of(parser, text, {"Rosa Vell": ("vell", T.PERSON)}, module=speech)
    assert _said(facts) == []


def test_pronoun_given_a_place_falls_back_to_the_last_person(parser) -> None:
    text = "Ana Ruiz visited Quito. She said the clinics were full."
    table = {"Ana Ruiz": ("ruiz", T.PERSON), "Quito": ("quito", T.PLACE), "She": ("quito", T.PLACE)}
    assert _said(facts_of(parser, text, table, module=speech)) == [("ruiz", "the clinics were full")]


def test_pronoun_with_no_person_before_it_is_no_speaker(parser) -> None:
    text = "Quito reopened. She said the clinics were full."
    table = {"Quito": ("quito", T.PLACE), "She": ("quito", T.PLACE)}
    assert _said(facts_of(parser, text, table, module=speech)) == []


def test_wrote_in_a_statement_that(parser) -> None:
    text = "Ana Ruiz wrote in a statement that the clinics were full."
    facts = facts_of(parser, text, {"Ana Ruiz": ("ruiz", T.PERSON)}, module=speech)
    assert _said(facts) == [("ruiz", "the clinics were full")]


def test_participle_of_another_speech_verb_is_cut_from_the_quote(parser) -> None:
    text = "Ana Ruiz said the clinics were full, adding that nurses were tired."
    facts = facts_of(parser, text, {"Ana Ruiz": ("ruiz", T.PERSON)}, module=speech)
    assert _said(facts) == [("ruiz", "the clinics were full")]


def test_present_tense_inverted_after_the_quote(parser) -> None:
    text = '"The clinics are full," says Ana Ruiz.'
    facts = facts_of(parser, text, {"Ana Ruiz": ("ruiz", T.PERSON)}, module=speech)
    assert _said(facts) == [("ruiz", "The clinics are full")]


def test_quotation_in_garbled_quote_marks(nlp) -> None:
    text = ("Sales fell.\n\u201a\u00c4\u00faWe have never faced a fight like this,\u201a\u00c4\u00f9 "
            "said Mr. Lee. \u201a\u00c4\u00faIt will be hard.\u201a\u00c4\u00f9")  # fmt: skip
    facts = facts_of(nlp, text, {"Lee": ("lee", T.OFFICIAL)}, module=speech)
    assert sorted((f.subject, f.quote) for f in facts) == [
        ("lee", "It will be hard"), ("lee", "We have never faced a fight like this")
    ]


def test_name_outside_every_mention_is_a_known_person(parser) -> None:
    text = "Dr. Anil Pillay spoke first. Pillay said that eight million people have the virus."
    doc = parser(text)
    table = table_for(doc, {"Dr. Anil Pillay": ("pillay", T.OFFICIAL)})
    table.entities["pillay"] = Entity(key="pillay", type=T.OFFICIAL, label="Anil Pillay",
                                      names=("Dr. Anil Pillay", "Pillay"))  # fmt: skip
    facts = speech.extract(Context(doc, Article(id="t", text=text), table, rules=RelationRules(doc.vocab)))
    assert [(f.subject, f.quote) for f in facts] == [("pillay", "eight million people have the virus")]


def test_unknown_name_is_no_speaker(parser) -> None:
    text = "Dr. Anil Pillay spoke first. Naidoo said that eight million people have the virus."
    assert facts_of(parser, text, {"Dr. Anil Pillay": ("pillay", T.OFFICIAL)}, module=speech) == []


def test_according_to_the_figures_of_a_body(parser) -> None:
    text = ("They have screened six million people, according to the latest figures from the "
            "Department of Health.")  # fmt: skip
    facts = facts_of(parser, text, {"Department of Health": ("doh", T.AGENCY)}, module=speech)
    assert [(f.subject, f.extractor) for f in facts] == [("doh", "according-to")]
    assert facts[0].quote == "They have screened six million people"


def test_an_estimate_of_a_figure_is_a_statement(parser) -> None:
    text = "Last week the broker Kopp Trading estimated Kenyan tea output at 400,000 tonnes."
    facts = facts_of(parser, text, {"Kopp Trading": ("kopp", T.ORGANIZATION)}, module=speech)
    assert [f.subject for f in facts] == ["kopp"]
    assert "tea output at 400,000 tonnes" in facts[0].quote


def test_according_to_figures_the_body_names_before_them(parser) -> None:
    text = "Tea exports rose to 5,000 tonnes, according to central bank figures."
    facts = facts_of(parser, text, {"central bank": ("cb", T.AGENCY)}, module=speech)
    assert [(f.subject, f.extractor) for f in facts] == [("cb", "according-to")]
    assert facts[0].quote == "Tea exports rose to 5,000 tonnes"


def test_a_title_phrase_between_the_comma_and_the_closing_speaker(parser) -> None:
    text = ("Tea exports rose to 2,000 tonnes, still well below the quota of 3,000 tonnes, "
            "Minister of State for Agriculture K.L. Wambua said.")  # fmt: skip
    facts = facts_of(parser, text, {"Wambua": ("wambua", T.PERSON)}, module=speech)
    assert [f.subject for f in facts] == ["wambua"]
    assert facts[0].quote.startswith("Tea exports rose to 2,000 tonnes")


def test_the_name_right_after_a_title_subject_speaks(parser) -> None:
    text = '"Trade has fallen," Foreign Ministry spokesman Per Paust told Reuters.'
    facts = facts_of(parser, text, {"Per Paust": ("paust", T.PERSON)}, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [("paust", "Trade has fallen")]


def test_according_to_a_news_agency_tally_is_no_statement_it_relays(parser) -> None:
    text = "Some 300 people have died, according to a Kopp News tally."
    assert facts_of(parser, text, {"Kopp News": ("kopp", T.ORGANIZATION)}, module=speech) == []


def test_according_to_a_report_about_a_body_is_no_statement_of_it(parser) -> None:
    text = "Sales fell, according to a report on the Department of Health."
    assert facts_of(parser, text, {"Department of Health": ("doh", T.AGENCY)}, module=speech) == []


def test_surname_alone_outside_every_mention_is_the_one_person_of_that_name(parser) -> None:
    text = "Rich Studley spoke first. Studley said the next weeks will be critical."
    table = {"Rich Studley": ("studley", T.PERSON)}
    assert [f.subject for f in facts_of(parser, text, table, module=speech)] == ["studley"]
    two = {"Rich Studley": ("rich", T.PERSON), "Ann Studley": ("ann", T.PERSON)}
    text = "Rich Studley and Ann Studley spoke. Studley said the next weeks will be critical."
    assert facts_of(parser, text, two, module=speech) == []


def test_hinted_reports_a_statement(parser) -> None:
    facts = facts_of(parser, "Lee hinted on Tuesday that schools could close.", {"Lee": ("lee", T.PERSON)},
                     module=speech)  # fmt: skip
    assert [(f.quote, f.extractor) for f in facts] == [("schools could close", "speech-verb-weak")]


def test_closing_attribution_parsed_as_a_relative_clause(parser) -> None:
    text = ("Sales of gas abroad were worth 1.1 trillion Norwegian crowns, "
            "the Stavanger-based directorate said in its annual report.")  # fmt: skip
    facts = facts_of(parser, text, {"directorate": ("nod", T.AGENCY)}, module=speech)
    assert [(f.subject, f.quote) for f in only(facts, SAID)] == [
        ("nod", "Sales of gas abroad were worth 1.1 trillion Norwegian crowns")
    ]


def test_a_real_relative_clause_with_said_is_no_statement(parser) -> None:
    text = "Officials visited the factory that the company said would close."
    facts = facts_of(parser, text, {"company": ("acme", T.ORGANIZATION)}, module=speech)
    assert [f.quote for f in only(facts, SAID)] != ["Officials visited the factory"]


def test_the_person_of_a_with_phrase_before_saying_says_it(parser) -> None:
    text = "China hit back on Tuesday with its foreign ministry spokesman, Zhao Lijian, saying the letter was slanderous."
    facts = facts_of(parser, text, {"China": ("cn", T.COUNTRY), "Zhao Lijian": ("zhao", T.OFFICIAL)}, module=speech)
    assert [(f.subject, f.quote) for f in only(facts, SAID)] == [("zhao", "the letter was slanderous")]


def test_he_said_is_no_woman_named_before(parser) -> None:
    # "he" with no man named before it: the speaker is unknown, not "Ms Berg"
    text = "Ms Anna Berg said the law was tough. A spokesman for the firm disagreed. He said it was unfair."
    doc = parser(text)
    table = table_for(doc, {"Anna Berg": ("berg", T.OFFICIAL)})
    table.pronouns["berg"] = "she"
    facts = speech.extract(Context(doc, Article(id="t", text=text), table, rules=RelationRules(doc.vocab)))
    assert [(f.subject, f.quote) for f in facts] == [("berg", "the law was tough")]


@pytest.mark.parametrize(("text", "quote"), [
    ("Our plan is not perfect, but as Ann Berg points out it is better than the others.",
     "it is better than the others"),
    ("Within hours of the talks, Ann Berg told the nation she was resigning and the Queen invited Tom "
     "Brook to form a new government.", "she was resigning"),
    ("Ann Berg has always maintained Tom Brook would have a central role.",
     "Tom Brook would have a central role"),
    ("On Monday Ann Berg told the advisory panel that there was no need for the drug.",
     "there was no need for the drug"),
])  # fmt: skip
def test_a_statement_has_no_particle_conjunction_or_lost_subject_at_its_edges(parser, text: str, quote: str) -> None:
    table = {"Ann Berg": ("berg", T.PERSON), "Tom Brook": ("brook", T.PERSON)}
    facts = facts_of(parser, text, table, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [("berg", quote)]


def test_a_relative_clause_of_saying_is_no_statement(parser) -> None:
    text = "Voters will lose the freedom which Ann Berg constantly tells us we have."
    assert facts_of(parser, text, {"Ann Berg": ("berg", T.PERSON)}, module=speech) == []


@pytest.mark.parametrize("text", [
    "Rice exports will rise next year, a Grain Council spokesman said.",
    "A spokeswoman for the Grain Council said rice exports will rise next year.",
    "Rice exports will rise next year, Grain Council officials told reporters.",
    "An official of the Grain Council said rice exports will rise next year.",
])
def test_an_unnamed_voice_of_a_named_body_speaks_for_the_body(parser, text: str) -> None:
    table = {"Grain Council": ("council", T.AGENCY)}
    facts = facts_of(parser, text, table, module=speech)
    assert [(f.subject, f.quote.lower()) for f in facts] == [("council", "rice exports will rise next year")]


def test_a_voice_of_a_person_or_a_place_is_no_body(parser) -> None:
    text = ("Rice exports will rise, a spokesman for the minister said. "
            "Prices will fall, a Thai official said.")
    table = {"Thai": ("thailand", T.COUNTRY)}
    assert facts_of(parser, text, table, module=speech) == []


def test_the_voice_again_speaks_for_the_body_it_was_named_with(parser) -> None:
    text = ("Rice exports will rise, a spokeswoman for the Grain Council said. "
            "Prices are firm. The spokeswoman said stocks were low.")
    table = {"Grain Council": ("council", T.AGENCY)}
    facts = facts_of(parser, text, table, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [("council", "Rice exports will rise"),
                                                     ("council", "stocks were low")]


def test_quoted_as_saying_is_the_quoted_ones_statement(parser) -> None:
    text = "The Kenya News Agency quoted Trade Minister Joseph Otieno as saying tea exports would rise."
    table = {"Kenya News Agency": ("kna", T.ORGANIZATION), "Joseph Otieno": ("otieno", T.OFFICIAL)}
    facts = facts_of(parser, text, table, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [("otieno", "tea exports would rise")]


def test_she_after_an_unnamed_spokeswoman_speaks_for_her_body(parser) -> None:
    text = ("Tea exports rose 5 pct, a spokeswoman for the Tea Board said. "
            "Prices were firm, she added. Stocks fell, he said.")
    table = {"Tea Board": ("board", T.AGENCY)}
    facts = facts_of(parser, text, table, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [("board", "Tea exports rose 5 pct"), ("board", "Prices were firm")]


def test_told_with_a_listener_keeps_the_object_the_parser_split_from_its_clause(parser) -> None:
    # "told Reuters a study ... showed ...": the listener is the dative; the object and the
    # subjectless clause after it are what was told
    text = "Ortega told Reuters a study during the current harvest, which ends in May, showed the 1987 target would be met."
    facts = facts_of(parser, text, {"Ortega": ("ortega", T.OFFICIAL)}, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [
        ("ortega", "a study during the current harvest, which ends in May, showed the 1987 target would be met")
    ]


def test_told_a_story_and_left_states_nothing(parser) -> None:
    text = "Ortega told Reuters a long story and left the room."
    assert facts_of(parser, text, {"Ortega": ("ortega", T.OFFICIAL)}, module=speech) == []
