"""Hostile articles and names: whatever they hold, the graph kg writes parses and conforms.

Extractions are generated (no model): names built to break Turtle, N-Triples and XML, random
numbers, dates and currencies, with exact offsets. Each graph is written by kg's writers and
read back by pyoxigraph and, where installed, by Raptor's ``rapper`` (Debian: raptor2-utils),
a parser that shares no code with kg's; GraphML is read back by lxml; the SHACL shapes hold.
"""

from __future__ import annotations

import math
import shutil
import subprocess

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kg.model import Article, Entity, EntityType, Extraction, Fact, Mention, Predicate
from kg.rdf.graphml import graphml_bytes
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.serialize import serialize
from kg.results import render, table_text

HOSTILE_NAMES = [
    "a>b", "<http://evil.example/>", 'say "hi" \\ there', "]]> <!-- -->", "<script>alert(1)</script>",
    "\x00NUL\x07BEL", "\x1b[31mRed Corp\x1b[0m", "line\nbreak\r\nhere", "tab\there", "@prefix x: <y> .",
    '"""triple"""', "'single'", "_:b0", 'x" ; <p> "y', "&amp; &#0; &#x1;", "\u202eevil\u202c", "\ufffd\U0001fffe",
    "\U0001f600 Emoji Ministry", "\u4e2d\u534e\u4eba\u6c11\u5171\u548c\u56fd\u5546\u52a1\u90e8", "Zo\u00eb \u0130stanbul",
    "x" * 300, ("Committee of the Federal Programme " * 6) + "Roads", ("Committee of the Federal Programme " * 6) + "Rails",
    "%zz %41 %", "#frag#ment", "{braces}|pipe^caret`tick", "\\u0000 \\n", ".", "-", "\u00a0\u2003",
]
# Everything the readers let through: not lone surrogates (refused: a str holding one cannot
# be UTF-8), nor U+FFFE and U+FFFF (read as U+FFFD; Raptor refuses them).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"), max_size=60)
# A name is what a mention spans: never empty (spaCy spans hold a token at least).
NAME = st.one_of(st.sampled_from(HOSTILE_NAMES), TEXT.filter(lambda name: name.strip()))
NUMBER = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**30, 10**30).map(float),
                   st.sampled_from([0.0, -0.0, 1e-300, 5e-324, 1.7976931348623157e308, 3.5e9]))
DATE = st.one_of(st.dates().map(lambda d: d.isoformat()), st.sampled_from(["2020-02-30", "9999-12-31T23:59:59Z",
                                                                           "0000-01-01", "yesterday", ""]), TEXT)
CURRENCY = st.one_of(st.sampled_from(["USD", "EUR", "\u00a5", "US$", "<>", "\x00", "", "\u20bf"]), TEXT)


@st.composite
def hostile_extractions(draw) -> Extraction:
    names = draw(st.lists(NAME, min_size=3, max_size=5))
    quote = draw(TEXT)
    text, spans = "", []
    for name in names:
        spans.append((len(text), len(text) + len(name)))
        text += name + " said "
    text += quote
    article = Article(id=draw(st.one_of(st.sampled_from(["a>b", "x y", "\u00e9t\u00e9", "%zz", "-"]), TEXT.filter(bool))),
                      text=text, title=draw(st.none() | NAME), published=draw(st.none() | DATE),
                      url=draw(st.none() | st.sampled_from(["https://e.org/a>b c", "http://[bad", "ftp://x", "%%"]) | TEXT))
    types = [EntityType.OFFICIAL, EntityType.AGENCY, EntityType.COUNTRY, EntityType.PRODUCT]
    entities = []
    for index, (name, (start, end)) in enumerate(zip(names, spans)):
        mention = Mention(article.id, start, end, name, text, 0)
        entities.append(Entity(f"e{index}", types[min(index, 3)], name or "unnamed", (name,), (mention,),
                               confidence=draw(st.floats(0, 1))))
    fact = dict(article=article.id, sentence=text, start=0, end=len(text), confidence=draw(st.floats(0, 1)),
                extractor=draw(TEXT), date=draw(st.none() | DATE))
    facts = [
        Fact(subject="e0", predicate=Predicate.HOLDS_POST, object="e1", role=draw(st.none() | NAME), **fact),
        Fact(subject="e2", predicate=Predicate.EXPORTS, object=f"e{len(names) - 1}", quantity=draw(st.none() | NUMBER),
             unit=draw(st.none() | NAME), **fact),
        Fact(subject="e2", predicate=Predicate.EXPORT_VALUE, amount=draw(NUMBER), currency=draw(st.none() | CURRENCY),
             **fact),
        Fact(subject="e0", predicate=Predicate.SAID, quote=quote or None, **fact),
    ]
    return Extraction(article, tuple(entities), tuple(facts), model=draw(TEXT))


RAPPER = shutil.which("rapper")
RAPPER_SYNTAX = {"ttl": "turtle", "nt": "ntriples", "trig": "trig", "nq": "nquads"}
OX_SYNTAX = {"ttl": pyoxigraph.RdfFormat.TURTLE, "nt": pyoxigraph.RdfFormat.N_TRIPLES,
             "trig": pyoxigraph.RdfFormat.TRIG, "nq": pyoxigraph.RdfFormat.N_QUADS}


