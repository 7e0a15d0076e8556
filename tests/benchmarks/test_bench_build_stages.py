"""bench.speed.build_stages on two short stories of its own. No timed assertions: figures are not checked."""

from __future__ import annotations

import time

import pytest

from bench.speed import build_stages
from kg.model import Article

STORIES = (
    Article(id="build-stages-1", published="1987-03-10", text=(
        "Maria Lindqvist, the finance minister of Sweden, said on Tuesday that exports of paper "
        "rose to 4.2 billion crowns in January. The Swedish Trade Council expects growth to slow.")),
    Article(id="build-stages-2", published="1987-03-11", text=(
        "Harbor Freight Lines Inc said it won a contract worth 12 mln dlrs from the city of Oslo. "
        "Its chief executive, Tom Berge, said Norway imported more steel from Japan last year.")),
)


def test_a_stage_leaves_out_the_stages_it_calls() -> None:
    clock = build_stages.StageClock()

    def busy(seconds: float) -> None:
        started = time.process_time()
        while time.process_time() - started < seconds:
            pass

    outer = clock.function("outer", lambda: (busy(0.02), clock.function("inner", busy)(0.03)))
    outer()
    assert set(clock.spent) == {"outer", "inner"}
    assert clock.spent["inner"] >= 0.03 and clock.spent["outer"] < clock.spent["inner"] + 0.02


@pytest.fixture(scope="module")
def result(nlp, tmp_path_factory):
    return build_stages.measure(list(STORIES), tmp_path_factory.mktemp("build-stages"), builds=1)


def test_the_stages_of_a_build_add_up_to_the_build(result) -> None:
    ms = result["ms_per_article"]
    for stage in ("model", "kg_entities", "kg_paragraphs", "rules", "linking", "mapping", "store writes",
                  "verdicts", "store close", "graph files", "totals", build_stages.REST):
        assert stage in ms, stage
    stages = sum(v for k, v in ms.items() if k not in build_stages.TOTALS)
    assert stages == pytest.approx(ms[build_stages.WHOLE], rel=0.05, abs=0.5)


def test_the_wrapped_functions_are_put_back(result) -> None:
    import kg.nlp.extract as extraction
    from kg.store.oxigraph import OxigraphStore

    assert not hasattr(extraction.extract, "__wrapped__")
    assert not hasattr(OxigraphStore.close, "__wrapped__")


def test_the_table_lists_every_stage_and_the_whole(result) -> None:
    lines = build_stages.table(result).splitlines()
    assert lines[0].startswith("| stage |")
    assert any(line.startswith("| whole build |") for line in lines)
    assert len(lines) == 2 + len(result["ms_per_article"])
