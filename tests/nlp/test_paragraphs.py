from __future__ import annotations

import pytest

from kg.nlp.paragraphs import reflow


def test_a_headline_without_full_stop_is_its_own_sentence(nlp):
    doc = nlp("Spain coach faces racism inquiry\n\nSpain's football federation said on Monday it would act.")
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[0] == "Spain coach faces racism inquiry"
    assert sentences[1].startswith("Spain's football federation")


def test_single_line_breaks_end_sentences_too(nlp):
    doc = nlp("Minister quits\nThe trade minister resigned on Friday.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "The" in starts


def test_text_without_line_breaks_is_untouched(nlp):
    text = "The ministry said exports rose. Officials welcomed the figures."
    assert len(list(nlp(text).sents)) == 2


WIRE = (
    "Indonesian exports of CPO in calendar 1986 were 530,500\n"
    "tonnes, against 468,500 in 1985, according to central bank\n"
    "figures issued on Friday by the bank in the capital city.\n"
    "    The bank said the value of the shipments was 944 mln U.S.\n"
    "Dlrs, compared with 1.1 billion dlrs the year before it.\n"
)


def test_hard_wrapped_newswire_is_reflowed_with_offsets_kept():
    from kg.nlp.paragraphs import reflow

    flowed = reflow(WIRE)
    assert len(flowed) == len(WIRE)
    assert "530,500 tonnes" in flowed and "central bank figures" in flowed
    assert "\n    The bank said" in flowed  # an indented new paragraph stays one


def test_short_lines_of_other_texts_keep_their_breaks():
    from kg.nlp.paragraphs import reflow

    text = "Minister quits\nThe trade minister resigned on Friday.\nHe gave no reason."
    assert reflow(text) == text


def test_initials_end_no_sentence_before_a_name_or_a_currency(nlp):
    doc = nlp("Exports were 944 mln U.S. Dlrs last year, Minister of State for Textiles R.N. Mirdha told parliament.")
    assert len(list(doc.sents)) == 1


def test_a_short_first_line_ending_on_a_preposition_goes_on():
    from kg.nlp.paragraphs import reflow

    text = ("Kenyan tea exports during\n"
            "March 1986 rose to 2,000 tonnes, against 1,800 tonnes in the\n"
            "same month of 1985, the tea board said in a statement today.\n"
            "Tea exports to Britain fell to 500 tonnes in the same month of\n"
            "1986 from 700 tonnes a year before, the board said on Friday.\n")
    assert reflow(text).startswith("Kenyan tea exports during March 1986")


def test_a_word_going_on_the_clause_after_a_countrys_initials_opens_no_sentence(nlp):
    # old wire copy capitalises the word after "U.S." in mid-sentence
    doc = nlp("Officials said Chilean exports to the U.S. In the late 1970s averaged 400 mln dlrs a year.")
    assert len(list(doc.sents)) == 1
    doc = nlp("He said the U.S. Is buying more copper from Chile this year.")
    assert len(list(doc.sents)) == 1


def test_a_new_sentence_after_a_countrys_initials_still_starts(nlp):
    doc = nlp("Chile sells most of its copper to the U.S. The rest goes to Japan.")
    assert len(list(doc.sents)) == 2
    doc = nlp("Chile sells most of its copper to the U.K.\n    In 1986 it sold 20,000 tonnes there.")
    assert len(list(doc.sents)) == 2


def test_an_opening_line_cut_short_by_its_dateline_goes_on() -> None:
    text = ("Kenyan tea exports to the United\n"
            "States rose to 12,000 tonnes in January from 10,500 tonnes a year\n"
            "earlier, the Tea Board of Kenya said in its monthly report on sales.\n"
            "    Shipments to Britain fell to 8,000 tonnes in the month, it\n"
            "said, against 9,100 tonnes in the same month a year earlier.")
    assert reflow(text).startswith("Kenyan tea exports to the United States rose")


def test_an_opening_line_cut_short_after_a_countrys_initials_goes_on() -> None:
    text = ("Chile will ask the U.S.\n"
            "Commerce Department to raise its 1987 copper import quota after a\n"
            "shortfall by Peru, the chairman of the Copper Commission, Luis\n"
            "Mora, said on Friday in the capital.\n"
            "    Mora told Reuters the commission would also protest the award.")
    assert reflow(text).startswith("Chile will ask the U.S. Commerce Department to raise")


def test_a_headline_ending_on_a_countrys_initials_keeps_its_line() -> None:
    text = ("Copper Quota For U.S.\n"
            "Chile will ask the U.S. Commerce Department to raise its 1987 copper\n"
            "import quota after a shortfall by Peru, Copper Commission chairman\n"
            "Luis Mora said on Friday.\n")
    assert reflow(text).startswith("Copper Quota For U.S.\n")


def test_a_headline_in_capitals_keeps_its_line() -> None:
    text = ("Kenya Tea Exports Rise In January\n"
            "Kenyan tea exports to the United States rose to 12,000 tonnes in January\n"
            "from 10,500 tonnes a year earlier, the Tea Board of Kenya said in its\n"
            "monthly report.\n")
    assert reflow(text).startswith("Kenya Tea Exports Rise In January\n")


def test_a_short_story_cut_short_by_its_dateline_is_reflowed():
    from kg.nlp.paragraphs import reflow

    text = ("Chilean millers bought 7,000 tonnes\n"
            "of Australian wheat in export business overnight for June\n"
            "delivery, trade sources said.\n Reuter")  # fmt: skip
    assert reflow(text).startswith("Chilean millers bought 7,000 tonnes of Australian wheat in export business "
                                   "overnight for June delivery")
    assert len(reflow(text)) == len(text)


def test_short_lines_before_capitals_of_a_short_text_keep_their_breaks():
    from kg.nlp.paragraphs import reflow

    text = "Rice talks\nOfficials of both countries met on Friday to discuss rice\nPrices were not discussed."
    assert reflow(text) == text


@pytest.mark.parametrize(("opening", "name"), [
    ("Canadian Trade Minister Pierre\nDubois said", "Canadian Trade Minister Pierre Dubois said"),
    ("Swiss-owned Nordic Baltic\nTimber Co has shipped", "Swiss-owned Nordic Baltic Timber Co has shipped"),
])
def test_a_name_the_cut_short_opening_line_breaks_goes_on(opening, name) -> None:
    text = (f"{opening} 40,000 tonnes of pulp to Egypt in March, a\n"
            "sharp rise from the 25,000 tonnes shipped a year earlier, he told\n"
            "reporters at a press conference held on Tuesday in the capital.\n"
            "    Shipments to Britain fell to 8,000 tonnes in the month, it\n"
            "said, against 9,100 tonnes in the same month a year earlier.")
    assert reflow(text).startswith(name)
    assert len(reflow(text)) == len(text)


def test_a_headline_in_title_case_or_in_capitals_keeps_its_line_before_a_name() -> None:
    body = ("Kenyan tea exports to the United States rose to 12,000 tonnes in January\n"
            "from 10,500 tonnes a year earlier, the Tea Board of Kenya said in its\n"
            "monthly report, and sales to Britain fell to 8,000 tonnes in the month.\n")
    for headline in ("Tea Exports To Kenya Rise", "KENYA TEA EXPORTS RISE"):
        assert reflow(f"{headline}\n{body}").startswith(f"{headline}\n")
