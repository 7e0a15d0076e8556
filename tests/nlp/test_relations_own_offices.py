"""National titles placed by the title itself or by the holder's other mentions
(kg.nlp.relations.own_offices), not by the country a story names most (sentences written
for these tests)."""

from __future__ import annotations

from relations_tables import T, facts_of, only

from kg.model import Predicate
from kg.nlp.relations import posts


def _posts(facts):
    return sorted((f.subject, f.object, f.role) for f in only(facts, Predicate.HOLDS_POST))


# A Washington story naming the country dealt with far more often than the U.S.
_WASHINGTON = ("Peru wants more credits for Peru's copper buyers. Peru owes banks 14 billion dlrs. "
               "Peru and the U.S. will talk. Secretary of State Walter Dunmore met officials of Peru today.")


def test_office_only_one_country_holds_is_that_countrys(parser) -> None:
    table = {"Peru": ("peru", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Walter Dunmore": ("dunmore", T.PERSON)}
    assert _posts(facts_of(parser, _WASHINGTON, table, module=posts)) == [("dunmore", "us", "Secretary of State")]


def test_own_office_of_a_country_never_named_gets_no_post(parser) -> None:
    text = _WASHINGTON.replace("Peru and the U.S. will talk. ", "")
    table = {"Peru": ("peru", T.COUNTRY), "Walter Dunmore": ("dunmore", T.PERSON)}
    # the guess would give him Peru's office: rather none
    assert _posts(facts_of(parser, text, table, module=posts)) == []


def test_shared_title_is_not_placed_by_the_lexicon(parser) -> None:
    text = _WASHINGTON.replace("Secretary of State", "Foreign Secretary")
    table = {"Peru": ("peru", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Walter Dunmore": ("dunmore", T.PERSON)}
    assert ("dunmore", "us", "Foreign Secretary") not in _posts(facts_of(parser, text, table, module=posts))


def test_holder_placed_by_an_earlier_mention_keeps_that_country(parser) -> None:
    text = ("Canadian Energy Minister Paul Brandt said Norway will sell gas to Norway's neighbours. "
            "Norway exports gas. Norway and Denmark agreed. Energy Minister Brandt met Norway's oil firms.")
    table = {"Canadian": ("canada", T.COUNTRY), "Norway": ("norway", T.COUNTRY), "Denmark": ("denmark", T.COUNTRY),
             "Paul Brandt": ("brandt", T.PERSON), "Brandt": ("brandt", T.PERSON)}
    found = _posts(facts_of(parser, text, table, module=posts))
    assert ("brandt", "norway", "Energy Minister") not in found
    assert ("brandt", "canada", "Energy Minister") in found


def test_holder_with_no_placed_mention_keeps_the_story_reading(parser) -> None:
    text = ("Norway will sell more gas. Norway exports gas to Sweden. Norway said so. "
            "Energy Minister Paul Brandt met the firms.")
    table = {"Norway": ("norway", T.COUNTRY), "Sweden": ("sweden", T.COUNTRY), "Paul Brandt": ("brandt", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("brandt", "norway", "Energy Minister")]


def test_demonym_of_an_unnamed_country_is_no_guess_for_the_story_country(parser) -> None:
    text = ("Chile will raise copper sales. Chile sold copper to Japan. Chile said so. "
            "Danish Industry Minister Lars Holm said he expected a pact with Chile.")
    table = {"Chile": ("chile", T.COUNTRY), "Japan": ("japan", T.COUNTRY), "Lars Holm": ("holm", T.PERSON)}
    assert ("holm", "chile", "Industry Minister") not in _posts(facts_of(parser, text, table, module=posts))
    assert ("holm", "chile", "Danish Industry Minister") not in _posts(facts_of(parser, text, table, module=posts))


def test_minister_speaking_of_a_countrys_figures_speaks_for_it(parser) -> None:
    text = ("Chile sells copper to the U.S. The U.S. buys more. The U.S. said so. "
            "Chile's trade surplus with the U.S. will shrink this year, Trade Minister Pedro Soto said.")
    table = {"Chile": ("chile", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Pedro Soto": ("soto", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("soto", "chile", "Trade Minister")]


def test_minister_speaking_of_a_thing_no_country_owns_takes_no_owner(parser) -> None:
    text = ("Chile sells copper to the U.S. The U.S. buys more. The U.S. said so. "
            "The trade surplus with Chile will shrink this year, Trade Minister Pedro Soto said.")
    table = {"Chile": ("chile", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Pedro Soto": ("soto", T.PERSON)}
    assert ("soto", "chile", "Trade Minister") not in _posts(facts_of(parser, text, table, module=posts))


_TARIFFS = ("Korea sold more steel. Korea's mills grew. Korea said so. Korea and the U.S. met. "
            "President Tom Reed announced tariffs on Korean steel products.")


def test_demonym_on_goods_does_not_place_the_office(parser) -> None:
    text = ("Korea sold more steel. Korea and the U.S. met. The U.S. said so. "
            "President Tom Reed announced tariffs on Korean steel products.")
    table = {"Korea": ("korea", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Korean": ("korea", T.COUNTRY),
             "Tom Reed": ("reed", T.PERSON)}
    # Korea is no dominant country here: only the demonym could place the office, and it is on goods
    assert _posts(facts_of(parser, text, table, module=posts)) == []


def test_demonym_on_the_states_people_places_the_office(parser) -> None:
    text = _TARIFFS.replace("announced tariffs on Korean steel products", "met Korean officials")
    table = {"Korea": ("korea", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Korean": ("korea", T.COUNTRY),
             "Tom Reed": ("reed", T.PERSON)}
    assert _posts(facts_of(parser, text, table, module=posts)) == [("reed", "korea", "President")]


def test_office_met_by_another_countrys_office_is_not_that_countrys(parser) -> None:
    text = ("Spain sold wine. Spain's exports grew. Spain said so. Spain and the U.S. met. "
            "Spanish Prime Minister Jose Mora opened talks with President Tom Reed.")
    table = {"Spain": ("spain", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Spanish": ("spain", T.COUNTRY),
             "Jose Mora": ("mora", T.PERSON), "Tom Reed": ("reed", T.PERSON)}
    assert ("reed", "spain", "President") not in _posts(facts_of(parser, text, table, module=posts))


def test_office_coordinated_with_a_demonyms_office_keeps_the_story_country(parser) -> None:
    text = ("Spain sold wine. Spain's exports grew. Spain said so. Spain and the U.S. met. "
            "He met both President Tom Reed and leading Spanish ministers.")
    table = {"Spain": ("spain", T.COUNTRY), "U.S.": ("us", T.COUNTRY), "Spanish": ("spain", T.COUNTRY),
             "Tom Reed": ("reed", T.PERSON)}
    assert ("reed", "spain", "President") in _posts(facts_of(parser, text, table, module=posts))
