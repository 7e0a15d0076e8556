from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.nlp.relations.quotes import Units


def test_units_are_sentences_cut_again_at_line_breaks() -> None:
    words = ["Prices", "rose", "\n\n", "Traders", "said", ".", "Sales", "fell", ".", "\n", "\n", "Stocks", "eased", "."]
    spaces = [True, False, False, True, False, True, True, False, False, False, False, True, False, False]
    starts = [True, False, False, False, False, False, True, False, False, False, False, True, False, False]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)
    units = Units(doc)
    # one sentence across a paragraph break is two units; the breaks alone are none
    assert [u.text for u in units.units] == ["Prices rose", "Traders said.", "Sales fell.", "Stocks eased."]
    assert units.starts == [0, 3, 6, 11]
    assert units.of(doc[4]).text == "Traders said."
