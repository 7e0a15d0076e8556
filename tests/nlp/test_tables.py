"""Finding tables set in columns in newswire text (no model needed)."""

from __future__ import annotations

from kg.nlp.paragraphs import reflow
from kg.nlp.tables import in_blocks, is_figure, table_blocks

# invented figures, laid out the way commodity wires set their tables
SUPPLY = (
    "The department put the country's maize balance as follows (mln tonnes) -\n"
    "              1987/88    1986/87\n"
    " Output         10.20       9.45\n"
    " Exports         6.10       5.80\n"
    " End stocks      1.05 -r    0.90\n"
    "The figures are provisional, it said.\n"
)


def test_rows_and_column_titles_of_a_table() -> None:
    (block,) = table_blocks(SUPPLY)
    assert [r.label for r in block.rows] == ["Output", "Exports", "End stocks"]
    assert [c.text for c in block.columns()] == ["1987/88", "1986/87"]
    assert [c.text for c in block.rows[1].figures] == ["6.10", "5.80"]
    assert SUPPLY[block.start : block.end].startswith("1987/88")
    assert SUPPLY[block.end :].startswith("\nThe figures")


def test_prose_and_lists_in_sentences_are_no_tables() -> None:
    text = ("Exports rose to 1.2 mln tonnes in March from 0.9 mln a year earlier.\n"
            "    Main buyers were Peru 12,000, Chile 9,500 and Bolivia 4,000 tonnes.\n")
    assert table_blocks(text) == []


def test_figures_one_space_apart_are_cells_and_years_make_a_header() -> None:
    text = ("Other figures were -\n"
            "                      MAR'87  FEB'87\n"
            " Refined output       91,250 88,400\n"
            " Deliveries           70,110 69,900\n")
    (block,) = table_blocks(text)
    assert [[c.text for c in r.figures] for r in block.rows] == [["91,250", "88,400"], ["70,110", "69,900"]]
    assert [c.text for c in block.columns()] == ["MAR'87", "FEB'87"]
    text = "QUANTITY      1990    1991\nFirst lot      2.50    1.75\nSecond lot     1.25    0.50\n"
    (block,) = table_blocks(text)
    assert [r.label for r in block.rows] == ["First lot", "Second lot"]


def test_figures_and_marks() -> None:
    assert all(is_figure(t) for t in ("1,663.3-x", "(44.5),", "nil", "--", "n.a.", "0.563"))
    assert not any(is_figure(t) for t in ("Wheat", "1986/87", "IV"))


def test_reflow_keeps_the_rows_of_a_table_apart() -> None:
    text = ("Exporters reported the following shipments in the week, in tonnes, with the week\n"
            "before and a year earlier as comparisons, the board said on Monday in its report\n"
            "Soft wheat        125,000      98,000      110,500\n"
            "Barley             40,250      51,000       12,000\n")
    assert reflow(text).count("\n") == 3  # the prose wraps, the rows do not
    (block,) = table_blocks(reflow(text))
    assert len(block.rows) == 2 and in_blocks([block], block.start, block.start + 1)


def test_section_titles_over_runs_of_rows() -> None:
    text = ("Shipments, in tonnes:\n"
            "              1986      1985\n"
            " Frozen fish:\n"
            "   Japan       400       300\n"
            "   Spain       200       100\n"
            " Canned fish --\n"
            "   Italy        50        40\n")
    (block,) = table_blocks(text)
    assert [c.text for c in block.sections] == ["Frozen fish", "Canned fish"]
    assert [block.section_of(r).text for r in block.rows] == ["Frozen fish", "Frozen fish", "Canned fish"]
    assert [c.text for c in block.columns()] == ["1986", "1985"]
    # between rows a line of words is a section title, marked or not; above them only a marked one
    (plain,) = table_blocks(text.replace(" Canned fish --", " Canned fish").replace("Frozen fish:", "Frozen fish"))
    assert [c.text for c in plain.sections] == ["Canned fish"]
    assert plain.section_of(plain.rows[0]) is None
