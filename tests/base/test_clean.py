"""Control characters from article text: dropped for XML, shown as escapes on terminals and in CSV."""

from __future__ import annotations

from rdflib import Literal, URIRef

from kg.clean import terminal_text, xml_text
from kg.results import render, table_text

HOSTILE = "Acme\x00 \x07Corp \x1b[31mred\x1b[0m \u202egnp.exe\u202c\tend\nnext"


def test_xml_text_keeps_only_what_xml_may_hold():
    assert xml_text(HOSTILE) == "Acme Corp red \u202egnp.exe\u202c\tend\nnext"
    assert xml_text("\ufffe\uffff\ud800ok") == "ok"


def test_terminal_text_shows_controls_as_escapes():
    shown = terminal_text(HOSTILE)
    assert shown == "Acme\\x00 \\x07Corp \\x1b[31mred\\x1b[0m \\u202egnp.exe\\u202c\\tend\\nnext"
    assert terminal_text("a\nb\r\nc", keep_lines=True) == "a\nb\r\nc"
    assert terminal_text("plain caf\u00e9 \u4e2d") == "plain caf\u00e9 \u4e2d"


def test_tables_csv_and_tsv_carry_no_raw_control_character():
    rows = [[URIRef("https://w3id.org/kg-news/id/person/x"), Literal(HOSTILE)]]
    for text in (render(["s", "name"], rows, format="csv"), table_text(rows[0][1])):
        assert not any(c in text for c in "\x00\x07\x1b\u202e\u202c"), text
    # TSV holds N-Triples terms, for tools: C0 controls are \u escapes there.
    tsv = render(["s", "name"], rows, format="tsv")
    assert not any(c in tsv for c in "\x00\x07\x1b")
    assert tsv.count("\t") == 2, "a tab in a value is escaped, not a column break"
    assert len(tsv.splitlines()) == 2, "a line break in a value does not split its row"
    assert table_text(rows[0][0]) == "person:x"  # a prefixed name a query takes back
