from __future__ import annotations

import random

import pytest

from kg.store.external_sort import ExternalSort


def _lines(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    alphabet = "ab<>\"\\_: \t\ré日"
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(n)]


def _sorted(lines, directory, **options) -> list[str]:
    sort = ExternalSort(directory, **options)
    for start in range(0, len(lines), 7):  # added a few at a time, as graphs are
        sort.add(lines[start:start + 7])
    return list(sort.result())


@pytest.mark.parametrize("run_size", [1, 2, 3, 7, 10_000])
@pytest.mark.parametrize("fan_in", [2, 3, 64])
def test_the_result_is_sorted_set_whatever_the_run_size(tmp_path, run_size, fan_in):
    lines = _lines(300, seed=run_size * 100 + fan_in)
    assert _sorted(lines, tmp_path, run_size=run_size, fan_in=fan_in) == sorted(set(lines))
    assert list(tmp_path.iterdir()) == []  # run files are deleted once merged


def test_lines_that_fit_stay_in_memory_and_come_back_as_a_list(tmp_path):
    sort = ExternalSort(tmp_path, run_size=5)
    sort.add(["b", "a", "b", "c", "a", "b"])  # six lines, three distinct: one run holds them
    assert list(tmp_path.iterdir()) == []
    assert sort.result() == ["a", "b", "c"]


def test_lines_that_do_not_fit_are_merged_from_run_files(tmp_path):
    sort = ExternalSort(tmp_path, run_size=2)
    sort.add(["d", "c", "b", "a", "a"])
    assert len(list(tmp_path.iterdir())) == 2
    result = sort.result()
    assert not isinstance(result, list)
    assert next(result) == "a"
    result.close()  # a merge stopped half way leaves no files behind
    assert list(tmp_path.iterdir()) == []


def test_release_writes_lines_in_memory_only_once_some_are_on_disk(tmp_path):
    sort = ExternalSort(tmp_path, run_size=3)
    sort.add(["c", "b"])
    sort.release()
    assert list(tmp_path.iterdir()) == []  # all in memory: kept there
    sort.add(["a", "d"])  # four lines: a full run, written
    sort.add(["e"])
    assert len(list(tmp_path.iterdir())) == 1
    sort.release()
    assert len(list(tmp_path.iterdir())) == 2
    assert list(sort.result()) == ["a", "b", "c", "d", "e"]


def test_close_deletes_runs_never_merged(tmp_path):
    sort = ExternalSort(tmp_path, run_size=1)
    sort.add(["b", "a"])
    sort.close()
    assert list(tmp_path.iterdir()) == []
    assert sort.result() == []


def test_an_empty_sort_and_bad_sizes(tmp_path):
    assert ExternalSort(tmp_path).result() == []
    with pytest.raises(ValueError):
        ExternalSort(tmp_path, run_size=0)
    with pytest.raises(ValueError):
        ExternalSort(tmp_path, fan_in=1)
