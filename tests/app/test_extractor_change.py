"""A changed extractor (kg's version, rules, lexicons, spaCy pipeline) reads every article again."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from kg.build import build
from kg.extractor_change import FILE_NAME
from kg.nlp.fingerprint import ExtractorIdentity, extractor_identity, rules_digest
from kg.workspace import store_path
from test_build import CORPUS, fake_extract, write_corpus

OLD = ExtractorIdentity(kg="0.1.0", rules="a" * 64, pipeline="en_core_web_sm-3.8.0", spacy="3.8.0")
NEW_RULES = replace(OLD, rules="b" * 64)


def built(corpus: Path, output: Path, identity: ExtractorIdentity, **options: object):
    return build([corpus], output=output, extractor=fake_extract, identity=identity, write_files=False, **options)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", CORPUS)


def test_the_same_extractor_keeps_unchanged_articles(corpus: Path, tmp_path: Path) -> None:
    built(corpus, tmp_path / "out", OLD)
    again = built(corpus, tmp_path / "out", OLD)
    assert (again.articles_written, again.articles_unchanged, again.articles_reread) == (0, 3, 0)


def test_changed_rules_read_every_article_again_and_say_why(corpus: Path, tmp_path: Path) -> None:
    built(corpus, tmp_path / "out", OLD)
    again = built(corpus, tmp_path / "out", NEW_RULES)
    assert (again.articles_written, again.articles_unchanged, again.articles_reread) == (3, 0, 3)
    assert again.reread_reason == "the rules changed since they were read"
    after = built(corpus, tmp_path / "out", NEW_RULES)
    assert (after.articles_written, after.articles_unchanged, after.articles_reread) == (0, 3, 0)


def test_another_pipeline_is_named_in_the_reason(corpus: Path, tmp_path: Path) -> None:
    built(corpus, tmp_path / "out", OLD)
    again = built(corpus, tmp_path / "out", replace(OLD, pipeline="en_core_web_md-3.8.0", kg="0.2.0"))
    assert again.articles_reread == 3
    assert again.reread_reason == ("kg (0.1.0 -> 0.2.0) and the spaCy pipeline "
                                   "(en_core_web_sm-3.8.0 -> en_core_web_md-3.8.0) changed since they were read")


def test_articles_not_read_stay_older_until_a_build_reads_them(tmp_path: Path) -> None:
    first = write_corpus(tmp_path / "first", {"a1": CORPUS["a1"], "a2": CORPUS["a2"]})
    second = write_corpus(tmp_path / "second", {"a3": CORPUS["a3"]})
    out = tmp_path / "out"
    built(first, out, OLD)
    built(second, out, OLD)
    assert built(first, out, NEW_RULES).articles_reread == 2
    later = built(second, out, NEW_RULES)  # the same extractor as the last build, but a3 was read by the old one
    assert (later.articles_reread, later.reread_reason) == (1, "the rules changed since they were read")
    assert built(second, out, NEW_RULES).articles_unchanged == 1
    assert json.loads((store_path(out) / FILE_NAME).read_text())["older"] == []


def test_a_build_stopped_midway_leaves_every_older_article_to_read_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(corpus, out, OLD)

    def breaks_after_one(articles):
        for number, extraction in enumerate(fake_extract(articles)):
            if number == 1:
                raise RuntimeError("killed")
            yield extraction

    with pytest.raises(RuntimeError):
        build([corpus], output=out, extractor=breaks_after_one, identity=NEW_RULES, write_files=False, batch_size=1)
    again = built(corpus, out, NEW_RULES)
    assert (again.articles_written, again.articles_reread) == (3, 3)


def test_a_store_without_a_record_is_read_again_once(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(corpus, out, OLD)
    (store_path(out) / FILE_NAME).unlink()  # as a store an older kg wrote
    again = built(corpus, out, OLD)
    assert again.articles_reread == 3 and "older kg" in again.reread_reason
    assert built(corpus, out, OLD).articles_unchanged == 3


def test_a_rebuild_after_a_rule_change_equals_a_fresh_build(corpus: Path, tmp_path: Path) -> None:
    build([corpus], output=tmp_path / "changed", extractor=fake_extract, identity=OLD)
    build([corpus], output=tmp_path / "changed", extractor=fake_extract, identity=NEW_RULES)
    build([corpus], output=tmp_path / "fresh", extractor=fake_extract, identity=NEW_RULES)
    for name in ("graph.ttl", "graph.trig"):
        assert (tmp_path / "changed" / name).read_bytes() == (tmp_path / "fresh" / name).read_bytes()


def fake_tree(root: Path) -> Path:
    (root / "relations").mkdir(parents=True)
    (root / "data" / "relations").mkdir(parents=True)
    (root / "rules.py").write_text("RULES = 1\n")
    (root / "relations" / "said.py").write_text("CUES = ('said',)\n")
    (root / "data" / "titles.txt").write_text("minister\n")
    (root / "data" / "relations" / "cues.jsonl").write_text('{"cue": "exports"}\n')
    return root


def test_the_rules_digest_does_not_depend_on_where_the_tree_is(tmp_path: Path) -> None:
    tree = fake_tree(tmp_path / "one" / "nlp")
    copy = tmp_path / "elsewhere" / "checkout" / "nlp"
    shutil.copytree(tree, copy)  # new mtimes, another absolute path
    (copy / "__pycache__").mkdir()
    (copy / "__pycache__" / "rules.cpython-312.pyc").write_bytes(b"\x00bytecode")
    (copy / "data" / ".DS_Store").write_bytes(b"litter")
    assert rules_digest(copy) == rules_digest(tree)


@pytest.mark.parametrize("edit", [
    lambda root: (root / "data" / "titles.txt").write_text("minister\nenvoy\n"),
    lambda root: (root / "relations" / "said.py").write_text("CUES = ('told',)\n"),
    lambda root: (root / "data" / "relations" / "cues.jsonl").rename(root / "data" / "relations" / "cue.jsonl"),
    lambda root: (root / "data" / "new.tsv").write_text("x\ty\n"),
])
def test_the_rules_digest_changes_with_any_rule_or_data_file(tmp_path: Path, edit) -> None:
    tree = fake_tree(tmp_path / "nlp")
    before = rules_digest(tree)
    edit(tree)
    assert rules_digest(tree) != before


def test_files_outside_the_rules_do_not_count(tmp_path: Path) -> None:
    tree = fake_tree(tmp_path / "nlp")
    before = rules_digest(tree)
    (tree / "README.md").write_text("notes\n")  # not code, not under data/
    assert rules_digest(tree) == before


def test_the_installed_extractor_names_kg_and_the_pipeline() -> None:
    from kg import __version__

    identity = extractor_identity("no_such_pipeline")
    assert identity.kg == __version__ and identity.pipeline == "no_such_pipeline"
    assert identity.rules == extractor_identity("no_such_pipeline").rules and len(identity.rules) == 64


def test_a_pipeline_folder_is_named_by_its_meta(tmp_path: Path) -> None:
    from kg.nlp.loading import pipeline_identity

    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "core_news_custom", "version": "1.2.0"}))
    assert pipeline_identity(str(tmp_path)) == "en_core_news_custom-1.2.0"
