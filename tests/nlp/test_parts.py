from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp.parts import split_text


def test_cuts_prefer_paragraphs_then_lines_then_sentences():
    text = "First paragraph here.\n\nSecond one, longer than the first.\nA line. And more words"
    assert split_text(text, limit=30) == ["First paragraph here.\n\n", "Second one, longer than the ",
                                          "first.\nA line. And more words"]
    assert split_text("Alpha beta. Gamma delta epsilon", limit=20) == ["Alpha beta. ", "Gamma delta epsilon"]


def test_a_text_with_no_space_is_cut_hard_and_short_texts_are_whole():
    assert split_text("x" * 25, limit=10) == ["x" * 10, "x" * 10, "x" * 5]
    assert split_text("short", limit=10) == ["short"]
    assert split_text("", limit=10) == [""]
    with pytest.raises(ValueError):
        split_text("text", limit=0)


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab .\n!?\u201d"), max_size=300), st.integers(min_value=1, max_value=60))
def test_parts_join_back_exactly_and_respect_the_limit(text, limit):
    parts = split_text(text, limit=limit)
    assert "".join(parts) == text
    assert all(len(part) <= limit for part in parts)
    assert all(parts[:-1]), "no empty part but maybe the only one"
