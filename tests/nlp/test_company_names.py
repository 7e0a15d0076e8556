"""Company names mended from their legal forms (kg.nlp.company_names), in the pipeline."""

from __future__ import annotations

import pytest

from kg.nlp.company_names import legal_form


def _labels(nlp, text: str) -> dict[str, str]:
    return {e.text: e.label_ for e in nlp(text).ents}


def test_legal_forms_with_and_without_full_stops() -> None:
    assert legal_form("Inc") and legal_form("Inc.") and legal_form("Corp") and legal_form("Co")
    assert not legal_form("Grain") and not legal_form("of")


@pytest.mark.parametrize(("text", "company", "seat"), [
    ("Midland Feed Inc of Chicago won a contract to supply 30,000 tonnes.", "Midland Feed Inc", "Chicago"),
    ("Prairie Export Co of Minnesota received a 50,000 tonne cargo.", "Prairie Export Co", "Minnesota"),
])
def test_a_seat_after_a_legal_form_is_a_place_of_its_own(nlp, text, company, seat) -> None:
    labels = _labels(nlp, text)
    assert labels[company] == "Organization"
    assert labels[seat] in ("Place", "Country")
    assert not any(" of " in name for name in labels)


def test_a_second_legal_form_belongs_to_the_name(nlp) -> None:
    # "Garnac Grain Co" is a known firm's name: the longer one the story writes wins
    labels = _labels(nlp, "Garnac Grain Co Inc of New Jersey received two shipments of maize.")
    assert labels["Garnac Grain Co Inc"] == "Organization"
    assert labels["New Jersey"] == "Place"


def test_a_seat_the_model_left_out_is_added(nlp) -> None:
    labels = _labels(nlp, "Peavey Co of Minneapolis won the second shipment of maize.")
    assert labels["Minneapolis"] == "Place"


def test_an_of_phrase_that_is_no_known_place_stays_in_the_name(nlp) -> None:
    labels = _labels(nlp, "The Bank of Nova Scotia and Continental Grain Co of New York agreed.")
    assert "Bank of Nova Scotia" in labels
    assert labels["Continental Grain Co"] == "Organization"


def test_a_person_and_co_is_a_firm(nlp) -> None:
    labels = _labels(nlp, "J.R. Hale, of packer Samuel Whitby and Co, told the Daily Mail prices rose.")
    assert labels["Samuel Whitby and Co"] == "Organization"
    assert "Samuel Whitby" not in labels and "Co" not in labels


def test_a_person_and_another_person_stay_persons(nlp) -> None:
    labels = _labels(nlp, "Samuel Whitby and Cora Lee met in London on Monday.")
    assert labels.get("Samuel Whitby") == "Person"


@pytest.mark.parametrize(("text", "company"), [
    ("Dutch-owned Fokker Canadian Aircraft Co delivered ten planes to Chile.", "Fokker Canadian Aircraft Co"),
    ("Lars Berg, chairman of the Swedish Timber and Pulp Corp, said exports rose.", "Swedish Timber and Pulp Corp"),
])
def test_proper_nouns_before_a_legal_form_open_the_firm_s_name(nlp, text, company) -> None:
    assert _labels(nlp, text).get(company) == "Organization"


def test_and_between_two_names_before_a_legal_form_joins_nothing(nlp) -> None:
    labels = _labels(nlp, "Exports from Japan and Toyota Motor Corp sales rose in March.")
    assert labels.get("Japan") == "Country"
    assert labels.get("Toyota Motor Corp") == "Organization"


def test_a_seat_after_industries_is_a_place_of_its_own(nlp) -> None:
    labels = _labels(nlp, "Hyundai Heavy Industries of South Korea won the order for two tankers.")
    assert labels.get("Hyundai Heavy Industries") == "Organization"
    assert labels.get("South Korea") == "Country"


def test_a_foreign_and_joins_two_names_into_a_firm_s(nlp) -> None:
    import spacy
    from spacy.tokens import Span

    from kg.nlp.company_names import mended_company_names

    doc = spacy.blank("en")("Loans from Garanti ve Emlak Bankasi rose while Ana y Luis met.")
    first, second = Span(doc, 2, 3, label="Organization"), Span(doc, 4, 6, label="Person")
    persons = [Span(doc, 8, 9, label="Person"), Span(doc, 10, 11, label="Person")]
    mended = mended_company_names([first, second, *persons])
    assert [(s.text, s.label_) for s in mended] == [
        ("Garanti ve Emlak Bankasi", "Organization"), ("Ana", "Person"), ("Luis", "Person")]


def test_a_row_label_opening_the_line_is_no_part_of_the_firm_s_name() -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from kg.nlp.company_names import mended_company_names

    words = ["Lead", "Underwriter", "Morgan", "Grenfell", "Co", "Ltd"]
    doc = Doc(spacy.blank("en").vocab, words=words, pos=["PROPN"] * 6, sent_starts=[True] + [False] * 5,
              ents=["O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"])
    mended = mended_company_names([Span(doc, 2, 6, label="Organization")])
    assert [s.text for s in mended] == ["Morgan Grenfell Co Ltd"]
    doc = Doc(spacy.blank("en").vocab, words=["Barclays", *words[2:]], pos=["PROPN"] * 5,
              sent_starts=[True] + [False] * 4, ents=["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG"])
    # a sentence's first word the model reads as the name's opens it
    assert [s.text for s in mended_company_names([Span(doc, 1, 5, label="Organization")])] == ["Barclays Morgan Grenfell Co Ltd"]


def test_a_legal_forms_full_stop_is_no_part_of_the_name() -> None:
    from kg.nlp.company_names import without_closing_stop

    assert without_closing_stop("Acme Grain Securities Inc.") == "Acme Grain Securities Inc"
    assert without_closing_stop("Acme Grain Co.") == "Acme Grain Co"
    assert without_closing_stop("Acme Grain Inc") is None
    assert without_closing_stop("U.S.") is None
    assert without_closing_stop("Washington D.C.") is None


def test_a_firm_named_at_a_sentences_end_goes_by_the_plain_form_too(extracted) -> None:
    x = extracted("Prices will fall, said Joe Ruiz, analyst for Fairweather Grain Trading Inc.")
    firm = next(e for e in x.entities if e.label.startswith("Fairweather"))
    assert "Fairweather Grain Trading Inc" in firm.names