needs_rapper = pytest.mark.skipif(RAPPER is None, reason="rapper is absent (Debian: apt install raptor2-utils)")


def _rapper_count(data: bytes, fmt: str, tmp_path) -> int:
    """How many statements rapper reads from ``data``; fails the test if it refuses them."""
    path = tmp_path / f"graph.{fmt}"
    path.write_bytes(data)
    done = subprocess.run([RAPPER, "-i", RAPPER_SYNTAX[fmt], "-c", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and "Error" not in done.stderr, f"rapper refused kg's {fmt}: {done.stderr[:2000]}"
    return int(done.stderr.split("returned ", 1)[1].split()[0])


def _check_graph(quads, tmp_path, *, rapper: bool = False) -> None:
    expected = {"ttl": len({q[:3] for q in quads}), "nt": len({q[:3] for q in quads}),
                "trig": len(set(quads)), "nq": len(set(quads))}
    for fmt, syntax in OX_SYNTAX.items():
        data = serialize(quads, format=fmt)
        assert len(list(pyoxigraph.parse(data, format=syntax))) == expected[fmt]
        if rapper:
            assert _rapper_count(data, fmt, tmp_path) == expected[fmt]
    etree.fromstring(graphml_bytes(quads))  # well-formed XML, whatever the names held


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(extraction=hostile_extractions())
def test_hostile_extractions_write_graphs_pyoxigraph_and_lxml_read(extraction, tmp_path):
    quads = extraction_to_quads(extraction)
    _check_graph(quads, tmp_path)
    shown = render(["s", "p", "o"], [q[:3] for q in quads], format="csv") + "".join(table_text(q[2]) for q in quads)
    assert not any(ch in shown for ch in "\x00\x07\x1b\u202e"), "controls reach the terminal escaped"


@needs_rapper
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(extraction=hostile_extractions())
def test_hostile_extractions_write_graphs_rapper_reads(extraction, tmp_path):
    _check_graph(extraction_to_quads(extraction), tmp_path, rapper=True)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(extraction=hostile_extractions())
def test_hostile_extractions_conform_to_the_shapes(extraction):
    from kg.validate import validate

    result = validate(extraction_to_quads(extraction))
    assert result.conforms, result.text[:3000]


def test_numbers_that_are_no_decimal_leave_the_value_out_not_the_graph():
    from kg.rdf.mapping import decimal_literal

    assert str(decimal_literal(5e-324)).startswith("0.000")
    with pytest.raises(ValueError):
        decimal_literal(math.nan)


CURRENCY_SIGNS = st.sampled_from(["$", "US$", "\u20ac", "\u00a5", "\u00a3", "Rs ", "RMB ", "CHF ", "\u20bf", "<>"])
FIGURE = st.one_of(st.floats(allow_nan=False, allow_infinity=False).map(lambda x: f"{x:,.2f}"),
                   st.integers(-10**25, 10**25).map(str), st.sampled_from(["1e400", "NaN", "-0", "3.5", "1,2,3"]))


@st.composite
def hostile_texts(draw) -> str:
    sentences = []
    for _ in range(draw(st.integers(1, 4))):
        sentences.append(draw(st.one_of(
            TEXT,
            st.builds("{}, the deputy minister of {} of {}, said on {} that exports of {} rose to {}{} billion.".format,
                      NAME, NAME, NAME, DATE, NAME, CURRENCY_SIGNS, FIGURE),
            st.builds('"{}," said {}, director of the {} in {}.'.format, TEXT, NAME, NAME, NAME),
        )))
    return draw(st.sampled_from(["\n\n", " ", "\n", "\x00", "\x1b[0m"])).join(sentences)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(text=hostile_texts())
def test_hostile_articles_through_the_model_give_graphs_that_parse_and_conform(text, nlp, tmp_path):
    from kg.nlp.extract import extract_articles
    from kg.validate import validate

    if not text.strip():
        text = "empty"
    (extraction,) = extract_articles([Article("hostile", text)], nlp=nlp)  # raises if extraction fails
    for entity in extraction.entities:
        assert all(text[m.start:m.end] == m.text for m in entity.mentions)
    quads = extraction_to_quads(extraction)
    _check_graph(quads, tmp_path, rapper=RAPPER is not None)
    result = validate(quads)
    assert result.conforms, result.text[:3000]


def test_every_test_the_hardening_table_names_exists(repo):
    import re

    table = (repo / "docs" / "hardening.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(test_\w+\.py)(?:::(\w+))?", table))
    assert named
    for file, name in sorted(named):
        found = sorted((repo / "tests").rglob(file))
        assert found, f"docs/hardening.md names {file}, which is not under tests/"
        source = found[0].read_text(encoding="utf-8")
        assert not name or f"def {name}(" in source, f"docs/hardening.md names {file}::{name}, which is gone"


def test_entities_whose_labels_slug_alike_stay_two_nodes(nlp):
    from kg.nlp.extract import extract_articles
    from kg.validate import validate

    text = '"No," said Ana Ruiz, director of the \U0001F600 Trade Ministry in \U0001F600 Trade Ministry.'
    (extraction,) = extract_articles([Article("slugs", text)], nlp=nlp)
    assert validate(extraction_to_quads(extraction)).conforms
