"""Scoring helpers of the accuracy benchmarks (bench/accuracy/conll04.py, conll2003.py, devset.py)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from bench.accuracy import conll04, conll2003, devset
from bench.accuracy.conll04 import Predicted, Sentence, Span, char_span, detokenize, match_sentence, spans_match
from kg.model import Article, Entity, EntityType, Extraction, Fact, Mention, Predicate

REPO = Path(__file__).resolve().parents[2]


# -- text from tokens ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tokens", "text"),
    [
        (["Zhang", "Qi", ",", "deputy", "director", ",", "said", "so", "."], "Zhang Qi, deputy director, said so."),
        (["China", "'s", "ministry", "(", "MOC", ")", "did", "n't", "."], "China's ministry (MOC) didn't."),
        (["He", "said", '"', "no", '"', "twice"], 'He said "no" twice'),
        (["Kevin", "O", "'Brien", "spoke"], "Kevin O'Brien spoke"),
    ],
)
def test_detokenize_text_and_offsets(tokens: list[str], text: str) -> None:
    got, offsets = detokenize(tokens)
    assert got == text
    assert [got[s:e] for s, e in offsets] == tokens


# -- CoNLL04 span matching -------------------------------------------------------------


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return char_span(text, start, start + len(part))


def test_span_head_is_last_word_without_punctuation() -> None:
    text = "the Palace of Fine Arts, in San Francisco"
    span = _span(text, "Palace of Fine Arts,")
    assert text[span.head_start : span.head_end] == "Arts"


def test_spans_match_when_head_words_overlap() -> None:
    text = "President Lincoln met a Hong Kong construction firm in Hong Kong."
    assert spans_match(_span(text, "Lincoln"), _span(text, "President Lincoln"))
    assert spans_match(_span(text, "President Lincoln"), _span(text, "Lincoln"))
    firm = _span(text, "Hong Kong construction firm")
    assert not spans_match(firm, _span(text, "Hong Kong"))  # overlaps, but ends on another word
    assert not spans_match(_span(text, "Lincoln"), _span(text, "President"))
    assert spans_match(_span(text, "a Hong Kong construction firm"), firm)
    later = text.rindex("Hong Kong")
    assert not spans_match(char_span(text, later, later + 9), _span(text, "Lincoln"))


def test_relation_mapping() -> None:
    assert conll04.RELATION_OF["holdsPost"] == "Work_For"
    assert conll04.RELATION_OF["basedIn"] == "OrgBased_In"
    assert conll04.RELATION_OF["locatedIn"] == "Located_In"
    assert conll04.RELATION_OF["nationality"] == "Live_In"
    assert "said" not in conll04.RELATION_OF and "exports" not in conll04.RELATION_OF


def test_sentence_from_record_offsets() -> None:
    record = {
        "orig_id": 7,
        "tokens": ["Wang", "Ziqiang", "at", "the", "Institute", "of", "Mechanics", "."],
        "entities": [
            {"type": "Peop", "start": 0, "end": 2, "text": "Wang Ziqiang"},
            {"type": "Org", "start": 4, "end": 7, "text": "Institute of Mechanics"},
        ],
        "relations": [{"head": 0, "tail": 1, "type": "Work_For"}],
    }
    s = conll04.sentence_from_record(record)
    assert s.id == "conll04-7"
    assert [s.text[e.start : e.end] for e in s.entities] == ["Wang Ziqiang", "Institute of Mechanics"]
    assert [s.text[e.head_start : e.head_end] for e in s.entities] == ["Ziqiang", "Mechanics"]
    assert s.relations == (("Work_For", 0, 1),)


def _extraction(text: str, entities: dict[str, tuple[EntityType, list[str]]], facts: list[tuple[str, Predicate, str]]) -> Extraction:
    article = Article("a", text)
    ents = []
    for key, (etype, parts) in entities.items():
        mentions = []
        for part in parts:
            start = text.index(part)
            mentions.append(Mention("a", start, start + len(part), part, text))
        ents.append(Entity(key, etype, parts[0], tuple(parts), tuple(mentions)))
    fs = [Fact(s, p, "a", text, 0, len(text), object=o) for s, p, o in facts]
    return Extraction(article, tuple(ents), tuple(fs))


def test_predictions_and_matching_count_tp_fp_fn() -> None:
    text = "Wang Ziqiang at the Institute of Mechanics in Beijing, China."
    record = {
        "orig_id": 1,
        "tokens": ["Wang", "Ziqiang", "at", "the", "Institute", "of", "Mechanics", "in", "Beijing", ",", "China", "."],
        "entities": [
            {"type": "Peop", "start": 0, "end": 2, "text": ""},
            {"type": "Org", "start": 4, "end": 7, "text": ""},
            {"type": "Loc", "start": 8, "end": 9, "text": ""},
            {"type": "Loc", "start": 10, "end": 11, "text": ""},
        ],
        "relations": [
            {"head": 0, "tail": 1, "type": "Work_For"},
            {"head": 1, "tail": 2, "type": "OrgBased_In"},
            {"head": 2, "tail": 3, "type": "Located_In"},
            {"head": 0, "tail": 1, "type": "Kill"},
        ],
    }
    sentence = conll04.sentence_from_record(record)
    assert sentence.text == text
    x = _extraction(
        text,
        {
            "wang": (EntityType.OFFICIAL, ["Wang Ziqiang"]),
            "inst": (EntityType.AGENCY, ["the Institute of Mechanics"]),
            "bj": (EntityType.PLACE, ["Beijing"]),
            "cn": (EntityType.COUNTRY, ["China"]),
        },
        [
            ("wang", Predicate.HOLDS_POST, "inst"),  # right
            ("wang", Predicate.HOLDS_POST, "inst"),  # the same pair again: one prediction
            ("inst", Predicate.BASED_IN, "cn"),  # wrong tail
            ("wang", Predicate.NATIONALITY, "cn"),  # not in gold
            ("wang", Predicate.SAID, "inst"),  # not mapped
            ("wang", Predicate.HOLDS_POST, "cn"),  # a post in a country is no Work_For
        ],
    )
    preds = conll04.predictions(x)
    assert sorted(p.type for p in preds) == ["Live_In", "OrgBased_In", "Work_For"]
    counts = match_sentence(sentence, preds)
    assert counts["Work_For"] == [1, 0, 0]
    assert counts["OrgBased_In"] == [0, 1, 1]
    assert counts["Located_In"] == [0, 0, 1]
    assert counts["Live_In"] == [0, 1, 0]
    assert counts["Kill"] == [0, 0, 1]


def test_matching_is_one_to_one_and_directed() -> None:
    text = "A B"
    a, b = Span(0, 1, 0, 1), Span(2, 3, 2, 3)
    sentence = Sentence("s", text, (a, b), (("Located_In", 0, 1),))
    twice = [Predicted("Located_In", (a,), (b,)), Predicted("Located_In", (a,), (b,))]
    assert match_sentence(sentence, twice)["Located_In"] == [1, 1, 0]
    reversed_ = [Predicted("Located_In", (b,), (a,))]
    assert match_sentence(sentence, reversed_)["Located_In"] == [0, 1, 1]


def test_summarize_macro_and_micro() -> None:
    per_sentence = [
        {"Work_For": [1, 0, 1], "OrgBased_In": [2, 2, 0], "Located_In": [0, 0, 0], "Live_In": [0, 1, 1], "Kill": [0, 0, 3]}
    ]
    s = conll04.summarize(per_sentence)
    assert s["per_relation"]["Work_For"]["f1"] == pytest.approx(2 / 3, abs=1e-4)
    assert s["per_relation"]["OrgBased_In"]["p"] == 0.5
    assert s["macro"]["f1"] == pytest.approx((2 / 3 + 2 / 3 + 0 + 0) / 4, abs=1e-3)
    assert (s["micro"]["tp"], s["micro"]["fp"], s["micro"]["fn"]) == (3, 3, 2)
    assert s["unsupported"]["Kill"]["gold"] == 3


# -- CoNLL-2003 ------------------------------------------------------------------------


def test_iob1_spans() -> None:
    tags = ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG", "I-MISC", "I-MISC"]
    assert conll2003.iob1_spans(tags) == [("PER", 0, 2), ("LOC", 3, 4), ("LOC", 4, 5), ("ORG", 5, 6), ("MISC", 6, 8)]
    assert conll2003.iob1_spans(["B-ORG", "I-ORG"]) == [("ORG", 0, 2)]
    assert conll2003.iob1_spans(["O", "O"]) == []


CONLL = """-DOCSTART- -X- -X- O

