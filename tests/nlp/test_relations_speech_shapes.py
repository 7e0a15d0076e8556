"""Less common shapes of reported speech: quotations cut off their attribution, verbs that
report only next to a quotation, "was quoted as saying"."""

from __future__ import annotations

from relations_tables import T, facts_of

from kg.nlp.relations import speech

PEOPLE = {"Lee": ("lee", T.PERSON), "Kim": ("kim", T.PERSON)}


def _said(parser, text):
    return sorted((f.subject, f.quote) for f in facts_of(parser, text, PEOPLE, module=speech))


def test_question_cut_off_its_attribution(parser) -> None:
    text = 'Kim was angry. "How can you be happy when you see your face on the cover?" Lee said.'
    assert _said(parser, text) == [("lee", "How can you be happy when you see your face on the cover?")]


def test_quotation_of_two_units_before_a_bare_attribution(parser) -> None:
    text = '"Will it work? Nobody knows." Lee said.'
    assert _said(parser, text) == [("lee", "Nobody knows"), ("lee", "Will it work?")]


def test_unquoted_sentence_before_a_bare_attribution_is_not_taken(parser) -> None:
    text = 'Kim was angry. "Nobody knows." Some people disagree. Lee said.'
    assert _said(parser, text) == []


def test_detached_quotation_is_no_continuation_of_an_earlier_speaker(parser) -> None:
    text = '"We won," Kim said. "Will it work?" Lee said.'
    assert _said(parser, text) == [("kim", "We won"), ("lee", "Will it work?")]


def test_continued_reports_next_to_a_quotation(parser) -> None:
    text = '"The only thing we lack is signs," Lee continued. "I have my thermometer."'
    assert _said(parser, text) == [("lee", "I have my thermometer"), ("lee", "The only thing we lack is signs")]


def test_continued_in_its_ordinary_sense_reports_nothing(parser) -> None:
    assert _said(parser, 'Lee continued his "crusade" against taxes.') == []
    assert _said(parser, "Lee continued to run the shop.") == []


def test_quoted_as_saying(parser) -> None:
    text = "Lee was quoted as saying that prices will rise."
    assert _said(parser, text) == [("lee", "prices will rise")]


def test_a_that_clause_the_parser_hung_on_a_noun_after_the_verb_is_the_statement(parser) -> None:
    text = "Maria Lopes told reporters on her return from Geneva last week that no quota would be set before talks with growers."
    facts = facts_of(parser, text, {"Maria Lopes": ("lopes", T.PERSON)}, module=speech)
    assert [(f.subject, f.quote) for f in facts] == [("lopes", "no quota would be set before talks with growers")]


def test_a_relative_clause_after_the_verb_is_no_statement(parser) -> None:
    text = "Maria Lopes spoke at the meeting that was held in Geneva."
    assert facts_of(parser, text, {"Maria Lopes": ("lopes", T.PERSON)}, module=speech) == []
