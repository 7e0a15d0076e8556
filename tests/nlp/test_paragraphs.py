from __future__ import annotations


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
