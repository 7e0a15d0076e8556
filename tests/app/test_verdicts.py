"""Stored validation verdicts (kg.verdicts): ``kg validate`` reads them for unchanged graphs and
still gives the report pySHACL gives on every graph."""

from __future__ import annotations

import json

from rdflib import Literal

import kg.validate
from kg import verdicts
from kg.build import build, remove
from kg.store import open_store
from kg.validate import validate, validate_store
from kg.vocab.iri import article_iri, graph_iri
from kg.vocab.namespaces import KG
from test_build import CORPUS, fake_extract, write_corpus


def _same_as_reference(out):
    with open_store("oxigraph", path=out / "store", read_only=True) as store:
        reference = validate(list(store.quads()))
    result = validate_store(output=out)
    assert (result.conforms, result.violations, result.focus_nodes, result.text, len(result.report)) == \
        (reference.conforms, reference.violations, reference.focus_nodes, reference.text, len(reference.report))
    return result


def _new_process():
    """Forget what this process cached, as a new `kg validate` would."""
    kg.validate._screen.cache_clear()
    kg.validate._shape_labels.cache_clear()
    kg.validate._load.cache_clear()


def _stored(out):
    return json.loads((out / "store" / verdicts.FILE_NAME).read_text(encoding="utf-8"))


def test_build_stores_a_verdict_per_graph_and_validate_reads_them(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", CORPUS)], extractor=fake_extract, output=out)
    data = _stored(out)
    assert sorted(data["graphs"]) == sorted(str(graph_iri(i)) for i in CORPUS) and data["token"]
    _new_process()
    judged = []
    monkeypatch.setattr(kg.validate, "_judge", lambda *args: judged.append(args) or {})
    assert _same_as_reference(out).conforms
    assert not judged  # every verdict was current


def test_verdicts_after_an_incremental_build_and_a_removal(tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", dict(list(CORPUS.items())[:2]))], extractor=fake_extract, output=out)
    build([write_corpus(tmp_path / "in2", CORPUS)], extractor=fake_extract, output=out)
    assert sorted(_stored(out)["graphs"]) == sorted(str(graph_iri(i)) for i in CORPUS)
    _new_process()
    _same_as_reference(out)
    remove(["a2"], output=out)
    assert str(graph_iri("a2")) not in _stored(out)["graphs"]  # the verdict of a removed graph goes
    _new_process()
    judged = []
    monkeypatch.setattr(kg.validate, "_judge", lambda *args: judged.append(args) or {})
    _same_as_reference(out)
    assert not judged  # the others' verdicts hold, stamped with the state after the removal


def test_a_graph_edited_by_hand_is_checked_again(tmp_path):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", CORPUS)], extractor=fake_extract, output=out)
    old = _stored(out)["graphs"][str(graph_iri("a1"))]
    with open_store("oxigraph", path=out / "store") as store:  # a hand edit: the hash is no hash
        store.update(f"DELETE {{ GRAPH ?g {{ ?a {KG.contentHash.n3()} ?h }} }} "
                     f"INSERT {{ GRAPH ?g {{ ?a {KG.contentHash.n3()} {Literal('not a hash').n3()} }} }} "
                     f"WHERE {{ GRAPH ?g {{ ?a {KG.contentHash.n3()} ?h }} FILTER(?a = {article_iri('a1').n3()}) }}")
    _new_process()
    result = _same_as_reference(out)
    assert not result.conforms and result.violations == 1
    new = _stored(out)["graphs"][str(graph_iri("a1"))]
    assert new["fp"] != old["fp"] and new["check"] and not new["check"]["conforms"]
    _new_process()
    assert _same_as_reference(out).text == result.text  # now from the stored verdict


def test_a_stale_or_foreign_verdict_file_is_not_trusted(tmp_path):
    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", CORPUS)], extractor=fake_extract, output=out)
    path = out / "store" / verdicts.FILE_NAME
    data = _stored(out)
    for verdict in data["graphs"].values():  # lies: a wrong focus count, under the right token
        verdict["focus"] += 1
    data["screen"] = "made by another kg"
    path.write_text(json.dumps(data), encoding="utf-8")
    _new_process()
    _same_as_reference(out)
    path.write_text("{not json", encoding="utf-8")
    _same_as_reference(out)


def test_a_fingerprint_is_of_the_statements_not_their_order():
    first = b'<http://x/a> <http://x/p> "one" .\n<http://x/b> <http://x/p> <http://x/c> .\n'
    second = b'<http://x/b> <http://x/p> <http://x/c> .\n<http://x/a> <http://x/p> "one" .\n'
    assert verdicts.fingerprint(first) == verdicts.fingerprint(second)
    assert verdicts.fingerprint(first) != verdicts.fingerprint(first.replace(b'"one"', b'"two"'))
    assert verdicts.fingerprint(b'_:n1 <http://x/p> "one" .\n') is None  # a blank node's label is the store's


def test_dumps_read_each_graph_with_statements_once(tmp_path):
    import pyoxigraph as ox

    store = ox.Store()
    a, b = ox.NamedNode("http://x/g/a"), ox.NamedNode("http://x/g/b")
    store.add(ox.Quad(ox.NamedNode("http://x/s"), ox.NamedNode("http://x/p"), ox.Literal("v"), a))
    store.add_graph(b)  # an empty graph has nothing to fingerprint
    assert [sorted(batch) for batch in verdicts.dumps(store)] == [["http://x/g/a"]]
    ((name, data),) = next(verdicts.dumps(store, ["http://x/g/a", "http://x/g/missing"])).items()
    assert name == "http://x/g/a" and data == b'<http://x/s> <http://x/p> "v" .\n'


def test_verdicts_made_from_the_quads_written_are_those_made_reading_them_back(tmp_path):
    from rdflib import URIRef
    from rdflib.namespace import XSD

    from kg.validate import WrittenGraphs, refresh_verdicts

    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", CORPUS)], extractor=fake_extract, output=out)
    with open_store("oxigraph", path=out / "store", read_only=True) as store:
        quads = {a: [q for q in store.quads() if q[3] == graph_iri(a)] for a in CORPUS}
    a1, a2 = graph_iri("a1"), graph_iri("a2")
    # a1: a content hash that is no hash (pySHACL is run on it); a2: a decimal the store keeps
    # in its canonical form ("1.5"), which the fingerprint must see as the store writes it
    quads["a1"] = [(s, p, Literal("not a hash") if p == KG.contentHash else o, g) for s, p, o, g in quads["a1"]]
    quads["a2"].append((article_iri("a2"), URIRef("http://example.org/share"), Literal("1.50", datatype=XSD.decimal), a2))
    written = WrittenGraphs()
    with open_store("oxigraph", path=tmp_path / "again") as store:
        store.on_written = written.add
        store.replace_articles(list(quads.items())[:1])
        store.replace_articles(list(quads.items()))  # the first again (an update), the others new
    with open_store("oxigraph", path=tmp_path / "again", read_only=True) as store:
        read_back = refresh_verdicts(store, save=False)
    assert read_back is not None and read_back[str(a1)].check is not None
    assert _comparable(written.verdicts()) == _comparable(read_back)


def _comparable(made):
    """Verdicts, each report as a graph compared up to its blank nodes' labels (pySHACL's own)."""
    from rdflib import Graph
    from rdflib.compare import to_isomorphic

    def report(check):
        return None if check is None else {**check, "report": to_isomorphic(Graph().parse(data=check["report"], format="nt"))}

    return {name: (v.fingerprint, v.focus, report(v.check)) for name, v in made.items()}


def test_verdicts_and_dumps_made_in_a_worker_are_those_made_here(tmp_path, monkeypatch):
    import kg.validate
    from kg.distributed import Workers
    from kg.store.graph_texts import GraphTexts
    from kg.validate import WrittenGraphs

    monkeypatch.setattr(kg.validate, "WRITTEN_BATCH", 1)  # a batch a graph: results taken as they come

    out = tmp_path / "out"
    build([write_corpus(tmp_path / "in", CORPUS)], extractor=fake_extract, output=out)
    with open_store("oxigraph", path=out / "store", read_only=True) as store:
        quads = {a: [q for q in store.quads() if q[3] == graph_iri(a)] for a in CORPUS}
    quads["a1"] = [(s, p, Literal("not a hash") if p == KG.contentHash else o, g) for s, p, o, g in quads["a1"]]
    made = {}
    with Workers(1) as workers:
        for name, submit in (("here", None), ("worker", workers.submit)):
            texts = GraphTexts(tmp_path)
            written = WrittenGraphs(texts, submit=submit)
            with open_store("oxigraph", path=tmp_path / name) as store:
                store.on_written = written.add
                store.replace_articles(list(quads.items()))
            written.flush()
            made[name] = (_comparable(written.verdicts()), {a: texts.get(str(graph_iri(a))) for a in CORPUS})
            texts.close()
    assert made["worker"] == made["here"]
    assert all(made["here"][1].values()) and made["here"][0][str(graph_iri("a1"))][2] is not None