LONDON NNP I-NP I-LOC
1996-08-30 CD I-NP O

West NNP I-NP I-MISC
Indian NNP I-NP I-MISC
Phil NNP I-NP I-PER
Simmons NNP I-NP I-PER
joined VBD I-VP O
Leicestershire NNP I-NP I-ORG
. . O O

-DOCSTART- -X- -X- O

Bonn NNP I-NP I-LOC
"""


def test_read_conll_and_build_document() -> None:
    docs = conll2003.read_conll(CONLL.splitlines(keepends=True))
    assert [len(d) for d in docs] == [2, 1]
    doc = conll2003.build_document("d0", docs[0])
    assert doc.text == "LONDON 1996-08-30\nWest Indian Phil Simmons joined Leicestershire."
    assert sorted((t, doc.text[s:e]) for t, s, e in doc.gold) == [
        ("LOC", "LONDON"),
        ("ORG", "Leicestershire"),
        ("PER", "Phil Simmons"),
    ]


def test_kg_entities_map_types_and_keep_names_only() -> None:
    text = "Jiang Fan of the ministry's Ministry of Commerce in China said. The ministry agreed."
    x = _extraction(
        text,
        {
            "jiang": (EntityType.OFFICIAL, ["Jiang Fan"]),
            "moc": (EntityType.AGENCY, ["Ministry of Commerce", "ministry"]),
            "china": (EntityType.COUNTRY, ["China"]),
            "masks": (EntityType.PRODUCT, ["said"]),
        },
        [],
    )
    got = {(t, text[s:e]) for t, s, e in conll2003.kg_entities(x)}
    assert got == {("PER", "Jiang Fan"), ("ORG", "Ministry of Commerce"), ("LOC", "China")}


def test_trim_determiner() -> None:
    text = "The Federal Reserve and the Bank of Canada met Theo."
    assert conll2003.trim_determiner(text, 0, 19) == (4, 19)
    assert conll2003.trim_determiner(text, 24, 42) == (28, 42)
    assert conll2003.trim_determiner(text, 47, 51) == (47, 51)  # "Theo" keeps its letters


def test_model_entities_map_labels() -> None:
    ents = [
        SimpleNamespace(label_="PERSON", start_char=0, end_char=5),
        SimpleNamespace(label_="GPE", start_char=6, end_char=9),
        SimpleNamespace(label_="FAC", start_char=10, end_char=12),
        SimpleNamespace(label_="NORP", start_char=13, end_char=15),
        SimpleNamespace(label_="ORG", start_char=16, end_char=18),
    ]
    got = conll2003.model_entities(SimpleNamespace(ents=ents, text="x" * 20))
    assert got == {("PER", 0, 5), ("LOC", 6, 9), ("LOC", 10, 12), ("ORG", 16, 18)}


def test_score_exact_spans() -> None:
    gold = frozenset({("PER", 0, 8), ("LOC", 10, 15), ("ORG", 20, 30)})
    predicted = {("PER", 0, 8), ("LOC", 10, 14), ("ORG", 20, 30), ("ORG", 40, 45), ("MISC", 50, 52)}
    s = conll2003.score([(gold, predicted)])
    assert s["per_type"]["PER"]["f1"] == 1.0
    assert (s["per_type"]["LOC"]["tp"], s["per_type"]["LOC"]["fp"], s["per_type"]["LOC"]["fn"]) == (0, 1, 1)
    assert s["per_type"]["ORG"]["p"] == 0.5
    assert (s["micro"]["tp"], s["micro"]["fp"], s["micro"]["fn"]) == (2, 2, 1)


# -- development set -------------------------------------------------------------------


def _report() -> dict:
    zero = {"p": 0.5, "r": 0.25, "f1": 1 / 3, "tp": 1, "fp": 1, "fn": 3}
    scores = {
        "entities": {"untyped": zero, "typed": zero},
        "facts": {"strict": {**zero, "per_predicate": {"said": {"p": 1.0, "r": 0.5, "f1": 2 / 3}}}, "loose": zero},
    }
    files = [
        {
            "gold": "bench/gold/dev/x.gold.json",
            **scores,
            "misses": [
                {"kind": "fact", "p": "holdsPost", "loose_match": True},
                {"kind": "fact", "p": "said", "loose_match": False},
                {"kind": "entity", "type": "Agency"},
            ],
            "false_positives": [{"kind": "entity", "type": "Product"}, {"kind": "type", "type": "Person"}],
        }
    ]
    return {"files": files, "total": scores}


def test_miss_causes_group_by_kind_and_predicate() -> None:
    causes = devset.miss_causes(_report()["files"])
    assert causes["misses"] == {"fact holdsPost (loose match)": 1, "fact said": 1, "entity Agency": 1}
    assert causes["false_positives"] == {"entity Product": 1, "type Person": 1}


def test_markdown_summary() -> None:
    md = devset.markdown(_report(), model="en_core_web_sm-3.8.0")
    assert "| x.gold.json | 33.3 | 33.3 | 50.0 | 25.0 | 33.3 | 33.3 |" in md
    assert "| said | 100.0 | 50.0 | 66.7 |" in md
    assert "- entity Agency: 1" in md


def test_saved_results_hold_no_source_text() -> None:
    fp = {"kind": "fact", "p": "said", "quote": "long extracted clause", "sentence": "The whole sentence.", "reason": "x"}
    assert devset.without_source_text(fp) == {"kind": "fact", "p": "said", "reason": "x"}
    miss = {"kind": "fact", "p": "said", "quote": "gold quote", "reason": "found with other qualifiers: q (sentence: 'The whole sentence.')"}
    assert devset.without_source_text(miss, keep_quote=True) == {
        "kind": "fact", "p": "said", "quote": "gold quote", "reason": "found with other qualifiers: q"
    }


def test_devset_skips_without_shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(devset, "SHARED", tmp_path / "absent")
    assert devset.main(["--results", str(tmp_path / "results")]) == 0
    assert "skipped" in capsys.readouterr().out
    assert not (tmp_path / "results").exists()


def test_devset_refuses_an_empty_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(devset, "SHARED", tmp_path)
    monkeypatch.setitem(devset.SETS, "trade-blind5", (empty, "trade-blind5", "Fifth"))
    assert devset.main(["--set", "trade-blind5", "--results", str(tmp_path / "results")]) == 1
    assert "no *.gold.json files" in capsys.readouterr().err
    assert not (tmp_path / "results").exists()


def test_dev_gold_files_point_at_shared_corpora() -> None:
    paths = devset.gold_files()
    assert len(paths) >= 10
    for path in paths:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["text_file"].startswith("../../../../shared/datasets/"), path
        if data["text_file"].endswith(".jsonl"):
            assert isinstance(data["line"], int) and data["field"] in ("text", "body_text"), path


def test_set_option_scores_the_holdout_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.eval

    seen: list[list[Path]] = []
    monkeypatch.setattr(devset, "SHARED", tmp_path)
    monkeypatch.setattr(devset, "missing_sources", lambda paths: [])
    monkeypatch.setattr(kg.eval, "evaluate", lambda paths, model: seen.append(list(paths)) or "result")
    monkeypatch.setattr(kg.eval, "render_report", lambda result, details: "")
    monkeypatch.setattr(kg.eval, "to_json", lambda result: _report())
    assert devset.main(["--set", "holdout", "--results", str(tmp_path)]) == 0
    assert seen == [devset.gold_files(devset.HOLDOUT)]
    assert "# Held-out set: kg eval" in (tmp_path / "holdout.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "holdout.json").read_text(encoding="utf-8"))["files"][0]["gold"] == "bench/gold/dev/x.gold.json"
    assert not (tmp_path / "devset.json").exists()
    assert devset.main(["--results", str(tmp_path)]) == 0  # the default stays the development set
    assert seen[1] == devset.gold_files() and (tmp_path / "devset.md").is_file()


def test_holdout_articles_are_not_dev_articles() -> None:
    def source(path: Path) -> tuple[str, int | None]:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data["text_file"], data.get("line")

    holdout = devset.gold_files(devset.HOLDOUT)
    assert len(holdout) == 10
    assert all(source(p)[0].startswith("../../../../shared/datasets/") for p in holdout)
    assert not {source(p) for p in holdout} & {source(p) for p in devset.gold_files()}


def test_blind_articles_are_neither_dev_nor_holdout_articles() -> None:
    def source(path: Path) -> tuple[str, int | None]:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data["text_file"], data.get("line")

    blind = devset.gold_files(devset.BLIND)
    assert len(blind) == 10
    assert all(source(p)[0].startswith("../../../../shared/datasets/") for p in blind)
    used = {source(p) for p in devset.gold_files()} | {source(p) for p in devset.gold_files(devset.HOLDOUT)}
    assert not {source(p) for p in blind} & used


def test_blind_gold_files_load_and_differ_from_the_other_sets(shared: Path) -> None:
    from kg.eval import load_article, load_gold

    texts = set()
    for path in devset.gold_files(devset.BLIND):
        gold = load_gold(path)
        text = load_article(gold).text
        assert gold.entities and gold.facts
        assert all(any(n in text for n in e.names) for e in gold.entities if not e.optional), path
        texts.add(text.strip())
    others = [*devset.gold_files(), *devset.gold_files(devset.HOLDOUT)]
    assert len(texts) == 10 and not texts & {load_article(load_gold(p)).text.strip() for p in others}


def test_dev_gold_files_load(shared: Path) -> None:
    from kg.eval import load_article, load_gold

    for path in devset.gold_files():
        gold = load_gold(path)
        text = load_article(gold).text
        assert gold.entities and gold.facts
        assert any(n in text for e in gold.entities for n in e.names), path


def test_holdout_gold_files_load(shared: Path) -> None:
    from kg.eval import load_article, load_gold

    texts = set()
    for path in devset.gold_files(devset.HOLDOUT):
        gold = load_gold(path)
        text = load_article(gold).text
        assert gold.entities and gold.facts
        assert any(n in text for e in gold.entities for n in e.names), path
        texts.add(text.strip())
    dev = {load_article(load_gold(p)).text.strip() for p in devset.gold_files()}
    assert len(texts) == 10 and not texts & dev  # the BBC set repeats some stories under other numbers


def test_every_example_has_a_loadable_gold_file() -> None:
    from kg.eval import load_article, load_gold

    examples = sorted((REPO / "examples").glob("*.txt"))
    assert len(examples) >= 5
    for txt in examples:
        gold = load_gold(REPO / "tests" / "gold" / f"{txt.stem}.gold.json")
        assert load_article(gold).text.strip() == txt.read_text(encoding="utf-8").strip()
        words = len(txt.read_text(encoding="utf-8").split())
        assert 150 <= words <= 350, txt


# -- the real datasets (skipped without ../shared) ---------------------------------------


def test_conll04_dev_split_reads_completely(shared: Path) -> None:
    sentences = conll04.load_split("dev")
    assert len(sentences) == 231
    assert sum(len(s.relations) for s in sentences) == 343
    for s in sentences:
        for e in s.entities:
            assert s.text[e.start : e.end].strip() and e.start <= e.head_start < e.head_end <= e.end


def test_conll2003_dev_split_counts(shared: Path) -> None:
    docs = conll2003.load_split("dev")
    assert len(docs) == 216
    kinds = [e[0] for d in docs for e in d.gold]
    assert (kinds.count("PER"), kinds.count("ORG"), kinds.count("LOC")) == (1842, 1341, 1837)


def test_bbc_news_skips_without_the_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from bench.accuracy import bbc_news

    monkeypatch.setattr(bbc_news, "dataset_paths", lambda: {"bbc": tmp_path / "absent.jsonl"})
    assert bbc_news.main(["--count", "2"]) == 0
    assert "not here" in capsys.readouterr().out


def test_bbc_news_draws_business_and_politics_stories_no_gold_set_uses(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.accuracy import bbc_news

    corpus = tmp_path / "bbc.jsonl"
    rows = [{"id": f"{c}/{n:03d}", "category": c, "title": "t", "text": "x"}
            for c in ("business", "politics", "sport") for n in range(1, 6)]
    corpus.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(bbc_news, "dataset_paths", lambda: {"bbc": corpus})
    monkeypatch.setattr(bbc_news, "_gold_ids", lambda: {"business/002"})
    drawn = [a.id for a in bbc_news.stories(count=20, seed=1)]
    assert drawn == sorted(drawn) and len(drawn) == 9
    assert "business/002" not in drawn and not any(i.startswith("sport/") for i in drawn)


def test_bbc_news_fact_line_names_both_ends_and_the_role() -> None:
    from bench.accuracy import bbc_news

    article = Article("a", "Ann Lowe, chair of Acme, spoke.")
    entities = (Entity("p", EntityType.PERSON, "Ann Lowe"), Entity("o", EntityType.ORGANIZATION, "Acme"))
    fact = Fact(subject="p", predicate=Predicate.HOLDS_POST, article="a", sentence=article.text, start=0, end=5,
                object="o", role="chair")
    line = bbc_news.fact_line(Extraction(article=article, entities=entities, facts=(fact,)), fact)
    assert line == "Ann Lowe [Person] | holdsPost | Acme [Organization] (role=chair)"


def test_the_trade_corpus_never_draws_a_held_out_story_for_a_look(tmp_path) -> None:
    from bench.accuracy.trade_corpus import held_out_ids

    for folder, name in [("trade/blind", "reuters-17-wheat.gold.json"), ("trade/blind2", "reuters-23-sugar.gold.json"),
                         ("blind", "bbc-tech-001-x.gold.json"), ("trade/dev", "reuters-5-corn.gold.json")]:
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / folder / name).write_text("{}")
    assert held_out_ids(tmp_path) == {"reuters-17", "reuters-23"}


def test_trade_rows_add_the_four_trade_predicates_up() -> None:
    def counts(tp: int, fp: int, fn: int) -> dict:
        return {"tp": tp, "fp": fp, "fn": fn}

    per = {"exports": counts(2, 1, 3), "importValue": counts(1, 0, 1), "said": counts(9, 0, 0)}
    rows = devset.trade_rows({"strict": {"per_predicate": per}})
    assert "| strict | 75.0 | 42.9 | 54.5 | 3 | 1 | 4 |" in rows  # said is left out
    assert "| full | 0.0 | 0.0 | 0.0 | 0 | 0 | 0 |" in rows  # a report without a full score


def test_no_two_trade_gold_files_annotate_one_record() -> None:
    """A story in two sets would let a blind figure score what the rules were tuned on."""
    seen: dict[int, str] = {}
    for path in sorted((devset.REPO / "bench" / "gold" / "trade").glob("*/*.gold.json")):
        line = json.loads(path.read_text(encoding="utf-8"))["line"]
        assert line not in seen, f"{path.name} and {seen[line]} annotate record {line}"
        seen[line] = path.name
    assert len(seen) >= 78


def test_no_details_keeps_a_held_out_sets_misses_out_of_the_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.eval

    monkeypatch.setattr(devset, "SHARED", tmp_path)
    monkeypatch.setattr(devset, "missing_sources", lambda paths: [])
    monkeypatch.setattr(kg.eval, "evaluate", lambda paths, model: "result")
    monkeypatch.setattr(kg.eval, "render_report", lambda result, details: "")
    monkeypatch.setattr(kg.eval, "to_json", lambda result: _report())
    assert devset.main(["--set", "holdout", "--no-details", "--results", str(tmp_path)]) == 0
    saved = json.loads((tmp_path / "holdout.json").read_text(encoding="utf-8"))
    assert all("misses" not in f and "false_positives" not in f for f in saved["files"])
    summary = (tmp_path / "holdout.md").read_text(encoding="utf-8")
    assert "left out (`--no-details`)" in summary and "by kind" not in summary
