from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.rdf.formats import FORMATS, RDF_FORMATS, Format, format_for, get_format, register_format
from kg.rdf.mapping import extraction_to_quads
from kg.rdf.serialize import serialize, write
from rdf_sample import sample_extraction


def test_every_export_format_is_registered_with_what_it_reads():
    assert list(FORMATS) == ["ttl", "trig", "nt", "nq", "jsonld", "jsonld-dataset", "graphml", "graphml-statements",
                             "facts"]
    assert RDF_FORMATS == ("ttl", "trig", "nt", "nq", "jsonld", "jsonld-dataset")
    assert {name: f.reads for name, f in FORMATS.items()} == {
        "ttl": "triples", "nt": "triples", "trig": "graphs", "nq": "graphs", "jsonld": "triples",
        "jsonld-dataset": "graphs", "graphml": "quads", "graphml-statements": "quads", "facts": "quads",
    }


def test_suffixes_name_formats_and_unknown_ones_are_input_errors(tmp_path):
    assert format_for("a/graph.turtle") == "ttl" and format_for("x.JSON") == "facts"
    with pytest.raises(InputError):
        format_for("x.json", rdf_only=True)
    with pytest.raises(InputError, match="choose one of"):
        get_format("rdfxml")


def test_a_registered_format_is_written_like_the_others(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.rdf.formats.FORMATS", dict(FORMATS))
    register_format(Format("count", (".count",), "triples", lambda triples, out: out.write(b"%d\n" % sum(1 for _ in triples))))
    quads = extraction_to_quads(sample_extraction())
    lines = serialize(quads, format="nt").count(b"\n")
    assert write(quads, tmp_path / "g.count").read_bytes() == b"%d\n" % lines
    assert serialize(quads, format="count") == b"%d\n" % lines


def test_the_facts_document_is_a_format_of_its_own():
    doc = json.loads(serialize(extraction_to_quads(sample_extraction()), format="facts"))
    assert {"articles", "entities", "facts"} <= set(doc)
