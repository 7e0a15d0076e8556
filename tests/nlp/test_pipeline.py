from __future__ import annotations

import pytest

from kg.nlp.entities import KG_LABELS
from kg.nlp.pipeline import add_components, cached_pipeline


def test_components_follow_the_model(nlp) -> None:
    assert nlp.pipe_names[-1] == "kg_entities"
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("kg_entities")
    assert add_components(nlp).pipe_names.count("kg_entities") == 1


def test_cached_pipeline_is_built_once(nlp) -> None:
    assert cached_pipeline() is nlp


def test_the_cached_pipeline_is_out_of_the_collectors_reach(nlp) -> None:
    import gc

    # frozen objects are in no generation the collector walks
    assert gc.get_freeze_count() > 0
    assert all(o is not nlp for o in gc.get_objects())


def test_entities_carry_kg_types(nlp) -> None:
    doc = nlp("Li Ming, a spokesman for the Ministry of Health, said Kenya bought 5,000 ventilators.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels["Li Ming"] == "Official"
    assert labels["Ministry of Health"] == "Agency"
    assert labels["Kenya"] == "Country"
    assert labels["ventilators"] == "Product"
    assert labels["5,000"] == "CARDINAL"  # numbers keep their spaCy label for relation rules
    assert {e.label_ for e in doc.ents} - {"CARDINAL"} <= KG_LABELS


def test_garbled_quotes_split_off_words(nlp) -> None:
    doc = nlp("Kim said the agency had \u201a\u00c4\u00fadone a sad job\u201a\u00c4\u00f9 in March.")
    words = [t.text for t in doc]
    assert "done" in words and "job" in words
    assert not any("done" in e.text for e in doc.ents)


def test_html_character_references_stay_inside_words(nlp) -> None:
    doc = nlp("EC President Jos&#233; Manuel Barroso wrote a letter.")
    assert "Jos&#233;" in [t.text for t in doc]
    assert any(e.text == "Jos&#233; Manuel Barroso" for e in doc.ents)


def test_slash_between_names_splits(nlp) -> None:
    assert [t.text for t in nlp("REUTERS/Tom Becker")][:3] == ["REUTERS", "/", "Tom"]
    assert "and/or" in [t.text for t in nlp("cats and/or dogs")]


def test_list_items_glued_at_a_comma_split(nlp) -> None:
    words = [t.text for t in nlp.make_doc("Chile 41,500 (38,200),Peru 12,000 (nil),Bolivia 900")]
    assert words[:8] == ["Chile", "41,500", "(", "38,200", ")", ",", "Peru", "12,000"]
    assert words[-4:] == [")", ",", "Bolivia", "900"]
    # thousands separators, abbreviations and words before a comma stay as they were
    assert "41,500" in [t.text for t in nlp.make_doc("Exports of 41,500 tonnes rose.")]
    assert "U.S.,Canada" in [t.text for t in nlp.make_doc("Sales to the U.S.,Canada and Peru")]
    # only a name (a capital) after the comma opens an item
    assert "3),and" in [t.text for t in nlp.make_doc("(see table 3),and more")]



def test_goods_and_the_next_figure_split_at_a_slash(nlp) -> None:
    assert [t.text for t in nlp.make_doc("1.5 mln wheat/1.0 mln barley")][2:5] == ["wheat", "/", "1.0"]
    # a fraction or a date stays one word
    assert "1986/87" in [t.text for t in nlp.make_doc("the 1986/87 season")]
    assert "3/4" in [t.text for t in nlp.make_doc("about 3/4 of it")]


def test_garbled_dashes_and_apostrophes_split_off_words(nlp) -> None:
    doc = nlp("The vaccine hasn\u201a\u00c4\u00f4t worked\u201a\u00c4\u00eeyet, Chen said.")
    assert "worked" in [t.text for t in doc]
    assert {e.text for e in doc.ents if e.label_ in KG_LABELS} <= {"Chen"}


def test_garbled_quotes_parse_like_the_marks_they_stand_for(nlp) -> None:
    garbled = nlp("\u201a\u00c4\u00faWe have never faced a fight like this,\u201a\u00c4\u00f9 said Mr. Lee.")
    clean = nlp("\u201cWe have never faced a fight like this,\u201d said Mr. Lee.")
    assert [(t.dep_, t.head.i) for t in garbled] == [(t.dep_, t.head.i) for t in clean]
    assert garbled[0].is_punct and garbled[0].text == "\u201a\u00c4\u00fa"  # the text is kept


def test_garbled_ellipsis_splits_off_and_reads_as_punctuation(nlp) -> None:
    doc = nlp("\u201a\u00c4\u00faIt is the start\u201a\u00c4\u00b6\u201a\u00c4\u00f9 Winslow said. It\u201a\u00c4\u00f4s late.")
    words = [t.text for t in doc]
    assert "start" in words and "\u201a\u00c4\u00b6" in words
    said = next(t for t in doc if t.lemma_ == "say")
    assert [c.text for c in said.children if c.dep_ == "nsubj"] == ["Winslow"]


@pytest.mark.parametrize("order", [("kg.nlp.pipeline", "kg.nlp.extract"), ("kg.nlp.extract", "kg.nlp.pipeline")])
def test_pipeline_and_extract_import_in_either_order(order) -> None:
    import subprocess
    import sys

    first, second = order
    code = (f"import sys, {first}, {second}\n"
            "from kg.nlp.extract import extract, extract_articles\n"
            "from kg.nlp.pipeline import build_pipeline\n"
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_the_pipeline_needs_nothing_of_extraction() -> None:
    import subprocess
    import sys

    code = "import sys, kg.nlp.pipeline\nprint(sorted(m for m in sys.modules if m.startswith('kg.nlp.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = out.stdout
    assert "kg.nlp.extract" not in loaded and "kg.nlp.relations" not in loaded


def test_missing_entry_points_get_a_clear_message(monkeypatch) -> None:
    import spacy
    from spacy.language import Language

    from kg.errors import ModelError

    monkeypatch.setattr(Language, "has_factory", classmethod(lambda cls, name: name != "kg_entities"))
    with pytest.raises(ModelError, match="kg_entities.*pip install -e"):
        add_components(spacy.blank("en"))


def test_a_double_quote_for_an_apostrophe_reads_as_a_possessive(nlp) -> None:
    doc = nlp('Malaysia"s rubber exports rose, the ministry said.')
    assert [t.text for t in doc][:3] == ["Malaysia", '"s', "rubber"]
    assert doc[1].tag_ == "POS" and doc[0].text in {e.text for e in doc.ents}
    # a quotation keeps its marks as punctuation
    quoted = nlp('He called it "sound" policy.')
    assert [t.text for t in quoted][3:6] == ['"', "sound", '"']


def test_british_doubled_l_spellings_parse_like_the_american_ones(nlp) -> None:
    british = nlp("Oman bought six cargoes of barley totalling 30,000 tonnes last month.")
    american = nlp("Oman bought six cargoes of barley totaling 30,000 tonnes last month.")
    assert [(t.pos_, t.dep_, t.head.i) for t in british] == [(t.pos_, t.dep_, t.head.i) for t in american]
    assert british[6].text == "totalling" and british[6].norm_ == "totaling"  # the text is kept
    assert any(e.text == "barley" for e in british.ents)
