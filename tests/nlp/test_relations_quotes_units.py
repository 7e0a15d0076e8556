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


def test_quote_marks_of_a_span_are_its_own_opening_and_closing_marks() -> None:
    from kg.nlp.relations.quotes import _marks, has_quote_mark

    # 'He said "ready," and \u201cgo\u201d. Then: "no"' : a straight quote glued to the word
    # before it closes, else opens; curly ones say which they are
    words = ["He", "said", '"', "ready", ",", '"', "and", "\u201c", "go", "\u201d", ".", "Then", ":", '"', "no", '"']
    spaces = [True, True, False, False, False, True, True, False, False, False, True, False, True, False, False, False]
    starts = [True] + [False] * 10 + [True] + [False] * 4
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, sent_starts=starts)
    first, second = doc.sents
    assert _marks(first) == ([2, 7], [5, 9])
    assert _marks(second) == ([13], [15])
    assert _marks(doc[3:5]) == ([], []) and not has_quote_mark(doc[3:5])
    assert _marks(doc[5:8]) == ([7], [5])
