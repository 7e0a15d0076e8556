"""National offices written with no country, read from the story (kg.nlp.relations.national):
a group a title leads, the other side of a meeting, a monarch in a story about one country
(sentences written for these tests)."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import posts


def _posts(facts):
    return sorted((f.subject, f.object, f.role) for f in only(facts, Predicate.HOLDS_POST))


_LED = ("Kenya is meeting officials of Britain's export agency. Kenya owes Britain money. If the talks "
        "succeed, the Kenyan delegation, led by Finance Minister Joseph Mwangi, will hold similar talks "
        "with Italian export credit officials in Rome, the sources said.")


def test_title_leading_a_group_of_a_named_country(parser) -> None:
    table = {"Kenya": ("kenya", T.COUNTRY), "Britain": ("uk", T.COUNTRY), "Kenyan": ("kenya", T.COUNTRY),
             "Italian": ("italy", T.COUNTRY), "Rome": ("rome", T.PLACE), "Joseph Mwangi": ("mwangi", T.PERSON)}
    assert _posts(facts_of(parser, _LED, table, module=posts)) == [("mwangi", "kenya", "Finance Minister")]


def test_title_not_leading_the_group_takes_no_country_from_it(parser) -> None:
    text = _LED.replace("led by", "praised by")
    table = {"Kenya": ("kenya", T.COUNTRY), "Britain": ("uk", T.COUNTRY), "Kenyan": ("kenya", T.COUNTRY),
             "Italian": ("italy", T.COUNTRY), "Rome": ("rome", T.PLACE), "Joseph Mwangi": ("mwangi", T.PERSON)}
    # two demonyms in the sentence and no group led: no office is guessed
    assert _posts(facts_of(parser, text, table, module=posts)) == []


_VISIT = ("King Hamad of Oman begins a visit to Britain. Britain sells arms to Oman. British officials said "
          "Britain would sell more. The Omani leader will hold talks with Prime Minister John Hardy.")


def test_office_met_by_another_countrys_leader_is_the_hosts(parser) -> None:
    table = {"Oman": ("oman", T.COUNTRY), "Britain": ("uk", T.COUNTRY), "British": ("uk", T.COUNTRY),
             "Omani": ("oman", T.COUNTRY), "Hamad": ("hamad", T.PERSON), "John Hardy": ("hardy", T.PERSON)}
    assert ("hardy", "uk", "Prime Minister") in _posts(facts_of(parser, _VISIT, table, module=posts))


def test_office_not_met_is_not_given_to_the_host(parser) -> None:
    text = _VISIT.replace("will hold talks with Prime Minister John Hardy", "praised Prime Minister John Hardy")
    table = {"Oman": ("oman", T.COUNTRY), "Britain": ("uk", T.COUNTRY), "British": ("uk", T.COUNTRY),
             "Omani": ("oman", T.COUNTRY), "Hamad": ("hamad", T.PERSON), "John Hardy": ("hardy", T.PERSON)}
    assert ("hardy", "uk", "Prime Minister") not in _posts(facts_of(parser, text, table, module=posts))


def test_monarch_with_no_country_reigns_in_the_storys_country(parser) -> None:
    text = ("Oman will keep its oil output steady. Oman exported 500,000 barrels a day in March. "
            "King Hamad reiterated yesterday Oman's commitment to the pact. Oman sells oil to the U.S.")
    table = {"Oman": ("oman", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Hamad": ("hamad", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("hamad", "oman", "King")]


def test_monarch_named_with_another_country_keeps_it(parser) -> None:
    text = ("Iraq raised oil exports. Iraq sells oil to its neighbours. Iraq met its buyers. "
            "King Hussein of Jordan arrived in Baghdad. Iraq welcomed King Hussein.")
    table = {"Iraq": ("iraq", T.COUNTRY), "Jordan": ("jordan", T.COUNTRY), "Baghdad": ("baghdad", T.PLACE),
             "Hussein": ("hussein", T.PERSON)}
    assert ("hussein", "iraq", "King") not in _posts(facts_of(parser, text, table, module=posts))


def test_another_countrys_official_met_beside_the_office_names_no_host(parser) -> None:
    # the demonym is on one of those met, not on the one meeting
    text = ("Kenya will buy more wheat from France. France sells wheat to Kenya. France lent Kenya money. "
            "Trade Minister Paul Otieno, who leaves for Paris on Monday, met President Jean Roux and Kenyan "
            "ambassador to Paris Joseph Mwangi to discuss the loan.")
    table = {"Kenya": ("kenya", T.COUNTRY), "France": ("france", T.COUNTRY), "Kenyan": ("kenya", T.COUNTRY),
             "Paris": ("paris", T.PLACE), "Paul Otieno": ("otieno", T.PERSON), "Jean Roux": ("roux", T.PERSON),
             "Joseph Mwangi": ("mwangi", T.PERSON)}
    assert ("roux", "france", "President") not in _posts(facts_of(parser, text, table, module=posts))
