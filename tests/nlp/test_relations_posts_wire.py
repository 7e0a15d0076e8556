"""Posts of officials as newswire writes them: a title over a named unit, a title ending a
line before the name, a capitalised title with its "of"/"for" phrase, the only country a
story names, and party legislators (sentences written for these tests)."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import posts, speech

HOLDS = Predicate.HOLDS_POST


def _posts(facts):
    return sorted((f.subject, f.object, f.role) for f in only(facts, HOLDS))


def test_apposition_hung_on_the_unit_of_the_title(parser) -> None:
    text = "The Chilean minister at the Presidency, Jorge Paredes, told reporters that talks would resume."
    table = {"Jorge Paredes": ("paredes", T.PERSON), "Chilean": ("chile", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("paredes", "chile", "minister at the Presidency")]


def test_the_named_person_of_such_an_apposition_speaks(parser) -> None:
    text = "The Chilean minister at the Presidency, Jorge Paredes, told reporters that talks would resume."
    table = {"Jorge Paredes": ("paredes", T.PERSON), "Chilean": ("chile", T.COUNTRY)}
    facts = facts_of(parser, text, table, module=speech)
    assert [(f.subject, f.quote) for f in only(facts, Predicate.SAID)] == [("paredes", "talks would resume")]


def test_title_ending_the_line_before_the_name(parser) -> None:
    text = "Peru's deputy mines minister\nJorge Paredes Soto arrived in Lima on Monday for talks."
    table = {"Jorge Paredes Soto": ("paredes", T.PERSON), "Peru": ("peru", T.COUNTRY), "Lima": ("lima", T.PLACE)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("paredes", "peru", "deputy mines minister")]


def test_capitalised_title_with_its_field_before_the_name(parser) -> None:
    text = "Kenya's tea export quota was raised, Minister of State for Agriculture K.L. Otieno said."
    table = {"K.L. Otieno": ("otieno", T.PERSON), "Kenya": ("kenya", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [
        ("otieno", "kenya", "Minister of State for Agriculture")]


def test_capitalised_title_of_a_named_association(parser) -> None:
    text = "Quotas were unacceptable, President of the Lima Cotton Exporters Association Jorge Paredes said."
    table = {"Jorge Paredes": ("paredes", T.PERSON),
             "Lima Cotton Exporters Association": ("lcea", T.ORGANIZATION)}  # fmt: skip
    assert _posts(facts_of(parser, text, table, module=posts)) == [("paredes", "lcea", "President")]


def test_cabinet_title_in_a_story_naming_one_country(parser) -> None:
    text = ("Output is expected to grow four pct, Finance Minister Ali Rahman told reporters. "
            "Officials said Bangladesh must import grain.")  # fmt: skip
    table = {"Ali Rahman": ("rahman", T.PERSON), "Bangladesh": ("bd", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("rahman", "bd", "Finance Minister")]


def test_cabinet_title_in_a_story_naming_two_countries_gets_none(parser) -> None:
    text = ("Output is expected to grow four pct, Finance Minister Ali Rahman told reporters. "
            "Officials said Bangladesh must import grain from India.")  # fmt: skip
    table = {"Ali Rahman": ("rahman", T.PERSON), "Bangladesh": ("bd", T.COUNTRY), "India": ("in", T.COUNTRY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == []


def test_a_party_is_no_body_of_a_legislator(parser) -> None:
    text = "In the Commons, Liberal member Jane Doe branded the ruling a mistake."
    table = {"Jane Doe": ("doe", T.PERSON), "Liberal": ("liberal", T.ORGANIZATION)}
    assert _posts(facts_of(parser, text, table, module=posts)) == []


def test_the_holder_of_a_title_in_the_phrase_does_not_speak_for_the_spokesman(parser) -> None:
    text = "A spokesman for the governor, Ohio Governor John Kasich, said no deal had been made."
    table = {"John Kasich": ("kasich", T.PERSON)}
    facts = facts_of(parser, text, table, module=speech)
    assert [f.subject for f in only(facts, Predicate.SAID)] == []


def test_a_negated_or_declined_saying_is_no_statement(parser) -> None:
    table = {"Ali Rahman": ("rahman", T.PERSON)}
    for text in ("Ali Rahman did not explain why there might be a shortage in May.",
                 "Ali Rahman would not say whether the quota would be cut.",
                 "Ali Rahman declined to say how much sugar had been sold."):
        assert only(facts_of(parser, text, table, module=speech), Predicate.SAID) == [], text
    said = only(facts_of(parser, "Ali Rahman said there was no shortage.", table, module=speech), Predicate.SAID)
    assert [f.quote for f in said] == ["there was no shortage"]


def test_he_who_reports_is_not_the_person_the_statement_names(parser) -> None:
    text = ("President Jaime Ortiz spoke in Lima. A team headed by Mines Minister Luis Vega will "
            "travel to Quito on Tuesday, he said.")  # fmt: skip
    table = {"Jaime Ortiz": ("ortiz", T.OFFICIAL), "Luis Vega": ("vega", T.OFFICIAL),
             "he": ("vega", T.OFFICIAL)}  # fmt: skip
    said = only(facts_of(parser, text, table, module=speech), Predicate.SAID)
    assert [f.subject for f in said] == ["ortiz"]


def test_a_bracketed_he_said_may_be_the_person_named_before_it(parser) -> None:
    text = "Mr Lamont may stay on (he once said there are two kinds of minister)."
    table = {"Mr Lamont": ("lamont", T.OFFICIAL), "he": ("lamont", T.OFFICIAL)}
    said = only(facts_of(parser, text, table, module=speech), Predicate.SAID)
    assert {f.subject for f in said} <= {"lamont"}


def test_capitalised_title_over_a_possessed_body_with_its_short_name(parser) -> None:
    # the bracket closing the short name makes the parser open a sentence at the name
    text = "Peru has sold 40,000 tonnes of sugar to Chile, the Director General of Peru's Sugar Marketing Board (SMB) Carlos Ruiz said."
    table = {"Carlos Ruiz": ("ruiz", T.PERSON), "Peru": ("peru", T.COUNTRY), "Chile": ("chile", T.COUNTRY),
             "Sugar Marketing Board": ("smb", T.AGENCY), "SMB": ("smb", T.AGENCY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("ruiz", "smb", "Director General")]


def test_a_name_after_a_sentence_end_takes_no_title_from_before_it(parser) -> None:
    text = "Peru sold sugar to the Sugar Marketing Board (SMB). Carlos Ruiz said prices rose."
    table = {"Carlos Ruiz": ("ruiz", T.PERSON), "Peru": ("peru", T.COUNTRY), "Sugar Marketing Board": ("smb", T.AGENCY)}
    assert _posts(facts_of(parser, text, table, module=posts)) == []
